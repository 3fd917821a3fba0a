"""Nothing the user entered is ever lost: upgrades, damaged files, backups, one app per folder, crashes."""

import hashlib
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from model.backups import backup_if_changed, list_backups, make_backup, prune
from model.content import Connection, Role
from model.store import (
    DATABASE_NAME,
    SCHEMA_VERSION,
    DamagedDatabaseError,
    DatabaseInUseError,
    NewerDatabaseError,
    Store,
)
from tests.app_process import ROOT, run_app

FIXTURES = Path(__file__).parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def user_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


# Schema versions


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-v*.db")), ids=lambda path: path.stem)
def test_every_released_schema_opens_and_upgrades(data_dir: Path, fixture: Path) -> None:
    shutil.copy(fixture, data_dir / DATABASE_NAME)
    store = Store(data_dir, clock=lambda: datetime(2026, 11, 28, 12))
    dossiers = {dossier.name: dossier for dossier in store.list_dossiers()}
    assert set(dossiers) == {"Praktijk Versie Een", "Leverancier Cluster"}
    assert store.care_providers(dossiers["Leverancier Cluster"].id) == []  # the register came with schema 3
    first = dossiers["Praktijk Versie Een"]
    assert first.activation_date == date(2026, 11, 2) and first.position == "direct.1"
    assert set(store.ticked_items(first.id)) == {"direct.1.1"}
    assert store.notes(first.id) == {"direct.1": "Notitie uit schema 1"}
    store.set_item_ticked(first.id, "direct.1.2", True)  # the upgraded schema takes new edits and history
    assert store.history(first.id)[-1].subject == "direct.1.2"
    store.close()
    assert user_version(data_dir / DATABASE_NAME) == SCHEMA_VERSION
    before_upgrade = [
        backup for backup in list_backups(data_dir / DATABASE_NAME) if backup.reason.startswith("voor-")
    ]
    assert len(before_upgrade) == 1 and user_version(before_upgrade[0].path) == int(
        fixture.stem.split("-v")[1]
    )


def test_schema_3_keeps_its_report_date_and_gains_the_yearly_reports(data_dir: Path) -> None:
    shutil.copy(FIXTURES / "schema-v3.db", data_dir / DATABASE_NAME)
    store = Store(data_dir, clock=lambda: datetime(2026, 11, 28, 12))
    first = store.find_dossier("Praktijk Versie Een")
    assert first.report_sent == date(2026, 11, 20)
    assert store.annual_reports(first.id) == {}
    store.set_annual_report(first.id, 2028, date(2028, 3, 14))
    store.close()
    reopened = Store(data_dir)
    assert reopened.annual_reports(first.id) == {2028: date(2028, 3, 14)}
    assert reopened.history(first.id)[-1].subject == "annual_report.2028"
    reopened.close()


def test_a_newer_schema_is_refused_and_left_untouched(data_dir: Path) -> None:
    database = data_dir / DATABASE_NAME
    shutil.copy(FIXTURES / "schema-v1.db", database)
    connection = sqlite3.connect(database)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = digest(database)
    with pytest.raises(NewerDatabaseError, match="nieuwere versie"):
        Store(data_dir)
    assert digest(database) == before
    assert list_backups(database) == []


# Damaged or unreadable databases


def damaged_copies(folder: Path) -> dict[str, bytes]:
    valid = (FIXTURES / "schema-v1.db").read_bytes()
    return {
        "not sqlite": b"Dit is een tekstbestand, geen database.\n" * 50,
        "truncated": valid[:5000],
        "malformed": valid[:100] + b"\x00" * 4000 + valid[4100:],
    }


