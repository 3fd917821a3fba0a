"""Start-up and peak memory of several copies of the app, run alternately: is a change an improvement?

    .venv/bin/python benchmarks/compare.py /tmp/before /tmp/after [--runs 11] [--dossiers 200]

Each copy opens the same data folder (one dossier remembered as the last, or --dossiers of them),
and the floor (a bare QWizard process that imports sqlalchemy.orm) runs in every round as the yardstick.
"""

import argparse
import sys
import tempfile
from pathlib import Path

import startup
from harness import Row, Target, probe, table


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
        commands = {startup.FLOOR: startup.baselines()[startup.FLOOR]}
        for app_dir in arguments.app_dirs:
            commands[str(app_dir)] = startup.smoke_test(app_dir.resolve(), folder)
        samples = startup.alternate(commands, arguments.runs)
    floor = samples.pop(startup.FLOOR)
    wall, memory, limit = startup.wall, startup.memory, Target(startup.TARGET_RATIO, True)
    rows = []
    for name, each in samples.items():
        rows.append(Row(f"start-up {name}", wall(each), "s", wall(floor), limit))
        rows.append(Row(f"CPU time {name}", startup.cpu(each), "s", startup.cpu(floor)))
        rows.append(Row(f"memory {name}", memory(each), "MB", memory(floor), limit))
    print(f"{arguments.runs} alternating runs, {arguments.dossiers} dossier(s)\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
