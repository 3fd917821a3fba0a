"""The window painted from the answers kept at the last close (issue 20): it shows what the
database holds, opens the database right after its first paint, and loses nothing typed before."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QTableWidget
from pytestqt.qtbot import QtBot

import main
from gui.startup import open_data, open_when_painted
from model.content import Connection, Role, bundled_content
from model.first_paint import FirstPaintStore
from model.store import Store
from tests.gui_helpers import child, tick

FLOW = bundled_content().flows[Connection.CLUSTER]
FIRST_ITEM, SECOND_ITEM = (each.id for each in FLOW.steps[0].action_items[:2])


@pytest.fixture
def dossier_id(data_dir: Path) -> int:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk Oost", Connection.CLUSTER, Role.SUPPLIER, date(2026, 11, 1))
    store.set_item_ticked(dossier.id, FIRST_ITEM, True)
    store.set_position(dossier.id, FLOW.steps[0].id)
    store.remember_last_dossier(dossier.id)
    store.close()
    return dossier.id


def start(qtbot: QtBot, data_dir: Path, painted: bool = True):
    """The window as main() opens it on a data folder (without opening the database after the paint)."""
    store, lock = open_data(data_dir, data_dir, interactive=False)
    window = main.window_on(store, lock)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    if painted:
        window.show()
        qtbot.waitExposed(window)
    return window


def test_the_second_start_shows_the_dossier_before_the_database_opens(
    qtbot: QtBot, data_dir: Path, dossier_id: int
) -> None:
    first = start(qtbot, data_dir)
    assert isinstance(first.store, FirstPaintStore) and first.store.opened  # nothing kept yet
    first.close()

    window = start(qtbot, data_dir, painted=False)
    assert not window.store.opened
    assert window.windowTitle().startswith("Praktijk Oost — ")
    assert child(window, QCheckBox, FIRST_ITEM).isChecked()
    assert not child(window, QCheckBox, SECOND_ITEM).isChecked()
    assert not window.store.opened
    open_when_painted(window)
    window.show()
    qtbot.waitUntil(lambda: window.store.opened)
    window.close()


def test_a_tick_before_the_database_opened_is_stored(qtbot: QtBot, data_dir: Path, dossier_id: int) -> None:
    start(qtbot, data_dir).close()
    window = start(qtbot, data_dir)
    assert not window.store.opened
    tick(qtbot, window, SECOND_ITEM)
    assert window.store.opened
    window.close()
    store = Store(data_dir)
    assert store.ticked_items(dossier_id, 0).keys() == {FIRST_ITEM, SECOND_ITEM}
    store.close()
    assert child(start(qtbot, data_dir), QCheckBox, SECOND_ITEM).isChecked()


def test_a_change_made_elsewhere_is_shown_at_the_next_start(
    qtbot: QtBot, data_dir: Path, dossier_id: int
) -> None:
    start(qtbot, data_dir).close()
    other = Store(data_dir)  # --copy-from or --import-json while the app was closed
    other.rename_dossier(dossier_id, "Praktijk Noord")
    other.close()
    window = start(qtbot, data_dir)
    assert window.store.opened  # opened first: the kept answers no longer fit
    assert window.windowTitle().startswith("Praktijk Noord — ")
    window.close()


def test_a_database_found_damaged_after_the_paint_shows_what_replaced_it(
    qtbot: QtBot, data_dir: Path, dossier_id: int, tmp_path: Path
) -> None:
    """Damage the window's reads did not touch is found when the database opens after the paint;
    the user chooses as at any start, and the window then shows that database, not the painted one."""
    from model.first_paint import copy_path, keep_answers, kept_answers
    from model.locations import cache_dir
    from model.store import DATABASE_NAME
    from tests.modal_dialogs import answer_dialogs, press

    start(qtbot, data_dir).close()
    database = data_dir / DATABASE_NAME
    answers = kept_answers(cache_dir(), database)
    database.write_bytes(b"kapot" * 1000)  # damaged while the answers were kept, as they now fit
    keep_answers(cache_dir(), database, answers)
    assert copy_path(cache_dir(), database).exists()
    store, lock = open_data(data_dir, data_dir, interactive=True)
    window = main.window_on(store, lock)
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("Praktijk Oost — ") and not store.opened
    seen = answer_dialogs(qtbot, press("Opnieuw beginnen"))
    open_when_painted(window)
    window.show()
    qtbot.waitUntil(lambda: store.opened and window.dossier_view is None)
    assert [dialog.title for dialog in seen] == ["Gegevens beschadigd"]
    table = child(window, QTableWidget, "dossierList")
    assert table.rowCount() == 0 and not table.isVisible()
    assert not window.windowTitle().startswith("Praktijk Oost")
    window.close()
