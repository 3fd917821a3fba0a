"""Scrolling a page with the mouse wheel while the pointer rests on a date field (or the round
selector) scrolls the page and changes nothing; only a field the user clicked into takes the wheel."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDateEdit, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from model.content import Connection, Role
from model.rounds import RoundStart
from model.store import Store
from tests.gui_helpers import child, open_window

ONE_NOTCH_DOWN = QPoint(0, -120)


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir)
    yield store
    store.close()


def wheel_over(qtbot: QtBot, window: QWidget, field: QWidget) -> None:
    """One real wheel notch from the window system, with the pointer in the middle of `field`."""
    where = field.mapTo(window, field.rect().center())
    QTest.wheelEvent(window.windowHandle(), where, ONE_NOTCH_DOWN)
    qtbot.wait(10)


def page_holding(field: QWidget) -> QScrollArea:
    parent = field.parentWidget()
    while not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def open_on_activation_date(qtbot: QtBot, data_dir: Path, store: Store) -> tuple[int, QWidget, QDateEdit]:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2027, 1, 31))
    store.remember_last_dossier(dossier.id)
    window = open_window(qtbot, data_dir)
    window.resize(1366, 500)  # short enough that the dossier page scrolls
    field = child(window, QDateEdit, "activationDate")
    page = page_holding(field)
    qtbot.waitUntil(lambda: page.verticalScrollBar().maximum() > 0)
    page.ensureWidgetVisible(field)
    page.verticalScrollBar().setValue(page.verticalScrollBar().value() - 20)  # room to scroll down
    window.setFocus()
    return dossier.id, window, field


def test_the_wheel_over_an_unfocused_date_scrolls_on(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    dossier_id, window, field = open_on_activation_date(qtbot, data_dir, store)
    bar = page_holding(field).verticalScrollBar()
    before = bar.value()
    assert not field.hasFocus()
    wheel_over(qtbot, window, field)
    assert store.dossier(dossier_id).activation_date == date(2027, 1, 31)
    assert field.text() == "31 januari 2027"
    assert bar.value() > before
    assert not field.hasFocus()  # scrolling past does not take the focus either


def test_the_wheel_changes_a_date_the_user_clicked_into(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    dossier_id, window, field = open_on_activation_date(qtbot, data_dir, store)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    wheel_over(qtbot, window, field)
    assert store.dossier(dossier_id).activation_date != date(2027, 1, 31)


def test_the_wheel_passes_over_the_round_selector(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2027, 1, 31))
    store.remember_last_dossier(dossier.id)
    store.start_round(dossier.id, 2028, RoundStart({}, {}))
    window = open_window(qtbot, data_dir)
    selector = child(window, QComboBox, "roundSelector")
    qtbot.waitUntil(selector.isVisible)
    chosen = selector.currentIndex()
    window.setFocus()
    wheel_over(qtbot, window, selector)
    assert selector.currentIndex() == chosen
