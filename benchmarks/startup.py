"""Whole-process start-up and peak memory: the app's --smoke-test against its floor and a bare QWizard.

The floor is a bare QWizard process that also imports `sqlalchemy.orm` (the design keeps the ORM,
which must be loaded before the first save); the bare QWizard alone says what the ORM itself costs.
The app paints from the answers it kept at its last close before SQLAlchemy loads
(model.first_paint); the warm-up round is its first start. `start_variants.py` adds the start until
the database is open, and one whose data changed since the last close.
The variants run alternately (bare, floor, app, app, ... then again), so a slow spell of this noisy
machine hits all of them alike; one warm-up round first fills the bytecode and disk caches.
"""

from collections.abc import Sequence
from pathlib import Path

from harness import BENCHMARKS_DIR, Row, Sample, Target, median, spawn

BARE, FLOOR = "bare", "floor"
TARGET_RATIO = 1.15  # start-up and peak memory against the floor
SCALE_RATIO = 1.1  # many dossiers (or care providers) against one


def smoke_test(app_dir: Path, folder: Path) -> list[str | Path]:
    return [app_dir / "main.py", "--smoke-test", "--data-dir", folder]


def start_variant(mode: str, app_dir: Path, folder: Path) -> list[str | Path]:
    """`until-open` or `data-changed` (start_variants.py)."""
    return [BENCHMARKS_DIR / "start_variants.py", mode, app_dir, folder]


def baselines() -> dict[str, list[str | Path]]:
    bare = BENCHMARKS_DIR / "bare_wizard.py"
    return {BARE: [bare], FLOOR: [bare, "--orm"]}


def alternate(
    commands: dict[str, list[str | Path]], runs: int, python: bool = True
) -> dict[str, list[Sample]]:
    """One warm-up round, then `runs` rounds that run every command once, in turn."""
    for command in commands.values():
        spawn(command, python)
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(spawn(command, python))
    return samples


def wall(samples: Sequence[Sample]) -> float:
    return median([each.wall_s for each in samples])


def cpu(samples: Sequence[Sample]) -> float:
    return median([each.cpu_s for each in samples])


def memory(samples: Sequence[Sample]) -> float:
    return median([each.max_rss_mb for each in samples])


def startup_rows(
    samples: dict[str, list[Sample]], last: str, start_page: str, until_open: str, data_changed: str
) -> list[Row]:
    bare, floor, app = wall(samples[BARE]), wall(samples[FLOOR]), wall(samples[last])
    return [
        Row(
            "1. start-up, window with last dossier",
            app,
            "s",
            floor,
            Target(TARGET_RATIO, True),
            note=f"baseline: the floor (QWizard + import sqlalchemy.orm); {app / bare:.2f}× a bare QWizard",
        ),
        Row(
            "   same, CPU time (user + system)",
            cpu(samples[last]),
            "s",
            cpu(samples[FLOOR]),
            note="context: CPU time is less moved by other processes on a busy machine than wall time",
        ),
        Row(
            "   same, until the database is open",
            wall(samples[until_open]),
            "s",
            floor,
            note="context: the window painted from the answers kept at the last close, then SQLAlchemy "
            "loaded and the database opened: from then on a change is saved",
        ),
        Row(
            "   same, the data changed since the last close",
            wall(samples[data_changed]),
            "s",
            floor,
            note="context: the kept answers do not fit (a first start, or another program wrote the "
            "database): the database is opened before the paint",
        ),
        Row("   start-up, start page (no last dossier)", wall(samples[start_page]), "s", floor),
        Row(
            "   floor: bare QWizard + import sqlalchemy.orm",
            floor,
            "s",
            bare,
            note="context: what loading the ORM costs a process that only shows a QWizard",
        ),
    ]


def memory_rows(samples: dict[str, list[Sample]], last: str, until_open: str) -> list[Row]:
    floor, bare = memory(samples[FLOOR]), memory(samples[BARE])
    return [
        Row(
            "1. peak memory, window with last dossier",
            memory(samples[last]),
            "MB",
            floor,
            Target(TARGET_RATIO, True),
            note=f"ru_maxrss of the whole process (wait4), median; the bare QWizard: {bare:.1f} MB",
        ),
        Row(
            "   peak memory, until the database is open",
            memory(samples[until_open]),
            "MB",
            floor,
            note="context: with SQLAlchemy loaded, as above",
        ),
    ]


def scale_rows(samples: dict[str, list[Sample]], pairs: dict[str, tuple[str, str]]) -> list[Row]:
    """Per label, the process with many dossiers (or care providers) against the same with one."""
    return [
        Row(label, wall(samples[many]), "s", wall(samples[one]), Target(SCALE_RATIO, True))
        for label, (one, many) in pairs.items()
    ]


def pdf_rows(samples: dict[str, list[Sample]], app: tuple[str, str], one: str, many: str) -> list[Row]:
    """A summary whose register holds many care providers against one, and what Qt alone needs for
    the longer table: a bare process writing the same kind of table. Context, not a target: the
    rows are more pages of paper, which no code can make as quick as one."""
    app_extra = wall(samples[app[1]]) - wall(samples[app[0]])
    qt_extra = wall(samples[many]) - wall(samples[one])
    return [
        Row(
            "   --export-pdf summary, many vs 1 care provider",
            wall(samples[app[1]]),
            "s",
            wall(samples[app[0]]),
            note="context: the register's rows add pages to the summary (see the next row)",
        ),
        Row(
            "   Qt alone: the register table to PDF, many vs 1 row",
            wall(samples[many]),
            "s",
            wall(samples[one]),
            note=f"context (bare_register_pdf.py): extra time for the rows: {qt_extra:.3f} s in Qt "
            f"alone, {app_extra:.3f} s in --export-pdf",
        ),
    ]
