"""A page's labels remember their height for a width (Qt lays a wrapping text out anew at each
question): what they remember must follow every change, or a longer text would be cut off."""

import pytest
from markupsafe import Markup
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gui.page_parts import label

SHORT = "Een zin."
LONG = "Een zin die over een smalle kolom op meer dan één regel moet worden gezet, en nog verder. " * 4
WIDTH = 240


def as_qt_says(text: str, shown: QLabel) -> int:
    """The height Qt itself gives a fresh label just like `shown`, at WIDTH."""
    fresh = QLabel()
    fresh.setWordWrap(shown.wordWrap())
    fresh.setTextFormat(shown.textFormat())
    fresh.setTextInteractionFlags(shown.textInteractionFlags())
    fresh.setFont(shown.font())
    fresh.setContentsMargins(shown.contentsMargins())
    fresh.setText(text)
    return fresh.heightForWidth(WIDTH)


@pytest.mark.parametrize("rich", [False, True], ids=["plain", "rich"])
def test_a_labels_height_follows_its_text_font_minimum_margins_and_wrapping(qtbot: QtBot, rich: bool) -> None:
    shown = label(SHORT, rich=rich)
    qtbot.addWidget(shown)
    short = shown.heightForWidth(WIDTH)
    assert short == as_qt_says(SHORT, shown)
    shown.setText(Markup(LONG) if rich else LONG)
    assert shown.heightForWidth(WIDTH) == as_qt_says(LONG, shown) > short
    bigger = QFont(shown.font())
    bigger.setPointSizeF(shown.font().pointSizeF() * 2)
    before = shown.heightForWidth(WIDTH)
    shown.setFont(bigger)
    assert shown.heightForWidth(WIDTH) == as_qt_says(LONG, shown) > before
    shown.setMinimumHeight(2000)  # as the countdown bar keeps room for its longest text
    assert shown.heightForWidth(WIDTH) == 2000
    shown.setMinimumHeight(0)
    assert shown.heightForWidth(WIDTH) == as_qt_says(LONG, shown) < 2000
    shown.setContentsMargins(0, 30, 0, 30)
    assert shown.heightForWidth(WIDTH) == as_qt_says(LONG, shown)
    shown.setWordWrap(False)
    assert shown.heightForWidth(WIDTH) == as_qt_says(LONG, shown)
    shown.setWordWrap(True)
    lines = "regel<br>" * 6  # six lines as rich text, one or two as plain text
    shown.setText(Markup(lines) if rich else lines)
    before = shown.heightForWidth(WIDTH)
    shown.setTextFormat(Qt.TextFormat.PlainText if rich else Qt.TextFormat.RichText)
    assert shown.heightForWidth(WIDTH) == as_qt_says(lines, shown) != before
