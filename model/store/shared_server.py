"""A shared PostgreSQL database (issue 22): its address, its schema version table, its connections.

Several people work in one such database at once, so there is no data folder, no lock file, no
backup file and no damaged file to set aside: the server's administrator keeps its backups. The
schema version lives in a one-row table where SQLite has `PRAGMA user_version`; whoever creates
or upgrades the tables first holds an advisory lock for that transaction, so two apps starting
together on a new database don't both build it.
"""

from datetime import datetime

from sqlalchemy import Column, Connection, Engine, Integer, MetaData, Table, create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from model.locations import APP_NAME
from model.store import errors
from model.store.names import DRIVER
from model.store.schema import Base

VERSION_TABLE = Table("wegwijzer_schema", MetaData(), Column("version", Integer, nullable=False))
SCHEMA_LOCK = 0x77656777  # "wegw": the advisory lock held while the schema is built or upgraded
CONNECT_TIMEOUT = 10  # seconds before an unreachable server is reported


def is_database_url(source: object) -> bool:
    """Whether a store's source is a database address (text with "://") rather than a data folder."""
    return isinstance(source, str) and "://" in source


def database_url(address: str) -> URL:
    """The address as a PostgreSQL URL for psycopg 3; StoreError (password masked) for anything else."""
    try:
        url = make_url(address)
    except (ArgumentError, ValueError):  # ValueError: a port that is no number
        raise errors.StoreError(
            "Het adres van de gedeelde database is onleesbaar; gebruik de vorm "
            "postgresql+psycopg://gebruiker@server:5432/database."
        ) from None
    if url.drivername not in ("postgresql", DRIVER) or not url.database:
        raise errors.StoreError(
            f"Het adres {shown(url)} is geen PostgreSQL-database; gebruik de vorm "
            "postgresql+psycopg://gebruiker@server:5432/database."
        )
    return url.set(drivername=DRIVER)


def shown(url: URL) -> str:
    """The address as a message may show it: never the password."""
    return url.render_as_string(hide_password=True)


def plain_address(url: URL) -> str:
    """The address without password or options: which database it is, as a page names it."""
    return URL.create(url.drivername, url.username, None, url.host, url.port, url.database).render_as_string()


class SharedServer:
    """One database on a PostgreSQL server, shared by everyone who opens it."""

    shared = True

    def __init__(self, address: str) -> None:
        self.url = database_url(address)
        self.where = shown(self.url)
        self.address = plain_address(self.url)

    def checked_version(self, engine: Engine, now: datetime, set_aside_damaged: bool) -> int:
        """The schema version (0: none of our tables yet); ForeignDatabaseError for tables of ours
        without a version, which another program must have made."""
        with engine.connect() as connection:
            names = set(inspect(connection).get_table_names())
            if VERSION_TABLE.name in names:
                return self.locked_version(connection)
        if names & set(Base.metadata.tables):
            raise errors.ForeignDatabaseError(
                f"De database {self.where} bevat tabellen met dezelfde namen als die van DigiD Assessment "
                "Wegwijzer, maar is er niet door gemaakt; ze blijven ongewijzigd. Gebruik een eigen, "
                "lege database."
            )
        return 0

    def before_upgrade(self, version: int, now: datetime) -> None:
        """Nothing to check first: the upgrade is one transaction the server rolls back if it fails."""

    def create_engine(self) -> Engine:
        try:
            return create_engine(
                self.url,
                pool_pre_ping=True,  # a connection the server dropped is replaced, not handed out
                connect_args={"connect_timeout": CONNECT_TIMEOUT, "application_name": APP_NAME},
            )
        except ImportError as error:  # installed without its driver: say so rather than crash
            reason = str(error).splitlines()[0]
            raise errors.StoreError(
                "Deze installatie kan geen gedeelde database openen: het onderdeel psycopg ontbreekt "
                f"({reason})."
            ) from None

    def locked_version(self, connection: Connection) -> int:
        """The version once this transaction holds the schema lock: another app may just have built it."""
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
        VERSION_TABLE.create(connection, checkfirst=True)
        return int(connection.execute(VERSION_TABLE.select()).scalar() or 0)

    def write_version(self, connection: Connection, version: int) -> None:
        connection.execute(VERSION_TABLE.delete())
        connection.execute(VERSION_TABLE.insert().values(version=version))
