"""The data: dossiers, ticked action items, notes, history, the register, settings.

In a local SQLite file (the default) or a shared PostgreSQL database (issue 22).

One file per kind of record, each a part of `Store` (`model.store.store`) built on
`connection.Database` (opening, upgrades, transactions). The GUI calls the plain methods of `Store`
and gets frozen records back; it never sees SQL.

Importing this package does not load SQLAlchemy: the errors and names are here at once, the parts
that need SQLAlchemy when first asked for (PEP 562), so the window can be painted before it loads
(issue 20).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from model.store.errors import (
    DamagedDatabaseError,
    DatabaseInUseError,
    ForeignDatabaseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
    open_problem,
)
from model.store.names import DATABASE_NAME, START_POSITION

if TYPE_CHECKING:
    from model.store.connection import Database
    from model.store.local_file import schema_version_of
    from model.store.schema import SCHEMA_VERSION
    from model.store.store import Store

LOADED_WHEN_ASKED = {
    "Store": "model.store.store",
    "Database": "model.store.connection",
    "schema_version_of": "model.store.local_file",
    "SCHEMA_VERSION": "model.store.schema",
}


def __getattr__(name: str) -> Any:
    if name in LOADED_WHEN_ASKED:
        return getattr(import_module(LOADED_WHEN_ASKED[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
