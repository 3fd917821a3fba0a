"""An older database that lacks a table its version had: the rule that mutation testing found
untested."""

import shutil
from pathlib import Path

import pytest

from model.store import DATABASE_NAME
from model.store.errors import DamagedDatabaseError
from model.store.local_file import schema_version_of
from tests.sqlite_file import poke

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(("version", "table"), [(2, "changes"), (3, "care_providers"), (6, "annual_repairs")])
def test_a_table_missing_from_the_version_that_added_it_is_named(
    tmp_path: Path, version: int, table: str
) -> None:
    database = tmp_path / DATABASE_NAME
    shutil.copy(FIXTURES / f"schema-v{version}.db", database)
    poke(tmp_path, f"DROP TABLE {table}")
    with pytest.raises(DamagedDatabaseError) as refused:
        schema_version_of(database)
    assert refused.value.reason == f"de tabel ‘{table}’ ontbreekt"
