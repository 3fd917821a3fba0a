"""Dossier → Gegevensbron on a real PostgreSQL server: the choice, the password, the next start,
the server that can't be reached, and the name that signs the history."""

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLineEdit, QRadioButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

import main
from gui.data_source_dialog import NO_CREDENTIAL_STORE
from gui.startup import ask_display_name_once, open_data, remembered_address
from model.content import Connection, Role
from model.locations import APP_NAME, default_data_dir
from model.store import Store, StoreError
from model.user_settings import SETTINGS_NAME, SharedDatabase, UserSettings
from tests.gui_helpers import child, click, open_window
from tests.memory_keyring import MemoryKeyring
from tests.modal_dialogs import answer_dialogs, press, type_text
from tests.postgres_server import PASSWORD, USER, Server, free_port
from tests.test_dossiers import table_rows


@pytest.fixture
def credentials() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(before)


@pytest.fixture
def no_credential_store() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def database(postgres: Server) -> Iterator[str]:
    name = postgres.new_database()
    yield name
    postgres.drop_database(name)


def fill_in(port: int, database: str, password: str, name: str = "Jan de Vries", then: str = "Gebruiken"):
    """Answer the Gegevensbron dialog as a user would: the shared database, filled in, then `then`."""

    def answer(qtbot: QtBot, dialog: QDialog) -> dict[str, object]:
        assert dialog.objectName() == "dataSourceDialog"
        click(qtbot, child(dialog, QRadioButton, "dataSourceShared"))
        unencrypted = child(dialog, QCheckBox, "dataSourceUnencrypted")
        assert not unencrypted.isEnabled()  # TLS for any server elsewhere
        for field, text in (
            ("dataSourceHost", "127.0.0.1"),
            ("dataSourceDatabase", database),
            ("dataSourceUser", USER),
            ("dataSourcePassword", password),
            ("dataSourceDisplayName", name),
        ):
            child(dialog, QLineEdit, field).clear()
            qtbot.keyClicks(child(dialog, QLineEdit, field), text)
        child(dialog, QSpinBox, "dataSourcePort").setValue(port)
        click(qtbot, unencrypted)  # the throwaway server on this computer speaks no TLS
        press(then)(qtbot, dialog)
        seen = {"status": child(dialog, QLabel, "dataSourceStatus").text(), "open": dialog.isVisible()}
        if dialog.isVisible():
            seen["kept"] = child(dialog, QLineEdit, "dataSourcePassword").text()
            # the message under the fields makes the dialog grow, not its fields shrink
            seen["squashed"] = dialog.height() < dialog.layout().heightForWidth(dialog.width())
            press("Annuleren")(qtbot, dialog)
        return seen

    return answer


def start_page_text(window: QWidget) -> str:
    return "\n".join(each.text() for each in window.start_page.findChildren(QLabel) if each.isVisible())


def choose_data_source(qtbot: QtBot, window: QWidget, *answers) -> list:
    seen = answer_dialogs(qtbot, *answers)
    window.findChild(QAction, "actionDataSource").trigger()
    return seen


