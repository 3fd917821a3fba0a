"""Writing straight into a data folder's SQLite file, as an old version, a foreign tool or a bit
flip would: for tests of what the store makes of such a file."""

import sqlite3
from pathlib import Path

from model.store import DATABASE_NAME


def poke(data_dir: Path, sql: str, *values: object) -> None:
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    with connection:
        connection.execute(sql, values)
    connection.close()
