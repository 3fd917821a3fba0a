"""The Qt binding itself: a PySide6 release that corrupts reference counts crashes the app at exit.

PySide6-Essentials 6.12.0 on Python 3.11 returns None from every void method without taking a
reference, so each call lowers None's count until Python aborts ("deallocating None") when it
shuts down. pyproject.toml keeps that release out; this test catches the next one like it.
"""

import sys

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot


def test_void_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    button = QPushButton()
    qtbot.addWidget(button)
    before = sys.getrefcount(None)
    for _ in range(200):
        button.setCheckable(True)
    assert abs(sys.getrefcount(None) - before) < 50
