"""Run every benchmark and print one table: measure, value, baseline, ratio, target, met?

    .venv/bin/python benchmarks/run.py            # the full run, 7 runs per figure (~3 minutes)
    .venv/bin/python benchmarks/run.py --quick    # 3 runs, fewer ticks, for trying things out
    .venv/bin/python benchmarks/run.py --app-dir /tmp/copy   # the same benchmarks on a copy of the app
    .venv/bin/python benchmarks/run.py --only startup list   # of: startup ticks pages zoom pdf list
                                                             #     packaged shared

Times are medians (or percentiles) and every figure stands beside a baseline measured in the same
run, so the ratios mean something on a noisy machine. Nothing here asserts a time.
"""

import argparse
import os
import platform
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import dossier_list
import fixtures
import packaged
import page_switch
import pdf_export
import shared_database
import startup
import tick_latency
import zoom
from harness import BENCHMARKS_DIR, ChildError, Row, probe, table

ONE_LAST, ONE_LIST, MANY_LAST, MANY_LIST = "one-last", "one-list", "many-last", "many-list"
ONE_REGISTER, MANY_REGISTER = "one-register", "many-register"  # the main dossier's register page
UNTIL_OPEN, DATA_CHANGED = "until-open", "data-changed"  # copies of ONE_LAST (start_variants.py)
PDF = "pdf-"  # the same folders, the main dossier's summary by --export-pdf


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks/run.py", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per median (default 7)")
    parser.add_argument("--ticks", type=int, default=1000, help="ticks for the latency percentiles")
    parser.add_argument("--dossiers", type=int, default=200, help="dossiers in the large data folder")
    parser.add_argument("--quick", action="store_true", help="3 runs and 200 ticks: a rough look")
    parser.add_argument(
        "--only", nargs="+", choices=list(SECTIONS), help="run only these benchmarks (default: all)"
    )
    parser.add_argument(
        "--app-dir", type=Path, default=BENCHMARKS_DIR.parent, help="the app to measure (default: this one)"
    )
    arguments = parser.parse_args(argv)
    if arguments.quick:
        arguments.runs, arguments.ticks = min(arguments.runs, 3), min(arguments.ticks, 200)
    arguments.app_dir = arguments.app_dir.resolve()
    return arguments


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    models = [line for line in lines if line.startswith("model name")]
    cpu = models[0].split(":", 1)[1].strip() if models else platform.processor() or "?"
    return (
        f"{time.strftime('%Y-%m-%d %H:%M %Z')} · {cpu} × {os.cpu_count()} · {platform.platform()} · "
        f"Python {platform.python_version()} · PySide6 {metadata.version('PySide6-Essentials')} · "
        f"SQLAlchemy {metadata.version('SQLAlchemy')}"
    )


def step(text: str) -> None:
    print(f"… {text}", file=sys.stderr, flush=True)


Rows = dict[int, list[Row]]  # the measure number → its rows, printed in that order


def startup_section(arguments: argparse.Namespace, folders: dict[str, Path]) -> Rows:
    commands = startup.baselines()
    variants = (UNTIL_OPEN, DATA_CHANGED)
    commands |= {
        name: startup.smoke_test(arguments.app_dir, folder)
        for name, folder in folders.items()
        if name not in variants
    }
    commands |= {name: startup.start_variant(name, arguments.app_dir, folders[name]) for name in variants}
    for name in (ONE_LAST, MANY_LAST, ONE_REGISTER, MANY_REGISTER):
        out = folders[name].parent / f"{name}.pdf"
        commands[PDF + name] = [
            *(arguments.app_dir / "main.py", "--data-dir", folders[name]),
            *("--dossier", fixtures.MAIN_DOSSIER, "--export-pdf", out),
        ]
    many = arguments.dossiers
    bare_pdf = {rows: f"bare-pdf-{rows}" for rows in (1, many)}
    for rows, name in bare_pdf.items():
        out = folders[ONE_LAST].parent / f"{name}.pdf"
        commands[name] = [BENCHMARKS_DIR / "bare_register_pdf.py", rows, out]
    step(f"start-up, memory, --export-pdf: {arguments.runs} alternating runs of {len(commands)} processes")
    samples = startup.alternate(commands, arguments.runs)
    scale = {
        f"3. start-up, last dossier, {many} vs 1 dossier": (ONE_LAST, MANY_LAST),
        f"3. start-up, start page list, {many} vs 1 dossier": (ONE_LIST, MANY_LIST),
        f"3. start-up, register page, {many} vs 1 care provider": (ONE_REGISTER, MANY_REGISTER),
        f"3. --export-pdf summary, {many} vs 1 dossier": (PDF + ONE_LAST, PDF + MANY_LAST),
    }
    return {
        1: [
            *startup.startup_rows(samples, ONE_LAST, ONE_LIST, UNTIL_OPEN, DATA_CHANGED),
            *startup.memory_rows(samples, ONE_LAST, UNTIL_OPEN),
        ],
        3: [
            *startup.scale_rows(samples, scale),
            *startup.pdf_rows(
                samples, (PDF + ONE_REGISTER, PDF + MANY_REGISTER), bare_pdf[1], bare_pdf[many]
            ),
        ],
    }


