"""Whole-process start-up and peak memory: the app's --smoke-test against a bare QWizard process.

The variants run alternately (bare, app, app, ... then again), so a slow spell of this noisy machine
hits all of them alike; one warm-up round first fills the bytecode and disk caches.
"""

from collections.abc import Sequence
from pathlib import Path

from harness import BENCHMARKS_DIR, Row, Sample, Target, median, spawn

BARE = "bare"


def smoke_test(app_dir: Path, folder: Path) -> list[str | Path]:
    return [app_dir / "main.py", "--smoke-test", "--data-dir", folder]


def measure(app_dir: Path, folders: dict[str, Path], runs: int) -> dict[str, list[Sample]]:
    """`runs` samples of the bare wizard and of `main.py --smoke-test` on each named data folder."""
    commands = {name: smoke_test(app_dir, folder) for name, folder in folders.items()}
    return alternate({BARE: [BENCHMARKS_DIR / "bare_wizard.py"], **commands}, runs)


def alternate(commands: dict[str, list[str | Path]], runs: int) -> dict[str, list[Sample]]:
    """One warm-up round, then `runs` rounds that run every command once, in turn."""
    for command in commands.values():
        spawn(command)
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(spawn(command))
    return samples


def wall(samples: Sequence[Sample]) -> float:
    return median([each.wall_s for each in samples])


def memory(samples: Sequence[Sample]) -> float:
    return median([each.max_rss_mb for each in samples])


def startup_rows(samples: dict[str, list[Sample]], last: str, start_page: str) -> list[Row]:
    bare = wall(samples[BARE])
    return [
        Row("1. start-up, window with last dossier", wall(samples[last]), "s", bare, Target(1.5, True)),
        Row(
            "   start-up, start page (no last dossier)",
            wall(samples[start_page]),
            "s",
            bare,
            note="context: same baseline, no target of its own",
        ),
    ]


def memory_rows(samples: dict[str, list[Sample]], last: str) -> list[Row]:
    return [
        Row(
            "2. peak memory, window with last dossier",
            memory(samples[last]),
            "MB",
            memory(samples[BARE]),
            Target(1.3, True),
            note="ru_maxrss of the whole process (wait4), median",
        )
    ]


def scale_rows(samples: dict[str, list[Sample]], pairs: dict[str, tuple[str, str]]) -> list[Row]:
    """Per label, the start-up with many dossiers against the same start-up with one."""
    return [
        Row(label, wall(samples[many]), "s", wall(samples[one]), Target(1.1, True))
        for label, (one, many) in pairs.items()
    ]
