"""What belongs to the person at this computer rather than to the data (issue 22).

A shared database is everyone's, so the dossier one worked on last, the zoom, the window's place,
the display name for the history and the choice of data source can't live in it. They live in a
small JSON file, `instellingen.json`, in the user's local data folder (beside the local database;
`--data-dir` points both elsewhere, which is how tests keep theirs apart). A missing or unreadable
file means the defaults, never a failure. The shared database's password is not in that file but
in the operating system's credential store (`keyring`); where there is none, it is kept nowhere.

The dossier worked on last stays in a local database itself (it is one person's own); the file keeps
it only for shared databases, one per address. Zoom and window were kept in the local database
before this file existed; while the file lacks them, those values are read from it, so nothing
changes for a single-laptop user.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from model.locations import APP_NAME, default_data_dir
from model.store import StoreError
from model.store.names import DRIVER, GEOMETRY_SETTING, ZOOM_SETTING
from model.system_errors import dutch_reason

if TYPE_CHECKING:
    from model.store import Store

SETTINGS_NAME = "instellingen.json"
DEFAULT_PORT = 5432
SERVERS_ON_THIS_COMPUTER = frozenset({"localhost", "127.0.0.1", "::1"})
Value = TypeVar("Value")


class SettingsNotSavedError(Exception):
    """The settings file could not be written; the message says why, in Dutch."""


@dataclass(frozen=True)
class SharedDatabase:
    """A shared PostgreSQL database as the user chose it; TLS unless the server is on this computer
    and the user turned it off."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    encrypted: bool = True

    def address(self, password: str | None = None) -> str:
        """The address the store opens: with the password if given, else libpq finds one itself
        (PGPASSWORD, a pgpass file)."""
        from sqlalchemy.engine import URL  # only for a shared database: not loaded before the first paint

        url = URL.create(
            DRIVER,
            username=self.user,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
            query={"sslmode": "require" if self.encrypted else "disable"},
        )
        return url.render_as_string(hide_password=False)

    @property
    def credential_name(self) -> str:
        """Under which name the credential store keeps this database's password."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def on_this_computer(self) -> bool:
        return self.host.strip().lower() in SERVERS_ON_THIS_COMPUTER

    @classmethod
    def read(cls, stored: object) -> SharedDatabase | None:
        """The choice as the settings file holds it; None for anything that isn't one."""
        if not isinstance(stored, dict):
            return None
        try:
            choice = cls(**stored)
        except TypeError:
            return None
        texts = (choice.host, choice.database, choice.user)
        if not all(isinstance(each, str) and each for each in texts) or not isinstance(choice.port, int):
            return None
        return choice if isinstance(choice.encrypted, bool) and 0 < choice.port < 65536 else None


class UserSettings:
    """The settings file in one local data folder; every change is written at once."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / SETTINGS_NAME
        self._values = self._read()

    @classmethod
    def of(cls, store: Store) -> UserSettings:
        """The settings of whoever works on `store`: in its data folder, or for a shared database in
        the user's own local data folder."""
        return cls(store.path.parent if not store.shared else default_data_dir())

    def _read(self) -> dict[str, Any]:
        try:
            values = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # none yet, unreadable or garbled: the defaults
            return {}
        return values if isinstance(values, dict) else {}

    def _write(self, key: str, value: object) -> None:
        """Read afresh first: another window of the app (on another database) may have written."""
        self._values = {**self._read(), key: value}
        staged = self.path.with_name(self.path.name + ".new")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            staged.write_text(json.dumps(self._values, ensure_ascii=False, indent=2), encoding="utf-8")
            os.replace(staged, self.path)
        except OSError as error:
            raise SettingsNotSavedError(
                f"Uw instellingen konden niet worden bewaard in {self.path}: {dutch_reason(error)}."
            ) from error

    # The data source

    def data_source(self) -> SharedDatabase | None:
        """The shared database chosen in Gegevensbron; None: the database on this computer."""
        return SharedDatabase.read(self._values.get("data_source"))

    def choose_data_source(self, choice: SharedDatabase | None) -> None:
        self._write("data_source", asdict(choice) if choice else None)

    # The person

    def display_name(self) -> str:
        """The name the history of a shared database shows for this user's changes ("" : not set)."""
        name = self._values.get("display_name")
        return name.strip() if isinstance(name, str) else ""

    def set_display_name(self, name: str) -> None:
        self._write("display_name", name.strip())

    def display_name_asked(self) -> bool:
        """Whether the user was asked for the name (an empty answer counts: asked once, not each start)."""
        return "display_name" in self._values

    # The window

    def zoom(self, store: Store) -> str | None:
        return self._text("zoom", store, ZOOM_SETTING)

    def set_zoom(self, level: float) -> None:
        self._write("zoom", str(level))

    def window_geometry(self, store: Store) -> str | None:
        """Qt's saveGeometry, base64."""
        return self._text("window_geometry", store, GEOMETRY_SETTING)

    def set_window_geometry(self, geometry: str) -> None:
        self._write("window_geometry", geometry)

    def _text(self, key: str, store: Store, earlier_key: str) -> str | None:
        value = self._values.get(key)
        if value is None and key not in self._values and not store.shared:
            return _earlier(lambda: store.setting(earlier_key))
        return value if isinstance(value, str) else None

    # The dossier worked on last: a local database is one person's own and keeps it itself, as
    # always; for a shared one this file keeps it, per database

    def last_dossier_id(self, store: Store) -> int | None:
        address = store.shared_address
        if address is None:
            return store.last_dossier_id()
        remembered = self._values.get("last_dossier")
        value = remembered.get(address) if isinstance(remembered, dict) else None
        return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None

    def remember_last_dossier(self, store: Store, dossier_id: int | None) -> None:
        """StoreError or SettingsNotSavedError when it can't be kept."""
        address = store.shared_address
        if address is None:
            store.remember_last_dossier(dossier_id)
            return
        remembered = self._values.get("last_dossier")
        remembered = dict(remembered) if isinstance(remembered, dict) else {}
        remembered[address] = dossier_id
        self._write("last_dossier", remembered)


def _earlier(read: Callable[[], Value]) -> Value | None:
    """A value the local database kept before this file existed; None when it can't be read."""
    try:
        return read()
    except StoreError:
        return None


# The password, in the operating system's credential store


def stored_password(choice: SharedDatabase) -> str | None:
    """The password kept for this database; None when there is none or no credential store."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(APP_NAME, choice.credential_name)
    except (KeyringError, RuntimeError):  # no credential store, or a locked one
        return None


def keep_password(choice: SharedDatabase, password: str) -> bool:
    """Keep the password in the credential store; False when this computer has none."""
    import keyring
    from keyring.errors import KeyringError

    try:
        if password:
            keyring.set_password(APP_NAME, choice.credential_name, password)
        else:
            keyring.delete_password(APP_NAME, choice.credential_name)
    except keyring.errors.PasswordDeleteError:
        return True  # there was none to forget
    except (KeyringError, RuntimeError):
        return False
    return True


def credential_store_available() -> bool:
    """Whether this computer has a credential store the app can keep a password in."""
    import keyring
    from keyring.backends import fail, null

    return not isinstance(keyring.get_keyring(), (fail.Keyring, null.Keyring))