def ticks_section(arguments: argparse.Namespace, _folders: dict[str, Path]) -> Rows:
    step(f"{arguments.ticks} ticks in the store, then in the window")
    app = arguments.app_dir
    store = probe(app, "tick_latency", ticks=arguments.ticks, through_window=False)
    window = probe(app, "tick_latency", ticks=arguments.ticks, through_window=True)["window"]
    return {2: tick_latency.rows(store, window)}


def pages_section(arguments: argparse.Namespace, _folders: dict[str, Path]) -> Rows:
    step("page switches")
    runs = arguments.runs
    app, bare = (
        probe(arguments.app_dir, "page_switch", windows=runs, rounds=max(3, runs), baseline=baseline)
        for baseline in (False, True)
    )
    return {2: page_switch.rows(app, bare)}


def zoom_section(arguments: argparse.Namespace, _folders: dict[str, Path]) -> Rows:
    step("zoom and presentation with every page built")
    return {2: zoom.rows(probe(arguments.app_dir, "zoom", runs=max(2, arguments.runs // 2)))}


def pdf_section(arguments: argparse.Namespace, _folders: dict[str, Path]) -> Rows:
    step("PDF export")
    return {6: pdf_export.rows(probe(arguments.app_dir, "pdf_export", runs=arguments.runs))}


def list_section(arguments: argparse.Namespace, folders: dict[str, Path]) -> Rows:
    step("dossier list refresh")
    runs = max(15, 2 * arguments.runs)
    one, many = (
        probe(arguments.app_dir, "dossier_list", folder=str(folders[name]), runs=runs, budget_s=LIST_BUDGET_S)
        for name in (ONE_LIST, MANY_LIST)
    )
    return {3: dossier_list.rows(one, many, arguments.dossiers)}


def packaged_section(arguments: argparse.Namespace, folders: dict[str, Path]) -> Rows:
    step("packaged one-folder executables (built once per change of the app, under nice)")
    return {4: packaged.rows(packaged.measure(arguments.app_dir, folders[ONE_LAST], arguments.runs))}


def shared_section(arguments: argparse.Namespace, folders: dict[str, Path]) -> Rows:
    step("the shared database: a PostgreSQL server on localhost, start-up and ticks against SQLite")
    rows = shared_database.measure(arguments.app_dir, folders[ONE_LAST], arguments.runs, arguments.ticks)
    return {22: rows}


SECTIONS = {
    "startup": startup_section,
    "ticks": ticks_section,
    "pages": pages_section,
    "zoom": zoom_section,
    "pdf": pdf_section,
    "list": list_section,
    "packaged": packaged_section,
    "shared": shared_section,
}
LIST_BUDGET_S = 30  # a list refresh that takes seconds gets fewer runs rather than a ten-minute benchmark


def prepare_folders(arguments: argparse.Namespace, scratch: Path) -> dict[str, Path]:
    """Data folders with one and with many dossiers, each reopening the main dossier or showing the
    list, and two reopening the main dossier's register with one and with many care providers."""
    names = (ONE_LAST, ONE_LIST, MANY_LAST, MANY_LIST, ONE_REGISTER, MANY_REGISTER, UNTIL_OPEN, DATA_CHANGED)
    folders = {name: scratch / name for name in names}
    if {"startup", "list", "packaged", "shared"} & set(arguments.only or SECTIONS):
        step(f"data folders with 1 and {arguments.dossiers} dossiers (and care providers)")
        for count, last, start_page in ((1, ONE_LAST, ONE_LIST), (arguments.dossiers, MANY_LAST, MANY_LIST)):
            remembered = {str(folders[last]): True, str(folders[start_page]): False}
            if count == 1:
                remembered |= {str(folders[UNTIL_OPEN]): True, str(folders[DATA_CHANGED]): True}
            probe(arguments.app_dir, "fixtures", folders=remembered, dossiers=count)
        for count, name in ((1, ONE_REGISTER), (arguments.dossiers, MANY_REGISTER)):
            register = {
                "folders": {str(folders[name]): True},
                "care_providers": count,
                "position": "register",
            }
            probe(arguments.app_dir, "fixtures", dossiers=1, **register)
    return folders


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    if not hasattr(os, "wait4") and {"startup"} & set(arguments.only or SECTIONS):
        print("The start-up benchmarks need os.wait4 (Linux or macOS); try --only ticks pages pdf list.")
        return 2
    started = time.perf_counter()
    rows: Rows = {}
    failed: list[str] = []
    skipped: list[str] = []
    with tempfile.TemporaryDirectory(prefix="wegwijzer-bench-") as scratch:
        folders = prepare_folders(arguments, Path(scratch))
        for name in arguments.only or SECTIONS:
            try:
                for number, section_rows in SECTIONS[name](arguments, folders).items():
                    rows.setdefault(number, []).extend(section_rows)
            except ChildError as error:  # the app changed under the benchmark: say so, measure the rest
                print(f"!! {name} failed: {error}", file=sys.stderr)
                failed.append(name)
            except shared_database.NoServerError as reason:
                skipped.append(f"{name} ({reason})")
    print(f"\nDigiD Assessment Wegwijzer benchmarks · app {arguments.app_dir}")
    print(machine())
    elapsed = time.perf_counter() - started
    print(f"{arguments.runs} runs per median, {arguments.ticks} ticks; {elapsed:.0f} s in all\n")
    print(table([row for number in sorted(rows) for row in rows[number]]))
    if skipped:
        print(f"\nSkipped: {', '.join(skipped)}")
    if failed:
        print(f"\nNot measured (failed, see above): {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
