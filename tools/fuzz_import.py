"""Fuzz `main.py --import-json` with thousands of mutated real exports (`python dev.py fuzz-import N`).

The rule for every file: refused cleanly (exit code non-zero, one line on stderr, nothing on stdout,
every file in the data folder byte for byte as before) or imported (the name used printed, no
dossier listed as damaged) and then the app starts on its start page, starts again with the
imported dossier open (`--smoke-test`), and writes that dossier's PDF (`--export-pdf`).

The files come from tests/import_mutations.py, the strategy of the Hypothesis test. Workers run the
command line's own `main.main([...])` in-process, a batch of files each, in a fresh process per batch
(a crash costs one batch, not the run); every `--real-every`-th accepted file of a batch is also
checked with `main.py --smoke-test` and `--export-pdf` as separate processes, as a user starts them.
Prints one line per broken file and a summary; exit code 1 when any file broke a rule.
"""

import argparse
import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
BATCH = 100
PDF_MIN_BYTES = 1000


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fuzz_import.py", description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=2000, help="how many mutated files")
    parser.add_argument("--seed", type=int, default=0, help="Hypothesis seed: the same files again")
    parser.add_argument(
        "--real-every", type=int, default=10, help="every N-th accepted file of a batch as processes too"
    )
    parser.add_argument("--keep", type=Path, help="keep the files and data folders here (default: removed)")
    parser.add_argument("--worker", nargs=3, metavar=("WORK", "FIRST", "END"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def write_cases(count: int, seed: int, cases: Path) -> int:
    """Write `count` mutated exports as cases/NNNNN.json (Hypothesis draws them); how many were written."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as with_seed

    from tests.import_mutations import mutated_exports

    written = []

    @with_seed(seed)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(mutated_exports())
    def write(exported: bytes) -> None:
        (cases / f"{len(written):05d}.json").write_bytes(exported)
        written.append(True)

    write()
    return len(written)


def make_template(folder: Path) -> None:
    """The data folder every file is imported into: one filled dossier, none opened last."""
    from model.store import Store
    from tests.import_mutations import filled

    store = Store(folder)
    filled(store)
    store.close()


def files_of(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def run_main(arguments: list[str]) -> tuple[int, str, str]:
    """main.main(arguments) in this process: exit code, stdout, stderr; an exception is a broken rule."""
    import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main.main(arguments)
        except SystemExit as leaving:  # argparse
            code = leaving.code if isinstance(leaving.code, int) else 1
        except BaseException:  # whatever escapes is what the fuzz run is for
            return -1, out.getvalue(), traceback.format_exc()
    return code, out.getvalue(), err.getvalue()


def run_process(arguments: list[str]) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *arguments],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    return result.returncode, result.stderr.strip()


def check_refusal(folder: Path, before: dict[str, str], out: str, err: str) -> str | None:
    lines = err.strip().splitlines()
    if out:
        return f"refused, but printed {out.strip()[:80]!r}"
    if len(lines) != 1 or "Traceback" in err:
        return f"refused with {len(lines)} lines on stderr: {err[-300:]!r}"
    if files_of(folder) != before:
        return f"refused ({lines[0][:100]}), but the data folder changed"
    return None


def check_accepted(folder: Path, name: str, real: bool) -> str | None:
    """What is wrong with the app after accepting `name`; None when everything works."""
    from model.store import Store

    store = Store(folder)
    try:
        damaged = store.damaged_dossiers()
        imported = store.find_dossier(name)
        if damaged or imported is None:
            return f"imported as {name!r}, but listed as damaged: {damaged or 'not found'}"
    finally:
        store.close()
    data = ["--data-dir", str(folder)]
    code, _out, err = run_main([*data, "--smoke-test"])  # the start page: every dossier's deadline
    if code != 0:
        return f"imported, then --smoke-test on the start page failed ({code}): {err[-300:]!r}"
    store = Store(folder)
    store.remember_last_dossier(imported.id)
    store.close()
    pdf = folder / "dossier.pdf"
    steps = [
        ("--smoke-test with it open", [*data, "--smoke-test"]),
        ("--export-pdf", [*data, "--export-pdf", str(pdf), "--dossier", name]),
    ]
    for what, arguments in steps:
        code, _out, err = run_main(arguments)
        if code != 0:
            return f"imported, then {what} failed ({code}): {err[-300:]!r}"
        if real:
            code, err = run_process(arguments)
            if code != 0:
                return f"imported, then {what} as a process failed ({code}): {err[-300:]!r}"
    if pdf.stat().st_size < PDF_MIN_BYTES:
        return "imported, but its PDF is nearly empty"
    return None


def check_case(case: Path, template: Path, folder: Path, real: bool) -> tuple[str, str | None]:
    """('refused' or 'imported', what broke a rule or None) for one file."""
    shutil.copytree(template, folder)
    before = files_of(folder)
    code, out, err = run_main(["--data-dir", str(folder), "--import-json", str(case)])
    if code == -1:
        return "broken", f"--import-json raised: {err[-500:]!r}"
    if code != 0:
        return "refused", check_refusal(folder, before, out, err)
    lines = out.strip().splitlines()
    if err or len(lines) != 1:
        return "imported", f"imported, but printed {out[:100]!r} and {err[-300:]!r}"
    return "imported", check_accepted(folder, lines[0], real)


def work(work_dir: Path, first: int, end: int, real_every: int) -> None:
    """A batch of files, one JSON line per file on stdout, as each is done."""
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([sys.argv[0]])  # what --smoke-test and --export-pdf share
    accepted = 0
    for number in range(first, end):
        folder = work_dir / "folders" / f"{number:05d}"
        real = accepted % real_every == 0
        case = work_dir / "cases" / f"{number:05d}.json"
        outcome, problem = check_case(case, work_dir / "template", folder, real)
        accepted += outcome == "imported"
        real = real and outcome == "imported"
        print(json.dumps({"case": number, "outcome": outcome, "problem": problem, "real": real}), flush=True)
        if problem is None:
            shutil.rmtree(folder, ignore_errors=True)


def run_batches(work_dir: Path, count: int, real_every: int) -> list[dict]:
    """Every file checked by workers, a fresh one per batch; a worker that dies breaks the rule for
    the file it was on, and the next worker goes on after it."""
    reports: list[dict] = []
    first = 0
    while first < count:
        end = min(first + BATCH, count)
        batch = ["--worker", str(work_dir), str(first), str(end)]
        worker = subprocess.run(
            [sys.executable, __file__, "--real-every", str(real_every), *batch],
            capture_output=True,
            text=True,
            check=False,
        )
        done = [json.loads(line) for line in worker.stdout.splitlines() if line.startswith("{")]
        reports += done
        first += len(done)
        if first < end:
            problem = f"the worker died ({worker.returncode}): {worker.stderr[-500:]!r}"
            reports.append({"case": first, "outcome": "broken", "problem": problem, "real": False})
            first += 1
        print(f"{first}/{count} files checked", file=sys.stderr, flush=True)
    return reports


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    if arguments.worker:
        work_dir, first, end = arguments.worker
        work(Path(work_dir), int(first), int(end), arguments.real_every)
        return 0
    work_dir = arguments.keep or Path(tempfile.mkdtemp(prefix="wegwijzer-fuzz-import-"))
    started = time.monotonic()
    try:
        (work_dir / "cases").mkdir(parents=True)
        count = write_cases(arguments.count, arguments.seed, work_dir / "cases")
        make_template(work_dir / "template")
        reports = run_batches(work_dir, count, arguments.real_every)
    finally:
        if arguments.keep is None:
            shutil.rmtree(work_dir, ignore_errors=True)
    broken = [report for report in reports if report["problem"]]
    for report in broken:
        print(f"file {report['case']:05d}: {report['problem']}")
    outcomes = [report["outcome"] for report in reports]
    print(
        f"{len(reports)} files (seed {arguments.seed}) in {time.monotonic() - started:.0f} s: "
        f"{outcomes.count('refused')} refused, {outcomes.count('imported')} imported "
        f"({sum(report['real'] for report in reports)} of them also as real processes), "
        f"{len(broken)} broke a rule"
        + (f" (files in {work_dir})" if arguments.keep else "")
    )
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
