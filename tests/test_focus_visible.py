"""Keyboard focus shows on the blue buttons, and a focused page title does not look like a text
field: asserted on the painted pixels of the real widgets."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui_helpers import child, open_window


def painted(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def light_in_left_edge(image: QImage) -> bool:
    """Is the button light just inside its left edge, half-way down (the focus yellow)?"""
    return QColor(image.pixel(6, image.height() // 2)).lightness() > 100


def test_focus_on_the_blue_button_turns_it_light_inside_a_dark_ring(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    button = child(window, QPushButton, "newDossierButton")
    assert button.property("kind") == "primary"
    window.activateWindow()
    assert not light_in_left_edge(painted(button))  # unfocused: dark edge, blue fill
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    focused = painted(button)
    assert light_in_left_edge(focused)
    assert QColor(focused.pixel(1, focused.height() // 2)).lightness() < 60  # the dark ring


def test_a_focused_title_is_underlined_not_boxed(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    title = next(
        found
        for found in window.findChildren(QLabel)
        if found.property("kind") == "title" and found.isVisible()
    )
    window.activateWindow()
    title.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(title.hasFocus)
    image = painted(title)
    middle = image.height() // 2
    assert (
        QColor(image.pixel(image.width() // 2, image.height() - 1)).name() == "#154f8c"
    )  # the line under it
    assert QColor(image.pixel(0, middle)).name() != "#154f8c"  # no ring at its sides
