"""The local SQLite file: checking it before it is opened, its connections, backups and restoring one.

Every edit is its own committed transaction, with WAL and synchronous=FULL, so whatever the
screen shows as saved survives a crash or a power cut. Opening checks the file first: a damaged
one is set aside untouched, a newer schema is refused, an older one is upgraded after a backup.
Opening writes only when a new database or an upgrade needs it: a store that is only read (an
export) leaves the file byte for byte as it was, and no -wal or -shm file beside it.
"""

import os
import sqlite3
from datetime import datetime
from pathlib import Path

# The SQLite dialect loads with the store, before PySide6 when main.py loads the store first, rather
# than at the first create_engine after it: 3 MB less peak memory at start-up (benchmarks/compare.py).
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.dialects import sqlite  # noqa: F401

from model.backups import SQLITE_HEADER, Backup, copy_database, list_backups, make_backup, set_aside
from model.store import errors
from model.store.names import DATABASE_NAME
from model.store.schema import SCHEMA_VERSION, tables_of

# The WAL is copied into the file (and both synced) whenever it holds this many pages. SQLite's 1000
# made every 200th or so tick wait 20-35 ms for that copy; 100 pages cost a few ms (issue 20).
CHECKPOINT_PAGES = 100


def can_write(path: Path) -> bool:
    """Whether SQLite may write the database file and create its -wal and -shm files beside it."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the database; one that can't be written is opened read-only, and immutable
    while no -wal file is there to read, so that SQLite needs to create nothing beside it.

    A read-write connection that only reads removes its -wal and -shm files when it closes; a
    read-only one can't, so it must not make them. Text is read by `readable_text`."""
    if can_write(path):
        connection = sqlite3.connect(path, timeout=2, check_same_thread=False)
    else:
        options = "mode=ro" if path.with_name(path.name + "-wal").exists() else "mode=ro&immutable=1"
        address = f"{path.resolve().as_uri()}?{options}"
        connection = sqlite3.connect(address, uri=True, timeout=2, check_same_thread=False)
    connection.text_factory = readable_text
    return connection


def readable_text(stored: bytes) -> str:
    """A stored text; bytes that are no UTF-8 (a foreign tool, a bit flip) read as "\ufffd", as an
    editor shows them, instead of failing the whole query that met them."""
    return stored.decode("utf-8", "replace")


def schema_version_of(path: Path) -> int:
    """The file's schema version (0: new or empty); raises DamagedDatabaseError or DatabaseInUseError."""
    if not path.exists():
        return 0
    with path.open("rb") as stream:
        header = stream.read(len(SQLITE_HEADER))
    if not header:
        if list_backups(path):
            raise errors.DamagedDatabaseError(path, "het bestand is leeg")
        return 0
    if header != SQLITE_HEADER:
        raise errors.DamagedDatabaseError(path, "het bestand is geen SQLite-database")
    try:
        connection = connect(path)
        try:
            check = connection.execute("PRAGMA quick_check").fetchall()
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            }
        finally:
            connection.close()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise errors.DatabaseInUseError(
                f"De database {path} wordt gebruikt door een ander programma. Sluit dat programma en "
                "probeer het opnieuw."
            ) from error
        raise errors.DamagedDatabaseError(path, str(error)) from error
    except sqlite3.DatabaseError as error:
        raise errors.DamagedDatabaseError(path, str(error)) from error
    if check != [("ok",)]:
        raise errors.DamagedDatabaseError(path, "; ".join(row[0] for row in check[:3]))
    ours = tables_of(version) if 0 < version <= SCHEMA_VERSION else set()
    if version < 0 or (version <= SCHEMA_VERSION and tables and not tables & ours):  # none of ours
        raise errors.ForeignDatabaseError(
            f"Het bestand {path} is geen database van DigiD Assessment Wegwijzer (schema {version}); het "
            "blijft ongewijzigd. Zet het elders neer of start de app met een andere gegevensmap."
        )
    missing = sorted(ours - tables)
    if missing:
        raise errors.DamagedDatabaseError(path, f"de tabel ‘{missing[0]}’ ontbreekt")
    return version


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


class LocalFile:
    """The database file in one data folder.

    `read_only`: the caller only reads (an export), so a file or folder that can't be written is
    read as it is; otherwise such a file is refused before SQLite touches it."""

    shared = False

    def __init__(self, data_dir: Path, read_only: bool) -> None:
        self.path = Path(data_dir) / DATABASE_NAME
        self.where = str(self.path)
        self._read_only = read_only
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not read_only and not can_write(self.path):
            raise errors.ReadOnlyDatabaseError(errors.read_only_problem(self.path))

    def checked_version(self, engine: Engine, now: datetime, set_aside_damaged: bool) -> int:
        """The schema version; a damaged file is set aside (if asked) and DamagedDatabaseError raised."""
        try:
            return schema_version_of(self.path)
        except errors.DamagedDatabaseError as damaged:
            if set_aside_damaged:
                damaged.moved_to = set_aside(self.path, now)
            raise

    def before_upgrade(self, version: int, now: datetime) -> None:
        """A new file or an upgrade writes: refused when the file can't be written; a backup first."""
        if not can_write(self.path):
            raise errors.ReadOnlyDatabaseError(errors.read_only_problem(self.path))
        if version > 0:
            make_backup(self.path, now, f"voor-upgrade-v{version}")

    def create_engine(self) -> Engine:
        engine = create_engine(f"sqlite:///{self.path}", creator=self._connect)
        event.listen(engine, "begin", _begin)
        return engine

    def _connect(self) -> sqlite3.Connection:
        connection = connect(self.path)
        connection.isolation_level = None  # SQLAlchemy's BEGIN below makes DDL transactional too
        if not self._read_only:  # a reader leaves the journal mode as it is: changing it is a write
            connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
        connection.execute("PRAGMA foreign_keys=ON")
        return connection

    def locked_version(self, connection: Connection) -> int:
        """The version inside the upgrade's transaction (the data folder's lock keeps other apps out)."""
        return int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())

    def write_version(self, connection: Connection, version: int) -> None:
        connection.exec_driver_sql(f"PRAGMA user_version = {version}")

    def backups(self) -> list[Backup]:
        return list_backups(self.path)

    def make_backup(self, now: datetime, reason: str) -> Path:
        return make_backup(self.path, now, reason)

    def put_back(self, backup: Backup) -> None:
        """Put a backup's contents in place of the file (the engine must be disposed of first), once
        the copy has proved readable and ours: a damaged or foreign backup leaves the data as it was."""
        staged = self.path.with_name(self.path.name + ".restore")
        copy_database(backup.path, staged)
        try:
            schema_version_of(staged)
        except errors.StoreError as error:
            for leftover in (staged, *(staged.with_name(staged.name + end) for end in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
            if isinstance(error, errors.DamagedDatabaseError):  # named by the backup, not the copy
                raise errors.DamagedDatabaseError(backup.path, error.reason) from error
            raise
        for suffix in ("-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        staged.replace(self.path)
