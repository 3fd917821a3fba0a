"""Garbage left by the GUI is collected on the GUI thread, never in the start-up backup's thread
(where Qt warned "Timers cannot be stopped from another thread" and the test run failed at random)."""

import gc
import threading
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.application import prepare_application
from gui.data_actions import DataActions
from model.content import Connection, Role
from model.store import Store


class Leftover:
    """A timer in a reference cycle: only the cycle collector frees it; records where it did."""

    freed_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.start(60_000)
        self.itself = self

    def __del__(self) -> None:
        Leftover.freed_in.append(threading.current_thread().name)


def test_garbage_from_the_gui_is_freed_on_the_gui_thread_while_a_backup_runs(
    qtbot: QtBot, data_dir: Path
) -> None:
    prepare_application()
    store = Store(data_dir)
    store.create_dossier("Huisartsenpraktijk De Linde", Connection.DIRECT, Role.CARE_PROVIDER, None)
    parent = QWidget()
    qtbot.addWidget(parent)
    actions = DataActions(store, parent)
    Leftover.freed_in.clear()
    thresholds = gc.get_threshold()
    gc.collect()
    for _ in range(20):
        Leftover()
    # automatic collection would now start at the next few allocations: the backup thread's
    gc.set_threshold(gc.get_count()[0] + 20, *thresholds[1:])
    try:
        actions.backup_on_start()
        actions.backup_pool.waitForDone()
        more_than_a_threshold = [[] for _ in range(100)]  # the GUI thread goes on allocating
        qtbot.waitUntil(lambda: len(Leftover.freed_in) == 20, timeout=5000)
        del more_than_a_threshold
    finally:
        gc.set_threshold(*thresholds)
        store.close()
    assert set(Leftover.freed_in) == {threading.main_thread().name}