@pytest.mark.parametrize("kind", ["not sqlite", "truncated", "malformed"])
def test_a_damaged_database_is_set_aside_byte_for_byte(data_dir: Path, kind: str) -> None:
    database = data_dir / DATABASE_NAME
    original = damaged_copies(data_dir)[kind]
    database.write_bytes(original)
    with pytest.raises(DamagedDatabaseError) as damaged:
        Store(data_dir, clock=lambda: datetime(2026, 11, 28, 12))
    moved = damaged.value.moved_to
    assert moved is not None and moved.parent == data_dir and "beschadigd" in moved.name
    assert moved.read_bytes() == original
    assert not database.exists()
    fresh = Store(data_dir)  # a fresh start beside the kept file
    assert fresh.list_dossiers() == []
    fresh.close()
    assert moved.read_bytes() == original


@pytest.mark.e2e
def test_smoke_test_reports_a_damaged_database_and_touches_nothing(data_dir: Path) -> None:
    database = data_dir / DATABASE_NAME
    database.write_bytes(b"geen database" * 100)
    result = run_app("--smoke-test", "--data-dir", str(data_dir))
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and "beschadigd" in result.stderr
    assert database.read_bytes() == b"geen database" * 100
    assert sorted(path.name for path in data_dir.iterdir() if path.suffix == ".db") == [DATABASE_NAME]


def test_the_user_can_take_the_newest_backup_after_damage(data_dir: Path, qtbot: object) -> None:
    from gui.startup import open_store_interactively
    from tests.modal_dialogs import answer_dialogs, press

    store = Store(data_dir)
    store.create_dossier("Uit de back-up", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.close()
    make_backup(data_dir / DATABASE_NAME, datetime(2026, 11, 27, 9))
    (data_dir / DATABASE_NAME).write_bytes(b"kapot" * 1000)
    for suffix in ("-wal", "-shm"):
        (data_dir / (DATABASE_NAME + suffix)).unlink(missing_ok=True)
    seen = answer_dialogs(qtbot, press("Back-up van 27 november 2026 09:00 terugzetten"))
    restored = open_store_interactively(data_dir)
    assert [dialog.title for dialog in seen] == ["Gegevens beschadigd"]
    assert [dossier.name for dossier in restored.list_dossiers()] == ["Uit de back-up"]
    moved = [path for path in data_dir.iterdir() if "beschadigd" in path.name and path.suffix == ".db"]
    assert f"het staat apart als:\n{moved[0]}" in seen[0].text
    assert moved[0].read_bytes() == b"kapot" * 1000
    restored.close()


def test_a_database_locked_by_another_program_is_reported_not_moved(data_dir: Path) -> None:
    Store(data_dir).close()
    database = data_dir / DATABASE_NAME
    holder = sqlite3.connect(database, timeout=0)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseInUseError, match="ander programma"):
            Store(data_dir)
        assert database.exists()
    finally:
        holder.rollback()
        holder.close()


# Backups


