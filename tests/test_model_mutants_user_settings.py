"""The person's own settings and the shared database's password: the rules that mutation testing
found untested."""

import json
import locale
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringLocked

from model.locations import APP_NAME, default_data_dir
from model.store import Store
from model.user_settings import (
    SETTINGS_NAME,
    SettingsNotSavedError,
    SharedDatabase,
    UserSettings,
    credential_store_available,
    keep_password,
    stored_password,
)
from tests.memory_keyring import MemoryKeyring

CHOICE = SharedDatabase("db.leverancier.nl", "wegwijzer", "jan", 5433)


class LockedCredentialStore(MemoryKeyring):
    """A credential store the user hasn't unlocked (and declined to)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")


@pytest.fixture
def use_credential_store() -> Iterator[Callable[[KeyringBackend], KeyringBackend]]:
    """Makes the given backend this computer's credential store for the test."""
    before = keyring.get_keyring()

    def use(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield use
    keyring.set_keyring(before)


@pytest.fixture
def credentials(use_credential_store: Callable[[KeyringBackend], KeyringBackend]) -> MemoryKeyring:
    store = MemoryKeyring()
    use_credential_store(store)
    return store


def test_a_kept_password_is_found_again_for_that_database_only(credentials: MemoryKeyring) -> None:
    assert keep_password(CHOICE, "gé:heim") is True
    assert credentials.passwords == {(APP_NAME, "jan@db.leverancier.nl:5433/wegwijzer"): "gé:heim"}
    assert stored_password(CHOICE) == "gé:heim"
    assert stored_password(SharedDatabase("db.leverancier.nl", "wegwijzer", "piet", 5433)) is None


def test_an_empty_password_forgets_the_kept_one(credentials: MemoryKeyring) -> None:
    keep_password(CHOICE, "geheim")
    assert keep_password(CHOICE, "") is True
    assert stored_password(CHOICE) is None
    assert credentials.passwords == {}


def test_forgetting_a_password_that_was_never_kept_is_no_failure(credentials: MemoryKeyring) -> None:
    assert keep_password(CHOICE, "") is True


def test_a_locked_credential_store_keeps_nothing_and_hands_out_nothing(
    use_credential_store: Callable[[KeyringBackend], KeyringBackend],
) -> None:
    use_credential_store(LockedCredentialStore())
    assert keep_password(CHOICE, "geheim") is False
    assert stored_password(CHOICE) is None


@pytest.mark.parametrize(
    ("backend", "available"), [(MemoryKeyring, True), (fail.Keyring, False), (null.Keyring, False)]
)
def test_only_a_real_credential_store_counts_as_one(
    use_credential_store: Callable[[KeyringBackend], KeyringBackend],
    backend: Callable[[], KeyringBackend],
    available: bool,
) -> None:
    use_credential_store(backend())
    assert credential_store_available() is available


def test_a_local_databases_settings_are_kept_beside_it(data_dir: Path) -> None:
    """--data-dir keeps a test's or a second copy's settings apart from the user's own."""
    store = Store(data_dir)
    try:
        UserSettings.of(store).set_zoom(1.5)
    finally:
        store.close()
    assert json.loads((data_dir / SETTINGS_NAME).read_text(encoding="utf-8")) == {"zoom": "1.5"}
    assert not (default_data_dir() / SETTINGS_NAME).exists()


def test_a_shared_databases_settings_are_kept_in_the_users_own_folder(database_url: str) -> None:
    store = Store(database_url)
    try:
        UserSettings.of(store).set_zoom(1.5)
    finally:
        store.close()
    assert UserSettings(default_data_dir()).zoom(store) == "1.5"


def test_the_display_name_is_asked_once_even_when_left_empty(data_dir: Path) -> None:
    settings = UserSettings(data_dir)
    assert not settings.display_name_asked()
    settings.set_display_name("   ")
    assert settings.display_name_asked() and UserSettings(data_dir).display_name_asked()
    assert UserSettings(data_dir).display_name() == ""


def test_the_settings_folder_is_made_with_its_parents(tmp_path: Path) -> None:
    """The user's own data folder doesn't exist yet on a laptop that only ever used a shared database."""
    folder = tmp_path / "AppData" / "Local" / APP_NAME
    UserSettings(folder).set_display_name("Jan")
    UserSettings(folder).set_zoom(1.25)  # the folder is there now: written again
    assert json.loads((folder / SETTINGS_NAME).read_text(encoding="utf-8")) == {
        "display_name": "Jan",
        "zoom": "1.25",
    }


@pytest.fixture
def ascii_code_page() -> Iterator[None]:
    """The computer's own text encoding is not UTF-8 (as on Windows, cp1252; here ASCII)."""
    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    yield
    locale.setlocale(locale.LC_CTYPE, before)


@pytest.mark.usefixtures("ascii_code_page")
def test_a_name_with_accents_is_kept_whatever_the_computers_encoding(data_dir: Path) -> None:
    UserSettings(data_dir).set_display_name("Zoë Ünal")
    assert UserSettings(data_dir).display_name() == "Zoë Ünal"


def test_a_settings_file_that_cannot_be_written_says_why_in_dutch(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    with pytest.raises(SettingsNotSavedError) as refused:
        UserSettings(blocked).set_zoom(1.5)
    assert str(refused.value) == (
        f"Uw instellingen konden niet worden bewaard in {blocked / SETTINGS_NAME}: "
        "er staat al een bestand met die naam."
    )


@pytest.mark.parametrize(
    "stored",
    [
        {"host": "h", "database": "d", "user": "u", "port": "5432"},
        {"host": 5, "database": "d", "user": "u"},
        {"host": "h", "database": "d", "user": "u", "port": 0},
        {"host": "h", "database": "d", "user": "u", "port": 65536},
    ],
)
def test_a_data_source_with_an_impossible_value_means_this_computer(data_dir: Path, stored: object) -> None:
    (data_dir / SETTINGS_NAME).write_text(json.dumps({"data_source": stored}), encoding="utf-8")
    assert UserSettings(data_dir).data_source() is None


@pytest.mark.parametrize("port", [1, 65535])
def test_a_data_source_on_the_first_or_last_port_is_read(data_dir: Path, port: int) -> None:
    choice = SharedDatabase("h", "d", "u", port)
    UserSettings(data_dir).choose_data_source(choice)
    assert UserSettings(data_dir).data_source() == choice


def test_choosing_this_computer_again_forgets_the_shared_database(data_dir: Path) -> None:
    settings = UserSettings(data_dir)
    settings.choose_data_source(CHOICE)
    settings.choose_data_source(None)
    assert UserSettings(data_dir).data_source() is None


@pytest.mark.parametrize(("remembered", "opened"), [(1, 1), (0, None)])
def test_the_first_dossier_is_remembered_for_a_shared_database_and_no_dossier_0(
    data_dir: Path, database_url: str, remembered: int, opened: int | None
) -> None:
    store = Store(database_url)
    try:
        (data_dir / SETTINGS_NAME).write_text(
            json.dumps({"last_dossier": {store.shared_address: remembered}}), encoding="utf-8"
        )
        assert UserSettings(data_dir).last_dossier_id(store) == opened
    finally:
        store.close()
