"""Start-up and peak memory of several copies of the app, run alternately: is a change an improvement?

    .venv/bin/python benchmarks/compare.py /tmp/before /tmp/after [--runs 11] [--dossiers 200]

Each copy opens the same data folder (one dossier remembered as the last, or --dossiers of them),
and a bare QWizard process runs in every round as the yardstick.
"""

import argparse
import sys
import tempfile
from pathlib import Path

import startup
from harness import BENCHMARKS_DIR, Row, Target, probe, table


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/compare.py", description=__doc__.split("\n")[0])
    parser.add_argument("app_dirs", nargs="+", type=Path, help="copies of the app (each with main.py)")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--dossiers", type=int, default=1)
    parser.add_argument("--start-page", action="store_true", help="remember no dossier: open on the list")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wegwijzer-bench-") as scratch:
        folder = Path(scratch) / "data"
        # Made by the first copy; every copy must be able to open it (same schema).
        fixture = {str(folder): not arguments.start_page}
        probe(arguments.app_dirs[0].resolve(), "fixtures", folders=fixture, dossiers=arguments.dossiers)
        commands = {startup.BARE: [BENCHMARKS_DIR / "bare_wizard.py"]}
        for app_dir in arguments.app_dirs:
            commands[str(app_dir)] = startup.smoke_test(app_dir.resolve(), folder)
        samples = startup.alternate(commands, arguments.runs)
    bare = samples.pop(startup.BARE)
    wall, memory = startup.wall, startup.memory
    rows = []
    for name, each in samples.items():
        rows.append(Row(f"start-up {name}", wall(each), "s", wall(bare), Target(1.5, True)))
        rows.append(Row(f"memory {name}", memory(each), "MB", memory(bare), Target(1.3, True)))
    print(f"{arguments.runs} alternating runs, {arguments.dossiers} dossier(s)\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
