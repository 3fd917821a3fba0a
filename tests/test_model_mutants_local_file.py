"""The local SQLite file: the rules that mutation testing found untested."""

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from model.store import SCHEMA_VERSION, DamagedDatabaseError, Store

NOW = datetime(2026, 11, 28, 9, 30)


def test_a_damaged_backup_is_named_with_what_is_wrong_with_it(
    store_at: Callable[[datetime], Store], data_dir: Path
) -> None:
    """The message names the backup the user chose (not the copy being checked) and why it is unfit."""
    store = store_at(NOW)
    broken = data_dir / "backups" / "wegwijzer-20261101-090000.db"
    broken.parent.mkdir()
    connection = sqlite3.connect(broken)  # of our schema, but without most of its tables
    connection.execute("CREATE TABLE dossiers (id INTEGER PRIMARY KEY)")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.commit()
    connection.close()
    with pytest.raises(DamagedDatabaseError) as raised:
        store.restore_backup(next(each for each in store.backups() if each.path == broken))
    assert str(raised.value) == (
        f"De database {broken} is beschadigd of onleesbaar (de tabel ‘annual_repairs’ ontbreekt)."
    )
