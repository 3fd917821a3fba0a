"""The start page's dossier list: StartPage.refresh() (query, progress, deadlines, table) until painted."""

from pathlib import Path

from harness import Row, Target, median

MAX_QUERIES = 1  # one query for the overview, not one per dossier


def probe(folder: str, runs: int, budget_s: float) -> dict[str, list[float]]:
    """Seconds per refresh: `runs` of them, or fewer (at least 3) when they take over `budget_s` in all;
    and the SELECT statements each refresh sent to the database."""
    from gui_session import main_window, timed
    from sqlalchemy import event

    samples: list[float] = []
    statements: list[str] = []
    selects: list[float] = []
    with main_window(Path(folder)) as window:
        engine = window.store._engine
        event.listen(engine, "before_cursor_execute", lambda *arguments: statements.append(arguments[2]))
        while len(samples) < runs and (len(samples) < 3 or sum(samples) < budget_s):
            statements.clear()
            samples.append(timed(window.start_page.refresh))
            selects.append(sum(each.lstrip().upper().startswith("SELECT") for each in statements))
    return {"seconds": samples, "selects": selects}


def rows(one: dict[str, list[float]], many: dict[str, list[float]], dossiers: int) -> list[Row]:
    return [
        Row(
            f"3. dossier list refresh, {dossiers} dossiers: queries",
            max(many["selects"]),
            "queries",
            max(one["selects"]),
            Target(MAX_QUERIES, False),
            note="SELECT statements sent by StartPage.refresh(); baseline: the same with 1 dossier",
        ),
        Row(
            f"   dossier list refresh, {dossiers} vs 1 dossier",
            median(many["seconds"]) * 1000,
            "ms",
            median(one["seconds"]) * 1000,
            note=f"StartPage.refresh() until painted, median of {len(many['seconds'])}; the table fills "
            f"{dossiers} rows against 1, so no 1.1× here: the start-up rows above are the scale target",
        ),
    ]
