"""Tick → committed: Store.set_item_ticked against raw sqlite3 doing the same committed write, and a
tick through the window (checkbox → editor → store → every page refreshed and painted)."""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from time import perf_counter

from harness import Row, Target, milliseconds, percentile

TARGET_P99_MS = 16  # a tick in the window: one frame


def _raw_sqlite(path: Path):
    """The floor: one committed INSERT or DELETE per tick, WAL and synchronous=FULL as the Store uses."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute(
        "CREATE TABLE ticked_items (dossier_id INTEGER, item_id TEXT, ticked_at TEXT, "
        "PRIMARY KEY (dossier_id, item_id))"
    )

    def tick(item_id: str, ticked: bool) -> None:
        connection.execute("BEGIN")
        if ticked:
            now = datetime.now(UTC).isoformat()
            connection.execute("INSERT OR IGNORE INTO ticked_items VALUES (1, ?, ?)", (item_id, now))
        else:
            connection.execute("DELETE FROM ticked_items WHERE dossier_id = 1 AND item_id = ?", (item_id,))
        connection.execute("COMMIT")

    return tick


def probe(ticks: int, through_window: bool) -> dict[str, list[float]]:
    """Seconds per tick; ticks alternate tick/untick over the cluster flow's action items."""
    if through_window:
        return {"window": _window_ticks(ticks)}
    from fixtures import scratch_dir

    from model.content import Connection, Role, bundled_content
    from model.store import Store

    folder = scratch_dir()
    store = Store(folder)
    dossier = store.create_dossier("Tikken", Connection.CLUSTER, Role.SUPPLIER, None)
    items = bundled_content().flows[Connection.CLUSTER].action_item_ids
    raw_tick = _raw_sqlite(folder / "raw.db")
    samples: dict[str, list[float]] = {"store": [], "sqlite": []}
    for number in range(ticks):
        item, ticked = items[(number // 2) % len(items)], number % 2 == 0
        start = perf_counter()
        store.set_item_ticked(dossier.id, item, ticked)
        samples["store"].append(perf_counter() - start)
        start = perf_counter()
        raw_tick(item, ticked)
        samples["sqlite"].append(perf_counter() - start)
    store.close()
    return samples


def _window_ticks(ticks: int) -> list[float]:
    """Every page visited first (as in a meeting that walked the steps), then ticks on step 3."""
    from fixtures import fresh_folder
    from gui_session import main_window, timed

    with main_window(fresh_folder()) as window:
        wizard = window.dossier_view.wizard
        for key in wizard.keys:
            wizard.go_to(key)
        step = window.dossier_view.editor.flow.steps[2].id
        wizard.go_to(step)
        rows = wizard.page(step).rows
        return [timed(rows[(number // 2) % len(rows)].checkbox.toggle) for number in range(ticks)]


def rows(store: dict[str, list[float]], window: list[float]) -> list[Row]:
    store_ms, sqlite_ms, window_ms = map(milliseconds, (store["store"], store["sqlite"], window))
    return [
        Row(
            "2. tick in the window, p99",
            percentile(window_ms, 99),
            "ms",
            percentile(store_ms, 99),
            Target(TARGET_P99_MS, False),
            note=f"{len(window_ms)} checkbox toggles until painted, all pages built; baseline: Store alone",
        ),
        Row("   tick in the window, p50", percentile(window_ms, 50), "ms", percentile(store_ms, 50)),
        Row("   tick → committed (Store), p50", percentile(store_ms, 50), "ms", percentile(sqlite_ms, 50)),
        Row(
            "   tick → committed (Store), p99",
            percentile(store_ms, 99),
            "ms",
            percentile(sqlite_ms, 99),
            note=f"{len(store_ms)} ticks; baseline: raw sqlite3, same commit with WAL + synchronous=FULL",
        ),
    ]
