"""Today's date for the pages, and a signal when it changes at midnight while the app is open."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal


class DayClock(QObject):
    dayChanged = Signal()

    def __init__(self, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self._today = today
        self._day = today()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._arm()

    def today(self) -> date:
        return self._day

    def check(self) -> None:
        """Called just after midnight (and safe to call any time): announce a new day once."""
        day = self._today()
        if day != self._day:
            self._day = day
            self.dayChanged.emit()
        self._arm()

    def _arm(self) -> None:
        now = datetime.now()
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        self._timer.start(int((midnight - now).total_seconds() * 1000) + 1000)
