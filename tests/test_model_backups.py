"""Backups and setting a damaged file aside, at the level of files: names, order and what is kept."""

from datetime import datetime
from pathlib import Path

from model.backups import backup_folder, list_backups, make_backup, set_aside
from model.store import DATABASE_NAME, Store

NOW = datetime(2026, 11, 28, 14, 5, 9)


def test_a_damaged_database_is_set_aside_with_its_wal_files(data_dir: Path) -> None:
    database = data_dir / DATABASE_NAME
    for suffix, content in (("", b"database"), ("-wal", b"write-ahead log"), ("-shm", b"shared memory")):
        database.with_name(database.name + suffix).write_bytes(content)
    moved = set_aside(database, NOW)
    assert moved == data_dir / "wegwijzer-beschadigd-20261128-140509.db"
    assert sorted(path.name for path in data_dir.iterdir()) == [
        "wegwijzer-beschadigd-20261128-140509.db",
        "wegwijzer-beschadigd-20261128-140509.db-shm",
        "wegwijzer-beschadigd-20261128-140509.db-wal",
    ]
    assert (data_dir / "wegwijzer-beschadigd-20261128-140509.db-wal").read_bytes() == b"write-ahead log"
    assert (data_dir / "wegwijzer-beschadigd-20261128-140509.db-shm").read_bytes() == b"shared memory"
    assert moved.read_bytes() == b"database"


def test_set_aside_without_wal_files_moves_only_the_database(data_dir: Path) -> None:
    database = data_dir / DATABASE_NAME
    database.write_bytes(b"database")
    moved = set_aside(database, NOW)
    assert [path.name for path in data_dir.iterdir()] == [moved.name]


def test_backups_are_named_by_time_and_reason_and_listed_newest_first(data_dir: Path) -> None:
    store = Store(data_dir)
    store.close()
    database = data_dir / DATABASE_NAME
    first = make_backup(database, datetime(2026, 11, 1, 9, 0, 1))
    upgrade = make_backup(database, datetime(2026, 11, 2, 9), "voor-upgrade-v1")
    assert first == backup_folder(database) / "wegwijzer-20261101-090001.db"
    assert upgrade.name == "wegwijzer-20261102-090000-voor-upgrade-v1.db"
    (backup_folder(database) / "wegwijzer-kapot.db").write_bytes(b"")  # not a backup's name: ignored
    (backup_folder(database) / "notities.txt").write_bytes(b"")
    listed = list_backups(database)
    assert [(each.path, each.made_at, each.reason) for each in listed] == [
        (upgrade, datetime(2026, 11, 2, 9), "voor-upgrade-v1"),
        (first, datetime(2026, 11, 1, 9, 0, 1), ""),
    ]
    assert not list(backup_folder(database).glob("*.part"))
    assert first.read_bytes()[:16] == b"SQLite format 3\x00"


def test_no_backup_folder_means_no_backups(data_dir: Path) -> None:
    assert list_backups(data_dir / DATABASE_NAME) == []
