"""The menu's data actions as a controller on their own: handed a store and a parent, they say what
happened by signals, with no main window around them."""

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.data_actions import DataActions
from model.backups import make_backup
from model.content import Connection, Role
from model.exchange import export_json
from model.store import Store
from tests.modal_dialogs import answer_dialogs, choose_row, pick_file, press, type_file_name


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir)
    yield store
    store.close()


@pytest.fixture
def actions(qtbot: QtBot, store: Store) -> tuple[DataActions, list[tuple[str, object]]]:
    """The controller on a bare parent widget, and every signal it emitted, in order."""
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = DataActions(store, parent)
    emitted: list[tuple[str, object]] = []
    controller.aboutToReplaceData.connect(lambda: emitted.append(("aboutToReplaceData", None)))
    controller.dataReplaced.connect(lambda: emitted.append(("dataReplaced", None)))
    controller.dossierImported.connect(lambda dossier_id: emitted.append(("dossierImported", dossier_id)))
    controller.message.connect(lambda text: emitted.append(("message", text)))
    controller.failed.connect(lambda text: emitted.append(("failed", text)))
    return controller, emitted


def test_an_import_asks_to_release_the_screen_then_names_the_new_dossier(
    qtbot: QtBot, store: Store, home: Path, actions: tuple[DataActions, list]
) -> None:
    source = store.create_dossier(
        "Praktijk <b>Noord</b>", Connection.DIRECT, Role.CARE_PROVIDER, date(2027, 1, 4)
    )
    store.set_item_ticked(source.id, "direct.1.1", True)
    (home / "noord.json").write_text(export_json(store.snapshot(source.id), datetime(2027, 1, 5)), "utf-8")
    controller, emitted = actions
    seen = answer_dialogs(qtbot, pick_file("noord.json"), press("Beide houden"))
    controller.import_dossier()
    assert [dialog.title for dialog in seen] == ["Dossier importeren", "Dossier bestaat al"]
    imported = store.find_dossier("Praktijk <b>Noord</b> (2)")
    assert imported is not None and "direct.1.1" in store.ticked_items(imported.id)
    assert emitted == [
        ("aboutToReplaceData", None),
        ("dossierImported", imported.id),
        ("message", "Dossier ‘Praktijk <b>Noord</b> (2)’ geïmporteerd."),
    ]


def test_keeping_both_of_a_longest_name_shortens_the_new_one_to_fit(
    qtbot: QtBot, store: Store, home: Path, actions: tuple[DataActions, list]
) -> None:
    name = "Zorggroep " + "x" * 109 + "."  # 120 characters, the most a name may have
    source = store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, None)
    (home / "lang.json").write_text(export_json(store.snapshot(source.id), datetime(2027, 1, 5)), "utf-8")
    controller, emitted = actions
    answer_dialogs(qtbot, pick_file("lang.json"), press("Beide houden"))
    controller.import_dossier()
    assert [dossier.name for dossier in store.list_dossiers()] == [name, name[:115] + "… (2)"]
    assert emitted[-1] == ("message", f"Dossier ‘{name[:115]}… (2)’ geïmporteerd.")


def test_an_export_writes_the_stored_dossier(
    qtbot: QtBot, store: Store, home: Path, actions: tuple[DataActions, list]
) -> None:
    dossier = store.create_dossier("Praktijk Zuid", Connection.CLUSTER, Role.SUPPLIER, None)
    controller, emitted = actions
    answer_dialogs(qtbot, type_file_name("zuid.json"))
    controller.export_dossier(dossier)
    assert '"name": "Praktijk Zuid"' in (home / "zuid.json").read_text(encoding="utf-8")
    assert emitted == [("message", f"Dossier geëxporteerd: {home / 'zuid.json'}")]


def test_a_restore_replaces_the_data_and_says_where_the_old_ones_are(
    qtbot: QtBot, store: Store, actions: tuple[DataActions, list]
) -> None:
    store.create_dossier("Van vorige week", Connection.DIRECT, Role.CARE_PROVIDER, None)
    make_backup(store.path, datetime(2026, 11, 20, 9))
    store.create_dossier("Per ongeluk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    controller, emitted = actions
    answer_dialogs(qtbot, choose_row(0, "Terugzetten"))
    controller.restore_backup()
    assert [each.name for each in store.list_dossiers()] == ["Van vorige week"]
    assert [name for name, _ in emitted] == ["aboutToReplaceData", "dataReplaced", "message"]
    assert "20 november 2026 09:00 teruggezet" in emitted[-1][1]


def test_a_failed_start_backup_is_a_failed_signal(
    qtbot: QtBot, store: Store, data_dir: Path, actions: tuple[DataActions, list]
) -> None:
    store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    (data_dir / "backups").write_text("geen map")  # the backup folder can't be made
    controller, emitted = actions
    with qtbot.waitSignal(controller.failed, timeout=5000):
        controller.backup_on_start()
    assert emitted[0][0] == "failed" and "back-up kon niet worden gemaakt" in emitted[0][1]


def test_on_a_shared_database_backups_are_the_server_s_and_restoring_says_so(
    qtbot: QtBot, database_url: str
) -> None:
    store = Store(database_url)
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = DataActions(store, parent)
    emitted: list[str] = []
    controller.failed.connect(emitted.append)
    controller.message.connect(emitted.append)
    controller.backup_on_start()
    assert controller.backup_pool.activeThreadCount() == 0  # no copy of a file that isn't there
    seen = answer_dialogs(qtbot, press("OK"))
    controller.restore_backup()
    assert [dialog.title for dialog in seen] == ["Back-up terugzetten"]
    assert "kan alleen bij gegevens op deze computer" in seen[0].text
    assert "beheerder van de databaseserver" in seen[0].text and emitted == []
    store.close()
