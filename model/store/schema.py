"""The database's tables, its schema version and the ladder of upgrades from older versions.

The version lives in `PRAGMA user_version` (on a shared server in a table of its own). Each upgrade
is written for the version it leaves, in SQL or SQLAlchemy Core of its own, so it keeps working
when the ORM classes below move on; the store runs the whole ladder in one transaction, after a
backup copy. From schema 5 on the steps run on PostgreSQL too.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Connection, Date, DateTime, ForeignKey, Integer, MetaData, String, Table, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from model.dossier import NAME_MAX_LENGTH
from model.limits import AUTHOR_MAX_LENGTH, KVK_INPUT_MAX_LENGTH
from model.store.names import START_POSITION

SCHEMA_VERSION = 7


FIRST_VERSION = text("1")  # of a note or register row (schema 7)


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
    """An action item ticked in one round of a dossier (0: the first assessment, else the yearly
    round's window year; schema 5), and when; unticking deletes the row."""

    __tablename__ = "ticked_items"
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    round_year: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ticked_at: Mapped[datetime]


class NoteRow(Base):
    """The notes a dossier keeps for one step in one round (schema 5: per round); `version` counts
    its saves (schema 7), so that a save made against an older text is noticed, not lost."""

    __tablename__ = "notes"
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    round_year: Mapped[int] = mapped_column(primary_key=True)
    step_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    text: Mapped[str]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(server_default=FIRST_VERSION)
    # SQLAlchemy counts `version` and fails an UPDATE or DELETE of a row changed since it was read
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own attribute)


class SettingRow(Base):
    """A value the app remembers between runs, such as the dossier used last."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str]


class ChangeRow(Base):
    """One edit in a dossier's history: a tick, an untick, a note or a date changed (schema 2), in
    the round it was made in (schema 5), and by whom when known (schema 7: a shared database)."""

    __tablename__ = "changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime]
    step_id: Mapped[str | None] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(64))
    old: Mapped[str]
    new: Mapped[str]
    round_year: Mapped[int] = mapped_column(server_default=text("0"))
    author: Mapped[str | None] = mapped_column(String(AUTHOR_MAX_LENGTH))


class CareProviderRow(Base):
    """A care provider on the supplier's cluster connection (schema 3); `version` counts its saves
    (schema 7), as with the notes."""

    __tablename__ = "care_providers"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    # VARCHAR(8) on SQLite, which holds no one to it (schema 3 made it so); a wrong number typed
    # (up to 20 characters) is kept as typed, so PostgreSQL, which would refuse it, gets room for it.
    kvk: Mapped[str] = mapped_column(String(8).with_variant(String(KVK_INPUT_MAX_LENGTH), "postgresql"))
    signatory_name: Mapped[str] = mapped_column(String(120))
    signatory_function: Mapped[str] = mapped_column(String(120))
    contract_signed: Mapped[date | None]
    akkoord_signed: Mapped[date | None]
    akkoord_submitted: Mapped[date | None]
    production: Mapped[date | None]
    notes: Mapped[str]
    version: Mapped[int] = mapped_column(server_default=FIRST_VERSION)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class AnnualReportRow(Base):
    """The day a yearly report (window 1 January – 1 May of `year`) went to Logius (schema 4)."""

    __tablename__ = "annual_reports"
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    sent: Mapped[date]


class AnnualRepairRow(Base):
    """Fixing the findings of the yearly report of `year` (schema 6): the deadline in Logius's
    letter and the day they were fixed; a row with neither is deleted."""

    __tablename__ = "annual_repairs"
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    logius_fix_deadline: Mapped[date | None]
    findings_fixed: Mapped[date | None]


class RoundRow(Base):
    """A yearly round started in a dossier, for the report window of `year` (schema 5); the first
    assessment (round 0) has no row."""

    __tablename__ = "rounds"
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime]


def _add_change_history(connection: Connection) -> None:
    connection.exec_driver_sql(
        "CREATE TABLE changes ("
        " id INTEGER NOT NULL PRIMARY KEY,"
        " dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,"
        " at DATETIME NOT NULL,"
        " step_id VARCHAR(64),"
        " subject VARCHAR(64) NOT NULL,"
        " old VARCHAR NOT NULL,"
        " new VARCHAR NOT NULL)"
    )
    connection.exec_driver_sql("CREATE INDEX ix_changes_dossier_id ON changes (dossier_id)")


def _add_care_provider_register(connection: Connection) -> None:
    connection.exec_driver_sql(
        "CREATE TABLE care_providers ("
        " id INTEGER NOT NULL PRIMARY KEY,"
        " dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,"
        " name VARCHAR(120) NOT NULL,"
        " kvk VARCHAR(8) NOT NULL,"
        " signatory_name VARCHAR(120) NOT NULL,"
        " signatory_function VARCHAR(120) NOT NULL,"
        " contract_signed DATE,"
        " akkoord_signed DATE,"
        " akkoord_submitted DATE,"
        " production DATE,"
        " notes VARCHAR NOT NULL)"
    )
    connection.exec_driver_sql("CREATE INDEX ix_care_providers_dossier_id ON care_providers (dossier_id)")


def _add_annual_reports(connection: Connection) -> None:
    connection.exec_driver_sql(
        "CREATE TABLE annual_reports ("
        " dossier_id INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,"
        " year INTEGER NOT NULL,"
        " sent DATE NOT NULL,"
        " PRIMARY KEY (dossier_id, year))"
    )


def _version_5_and_6_tables() -> MetaData:
    """The tables schema 5 and 6 added or rebuilt, as those versions had them, in SQLAlchemy Core
    so that the steps run on SQLite and PostgreSQL alike and give each engine's own types."""
    tables = MetaData()
    Table("dossiers", tables, Column("id", Integer, primary_key=True))  # referred to, already there

    def of_dossier(name: str, key: str, *columns: Column[Any]) -> None:
        owner = ForeignKey("dossiers.id", ondelete="CASCADE")
        Table(
            name,
            tables,
            Column("dossier_id", Integer, owner, primary_key=True),
            Column(key, Integer, primary_key=True),
            *columns,
        )

    of_dossier("rounds", "year", Column("started_at", DateTime, nullable=False))
    of_dossier(
        "ticked_items",
        "round_year",
        Column("item_id", String(64), primary_key=True),
        Column("ticked_at", DateTime, nullable=False),
    )
    of_dossier(
        "notes",
        "round_year",
        Column("step_id", String(64), primary_key=True),
        Column("text", String, nullable=False),
        Column("updated_at", DateTime, nullable=False),
    )
    of_dossier("annual_repairs", "year", Column("logius_fix_deadline", Date), Column("findings_fixed", Date))
    return tables


