"""The local SQLite database: dossiers, ticked action items, notes, history and where the user was.

Every edit is its own committed transaction, with WAL and synchronous=FULL, so whatever the
screen shows as saved survives a crash or a power cut. Opening checks the file first: a damaged
one is set aside untouched, a newer schema is refused, an older one is upgraded after a backup.
The GUI calls the plain methods of `Store` and gets frozen records back; it never sees SQL.
"""

import errno
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, create_engine, delete, event, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from model.backups import SQLITE_HEADER, Backup, copy_database, list_backups, make_backup, set_aside
from model.content import Connection, Role
from model.dossier import (
    TICKED,
    UNTICKED,
    CareProvider,
    Change,
    DamagedDossier,
    DateField,
    Dossier,
    DossierNameError,
    DossierSnapshot,
    clean_name,
    stored_dossier,
)
from model.register import (
    ADDED,
    HISTORY_STEP,
    REMOVED,
    TEXT_FIELDS,
    history_subject,
    renumbered_providers,
)
from model.schema import (
    SCHEMA_VERSION,
    START_POSITION,
    UPGRADES,
    Base,
    CareProviderRow,
    ChangeRow,
    DossierRow,
    NoteRow,
    SettingRow,
    TickedItemRow,
    tables_of,
)

DATABASE_NAME = "wegwijzer.db"
NOTE_EDIT_MERGE = timedelta(minutes=10)  # typing in one sitting is one change in the history


class StoreError(Exception):
    """A read or write failed; the message is Dutch and fit to show the user."""


class DamagedDatabaseError(StoreError):
    """The file is not a readable SQLite database; `moved_to` says where it was set aside."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"De database {path} is beschadigd of onleesbaar ({reason}).")
        self.path, self.reason = path, reason
        self.moved_to: Path | None = None


class NewerDatabaseError(StoreError):
    """Made by a newer version of the app: left untouched."""


class DatabaseInUseError(StoreError):
    """Another program holds a lock on the file."""


class ForeignDatabaseError(StoreError):
    """Not this app's database (another program's, or an unknown schema version): left untouched."""


def open_problem(path: Path, error: Exception) -> str:
    """Why the database can't be opened, in one Dutch sentence, from the system's or SQLite's error."""
    reason = str(getattr(error, "orig", None) or error).lower()
    code = getattr(error, "errno", None)
    if "readonly" in reason or "read-only" in reason or code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            f"De gegevens in {path} kunnen niet worden opgeslagen: het bestand of de map is alleen-lezen. "
            "Geef uzelf schrijfrechten, of start de app met een andere gegevensmap."
        )
    if "disk is full" in reason or "disk full" in reason or code == errno.ENOSPC:
        return f"De schijf met de gegevens ({path}) is vol. Maak ruimte vrij en start de app opnieuw."
    if "unable to open" in reason:
        return f"De database {path} kan niet worden geopend; controleer of de map bestaat en schrijfbaar is."
    return f"De gegevens in {path} kunnen niet worden geopend ({reason.splitlines()[0] if reason else '?'})."


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _record(row: DossierRow) -> Dossier:
    return Dossier(
        id=row.id,
        name=row.name,
        connection=Connection(row.connection),
        role=Role(row.role),
        position=row.position,
        **{each.value: getattr(row, each.value) for each in DateField},
    )


DOSSIER_COLUMNS = ("id", "name", "connection", "role", "position", *(each.value for each in DateField))
# Read as the file holds them, so that one odd value makes one dossier damaged, not the whole list.
RAW_DOSSIERS = text(f"SELECT {', '.join(DOSSIER_COLUMNS)} FROM dossiers")


