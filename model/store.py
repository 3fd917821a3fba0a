"""The local SQLite database: dossiers, ticked action items, notes and where the user was.

Every edit is its own committed transaction, with WAL and synchronous=FULL, so whatever the
screen shows as saved survives a crash or a power cut. The GUI calls the plain methods of
`Store` and gets frozen records back; it never sees a session or SQL.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import ForeignKey, String, create_engine, delete, event, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from model.content import Connection, Role
from model.dossier import NAME_MAX_LENGTH, DateField, Dossier, DossierNameError, clean_name

DATABASE_NAME = "wegwijzer.db"
SCHEMA_VERSION = 1
START_POSITION = "dossier"


class StoreError(Exception):
    """A read or write failed; the message is Dutch and fit to show the user."""


class Base(DeclarativeBase):
    pass


class DossierRow(Base):
    """One organisation's assessment of one DigiD connection."""

    __tablename__ = "dossiers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))
    connection: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(16))
    activation_date: Mapped[date | None]
    report_sent: Mapped[date | None]
    logius_fix_deadline: Mapped[date | None]
    findings_fixed: Mapped[date | None]
    position: Mapped[str] = mapped_column(String(64), default=START_POSITION)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class TickedItemRow(Base):
    """An action item ticked in a dossier, and when; unticking deletes the row."""

    __tablename__ = "ticked_items"
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ticked_at: Mapped[datetime]


class NoteRow(Base):
    """The notes a dossier keeps for one step."""

    __tablename__ = "notes"
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    step_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str]
    updated_at: Mapped[datetime]


class SettingRow(Base):
    """A value the app remembers between runs, such as the dossier used last."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str]


def _record(row: DossierRow) -> Dossier:
    return Dossier(
        id=row.id,
        name=row.name,
        connection=Connection(row.connection),
        role=Role(row.role),
        position=row.position,
        **{field.value: getattr(row, field.value) for field in DateField},
    )


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """The dossiers in one data folder."""

    def __init__(self, data_dir: Path, clock: Callable[[], datetime] = _utc_now) -> None:
        self.path = Path(data_dir) / DATABASE_NAME
        self._clock = clock
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._engine = create_engine(f"sqlite:///{self.path}")
            event.listen(self._engine, "connect", _configure_connection)
            with self._engine.begin() as connection:
                Base.metadata.create_all(connection)
                if connection.exec_driver_sql("PRAGMA user_version").scalar() == 0:
                    connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except (OSError, SQLAlchemyError) as error:
            raise StoreError(f"De gegevens in {self.path} kunnen niet worden geopend: {error}") from error
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        try:
            with self._sessions.begin() as session:
                yield session
        except SQLAlchemyError as error:
            raise StoreError(
                f"Opslaan is mislukt: {error.__class__.__name__}: {error.orig or error}"
            ) from error

    # Dossiers

    def list_dossiers(self) -> list[Dossier]:
        with self._transaction() as session:
            rows = session.scalars(select(DossierRow)).all()
            return sorted((_record(row) for row in rows), key=lambda each: each.name.casefold())

    def dossier(self, dossier_id: int) -> Dossier | None:
        with self._transaction() as session:
            row = session.get(DossierRow, dossier_id)
            return _record(row) if row else None

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
        with self._transaction() as session:
            row = session.get(DossierRow, dossier_id)
            if row is None:
                raise StoreError("Dit dossier bestaat niet meer.")
            for key, value in values.items():
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

    # Progress and notes

    def set_item_ticked(self, dossier_id: int, item_id: str, ticked: bool) -> datetime | None:
        """Record a tick (returns when it was made) or an untick (returns None)."""
        with self._transaction() as session:
            row = session.get(TickedItemRow, (dossier_id, item_id))
            if ticked and row is None:
                row = TickedItemRow(dossier_id=dossier_id, item_id=item_id, ticked_at=self._clock())
                session.add(row)
            elif not ticked and row is not None:
                session.delete(row)
                return None
            return row.ticked_at if row else None

    def ticked_items(self, dossier_id: int) -> dict[str, datetime]:
        with self._transaction() as session:
            rows = session.scalars(select(TickedItemRow).where(TickedItemRow.dossier_id == dossier_id))
            return {row.item_id: row.ticked_at for row in rows}

    def set_note(self, dossier_id: int, step_id: str, text: str) -> None:
        with self._transaction() as session:
            row = session.get(NoteRow, (dossier_id, step_id))
            if row is None:
                session.add(
                    NoteRow(dossier_id=dossier_id, step_id=step_id, text=text, updated_at=self._clock())
                )
            elif row.text != text:
                row.text, row.updated_at = text, self._clock()

    def notes(self, dossier_id: int) -> dict[str, str]:
        with self._transaction() as session:
            rows = session.scalars(select(NoteRow).where(NoteRow.dossier_id == dossier_id))
            return {row.step_id: row.text for row in rows if row.text}

    # Settings

    def last_dossier_id(self) -> int | None:
        with self._transaction() as session:
            row = session.get(SettingRow, "last_dossier")
            return int(row.value) if row and row.value.isdigit() else None

    def remember_last_dossier(self, dossier_id: int | None) -> None:
        with self._transaction() as session:
            session.merge(SettingRow(key="last_dossier", value=str(dossier_id or "")))


def _configure_connection(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
