"""The start page's dossier list: StartPage.refresh() (query, progress, deadlines, table) until painted."""

from pathlib import Path

from harness import Row, Target, median

TARGET_RATIO = 1.1


def probe(folder: str, runs: int, budget_s: float) -> list[float]:
    """Seconds per refresh: `runs` of them, or fewer (at least 3) when they take over `budget_s` in all."""
    from gui_session import main_window, timed

    samples: list[float] = []
    with main_window(Path(folder)) as window:
        while len(samples) < runs and (len(samples) < 3 or sum(samples) < budget_s):
            samples.append(timed(window.start_page.refresh))
    return samples


def rows(one: list[float], many: list[float], dossiers: int) -> list[Row]:
    return [
        Row(
            f"6. dossier list refresh, {dossiers} vs 1 dossier",
            median(many) * 1000,
            "ms",
            median(one) * 1000,
            Target(TARGET_RATIO, True),
            note=f"StartPage.refresh() until painted, median of {len(many)}",
        )
    ]