def schema_version_of(path: Path) -> int:
    """The file's schema version (0: new or empty); raises DamagedDatabaseError or DatabaseInUseError."""
    if not path.exists():
        return 0
    with path.open("rb") as stream:
        header = stream.read(len(SQLITE_HEADER))
    if not header:
        if list_backups(path):
            raise DamagedDatabaseError(path, "het bestand is leeg")
        return 0
    if header != SQLITE_HEADER:
        raise DamagedDatabaseError(path, "het bestand is geen SQLite-database")
    try:
        connection = sqlite3.connect(path, timeout=2)
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
            raise DatabaseInUseError(
                f"De database {path} wordt gebruikt door een ander programma. Sluit dat programma en "
                "probeer het opnieuw."
            ) from error
        raise DamagedDatabaseError(path, str(error)) from error
    except sqlite3.DatabaseError as error:
        raise DamagedDatabaseError(path, str(error)) from error
    if check != [("ok",)]:
        raise DamagedDatabaseError(path, "; ".join(row[0] for row in check[:3]))
    if version < 0 or (version == 0 and tables):
        raise ForeignDatabaseError(
            f"Het bestand {path} is geen database van DigiD Assessment Wegwijzer (schema {version}); het "
            "blijft ongewijzigd. Zet het elders neer of start de app met een andere gegevensmap."
        )
    if 0 < version <= SCHEMA_VERSION:
        missing = sorted(tables_of(version) - tables)
        if missing:
            raise DamagedDatabaseError(path, f"de tabel ‘{missing[0]}’ ontbreekt")
    return version


def _configure_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's BEGIN below makes DDL transactional too
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _begin(connection: object) -> None:
    connection.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]