def test_a_backup_at_start_only_when_something_changed(data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    database = store.path
    first = backup_if_changed(database, datetime(2026, 11, 1, 9))
    assert first is not None
    assert backup_if_changed(database, datetime(2026, 11, 2, 9)) is None
    store.set_item_ticked(dossier.id, "direct.1.1", True)
    second = backup_if_changed(database, datetime(2026, 11, 3, 9))
    assert second is not None and second != first
    copy = Store(data_dir / "kijk")
    copy.close()
    shutil.copy(second, data_dir / "kijk" / DATABASE_NAME)
    reopened = Store(data_dir / "kijk")
    assert set(reopened.ticked_items(dossier.id)) == {"direct.1.1"}
    reopened.close()
    store.close()


def test_prune_keeps_the_newest_ten_and_one_per_month(data_dir: Path) -> None:
    store = Store(data_dir)
    store.close()
    database = data_dir / DATABASE_NAME
    moments = [datetime(2026, month, day, 9) for month in (7, 8, 9) for day in (1, 10, 20)]
    moments += [datetime(2026, 11, day, 9) for day in range(1, 13)]
    for moment in moments:
        make_backup(database, moment)
    make_backup(database, datetime(2026, 6, 1, 9), "voor-upgrade-v1")
    prune(database)
    kept = list_backups(database)
    regular = sorted(backup.made_at for backup in kept if not backup.reason)
    assert regular == [
        datetime(2026, 7, 20, 9),
        datetime(2026, 8, 20, 9),
        datetime(2026, 9, 20, 9),
        *[datetime(2026, 11, day, 9) for day in range(3, 13)],
    ]
    assert any(backup.reason == "voor-upgrade-v1" for backup in kept)


def test_restoring_a_backup_first_backs_up_the_current_state(data_dir: Path) -> None:
    store = Store(data_dir)
    store.create_dossier("Eerst", Connection.DIRECT, Role.CARE_PROVIDER, None)
    old = make_backup(store.path, datetime(2026, 11, 1, 9))
    store.create_dossier("Later", Connection.DIRECT, Role.CARE_PROVIDER, None)
    backup = next(each for each in store.backups() if each.path == old)
    kept = store.restore_backup(backup)
    assert [dossier.name for dossier in store.list_dossiers()] == ["Eerst"]
    store.create_dossier("Na terugzetten", Connection.DIRECT, Role.CARE_PROVIDER, None)  # still writable
    safety = Store(data_dir / "veiligheid")
    safety.close()
    shutil.copy(kept, data_dir / "veiligheid" / DATABASE_NAME)
    assert {dossier.name for dossier in Store(data_dir / "veiligheid").list_dossiers()} == {"Eerst", "Later"}
    store.close()


# One app per data folder


@pytest.mark.e2e
def test_a_second_start_on_the_same_folder_says_it_is_open(data_dir: Path, qtbot: object) -> None:
    from gui.startup import lock_data_folder

    lock = lock_data_folder(data_dir)
    assert lock is not None
    result = run_app("--smoke-test", "--data-dir", str(data_dir))
    lock.unlock()
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "DigiD Assessment Wegwijzer is al geopend met deze gegevens. Gebruik het venster dat al open is "
        f"(gegevensmap: {data_dir})."
    ]


@pytest.mark.e2e
def test_a_lock_left_by_a_crash_does_not_block(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; sys.path.insert(0, sys.argv[1]);"
            "from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]);"
            "from gui.startup import lock_data_folder; from pathlib import Path;"
            "lock = lock_data_folder(Path(sys.argv[2])); print('locked', flush=True); time.sleep(60)",
            str(ROOT),
            str(data_dir),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    with holder:
        assert holder.stdout.readline().strip() == "locked"
        holder.send_signal(signal.SIGKILL)
    assert (data_dir / "wegwijzer.lock").exists()
    result = run_app("--smoke-test", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr


# Crashes


CHILD_TICKER = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from model.store import Store
store = Store(Path(sys.argv[2]))
dossier = store.list_dossiers()[0]
for number in range(1, 100_000):
    item = f"direct.{number // 50 + 1}.{number % 50 + 1}"
    store.set_item_ticked(dossier.id, item, True)
    print(item, flush=True)
"""


@pytest.mark.e2e
def test_a_killed_app_loses_no_tick_it_acknowledged(data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.close()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD_TICKER, str(ROOT), str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    acknowledged = []
    deadline = time.monotonic() + 30
    with child:
        while len(acknowledged) < 150 and time.monotonic() < deadline:
            acknowledged.append(child.stdout.readline().strip())
        child.send_signal(signal.SIGKILL)
    assert len(acknowledged) == 150
    reopened = Store(data_dir)
    assert set(acknowledged) <= set(reopened.ticked_items(dossier.id))
    reopened.close()


@pytest.mark.e2e
def test_a_pdf_export_never_moves_a_damaged_database(data_dir: Path, tmp_path: Path) -> None:
    database = data_dir / DATABASE_NAME
    database.write_bytes(b"geen database" * 100)
    result = run_app("--data-dir", str(data_dir), "--export-pdf", str(tmp_path / "x.pdf"), "--dossier", "X")
    assert result.returncode != 0 and "beschadigd" in result.stderr
    assert database.read_bytes() == b"geen database" * 100
    assert not (tmp_path / "x.pdf").exists()
