"""The data: dossiers, ticked action items, notes, history, the register, settings.

In a local SQLite file (the default) or a shared PostgreSQL database (issue 22).

One file per kind of record, each a part of `Store` built on `connection.Database` (opening,
upgrades, transactions). The GUI calls the plain methods of `Store` and gets frozen records
back; it never sees SQL.
"""

from model.store.annual_reports import AnnualReports
from model.store.connection import Database
from model.store.errors import (
    DamagedDatabaseError,
    DatabaseInUseError,
    ForeignDatabaseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
    open_problem,
)
from model.store.local_file import DATABASE_NAME, schema_version_of
from model.store.overview import Overview
from model.store.schema import SCHEMA_VERSION, START_POSITION
from model.store.settings import Settings
from model.store.snapshots import Snapshots


class Store(Overview, Snapshots, AnnualReports, Settings):
    """The dossiers in one data folder."""


__all__ = [
    "DATABASE_NAME",
    "SCHEMA_VERSION",
    "START_POSITION",
    "DamagedDatabaseError",
    "Database",
    "DatabaseInUseError",
    "ForeignDatabaseError",
    "NewerDatabaseError",
    "ReadOnlyDatabaseError",
    "Store",
    "StoreError",
    "open_problem",
    "schema_version_of",
]