class Store:
    """The dossiers in one data folder."""

    def __init__(
        self, data_dir: Path, clock: Callable[[], datetime] = _utc_now, set_aside_damaged: bool = True
    ) -> None:
        self.path = Path(data_dir) / DATABASE_NAME
        self._clock = clock
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._open(set_aside_damaged)
        except (OSError, SQLAlchemyError, sqlite3.Error) as error:
            raise StoreError(open_problem(self.path, error)) from None
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    def _local_now(self) -> datetime:
        return self._clock().replace(tzinfo=UTC).astimezone().replace(tzinfo=None)

    def _open(self, set_aside_damaged: bool) -> None:
        try:
            version = schema_version_of(self.path)
        except DamagedDatabaseError as damaged:
            if set_aside_damaged:
                damaged.moved_to = set_aside(self.path, self._local_now())
            raise
        if version > SCHEMA_VERSION:
            raise NewerDatabaseError(
                f"De gegevens in {self.path} zijn gemaakt met een nieuwere versie van DigiD Assessment "
                f"Wegwijzer (schema {version}; deze versie kent schema {SCHEMA_VERSION}). Installeer de "
                "nieuwste versie. Er is niets gewijzigd."
            )
        if 0 < version < SCHEMA_VERSION:
            make_backup(self.path, self._local_now(), f"voor-upgrade-v{version}")
        self._engine = self._create_engine()
        with self._engine.begin() as connection:
            if version == 0:
                Base.metadata.create_all(connection)
            for old in range(version or SCHEMA_VERSION, SCHEMA_VERSION):
                UPGRADES[old](connection)
            connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _create_engine(self) -> Engine:
        engine = create_engine(f"sqlite:///{self.path}")
        event.listen(engine, "connect", _configure_connection)
        event.listen(engine, "begin", _begin)
        return engine

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        try:
            with self._sessions.begin() as session:
                yield session
        except SQLAlchemyError as error:
            raise StoreError(f"Opslaan is mislukt: {getattr(error, 'orig', None) or error}") from error

    def _log(
        self, session: Session, dossier_id: int, step_id: str | None, subject: str, old: str, new: str
    ) -> None:
        if old != new:
            session.add(
                ChangeRow(
                    dossier_id=dossier_id,
                    at=self._clock(),
                    step_id=step_id,
                    subject=subject,
                    old=old,
                    new=new,
                )
            )

    def _log_merged(
        self, session: Session, dossier_id: int, step_id: str, subject: str, old: str, new: str
    ) -> None:
        """Log a typed edit; typing in one sitting (same subject, latest change of its step) is one
        change from the first value to the last."""
        now = self._clock()
        last = session.scalars(
            select(ChangeRow)
            .where(ChangeRow.dossier_id == dossier_id, ChangeRow.step_id == step_id)
            .order_by(ChangeRow.id.desc())
            .limit(1)
        ).first()
        if last is not None and last.subject == subject and now - last.at <= NOTE_EDIT_MERGE:
            last.new, last.at = new, now
            if last.old == new:  # typed back to where the sitting started: nothing changed
                session.delete(last)
        else:
            self._log(session, dossier_id, step_id, subject, old, new)

    # Dossiers

    def dossiers_and_damaged(self) -> tuple[list[Dossier], list[DamagedDossier]]:
        """The usable dossiers and the damaged ones, each by name."""
        usable, damaged = [], []
        with self._transaction() as session:
            rows = session.execute(RAW_DOSSIERS).mappings().all()
        for values in rows:
            try:
                usable.append(stored_dossier(dict(values)))
            except ValueError as problem:
                name = values["name"] if isinstance(values["name"], str) else ""
                shown = name.encode("utf-8", "replace").decode().replace("\x00", "")
                damaged.append(DamagedDossier(values["id"], shown or f"Dossier {values['id']}", str(problem)))
        return (
            sorted(usable, key=lambda each: each.name.casefold()),
            sorted(damaged, key=lambda each: each.name.casefold()),
        )

    def list_dossiers(self) -> list[Dossier]:
        """The dossiers that can be used; `damaged_dossiers` has the others."""
        return self.dossiers_and_damaged()[0]

    def damaged_dossiers(self) -> list[DamagedDossier]:
        """Dossiers whose stored values break the app's rules (an old or edited file), to export or delete."""
        return self.dossiers_and_damaged()[1]

    def dossier(self, dossier_id: int) -> Dossier | None:
        """The dossier, or None when it is gone or damaged."""
        return next((each for each in self.list_dossiers() if each.id == dossier_id), None)

    def find_dossier(self, name: str) -> Dossier | None:
        wanted = " ".join(name.split()).casefold()
        return next((each for each in self.list_dossiers() if each.name.casefold() == wanted), None)

    def check_name(self, name: str, dossier_id: int | None = None) -> str:
        """The cleaned name, or DossierNameError when it is empty, too long or taken."""
        cleaned = clean_name(name)
        existing = self.find_dossier(cleaned)
        if existing and existing.id != dossier_id:
            raise DossierNameError(f"Er is al een dossier met de naam ‘{existing.name}’.")
        return cleaned

    def free_name(self, name: str) -> str:
        """`name`, or the first of "name (2)", "name (3)" … not taken: an import that keeps both."""
        if self.find_dossier(name) is None:
            return name
        number = 2
        while self.find_dossier(f"{name} ({number})") is not None:
            number += 1
        return f"{name} ({number})"

    def create_dossier(
        self, name: str, connection: Connection, role: Role, activation_date: date | None
    ) -> Dossier:
        cleaned = self.check_name(name)
        now = self._clock()
        with self._transaction() as session:
            row = DossierRow(
                name=cleaned,
                connection=connection.value,
                role=role.value,
                activation_date=activation_date,
                position=START_POSITION,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            return _record(row)

    def _update(self, dossier_id: int, **values: object) -> Dossier:
        """Change dossier fields, each change recorded in the history (but the position)."""
        with self._transaction() as session:
            row = session.get(DossierRow, dossier_id)
            if row is None:
                raise StoreError("Dit dossier bestaat niet meer.")
            for key, value in values.items():
                if key != "position":
                    self._log(session, dossier_id, None, key, _as_text(getattr(row, key)), _as_text(value))
                setattr(row, key, value)
            row.updated_at = self._clock()
            return _record(row)

    def rename_dossier(self, dossier_id: int, name: str) -> Dossier:
        return self._update(dossier_id, name=self.check_name(name, dossier_id))

    def set_connection(self, dossier_id: int, connection: Connection) -> Dossier:
        return self._update(dossier_id, connection=connection.value, position=START_POSITION)

    def set_role(self, dossier_id: int, role: Role) -> Dossier:
        return self._update(dossier_id, role=role.value)

    def set_date(self, dossier_id: int, field: DateField, value: date | None) -> Dossier:
        return self._update(dossier_id, **{field.value: value})

    def set_position(self, dossier_id: int, position: str) -> None:
        with self._transaction() as session:
            row = session.get(DossierRow, dossier_id)
            if row is not None:
                row.position = position

    def delete_dossier(self, dossier_id: int) -> None:
        with self._transaction() as session:
            session.execute(delete(DossierRow).where(DossierRow.id == dossier_id))

    # Progress, notes and their history

    def set_item_ticked(self, dossier_id: int, item_id: str, ticked: bool) -> datetime | None:
        """Record a tick (returns when it was made) or an untick (returns None)."""
        step_id = item_id.rsplit(".", 1)[0]
        with self._transaction() as session:
            row = session.get(TickedItemRow, (dossier_id, item_id))
            if ticked and row is None:
                row = TickedItemRow(dossier_id=dossier_id, item_id=item_id, ticked_at=self._clock())
                session.add(row)
                self._log(session, dossier_id, step_id, item_id, UNTICKED, TICKED)
            elif not ticked and row is not None:
                session.delete(row)
                self._log(session, dossier_id, step_id, item_id, TICKED, UNTICKED)
                return None
            return row.ticked_at if row else None

    def ticked_items(self, dossier_id: int) -> dict[str, datetime]:
        with self._transaction() as session:
            rows = session.scalars(select(TickedItemRow).where(TickedItemRow.dossier_id == dossier_id))
            return {row.item_id: row.ticked_at for row in rows}

    def set_note(self, dossier_id: int, step_id: str, text: str) -> None:
        now = self._clock()
        with self._transaction() as session:
            row = session.get(NoteRow, (dossier_id, step_id))
            old = row.text if row else ""
            if old == text:
                return
            if row is None:
                session.add(NoteRow(dossier_id=dossier_id, step_id=step_id, text=text, updated_at=now))
            else:
                row.text, row.updated_at = text, now
            self._log_merged(session, dossier_id, step_id, "note", old, text)

    def notes(self, dossier_id: int) -> dict[str, str]:
        with self._transaction() as session:
            rows = session.scalars(select(NoteRow).where(NoteRow.dossier_id == dossier_id))
            return {row.step_id: row.text for row in rows if row.text}

    def history(self, dossier_id: int, step_id: str | None = None) -> list[Change]:
        """The dossier's changes, oldest first; with `step_id`, only that step's."""
        query = select(ChangeRow).where(ChangeRow.dossier_id == dossier_id)
        if step_id is not None:
            query = query.where(ChangeRow.step_id == step_id)
        with self._transaction() as session:
            return [
                Change(row.at, row.step_id, row.subject, row.old, row.new)
                for row in session.scalars(query.order_by(ChangeRow.id))
            ]

    # A whole dossier at once, for export and import

    def snapshot(self, dossier_id: int) -> DossierSnapshot:
        dossier = self.dossier(dossier_id)
        if dossier is None:
            raise StoreError("Dit dossier bestaat niet meer.")
        return DossierSnapshot(
            dossier,
            self.ticked_items(dossier_id),
            self.notes(dossier_id),
            tuple(self.history(dossier_id)),
            tuple(self.care_providers(dossier_id)),
        )

    def add_snapshot(self, snapshot: DossierSnapshot, name: str, replace: Dossier | None = None) -> Dossier:
        """Store an imported dossier under `name` in one transaction, replacing `replace` if given."""
        cleaned = self.check_name(name, replace.id if replace else None)
        source, now = snapshot.dossier, self._clock()
        with self._transaction() as session:
            if replace is not None:
                session.execute(delete(DossierRow).where(DossierRow.id == replace.id))
            row = DossierRow(
                name=cleaned,
                connection=source.connection.value,
                role=source.role.value,
                position=source.position,
                created_at=now,
                updated_at=now,
                **{each.value: getattr(source, each.value) for each in DateField},
            )
            session.add(row)
            session.flush()
            session.add_all(
                TickedItemRow(dossier_id=row.id, item_id=item, ticked_at=at)
                for item, at in snapshot.ticked.items()
            )
            session.add_all(
                NoteRow(dossier_id=row.id, step_id=step, text=text, updated_at=now)
                for step, text in snapshot.notes.items()
            )
            session.add_all(
                ChangeRow(
                    dossier_id=row.id, at=c.at, step_id=c.step_id, subject=c.subject, old=c.old, new=c.new
                )
                for c in renumbered_providers(snapshot.changes)
            )
            session.add_all(
                CareProviderRow(
                    dossier_id=row.id, **{field: getattr(p, field) for field in CARE_PROVIDER_FIELDS}
                )
                for p in snapshot.care_providers
            )
            session.flush()
            return _record(row)

    # The cluster register

    def care_providers(self, dossier_id: int) -> list[CareProvider]:
        with self._transaction() as session:
            rows = session.scalars(
                select(CareProviderRow)
                .where(CareProviderRow.dossier_id == dossier_id)
                .order_by(CareProviderRow.id)
            )
            return [_provider(row) for row in rows]

    def save_care_provider(self, dossier_id: int, provider: CareProvider) -> CareProvider:
        """Insert (id 0) or update an entry as typed, complete or not (`model.register.counted`
        decides what counts); each changed field goes into the history."""
        values = {field: getattr(provider, field) for field in CARE_PROVIDER_FIELDS}
        with self._transaction() as session:
            row = session.get(CareProviderRow, provider.id) if provider.id else None
            if provider.id and (row is None or row.dossier_id != dossier_id):
                raise StoreError("Deze zorgaanbieder bestaat niet meer.")
            if row is None:
                row = CareProviderRow(dossier_id=dossier_id, **dict.fromkeys(TEXT_FIELDS, ""))
                session.add(row)
                session.flush()
                self._log(session, dossier_id, HISTORY_STEP, history_subject(row.id), "", ADDED)
            for field, value in values.items():
                subject = history_subject(row.id, field)
                old, new = _as_text(getattr(row, field)), _as_text(value)
                if old != new:
                    self._log_merged(session, dossier_id, HISTORY_STEP, subject, old, new)
                setattr(row, field, value)
            session.flush()
            return _provider(row)

    def delete_care_provider(self, dossier_id: int, provider_id: int) -> None:
        with self._transaction() as session:
            row = session.get(CareProviderRow, provider_id)
            if row is None or row.dossier_id != dossier_id:
                return
            self._log(session, dossier_id, HISTORY_STEP, history_subject(provider_id), row.name, REMOVED)
            session.delete(row)

    # Backups

    def backups(self) -> list[Backup]:
        return list_backups(self.path)

    def restore_backup(self, backup: Backup) -> Path:
        """Put a backup's contents in place, after a backup of the current state; returns that backup."""
        current = make_backup(self.path, self._local_now(), "voor-terugzetten")
        self._engine.dispose()
        copy_database(backup.path, self.path.with_name(self.path.name + ".restore"))
        for suffix in ("-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        self.path.with_name(self.path.name + ".restore").replace(self.path)
        self._open(set_aside_damaged=False)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        return current

    # Settings

    def setting(self, key: str) -> str | None:
        with self._transaction() as session:
            row = session.get(SettingRow, key)
            return row.value if row else None

    def set_setting(self, key: str, value: str) -> None:
        with self._transaction() as session:
            session.merge(SettingRow(key=key, value=value))

    def last_dossier_id(self) -> int | None:
        value = self.setting("last_dossier")
        return int(value) if value and value.isdigit() else None

    def remember_last_dossier(self, dossier_id: int | None) -> None:
        self.set_setting("last_dossier", str(dossier_id or ""))


CARE_PROVIDER_FIELDS = tuple(field.name for field in fields(CareProvider) if field.name != "id")


def _provider(row: CareProviderRow) -> CareProvider:
    return CareProvider(id=row.id, **{field: getattr(row, field) for field in CARE_PROVIDER_FIELDS})


def _as_text(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)