def _add_rounds(connection: Connection) -> None:
    """Ticks and notes get a round; what was there belongs to the first assessment (round 0).

    Their tables are rebuilt under their own names (copied aside, dropped, made anew, filled
    back), so that they end up as a new database has them, constraint names on PostgreSQL too."""
    tables = _version_5_and_6_tables().tables
    tables["rounds"].create(connection)
    for name, kept in (("ticked_items", "item_id, ticked_at"), ("notes", "step_id, text, updated_at")):
        connection.exec_driver_sql(f"CREATE TABLE {name}_v4 AS SELECT * FROM {name}")
        connection.exec_driver_sql(f"DROP TABLE {name}")
        tables[name].create(connection)
        connection.exec_driver_sql(f"INSERT INTO {name} SELECT dossier_id, 0, {kept} FROM {name}_v4")
        connection.exec_driver_sql(f"DROP TABLE {name}_v4")
    connection.exec_driver_sql("ALTER TABLE changes ADD COLUMN round_year INTEGER NOT NULL DEFAULT 0")


def _add_annual_repairs(connection: Connection) -> None:
    _version_5_and_6_tables().tables["annual_repairs"].create(connection)


def _add_versions_and_authors(connection: Connection) -> None:
    """Notes and register entries count their saves; the history says who made a change."""
    for table in ("notes", "care_providers"):
        connection.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    connection.exec_driver_sql(f"ALTER TABLE changes ADD COLUMN author VARCHAR({AUTHOR_MAX_LENGTH})")


# UPGRADES[n] turns a database of schema n into one of schema n + 1.
UPGRADES: dict[int, Callable[[Connection], None]] = {
    1: _add_change_history,
    2: _add_care_provider_register,
    3: _add_annual_reports,
    4: _add_rounds,
    5: _add_annual_repairs,
    6: _add_versions_and_authors,
}
TABLES_ADDED = {
    2: ("changes",),
    3: ("care_providers",),
    4: ("annual_reports",),
    5: ("rounds",),
    6: ("annual_repairs",),
}  # by the upgrade to that version


def tables_of(version: int) -> set[str]:
    """The tables a database of schema `version` (1 up to SCHEMA_VERSION) has."""
    later = {table for added, tables in TABLES_ADDED.items() if added > version for table in tables}
    return set(Base.metadata.tables) - later
