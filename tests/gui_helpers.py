"""Driving the real main window the way a user does: find widgets by objectName, click, type."""

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

import main
from gui.application import prepare_application
from gui.day_clock import DayClock
from gui.main_window import MainWindow
from model.content import bundled_content
from model.store import Store

W = TypeVar("W", bound=QWidget)


def open_window(qtbot: QtBot, data_dir: Path, clock: DayClock | None = None) -> QWidget:
    """The main window as main() builds it; with `clock`, on a day the test chooses."""
    if clock is None:
        window = main.create_main_window(data_dir)
    else:
        prepare_application()
        window = MainWindow(Store(data_dir), bundled_content(), clock)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)  # a first start on a small screen is maximised
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def child(window: QWidget, kind: type[W], name: str) -> W:
    found = window.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click where a user would: on a checkbox or radio button, its indicator at the left."""
    assert button.isVisible() and button.isEnabled(), button.objectName()
    indicator = isinstance(button, QCheckBox | QRadioButton)
    point = QPoint(8, button.height() // 2) if indicator else button.rect().center()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=point)
    settle()


def settle() -> None:
    """Let Qt delete the pages a click replaced, as the event loop would before the next click."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def tick(qtbot: QtBot, window: QWidget, item_id: str) -> QCheckBox:
    box = child(window, QCheckBox, item_id)
    box.window().activateWindow()
    scroll_to(box)
    click(qtbot, box)
    return box


def scroll_to(widget: QWidget) -> None:
    area = widget.parent()
    while area is not None and not hasattr(area, "ensureWidgetVisible"):
        area = area.parent()
    if area is not None:
        area.ensureWidgetVisible(widget)


def next_button(window: QWidget) -> QPushButton:
    return child(window, QPushButton, "nextButton")


def visible_step_title(window: QWidget) -> str:
    wizard = child(window, QWidget, "assessmentWizard")
    page = wizard.stack.currentWidget()
    titles = [each.text() for each in page.findChildren(QLabel) if each.property("kind") == "title"]
    return titles[0]


def step_list_texts(window: QWidget) -> list[str]:
    from gui.step_list import SUBTITLE_ROLE

    steps = child(window, QListWidget, "stepList")
    return [
        f"{steps.item(row).text()} | {steps.item(row).data(SUBTITLE_ROLE)}" for row in range(steps.count())
    ]


def click_step(qtbot: QtBot, window: QWidget, number: int) -> None:
    steps = child(window, QListWidget, "stepList")
    rect = steps.visualItemRect(steps.item(number - 1))
    qtbot.mouseClick(steps.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle()
