"""The database: opening it (checked, built or upgraded), transactions, and what only a local file has.

The data live either in a local SQLite file (`model.store.local_file`, the default) or in a shared
PostgreSQL database (`model.store.shared_server`); everything above this module works the same on
both. Opening runs the schema ladder in one transaction: a new database gets every table, an
older one each upgrade in turn, and a newer one is refused untouched.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from sqlite3 import Error as SQLiteError
from typing import TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from model.backups import Backup
from model.limits import AUTHOR_MAX_LENGTH
from model.store import errors
from model.store.local_file import LocalFile
from model.store.names import DATABASE_NAME
from model.store.schema import SCHEMA_VERSION, UPGRADES, Base
from model.store.shared_server import SharedServer, is_database_url

Result = TypeVar("Result")
WRITE_ATTEMPTS = 4  # a row changed by someone else while it was written is read and written again


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def climb_ladder(connection: Connection, version: int) -> None:
    """Turn a database of schema `version` (0: empty) into one of SCHEMA_VERSION, on either engine."""
    if version == 0:
        Base.metadata.create_all(connection)
    for old in range(version or SCHEMA_VERSION, SCHEMA_VERSION):
        UPGRADES[old](connection)


class Database:
    """The open database; the record kinds (`model.store.dossiers` …) build on it.

    `source`: a data folder, for the SQLite file in it, or a database address
    ("postgresql+psycopg://…") for a shared database. `read_only`: the caller only reads (an
    export), so a local file or folder that can't be written is read as it is."""

    author: str | None = None
    """Who makes the changes, for the history of a shared database; the GUI sets it from the user's
    own settings (issue 22). None on a laptop of one's own."""

    def __init__(
        self,
        source: Path | str,
        clock: Callable[[], datetime] = utc_now,
        set_aside_damaged: bool = True,
        read_only: bool = False,
    ) -> None:
        self._clock = clock
        if is_database_url(source):
            self.place: LocalFile | SharedServer = SharedServer(str(source))
            try:
                self._open(set_aside_damaged)
            except SQLAlchemyError as error:
                raise errors.StoreError(errors.server_problem(self.place.where, error)) from None
            return
        folder = Path(source)
        try:
            self.place = LocalFile(folder, read_only)
            self._open(set_aside_damaged)
        except (OSError, SQLAlchemyError, SQLiteError) as error:
            raise errors.StoreError(errors.open_problem(folder / DATABASE_NAME, error)) from None

    @property
    def shared(self) -> bool:
        """Whether the data are in a shared database rather than in a file on this computer."""
        return self.place.shared

    @property
    def where(self) -> str:
        """Where the data are, as a message may show it (a file path, or an address without password)."""
        return self.place.where

    @property
    def shared_address(self) -> str | None:
        """The shared database's address without password or options; None for a local file."""
        return self.place.address if isinstance(self.place, SharedServer) else None

    @property
    def path(self) -> Path:
        """The local database file; StoreError on a shared database, which has none."""
        return self._local_file("Werken met het databasebestand").path

    def _local_file(self, what: str) -> LocalFile:
        if isinstance(self.place, SharedServer):
            raise errors.StoreError(errors.local_only(what))
        return self.place

    def _local_now(self) -> datetime:
        return self._clock().replace(tzinfo=UTC).astimezone().replace(tzinfo=None)

    def _open(self, set_aside_damaged: bool) -> None:
        self._engine = self.place.create_engine()
        try:
            self._check_and_build(set_aside_damaged)
        except BaseException:
            self._engine.dispose()  # a refused database keeps no connection open
            raise
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    def _check_and_build(self, set_aside_damaged: bool) -> None:
        version = self.place.checked_version(self._engine, self._local_now(), set_aside_damaged)
        if version > SCHEMA_VERSION:
            raise errors.NewerDatabaseError(errors.newer_problem(self.where, version, SCHEMA_VERSION))
        if version != SCHEMA_VERSION:  # a new database, or an upgrade
            self.place.before_upgrade(version, self._local_now())
            with self._engine.begin() as connection:
                version = self.place.locked_version(connection)
                if version > SCHEMA_VERSION:
                    raise errors.NewerDatabaseError(errors.newer_problem(self.where, version, SCHEMA_VERSION))
                climb_ladder(connection, version)
                self.place.write_version(connection, SCHEMA_VERSION)

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """A session whose history rows record `author` (model.store.history.log_change)."""
        try:
            with self._sessions.begin() as session:
                session.info["author"] = self.author[:AUTHOR_MAX_LENGTH] if self.author else None
                yield session
        except SQLAlchemyError as error:
            if (self.shared and isinstance(error, (OperationalError, InterfaceError))) or (
                isinstance(error, DBAPIError) and error.connection_invalidated
            ):
                raise errors.ConnectionLostError(errors.CONNECTION_LOST) from error
            taken = isinstance(error, (IntegrityError, StaleDataError))
            kind = errors.RowTakenError if taken else errors.StoreError
            raise kind(f"Opslaan is mislukt: {getattr(error, 'orig', None) or error}") from error

    def _write_once_more_if_taken(self, write: Callable[[Session], Result]) -> Result:
        """`write` in a transaction; if another app on a shared database inserted or changed the
        same row at the same moment, `write` runs once more in a new one, where it finds that row
        (and again, up to WRITE_ATTEMPTS in all, while busy colleagues keep changing it)."""
        for _attempt in range(WRITE_ATTEMPTS - 1):
            try:
                with self._transaction() as session:
                    return write(session)
            except errors.RowTakenError:
                continue
        with self._transaction() as session:
            return write(session)

    def backups(self) -> list[Backup]:
        return self._local_file("Back-ups bekijken en terugzetten").backups()

    def restore_backup(self, backup: Backup) -> Path:
        """Put a backup's contents in place, after a backup of the current state; returns that backup."""
        local = self._local_file("Een back-up terugzetten")
        current = local.make_backup(self._local_now(), "voor-terugzetten")
        self._engine.dispose()
        try:
            local.put_back(backup)
        finally:  # the backup in place, or the data as it was when the backup proved unfit
            self._open(set_aside_damaged=False)
        return current
