"""Ticking the report item and recording the day it was sent are one fact, on the step and on
the Termijnen page; the countdown moves on at once and after a restart."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gui.day_clock import DayClock
from model.content import Connection, Role
from model.dossier import DateField
from model.store import Store
from tests.gui_helpers import child, click, open_window, tick

TODAY = date(2027, 2, 20)


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir)
    yield store
    store.close()


def open_on(qtbot: QtBot, data_dir: Path, store: Store, connection: Connection, page: str) -> QWidget:
    dossier = store.create_dossier("Praktijk Noord", connection, Role.CARE_PROVIDER, date(2026, 12, 31))
    store.remember_last_dossier(dossier.id)
    store.set_position(dossier.id, page)
    return open_window(qtbot, data_dir, DayClock(lambda: TODAY))


@pytest.mark.parametrize(
    "connection, item", [(Connection.DIRECT, "direct.7.1"), (Connection.CLUSTER, "cluster.10.1")]
)
def test_ticking_the_report_item_records_the_day_and_moves_the_countdown(
    qtbot: QtBot, data_dir: Path, store: Store, connection: Connection, item: str
) -> None:
    window = open_on(qtbot, data_dir, store, connection, item.rsplit(".", 1)[0])
    assert "auditrapport bij Logius" in child(window, QLabel, "countdown").text()
    tick(qtbot, window, item)
    sent = child(window, QDateEdit, f"{item}.date")
    assert sent.isVisible() and sent.date().toPython() == TODAY
    assert (
        child(window, QLabel, "countdown")
        .text()
        .startswith("Nog 59 dagen tot de uiterste datum voor het herstel van de bevindingen (20 april 2027)")
    )
    sent.setDate(QDate(2027, 2, 10))  # sent ten days ago: corrected in place
    assert "(10 april 2027)" in child(window, QLabel, "countdown").text()
    window.close()
    reopened = open_window(qtbot, data_dir, DayClock(lambda: TODAY))
    assert child(reopened, QCheckBox, item).isChecked()
    assert child(reopened, QDateEdit, f"{item}.date").date().toPython() == date(2027, 2, 10)
    assert "(10 april 2027)" in child(reopened, QLabel, "countdown").text()
    assert store.dossier(store.list_dossiers()[0].id).report_sent == date(2027, 2, 10)


def test_unticking_clears_the_day_and_can_be_undone(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    window = open_on(qtbot, data_dir, store, Connection.DIRECT, "direct.7")
    box = tick(qtbot, window, "direct.7.1")
    child(window, QDateEdit, "direct.7.1.date").setDate(QDate(2027, 2, 12))
    click(qtbot, box)
    undo = child(window, QPushButton, "direct.7.1.undo")
    assert undo.isVisible() and not child(window, QDateEdit, "direct.7.1.date").isVisible()
    assert store.list_dossiers()[0].report_sent is None
    assert "auditrapport bij Logius" in child(window, QLabel, "countdown").text()
    click(qtbot, undo)
    assert box.isChecked() and not undo.isVisible()
    assert store.list_dossiers()[0].report_sent == date(2027, 2, 12)


def test_the_day_entered_on_the_deadlines_page_ticks_the_item(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    window = open_on(qtbot, data_dir, store, Connection.DIRECT, "deadlines")
    child(window, QCheckBox, "reportSentUnknown").setChecked(False)  # the field starts at today
    assert store.ticked_items(store.list_dossiers()[0].id).keys() == {"direct.7.1"}
    child(window, QWidget, "assessmentWizard").go_to("direct.7")
    assert child(window, QCheckBox, "direct.7.1").isChecked()
    assert child(window, QDateEdit, "direct.7.1.date").date().toPython() == QDate.currentDate().toPython()
    child(window, QWidget, "assessmentWizard").go_to("deadlines")
    child(window, QCheckBox, "reportSentUnknown").setChecked(True)
    assert store.ticked_items(store.list_dossiers()[0].id) == {}


def test_a_yearly_report_recorded_on_the_deadlines_page(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    dossier = store.create_dossier("Praktijk Zuid", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    store.set_date(dossier.id, DateField.REPORT_SENT, date(2024, 2, 20))
    store.set_date(dossier.id, DateField.FINDINGS_FIXED, date(2024, 4, 1))
    store.remember_last_dossier(dossier.id)
    store.set_position(dossier.id, "deadlines")
    window = open_window(qtbot, data_dir, DayClock(lambda: date(2026, 11, 29)))
    listing = child(window, QLabel, "milestoneList").text()
    assert "Jaarlijks auditrapport 2025</b>: tussen 1 januari 2025 en 1 mei 2025" in listing
    assert "2026</b>: tussen 1 januari 2026 en 1 mei 2026 (212 dagen geleden; niet vastgelegd)" in listing
    child(window, QCheckBox, "annualReport.2026Unknown").setChecked(False)
    child(window, QDateEdit, "annualReport.2026").setDate(QDate(2026, 4, 20))
    assert store.annual_reports(dossier.id) == {2026: date(2026, 4, 20)}
    assert "ingediend op 20 april 2026" in child(window, QLabel, "milestoneList").text()
    assert child(window, QLabel, "countdown").text() == (  # on to the repair of that report's findings
        "162 dagen te laat: de uiterste datum voor het herstel van de bevindingen uit het jaarrapport 2026"
        " was 20 juni 2026"
    )
    child(window, QCheckBox, "annualFixed.2026Unknown").setChecked(False)
    child(window, QDateEdit, "annualFixed.2026").setDate(QDate(2026, 6, 1))
    assert child(window, QLabel, "countdown").text() == (
        "Nog 153 dagen tot de uiterste datum voor het jaarlijkse auditrapport bij Logius (1 mei 2027)"
    )
