"""The person's own settings file: what it keeps, per database, and that a bad file means defaults."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from model.store import Store
from model.user_settings import SETTINGS_NAME, SettingsNotSavedError, SharedDatabase, UserSettings
from tests.postgres_server import PASSWORD


@pytest.fixture
def store(store_source: Path | str) -> Iterator[Store]:
    store = Store(store_source)
    yield store
    store.close()


def test_what_is_remembered_is_read_back_by_the_next_start(data_dir: Path, store: Store) -> None:
    settings = UserSettings(data_dir)
    choice = SharedDatabase("db.leverancier.nl", "wegwijzer", "jan", 5433)
    settings.choose_data_source(choice)
    settings.set_display_name("  Jan de Vries ")
    settings.set_zoom(1.25)
    settings.set_window_geometry("AdnQywAD")
    settings.remember_last_dossier(store, 7)

    again = UserSettings(data_dir)
    assert again.data_source() == choice
    assert again.display_name() == "Jan de Vries"
    assert (again.zoom(store), again.window_geometry(store)) == ("1.25", "AdnQywAD")
    assert again.last_dossier_id(store) == 7
    assert "wachtwoord" not in (data_dir / SETTINGS_NAME).read_text(encoding="utf-8")


def test_the_last_dossier_is_kept_per_database(data_dir: Path, database_url: str, postgres) -> None:
    local, shared = Store(data_dir), Store(database_url)
    other_database = postgres.new_database()
    other = Store(postgres.url(other_database))
    settings = UserSettings(data_dir)
    settings.remember_last_dossier(local, 3)
    settings.remember_last_dossier(shared, 9)
    settings.remember_last_dossier(other, 5)
    assert [settings.last_dossier_id(each) for each in (local, shared, other)] == [3, 9, 5]
    assert local.last_dossier_id() == 3  # a local database is one person's: it keeps its own
    assert (shared.last_dossier_id(), other.last_dossier_id()) == (None, None)  # not everyone's
    stored = json.loads((data_dir / SETTINGS_NAME).read_text(encoding="utf-8"))["last_dossier"]
    assert sorted(stored) == sorted([shared.shared_address, other.shared_address])
    assert all(PASSWORD not in key and "sslmode" not in key for key in stored)
    settings.remember_last_dossier(shared, None)
    assert [settings.last_dossier_id(each) for each in (local, shared, other)] == [3, None, 5]
    for store in (local, shared, other):
        store.close()
    postgres.drop_database(other_database)


def test_a_local_database_of_an_older_app_keeps_its_last_dossier_zoom_and_window(data_dir: Path) -> None:
    store = Store(data_dir)
    store.remember_last_dossier(4)
    store.set_setting("zoom", "1.5")
    store.set_setting("windowGeometry", "AdnQ")
    settings = UserSettings(data_dir)
    assert (settings.last_dossier_id(store), settings.zoom(store), settings.window_geometry(store)) == (
        4,
        "1.5",
        "AdnQ",
    )
    settings.set_zoom(1.25)  # from now on the file says
    assert (UserSettings(data_dir).zoom(store), store.setting("zoom")) == ("1.25", "1.5")
    store.close()


def test_a_shared_database_never_hands_out_what_someone_stored_in_it(
    database_url: str, data_dir: Path
) -> None:
    store = Store(database_url)
    store.remember_last_dossier(4)  # as a colleague's older app would have left it
    store.set_setting("zoom", "2.0")
    settings = UserSettings(data_dir)
    assert (settings.last_dossier_id(store), settings.zoom(store)) == (None, None)
    for garbled in ("7", True, -2, [7]):
        (data_dir / SETTINGS_NAME).write_text(json.dumps({"last_dossier": {store.shared_address: garbled}}))
        assert UserSettings(data_dir).last_dossier_id(store) is None
    store.close()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[1, 2]",
        b"\xff\xfe garbage",
        b'{"data_source": {"host": "x"}, "display_name": 5, "zoom": [], "window_geometry": 3}',
        b'{"data_source": {"host": "", "database": "d", "user": "u"}, "last_dossier": [1]}',
        b'{"data_source": {"host": "h", "database": "d", "user": "u", "port": 70000}}',
        b'{"data_source": {"host": "h", "database": "d", "user": "u", "encrypted": "nee"}}',
    ],
)
def test_a_bad_settings_file_means_the_defaults(data_dir: Path, content: bytes) -> None:
    (data_dir / SETTINGS_NAME).write_bytes(content)
    store = Store(data_dir)
    settings = UserSettings(data_dir)
    assert settings.data_source() is None
    assert settings.display_name() == ""
    assert settings.zoom(store) is None
    assert settings.window_geometry(store) is None
    settings.set_display_name("Jan")  # and the next change writes a good file
    assert UserSettings(data_dir).display_name() == "Jan"
    store.close()


def test_a_settings_file_that_cannot_be_written_is_said_in_dutch(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    settings = UserSettings(blocked)
    with pytest.raises(SettingsNotSavedError, match="Uw instellingen konden niet worden bewaard"):
        settings.set_zoom(1.5)


def test_the_address_has_tls_unless_turned_off_and_the_password_only_when_given() -> None:
    choice = SharedDatabase("db.example.nl", "wegwijzer", "jan")
    assert choice.address() == "postgresql+psycopg://jan@db.example.nl:5432/wegwijzer?sslmode=require"
    assert choice.address("gé:heim@") == (
        "postgresql+psycopg://jan:g%C3%A9%3Aheim%40@db.example.nl:5432/wegwijzer?sslmode=require"
    )
    local = SharedDatabase("localhost", "w", "u", 5999, encrypted=False)
    assert local.address() == "postgresql+psycopg://u@localhost:5999/w?sslmode=disable"
    assert local.on_this_computer and not choice.on_this_computer
