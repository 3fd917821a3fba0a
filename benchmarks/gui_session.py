"""Helpers for the probes that drive the real main window in their own process (offscreen)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from time import perf_counter, sleep


def application():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["benchmark"])


def settle() -> None:
    """Let Qt handle everything posted so far, layout and painting included."""
    application().processEvents()


@contextmanager
def main_window(folder: Path) -> Iterator[object]:
    """The app's main window on `folder`, shown and painted once; closed and deleted afterwards."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from main import create_main_window

    application()
    window = create_main_window(folder)
    window.show()
    settle()
    try:
        yield window
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        settle()


def idle(seconds: float) -> None:
    """Keep the event loop turning for a while, as it does while a user looks at the window."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    loop_until = perf_counter() + seconds
    while perf_counter() < loop_until:
        application().processEvents(QEventLoop.ProcessEventsFlag.AllEvents, QDeadlineTimer(10))
        sleep(0.005)


def timed(action: Callable[[], object]) -> float:
    """Seconds from calling `action` until Qt has handled (and painted) what it set off."""
    start = perf_counter()
    action()
    settle()
    return perf_counter() - start
