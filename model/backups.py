"""Copies of the database in a `backups` folder beside it, and the checks that decide when to make one.

Copies are made with SQLite's backup API, so they are consistent even while the app writes.
Kept: the 10 newest, and the newest of every month before them.
"""

import hashlib
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

BACKUP_FOLDER = "backups"
KEEP_NEWEST = 10
NAME_PATTERN = re.compile(r"^wegwijzer-(\d{8}-\d{6})(?:-([a-z0-9-]+))?\.db$")
TIME_FORMAT = "%Y%m%d-%H%M%S"
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime  # local time, from the file name
    reason: str  # "" for the regular copy at start, else e.g. "voor-upgrade-v1"


def backup_folder(database: Path) -> Path:
    return database.parent / BACKUP_FOLDER


def list_backups(database: Path) -> list[Backup]:
    """The backups of `database`, newest first."""
    folder = backup_folder(database)
    found = []
    for path in folder.glob("wegwijzer-*.db") if folder.is_dir() else ():
        match = NAME_PATTERN.match(path.name)
        if match:
            found.append(Backup(path, datetime.strptime(match[1], TIME_FORMAT), match[2] or ""))
    return sorted(found, key=lambda backup: (backup.made_at, backup.path.name), reverse=True)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API, written beside `target` and then moved there."""
    partial = target.with_name(target.name + ".part")
    source_connection = sqlite3.connect(source)
    try:
        target_connection = sqlite3.connect(partial)
        try:
            source_connection.backup(target_connection)
        finally:
            target_connection.close()
    finally:
        source_connection.close()
    partial.replace(target)


def make_backup(database: Path, now: datetime, reason: str = "") -> Path:
    folder = backup_folder(database)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"wegwijzer-{now.strftime(TIME_FORMAT)}{f'-{reason}' if reason else ''}.db"
    target = folder / name
    copy_database(database, target)
    return target


def content_digest(database: Path) -> str:
    """A fingerprint of what the database holds (not of its pages), to see whether anything changed."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for line in connection.iterdump():
            digest.update(line.encode())
        return digest.hexdigest()
    finally:
        connection.close()


def clean_leftovers(database: Path) -> list[Path]:
    """Remove what a killed backup leaves in the backup folder: `.part` copies and journal files
    whose database is gone. A `.part` never matches NAME_PATTERN, so none was ever taken for a backup."""
    folder = backup_folder(database)
    removed: list[Path] = []
    for path in folder.iterdir() if folder.is_dir() else ():
        journal = path.suffix in (".db-wal", ".db-shm", ".db-journal")
        if ".part" not in path.name and not journal:
            continue
        if not journal or not path.with_name(path.name.rsplit("-", 1)[0]).exists():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def backup_if_changed(database: Path, now: datetime) -> Path | None:
    """The regular backup at start: made only when the data differ from the newest regular copy."""
    clean_leftovers(database)
    if not database.exists():
        return None
    regular = [backup for backup in list_backups(database) if not backup.reason]
    if regular and content_digest(regular[0].path) == content_digest(database):
        return None
    made = make_backup(database, now)
    prune(database)
    return made


def prune(database: Path) -> list[Path]:
    """Delete regular backups beyond the 10 newest that aren't the newest of their month."""
    regular = [backup for backup in list_backups(database) if not backup.reason]
    keep = {backup.path for backup in regular[:KEEP_NEWEST]}
    months: set[tuple[int, int]] = set()
    for backup in regular:  # newest first: the first seen of a month is its newest
        month = (backup.made_at.year, backup.made_at.month)
        if month not in months:
            months.add(month)
            keep.add(backup.path)
    removed = [backup.path for backup in regular if backup.path not in keep]
    for path in removed:
        path.unlink()
    return removed


def set_aside(database: Path, now: datetime) -> Path:
    """Move a damaged database (and its WAL files) out of the way, untouched, under a dated name."""
    moved = database.with_name(f"wegwijzer-beschadigd-{now.strftime(TIME_FORMAT)}.db")
    for suffix in ("", "-wal", "-shm"):
        source = database.with_name(database.name + suffix)
        if source.exists():
            shutil.move(source, moved.with_name(moved.name + suffix))
    return moved
