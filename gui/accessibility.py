"""What assistive technology is told about widgets Qt would describe wrongly.

Qt calls every checkable button a check box and knows no link outside rich text. A widget says
what it is with the dynamic property `accessibleRole` (one of ROLES); the factory installed by
`install` gives it that role, its text as name when it has no accessible name, and "press" as its
action, so a screen reader lists it, names it and follows it.
"""

from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleAnnouncementEvent,
    QAccessibleStateChangeEvent,
    QKeyEvent,
)
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QLabel, QPushButton, QWidget

ROLE_PROPERTY = "accessibleRole"
LINK, TAB, DISCLOSURE, HEADING = "link", "tab", "disclosure", "heading"
ROLES = {
    LINK: QAccessible.Role.Link,  # a LinkButton: its address is its description
    TAB: QAccessible.Role.PageTab,  # a side-bar page; the page shown is "selected"
    DISCLOSURE: QAccessible.Role.Button,  # folds a section open and closed: "expanded" or not
    HEADING: QAccessible.Role.Heading,  # a page's title or a section's heading
}
PRESS = QAccessibleActionInterface.pressAction()


class RoleAccessible(QAccessibleWidget):
    """A widget as assistive technology should see it: the role it asked for."""

    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self.kind = widget.property(ROLE_PROPERTY)

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Name and not widget.accessibleName():
            if isinstance(widget, QAbstractButton):
                return widget.text().replace("&", "")
            if isinstance(widget, QLabel):
                return widget.text()
        return super().text(kind)

    def state(self) -> QAccessible.State:
        state = super().state()
        widget = self.widget()
        if isinstance(widget, QAbstractButton) and widget.isCheckable():
            if self.kind == DISCLOSURE:
                state.expandable = True
                state.expanded = widget.isChecked()
            elif self.kind == TAB:
                state.selectable = True
                state.selected = widget.isChecked()
        if isinstance(widget, QAbstractButton) and not widget.isEnabled():
            state.disabled = True
        return state

    def actionNames(self) -> list[str]:
        names = super().actionNames()
        return [PRESS, *names] if isinstance(self.widget(), QAbstractButton) else names

    def doAction(self, name: str) -> None:
        widget = self.widget()
        if name == PRESS and isinstance(widget, QAbstractButton):
            widget.click()
            return
        super().doAction(name)


def _accessible(key: str, target: QObject) -> QAccessibleWidget | None:
    kind = target.property(ROLE_PROPERTY) if isinstance(target, QWidget) else None
    return RoleAccessible(target, ROLES[kind]) if kind in ROLES else None


def install() -> None:
    """Once per application, before the first widget is asked about."""
    QAccessible.installFactory(_accessible)


def set_role(widget: QWidget, kind: str) -> QWidget:
    """Give `widget` the role `kind` (one of ROLES). While a screen reader listens, Qt describes a
    widget as soon as its text is set and keeps that description: it is dropped here, so the next
    question gets the role asked for."""
    widget.setProperty(ROLE_PROPERTY, kind)
    if kind in (DISCLOSURE, TAB) and isinstance(widget, QAbstractButton):
        widget.toggled.connect(partial(_state_changed, widget, kind))
    if QAccessible.isActive():
        cached = QAccessible.queryAccessibleInterface(widget)
        if cached is not None and not isinstance(cached, RoleAccessible):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(cached))
    return widget


def _state_changed(widget: QWidget, kind: str, _on: bool) -> None:
    """Tell a listening screen reader that a fold opened or closed, or another tab is shown."""
    if QAccessible.isActive():
        changed = QAccessible.State()
        if kind == DISCLOSURE:
            changed.expanded = True
        else:
            changed.selected = True
        QAccessible.updateAccessibility(QAccessibleStateChangeEvent(widget, changed))


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text` now (a field's new error), without moving focus."""
    if text and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


class EnterButton(QPushButton):
    """A push button Enter presses too, as Space does: outside a dialog Qt leaves Enter alone."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setAutoDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            return
        super().keyPressEvent(event)
