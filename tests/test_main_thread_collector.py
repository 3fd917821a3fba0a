"""Garbage left by the GUI is collected on the GUI thread, never in the start-up backup's thread
(where Qt warned "Timers cannot be stopped from another thread" and the test run failed at random).

In a fresh interpreter: what earlier tests leave behind (and keep reachable) must not decide it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import gc, sys, threading
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from gui.application import prepare_application
from gui.data_actions import DataActions
from model.content import Connection, Role
from model.store import Store

app = QApplication([])
prepare_application()
store = Store(Path(sys.argv[1]))
store.create_dossier("Huisartsenpraktijk De Linde", Connection.DIRECT, Role.CARE_PROVIDER, None)
actions = DataActions(store, QWidget())
freed_in = []

class Leftover:
    def __init__(self):
        self.timer = QTimer()  # a Qt object in a reference cycle, as a closed window leaves
        self.timer.start(60_000)
        self.itself = self
    def __del__(self):
        freed_in.append(threading.current_thread().name)

gc.collect()
for _ in range(20):
    Leftover()
gc.set_threshold(gc.get_count()[0] + 20)  # automatic collection would start in the backup's thread
actions.backup_on_start()
actions.backup_pool.waitForDone()
more_than_a_threshold = [[] for _ in range(100)]  # the GUI thread goes on allocating
loop = QEventLoop()
QTimer.singleShot(2500, loop.quit)
loop.exec()
store.close()
print(sorted(set(freed_in)), len(freed_in))
"""


def test_garbage_from_the_gui_is_freed_on_the_gui_thread_while_a_backup_runs(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "['MainThread'] 20"
    assert "Timers cannot be stopped from another thread" not in run.stderr