def test_the_shared_database_is_chosen_signed_remembered_and_opened_at_the_next_start(
    qtbot: QtBot, postgres: Server, database: str, credentials: MemoryKeyring
) -> None:
    local = default_data_dir()
    window = open_window(qtbot, local)
    assert "Alles wat u invult wordt direct op deze computer bewaard." in start_page_text(window)
    window.store.create_dossier("Lokale praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)

    seen = choose_data_source(qtbot, window, fill_in(postgres.port, database, PASSWORD))
    assert seen[0].result == {"status": "Verbinding maken …", "open": False}
    assert window.store.shared and window.store.author == "Jan de Vries"
    assert window.live_refresh.isActive()  # colleagues' changes are looked for from now on
    assert child(window, QAction, "actionCopyToShared").isVisible()  # moving in, at once
    assert window.start_page.isVisible()
    assert table_rows(window) == []  # the shared database's dossiers: none yet
    said = start_page_text(window)
    assert "op deze computer" not in said and "bewaard in de gedeelde database van uw organisatie" in said
    assert f"postgresql+psycopg://{USER}@127.0.0.1:{postgres.port}/{database}" in said
    window.store.create_dossier("Gedeelde praktijk", Connection.CLUSTER, Role.SUPPLIER, None)

    chosen = SharedDatabase("127.0.0.1", database, USER, postgres.port, encrypted=False)
    assert UserSettings(local).data_source() == chosen
    assert credentials.passwords == {(APP_NAME, chosen.credential_name): PASSWORD}
    assert PASSWORD not in (local / SETTINGS_NAME).read_text(encoding="utf-8")
    window.close()

    source = main.data_source()  # no --data-dir, no --database-url: the remembered choice
    assert isinstance(source, str) and source.endswith(f"/{database}?sslmode=disable")
    next_start = main.create_main_window()
    qtbot.addWidget(next_start)
    assert next_start.store.shared and [each.name for each in next_start.store.list_dossiers()] == [
        "Gedeelde praktijk"
    ]
    next_start.close()


def test_a_wrong_password_is_said_in_the_dialog_with_everything_typed_kept(
    qtbot: QtBot, data_dir: Path, postgres: Server, database: str, credentials: MemoryKeyring
) -> None:
    window = open_window(qtbot, data_dir)
    seen = choose_data_source(qtbot, window, fill_in(postgres.port, database, "fout"))
    assert seen[0].result["open"] and seen[0].result["kept"] == "fout" and not seen[0].result["squashed"]
    assert "kan niet worden geopend" in seen[0].result["status"] and "fout" not in seen[0].result["status"]
    assert not window.store.shared and UserSettings(data_dir).data_source() is None
    assert credentials.passwords == {}


def test_testing_the_connection_says_it_works_and_changes_nothing(
    qtbot: QtBot, data_dir: Path, postgres: Server, database: str, credentials: MemoryKeyring
) -> None:
    window = open_window(qtbot, data_dir)
    seen = choose_data_source(
        qtbot, window, fill_in(postgres.port, database, PASSWORD, then="Verbinding testen")
    )
    assert seen[0].result["status"] == "De verbinding werkt."
    assert not window.store.shared and UserSettings(data_dir).data_source() is None


def test_back_to_this_computer_takes_the_folder_again(
    qtbot: QtBot, data_dir: Path, postgres: Server, database: str, credentials: MemoryKeyring
) -> None:
    Store(data_dir).create_dossier("Lokale praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    window = open_window(qtbot, data_dir)
    choose_data_source(qtbot, window, fill_in(postgres.port, database, PASSWORD))
    assert window.store.shared

    def local(qtbot: QtBot, dialog: QDialog) -> None:
        assert child(dialog, QRadioButton, "dataSourceShared").isChecked()  # what is in use now
        click(qtbot, child(dialog, QRadioButton, "dataSourceLocal"))
        assert not child(dialog, QLineEdit, "dataSourceHost").isEnabled()
        press("Gebruiken")(qtbot, dialog)

    choose_data_source(qtbot, window, local)
    assert not window.store.shared and window.store.author is None
    assert not window.live_refresh.isActive()
    assert not child(window, QAction, "actionCopyToShared").isVisible()
    assert [each.name for each in window.store.list_dossiers()] == ["Lokale praktijk"]
    assert window.folder_lock is not None and window.folder_lock.isLocked()
    assert UserSettings(data_dir).data_source() is None


def test_without_a_credential_store_the_password_is_kept_nowhere_and_asked_at_start(
    qtbot: QtBot, data_dir: Path, postgres: Server, database: str, no_credential_store: None
) -> None:
    window = open_window(qtbot, data_dir)
    note = []

    def read_note_then_fill_in(qtbot: QtBot, dialog: QDialog) -> object:
        note.append(child(dialog, QLabel, "dataSourcePasswordNote").text())
        return fill_in(postgres.port, database, PASSWORD)(qtbot, dialog)

    choose_data_source(qtbot, window, read_note_then_fill_in)
    assert note == [NO_CREDENTIAL_STORE] and window.store.shared
    assert PASSWORD not in (data_dir / SETTINGS_NAME).read_text(encoding="utf-8")
    chosen = UserSettings(data_dir).data_source()
    seen = answer_dialogs(qtbot, type_text(PASSWORD, then="Verbinden"))
    address = remembered_address(chosen)
    assert seen[0].title == "Wachtwoord voor de gedeelde database"
    store = Store(address)
    assert store.shared
    store.close()


def test_a_server_that_cannot_be_reached_at_start_offers_this_computer(qtbot: QtBot, data_dir: Path) -> None:
    address = f"postgresql+psycopg://{USER}:{PASSWORD}@127.0.0.1:{free_port()}/dossiers"
    seen = answer_dialogs(qtbot, press("Opnieuw proberen"), press("Op deze computer werken"))
    store, lock = open_data(address, data_dir, interactive=True)
    assert [each.title for each in seen] == ["Gedeelde database niet te openen"] * 2
    assert "De gedeelde database postgresql+psycopg://wegwijzer:***@127.0.0.1:" in seen[0].text
    assert "Er gaat niets verloren" in seen[0].text and PASSWORD not in seen[0].text
    assert not store.shared and store.path.parent == data_dir and lock is not None and lock.isLocked()
    store.close()
    lock.unlock()

    seen = answer_dialogs(qtbot, press("Afsluiten"))
    with pytest.raises(StoreError, match="kan niet worden geopend"):
        open_data(address, data_dir, interactive=True)
    assert len(seen) == 1


def test_the_name_is_asked_once_on_a_shared_database_and_signs_the_changes(
    qtbot: QtBot, data_dir: Path, database_url: str
) -> None:
    store = Store(database_url)
    user = UserSettings(data_dir)
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = answer_dialogs(qtbot, type_text("Jan de Vries"))
    ask_display_name_once(parent, store, user)
    assert seen[0].text == "Uw naam, voor de geschiedenis van een gedeelde database:"
    assert store.author == "Jan de Vries" and UserSettings(data_dir).display_name() == "Jan de Vries"
    assert UserSettings(data_dir).display_name_asked()
    stored = json.loads((data_dir / SETTINGS_NAME).read_text(encoding="utf-8"))
    assert stored["display_name"] == "Jan de Vries"
    store.close()
