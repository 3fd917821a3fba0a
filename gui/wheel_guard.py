"""A date field, spin box or combo box the pointer merely rests on must not change when the user
scrolls the page: the wheel changes it only while it has keyboard focus; otherwise the wheel
scrolls whatever holds it."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # filtered but not accepted: Qt hands the wheel on to the parent (the page)
            return True
        return False


_GUARD = _WheelGuard()


def wheel_only_when_focused(field: QWidget) -> None:
    """Let the wheel change `field` only after a click or Tab has put the focus in it."""
    field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: scrolling past never takes focus
    field.installEventFilter(_GUARD)
