"""The first ten minutes on a 1366×768 laptop: a window that fits, long names, focus and the last page."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

import main
from gui.window_geometry import TITLE_BAR, first_start_rect, fitted, sized_for_a_smaller_screen
from model.content import Connection, Role
from model.dossier import CareProvider
from model.store import Store
from tests.gui_helpers import child, click, next_button, open_window, settle

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 minus the task bar
LONG_NAME = ("Stichting Samenwerkende Huisartsenpraktijken <img src=x> Regio Rivierenland-West " * 2)[:120]


def cluster_dossier(data_dir: Path, name: str = "Zorggroep Rivierenland") -> int:
    store = Store(data_dir)
    dossier = store.create_dossier(name, Connection.CLUSTER, Role.SUPPLIER, date(2026, 11, 1))
    store.save_care_provider(dossier.id, CareProvider(id=0, name=name, kvk="12345678"))
    store.remember_last_dossier(dossier.id)
    store.close()
    return dossier.id


def wizard(window: QWidget) -> QWidget:
    return child(window, QWidget, "assessmentWizard")


def visit_every_page(qtbot: QtBot, window: QWidget) -> None:
    for key in wizard(window).keys:
        wizard(window).go_to(key)
        qtbot.wait(1)


def test_placement_rules_on_a_laptop_screen() -> None:
    too_big = QRect(-200, 300, 1280, 800)  # the old fixed size, dragged half off the screen
    assert fitted(too_big, LAPTOP) == QRect(0, 0, 1280, 728)
    assert first_start_rect(LAPTOP) == QRect(0, TITLE_BAR, 1366, 728 - TITLE_BAR)  # every pixel counts
    projector = QRect(0, 0, 1920, 1040)
    assert first_start_rect(projector) == QRect(0, TITLE_BAR, 1920, 1040 - TITLE_BAR)  # then maximised
    monitor = QRect(0, 0, 2560, 1400)
    first = first_start_rect(monitor)
    assert monitor.contains(first) and first.center() == monitor.center()
    assert first.width() >= 2200 and first.height() >= 1200


def test_a_window_sized_on_the_laptop_uses_the_projector_when_restored_there() -> None:
    projector = QRect(0, 0, 1920, 1040)
    assert sized_for_a_smaller_screen(QRect(100, 80, 1300, 730), projector)  # what the review found
    assert not sized_for_a_smaller_screen(QRect(0, 0, 1700, 730), projector)  # made wide on purpose
    assert not sized_for_a_smaller_screen(QRect(0, 0, 1300, 730), LAPTOP)


def test_first_start_fits_and_the_place_is_restored_within_the_screen(qtbot: QtBot, data_dir: Path) -> None:
    area = QGuiApplication.primaryScreen().availableGeometry()
    window = main.create_main_window(data_dir)
    qtbot.addWidget(window)
    assert area.contains(window.geometry())
    window.setGeometry(40, 60, 700, 500)
    window.close()

    again = main.create_main_window(data_dir)
    qtbot.addWidget(again)
    assert again.geometry() == QRect(40, 60, 700, 500)
    again.setGeometry(area.right() + 2000, 60, 700, 500)  # on a projector that is unplugged now
    again.close()

    third = main.create_main_window(data_dir)
    qtbot.addWidget(third)
    assert area.contains(third.geometry())


@pytest.mark.parametrize("zoom", [1.0, 1.5])
def test_no_page_demands_more_than_a_laptop_screen(qtbot: QtBot, data_dir: Path, zoom: float) -> None:
    cluster_dossier(data_dir)
    store = Store(data_dir)
    store.set_setting("zoom", str(zoom))
    store.close()
    window = open_window(qtbot, data_dir)
    for key in wizard(window).keys:
        wizard(window).go_to(key)
        needed = window.minimumSizeHint()
        assert needed.width() <= LAPTOP.width() and needed.height() <= LAPTOP.height() - TITLE_BAR, key


def test_a_120_character_name_never_widens_the_window(qtbot: QtBot, data_dir: Path) -> None:
    cluster_dossier(data_dir, LONG_NAME)
    window = open_window(qtbot, data_dir)
    window.resize(1300, 690)
    qtbot.wait(1)
    visit_every_page(qtbot, window)
    window.show_start()
    qtbot.wait(1)
    window.open_dossier(window.store.list_dossiers()[0].id)
    wizard(window).go_to("cluster.1")
    qtbot.wait(1)
    assert window.width() == 1300
    button = next_button(window)
    assert button.isVisible()
    assert window.rect().contains(QRect(button.mapTo(window, button.rect().topLeft()), button.size()))
    title = child(window, QLabel, "dossierTitle")
    assert title.text() == LONG_NAME  # elided only where it is painted
    assert title.width() < title.fontMetrics().horizontalAdvance(LONG_NAME)
    assert "&lt;img src=x&gt;" in title.toolTip() and "<img" not in title.toolTip()  # shown literally
    assert len(window.windowTitle()) < 100 and window.windowTitle().startswith(LONG_NAME[:40])


def test_start_page_tooltips_show_markup_literally(qtbot: QtBot, data_dir: Path) -> None:
    store = Store(data_dir)
    store.create_dossier(LONG_NAME, Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.close()
    window = open_window(qtbot, data_dir)
    item = child(window, QTableWidget, "dossierList").item(0, 0)
    assert item.text() == LONG_NAME
    assert "&lt;img src=x&gt;" in item.toolTip() and "<img" not in item.toolTip()


def test_enter_moves_on_and_focus_lands_where_the_work_starts(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    click(qtbot, child(window, QPushButton, "newDossierButton"))
    name = child(window, QLineEdit, "organisationName")
    assert QApplication.focusWidget() is name
    qtbot.keyClicks(name, "Praktijk De Linde")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is child(window, QRadioButton, "connectionDirect")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert child(window, QRadioButton, "connectionDirect").isChecked()
    click(qtbot, child(window, QRadioButton, "roleCareProvider"))
    click(qtbot, next_button(window))
    assert QApplication.focusWidget() is child(window, QCheckBox, "direct.1.1")


def test_the_chosen_connection_and_role_stand_out(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    click(qtbot, child(window, QPushButton, "newDossierButton"))
    cluster = child(window, QRadioButton, "connectionCluster")
    direct = child(window, QRadioButton, "connectionDirect")
    click(qtbot, cluster)
    assert cluster.parent().property("chosen") is True
    assert direct.parent().property("chosen") in (None, False)
    before = direct.parent().grab().toImage()
    click(qtbot, direct)
    assert direct.parent().grab().toImage() != before  # the highlight is painted, not only a property
    role = child(window, QRadioButton, "roleSupplier")
    click(qtbot, role)
    assert role.parent().property("chosen") is True
    radio = role.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, role)
    box = QCheckBox()
    qtbot.addWidget(box)
    assert radio == box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box) >= 20


def test_the_last_page_says_what_remains_and_klaar_returns_to_the_dossiers(
    qtbot: QtBot, data_dir: Path
) -> None:
    cluster_dossier(data_dir)
    window = open_window(qtbot, data_dir)
    wizard(window).go_to("info")
    button = next_button(window)
    assert button.text() == "Klaar" and button.isEnabled()
    assert child(window, QLabel, "whatRemains").text().startswith("Nog open: ")
    wizard(window).go_to("overview")
    assert next_button(window).text() == "Volgende ›"
    wizard(window).go_to("info")
    click(qtbot, next_button(window))
    settle()
    assert window.dossier_view is None
    assert child(window, QTableWidget, "dossierList").isVisible()


def test_tab_stops_only_where_something_can_be_done(qtbot: QtBot, data_dir: Path) -> None:
    cluster_dossier(data_dir)
    window = open_window(qtbot, data_dir)
    visit_every_page(qtbot, window)
    for each in window.findChildren(QLabel):
        if each.focusPolicy() & Qt.FocusPolicy.TabFocus:
            assert "<a " in each.text(), each.text()[:80]
    wizard(window).go_to("cluster.1")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    first = child(window, QCheckBox, "cluster.1.1")
    first.setFocus()
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert not isinstance(focused, QLabel) or "<a " in focused.text()
