"""What a killed backup leaves behind is cleaned up at the next start; the backups themselves stay."""

from datetime import datetime
from pathlib import Path

from model.backups import backup_folder, clean_leftovers, list_backups, make_backup
from model.store import Store


def test_leftovers_of_a_killed_backup_are_removed_and_the_backups_kept(data_dir: Path) -> None:
    store = Store(data_dir)
    store.close()
    older = [make_backup(store.path, datetime(2026, 10, day, 9)) for day in (1, 2, 3)]
    kept = make_backup(store.path, datetime(2026, 11, 1, 9))
    folder = backup_folder(store.path)
    kept_journal = kept.with_name(kept.name + "-wal")  # its database is there: it may be in use
    leftovers = [
        folder / "wegwijzer-20261102-090000.db.part",
        *(folder / f"wegwijzer-20261103-090000.db{suffix}" for suffix in ("-wal", "-shm", "-journal")),
    ]
    for path in [kept_journal, *leftovers]:
        path.write_bytes(b"x")
    assert sorted(clean_leftovers(store.path)) == sorted(leftovers)
    assert sorted(path.name for path in folder.iterdir()) == [
        *(backup.name for backup in older),
        kept.name,
        kept_journal.name,
    ]
    assert [backup.path for backup in list_backups(store.path)] == [kept, *reversed(older)]
