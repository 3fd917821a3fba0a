"""An upgraded database has exactly the tables, columns and indexes of a new one."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from model.store import DATABASE_NAME, Store

FIXTURES = Path(__file__).parent / "fixtures"


def layout(database: Path) -> dict[str, object]:
    """Every table's columns (name, type, not null, default, key), foreign keys and indexes."""
    connection = sqlite3.connect(database)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            table: (
                connection.execute(f"PRAGMA table_info({table})").fetchall(),
                connection.execute(f"PRAGMA foreign_key_list({table})").fetchall(),
                sorted(
                    (name, unique, connection.execute(f"PRAGMA index_info({name})").fetchall())
                    for _, name, unique, *_ in connection.execute(f"PRAGMA index_list({table})")
                ),
            )
            for table in sorted(tables)
        }
    finally:
        connection.close()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-v*.db")), ids=lambda path: path.stem)
def test_an_upgraded_database_is_laid_out_as_a_new_one(tmp_path: Path, fixture: Path) -> None:
    new, upgraded = tmp_path / "new", tmp_path / "upgraded"
    upgraded.mkdir()
    shutil.copy(fixture, upgraded / DATABASE_NAME)
    for folder in (new, upgraded):
        Store(folder).close()
    assert layout(upgraded / DATABASE_NAME) == layout(new / DATABASE_NAME)
