"""The data-safety actions in the menu and the history on the pages, through the real window."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from model.backups import make_backup
from model.content import Connection, Role
from model.store import Store
from tests.gui_helpers import child, click, open_window, scroll_to, settle, tick
from tests.modal_dialogs import answer_dialogs, choose_row, pick_file, press, type_file_name


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir)
    yield store
    store.close()


def trigger(window: QWidget, name: str) -> None:
    child(window, QAction, name).trigger()
    settle()


def test_export_then_import_keeping_both(qtbot: QtBot, data_dir: Path, store: Store, home: Path) -> None:
    dossier = store.create_dossier(
        "Praktijk Noord", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 12, 31)
    )
    store.set_item_ticked(dossier.id, "direct.1.1", True)
    store.remember_last_dossier(dossier.id)
    window = open_window(qtbot, data_dir)
    seen = answer_dialogs(qtbot, type_file_name("noord.json"))
    trigger(window, "actionExportDossier")
    assert seen[0].title == "Dossier exporteren"
    assert seen[0].result == "DigiD-assessment Praktijk Noord.wegwijzer.json"
    assert (
        json.loads((home / "noord.json").read_text(encoding="utf-8"))["dossier"]["name"] == "Praktijk Noord"
    )
    seen = answer_dialogs(qtbot, pick_file("noord.json"), press("Beide houden"))
    trigger(window, "actionImportDossier")
    assert [dialog.title for dialog in seen] == ["Dossier importeren", "Dossier bestaat al"]
    assert "Er is al een dossier met de naam ‘Praktijk Noord’." in seen[1].text
    assert [each.name for each in store.list_dossiers()] == ["Praktijk Noord", "Praktijk Noord (2)"]
    assert child(window, QLabel, "dossierTitle").text() == "Praktijk Noord (2)"
    child(window, QWidget, "assessmentWizard").go_to("direct.1")
    assert child(window, QCheckBox, "direct.1.1").isChecked()


def test_importing_a_wrong_file_says_why_and_changes_nothing(
    qtbot: QtBot, data_dir: Path, store: Store, home: Path
) -> None:
    (home / "foto.json").write_text('{"format": "iets anders"}', encoding="utf-8")
    window = open_window(qtbot, data_dir)
    seen = answer_dialogs(qtbot, pick_file("foto.json"), press("OK"))
    trigger(window, "actionImportDossier")
    assert [dialog.title for dialog in seen] == ["Dossier importeren", "Dossier importeren"]
    assert "kan niet worden geïmporteerd" in seen[1].text and "formaat" in seen[1].text
    assert store.list_dossiers() == []


def test_restore_a_backup_from_the_menu(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    store.create_dossier("Van vorige week", Connection.DIRECT, Role.CARE_PROVIDER, None)
    make_backup(store.path, datetime(2026, 11, 20, 9))
    store.create_dossier("Per ongeluk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    window = open_window(qtbot, data_dir)
    seen = answer_dialogs(qtbot, choose_row(-1, "Terugzetten"))
    trigger(window, "actionRestoreBackup")
    assert seen[0].title == "Back-up terugzetten"
    assert seen[0].result[-1] == "20 november 2026 09:00 — bij het starten"
    assert [each.name for each in window.store.list_dossiers()] == ["Van vorige week"]
    assert "teruggezet" in window.statusBar().currentMessage()
    assert any(backup.reason == "voor-terugzetten" for backup in window.store.backups())


def test_restore_without_backups_says_so(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    window = open_window(qtbot, data_dir)
    seen = answer_dialogs(qtbot, press("OK"))
    trigger(window, "actionRestoreBackup")
    assert [(dialog.title, dialog.text) for dialog in seen] == [
        ("Back-up terugzetten", "Er zijn nog geen back-ups.")
    ]


def test_a_backup_is_made_soon_after_start(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    window = open_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: len(window.store.backups()) == 1, timeout=5000)


def test_the_step_history_shows_ticks_and_notes(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.remember_last_dossier(dossier.id)
    store.set_note(dossier.id, "direct.1", "Auditor gekozen")
    window = open_window(qtbot, data_dir)
    child(window, QWidget, "assessmentWizard").go_to("direct.1")
    tick(qtbot, window, "direct.1.1")
    toggle = child(window, QPushButton, "historyToggle.direct.1")
    scroll_to(toggle)
    click(qtbot, toggle)
    history = child(window, QLabel, "history.direct.1")
    assert history.isVisible()
    assert "Afgevinkt: Een IT-auditor (RE) selecteren in overleg met de ICT-leverancier." in history.text()
    assert "Notitie geschreven" in history.text()
    assert "niet door wie" not in history.text() and "niet vast wie" in history.text()
    tick(qtbot, window, "direct.1.1")  # untick: the open history follows
    assert "Vinkje weggehaald" in history.text()
