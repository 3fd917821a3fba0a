"""The start-up backup: off the GUI thread, and killed half way it leaves no half file taken for a backup."""

import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui import data_actions
from model.backups import backup_folder, backup_if_changed, list_backups
from model.content import Connection, Role
from model.store import Store
from tests.app_process import ROOT
from tests.gui_helpers import open_window

CHILD_BACKUPS = """
import sys
sys.path.insert(0, sys.argv[1])
from datetime import datetime, timedelta
from pathlib import Path
import pytest
from pytestqt.qtbot import QtBot

from gui import data_actions
from model.backups import make_backup
database = Path(sys.argv[2])
for number in range(10_000):
    make_backup(database, datetime(2026, 1, 1) + timedelta(seconds=number))
    print(number, flush=True)
"""


def test_a_killed_backup_is_never_taken_for_a_backup(data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    for step in range(1, 8):
        store.set_note(dossier.id, f"direct.{step}", "notitie " * 60_000)  # some MB: a copy takes a while
    store.close()
    for delay in (0.0, 0.01, 0.05):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD_BACKUPS, str(ROOT), str(store.path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        with child:
            child.stdout.readline()
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
    for backup in list_backups(store.path):
        connection = sqlite3.connect(f"file:{backup.path}?mode=ro", uri=True)
        assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)], backup.path
        connection.close()
    backup_if_changed(store.path, datetime(2027, 1, 1))
    assert not [path for path in backup_folder(store.path).iterdir() if ".part" in path.name]


def test_the_start_backup_runs_off_the_gui_thread(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(data_dir).create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    threads = []

    def watched(database: Path, now: datetime) -> Path | None:
        threads.append(threading.current_thread())
        return backup_if_changed(database, now)

    monkeypatch.setattr(data_actions, "backup_if_changed", watched)
    window = open_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: len(window.store.backups()) == 1, timeout=5000)
    assert threads and threads[0] is not threading.main_thread()


def test_a_failed_start_backup_is_said_in_the_window(qtbot: QtBot, data_dir: Path) -> None:
    Store(data_dir).create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    (data_dir / "backups").write_text("geen map")  # the backup folder can't be made
    window = open_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: "back-up kon niet worden gemaakt" in window.save_error_text.text(), timeout=5000)
    assert window.save_error.isVisible()
