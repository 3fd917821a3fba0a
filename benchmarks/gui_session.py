"""Helpers for the probes that drive the real main window in their own process (offscreen)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from time import perf_counter


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
    """Run the event loop for a while, as the app's own does while a user looks at the window
    (its timers, such as the pages built in idle moments, fire as they would there)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def timed(action: Callable[[], object]) -> float:
    """Seconds from calling `action` until Qt has handled (and painted) what it set off."""
    start = perf_counter()
    action()
    settle()
    return perf_counter() - start
