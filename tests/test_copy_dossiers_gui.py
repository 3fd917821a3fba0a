"""Moving in from the app (issue 22): on a shared database the Dossier menu copies the dossiers of
this computer's own data folder in, and copies them back; on a laptop the entries are not there."""

from datetime import date
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from model.content import Connection, Role
from model.locations import default_data_dir
from model.store import Store
from tests.gui_helpers import child, open_window, settle
from tests.modal_dialogs import answer_dialogs, press

TO_SHARED, TO_HERE = "actionCopyToShared", "actionCopyToThisComputer"


def listed(window: QWidget) -> list[str]:
    table = child(window, QTableWidget, "dossierList")
    return sorted(table.item(row, 0).text() for row in range(table.rowCount()) if table.isVisible())


def trigger(window: QWidget, name: str) -> None:
    action = child(window, QAction, name)
    assert action.isVisible() and action.isEnabled()
    action.trigger()
    settle()


def test_on_a_laptop_the_copy_entries_are_not_shown(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    assert not child(window, QAction, TO_SHARED).isVisible()
    assert not child(window, QAction, TO_HERE).isVisible()


def test_the_laptop_s_dossiers_move_in_and_back_after_a_question(qtbot: QtBot, database_url: str) -> None:
    laptop = Store(default_data_dir())
    noord = laptop.create_dossier("Praktijk Noord", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 10, 1))
    laptop.set_item_ticked(noord.id, "direct.1.1", True)
    laptop.create_dossier("Praktijk <b>Zuid</b>", Connection.CLUSTER, Role.SUPPLIER, None)
    laptop.close()
    window = open_window(qtbot, database_url)
    assert listed(window) == []

    seen = answer_dialogs(qtbot, press("Annuleren"))
    trigger(window, TO_SHARED)
    assert seen[0].title == "Dossiers kopiëren naar de gedeelde database"
    assert "• Praktijk <b>Zuid</b>\n• Praktijk Noord" in seen[0].text and "‘Naam (2)’" in seen[0].text
    assert listed(window) == []  # cancelled: nothing copied

    seen = answer_dialogs(qtbot, press("Kopiëren"))
    trigger(window, TO_SHARED)
    assert listed(window) == ["Praktijk <b>Zuid</b>", "Praktijk Noord"]
    assert "2 dossiers gekopieerd naar de gedeelde database" in window.statusBar().currentMessage()
    shared = Store(database_url)
    assert set(shared.ticked_items(shared.find_dossier("Praktijk Noord").id)) == {"direct.1.1"}
    shared.close()

    seen = answer_dialogs(qtbot, press("Kopiëren"))
    trigger(window, TO_HERE)
    assert seen[0].title == "Dossiers kopiëren naar deze computer"
    laptop = Store(default_data_dir())
    assert [each.name for each in laptop.list_dossiers()] == [
        "Praktijk <b>Zuid</b>",
        "Praktijk <b>Zuid</b> (2)",
        "Praktijk Noord",
        "Praktijk Noord (2)",
    ]
    laptop.close()


def test_with_no_dossiers_on_this_computer_nothing_is_asked(qtbot: QtBot, database_url: str) -> None:
    window = open_window(qtbot, database_url)
    seen = answer_dialogs(qtbot, press("OK"))
    trigger(window, TO_SHARED)
    assert "Op deze computer staan geen dossiers" in seen[0].text
    assert not (default_data_dir() / "wegwijzer.db").exists()  # nothing made there by asking
