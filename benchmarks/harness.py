"""What every benchmark shares: statistics, the result rows and table, and running child processes.

Every measurement runs in a fresh child process, so one benchmark's imports, caches and windows
never flatter or burden the next, and so `--app-dir` can point the same benchmarks at a copy of
the app (to try a change before it is made in the real tree).
"""

import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BENCHMARKS_DIR = Path(__file__).resolve().parent
PROBE = BENCHMARKS_DIR / "probe.py"
# The app's own modules need bytecode to start the way a user's copy does (the packaged executable
# ships .pyc files, a source checkout writes __pycache__). The environment may forbid writing it
# (PYTHONDONTWRITEBYTECODE), so children keep their bytecode in a cache outside the source tree.
PYCACHE = Path(tempfile.gettempdir()) / "wegwijzer-bench-pycache"
MAXRSS_PER_MB = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, else KiB


# Statistics


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100) with linear interpolation between the closest ranks."""
    if not values:
        raise ValueError("no samples")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


# Results


@dataclass(frozen=True)
class Target:
    """At most `limit`, either as a ratio to the baseline or as an absolute value in the row's unit."""

    limit: float
    ratio: bool

    def describe(self, unit: str) -> str:
        return f"≤ {self.limit:g}×" if self.ratio else f"≤ {self.limit:g} {unit}"


@dataclass(frozen=True)
class Row:
    measure: str
    value: float
    unit: str  # "s", "ms", "MB" or "queries"
    baseline: float | None = None
    target: Target | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        measured = self.ratio if self.target.ratio else self.value
        return measured is not None and measured <= self.target.limit


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "queries":
        return f"{value:.0f}"
    digits = 3 if abs(value) < 10 else 1 if abs(value) < 1000 else 0
    return f"{value:.{digits}f} {unit}"


def table(rows: Sequence[Row]) -> str:
    """A Markdown table: it reads in a terminal and pastes into docs/benchmarks.md as it is."""
    header = ("measure", "value", "baseline", "ratio", "target", "met?")
    lines = []
    for row in rows:
        lines.append(
            (
                row.measure,
                _number(row.value, row.unit),
                _number(row.baseline, row.unit),
                f"{row.ratio:.2f}×" if row.ratio is not None else "–",
                row.target.describe(row.unit) if row.target else "–",
                {True: "yes", False: "**no**", None: "–"}[row.met],
            )
        )
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]

    def format_line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    notes = [f"- {row.measure}: {row.note}" for row in rows if row.note]
    return "\n".join([format_line(header), rule, *map(format_line, lines), *(["", *notes] if notes else [])])


# Child processes


def child_environment() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


@dataclass(frozen=True)
class Sample:
    wall_s: float
    max_rss_mb: float
    cpu_s: float  # user + system: what the process itself used, less moved by other load than wall time


class ChildError(RuntimeError):
    pass


def spawn(arguments: Sequence[str | os.PathLike], python: bool = True) -> Sample:
    """Run a Python child (or, not `python`, an executable) to the end: its wall time and its own
    peak resident memory (wait4).

    os.wait4 exists on Linux and macOS only; on Windows the start-up benchmarks can't run."""
    command = [*([sys.executable] if python else []), *map(str, arguments)]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=child_environment(), stdout=subprocess.DEVNULL, stderr=errors)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise ChildError(f"{' '.join(command)} exited {process.returncode}:\n{message}")
    return Sample(wall, usage.ru_maxrss / MAXRSS_PER_MB, usage.ru_utime + usage.ru_stime)


def probe(app_dir: Path, module: str, **arguments: object) -> object:
    """Call `probe(**arguments)` of benchmarks/<module>.py in a fresh process with the app importable."""
    command = [sys.executable, str(PROBE), str(app_dir), module, json.dumps(arguments)]
    result = subprocess.run(command, env=child_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise ChildError(f"probe {module} exited {result.returncode}:\n{result.stderr.strip()}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def milliseconds(seconds: Sequence[float]) -> list[float]:
    return [each * 1000 for each in seconds]
