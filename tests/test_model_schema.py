"""An upgraded database has exactly the tables, columns and indexes of a new one."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from model.store import DATABASE_NAME, Store
from tests.postgres_server import Server, old_database_on_server

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


def server_layout(url: str) -> dict[str, object]:
    """Every table's columns (name, type, null, default), keys with their names, and indexes."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            inspector = inspect(connection)
            return {
                table: (
                    [
                        (each["name"], str(each["type"]), each["nullable"], each["default"])
                        for each in inspector.get_columns(table)
                    ],
                    inspector.get_pk_constraint(table),
                    sorted(inspector.get_foreign_keys(table), key=lambda key: key["name"]),
                    sorted(inspector.get_indexes(table), key=lambda index: index["name"]),
                )
                for table in sorted(inspector.get_table_names())
            }
    finally:
        engine.dispose()


@pytest.mark.parametrize("version", [4, 5])
def test_an_upgraded_shared_database_is_laid_out_as_a_new_one(postgres: Server, version: int) -> None:
    """Schema 5's and 6's steps on PostgreSQL, from a database laid out as the old file is."""
    new, upgraded = (postgres.url(postgres.new_database()) for _ in range(2))
    old_database_on_server(FIXTURES / f"schema-v{version}.db", upgraded)
    for url in (new, upgraded):
        Store(url).close()
    assert server_layout(upgraded) == server_layout(new)
