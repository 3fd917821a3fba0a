"""Python's cycle collector, run on the GUI thread only.

Python collects garbage in whichever thread happens to allocate when a threshold is reached. If that
is the start-up backup's thread, it destroys Qt objects left in reference cycles there, and Qt
warns "Timers cannot be stopped from another thread" (or worse, a widget is deleted off its
thread). So automatic collection is off and a timer on the GUI thread collects instead, by the
same thresholds (the pattern of pyqtgraph's GarbageCollector)."""

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


def collect_on_gui_thread(application: QObject) -> None:
    gc.disable()
    timer = QTimer(application)  # the application keeps it; a module function keeps the connection
    timer.setObjectName("mainThreadCollector")
    timer.timeout.connect(collect_if_due)
    timer.start(INTERVAL_MS)


def collect_if_due() -> None:
    """What automatic collection would have done since the last look, in the GUI thread."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] <= thresholds[0]:
        return
    generation = 0
    while generation < 2 and counts[generation + 1] > thresholds[generation + 1]:
        generation += 1
    gc.collect(generation)
