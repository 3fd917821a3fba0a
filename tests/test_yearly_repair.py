"""The repair after each yearly report: stored per year, on the Termijnen page, in the countdown, the
list, the agenda, the summary, the history and the export; a schema-5 database upgrades to it."""

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QWidget
from pytestqt.qtbot import QtBot

from gui.application import prepare_application
from gui.day_clock import DayClock
from gui.main_window import MainWindow
from gui.start_page import DEADLINE_COLUMN, StartPage
from model.agenda import agenda_entries
from model.content import Connection, Role, bundled_content
from model.deadline_text import dossier_urgency
from model.dossier import DateField
from model.exchange import ImportFileError, export_json, parse_import
from model.history_text import described
from model.store import Store
from model.summary import load_summary_input, timeline_entries
from model.timeline import DossierDates, RepairDates
from tests.gui_helpers import child, click, open_window, scroll_to

NOW = datetime(2026, 11, 28, 12)
WORDING = bundled_content().general.timeline
T0 = date(2024, 1, 1)  # the first yearly report is due 1 May 2025


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir, clock=lambda: NOW)
    yield store
    store.close()


@pytest.fixture
def either_store(store_source: Path | str) -> Iterator[Store]:
    """For what the store alone does: on a local file and on a shared database."""
    store = Store(store_source, clock=lambda: NOW)
    yield store
    store.close()


def reported_dossier(store: Store) -> int:
    """A dossier whose first report and repair are done, and whose 2025 yearly report went out 2 April."""
    dossier = store.create_dossier("Praktijk Noord", Connection.DIRECT, Role.CARE_PROVIDER, T0)
    store.set_date(dossier.id, DateField.REPORT_SENT, date(2024, 2, 20))
    store.set_date(dossier.id, DateField.FINDINGS_FIXED, date(2024, 4, 1))
    store.set_annual_report(dossier.id, 2025, date(2025, 4, 2))
    return dossier.id


def test_a_schema_5_database_upgrades_and_keeps_the_repairs_dates(old_database) -> None:
    source = old_database(5)
    store = Store(source, clock=lambda: NOW)
    cluster = store.find_dossier("Leverancier Cluster")
    assert store.annual_reports(cluster.id) == {2027: date(2027, 3, 1)}
    assert store.rounds(cluster.id)[-1] == 2027
    assert store.annual_repairs(cluster.id) == {}
    store.set_annual_repair(cluster.id, 2027, DateField.LOGIUS_FIX_DEADLINE, date(2027, 6, 1))
    store.close()
    reopened = Store(source)
    assert reopened.annual_repairs(cluster.id) == {2027: RepairDates(logius_fix_deadline=date(2027, 6, 1))}
    reopened.close()


def test_the_repairs_dates_are_stored_per_year_with_their_history(either_store: Store) -> None:
    store = either_store
    dossier_id = reported_dossier(store)
    store.set_annual_repair(dossier_id, 2025, DateField.LOGIUS_FIX_DEADLINE, date(2025, 7, 1))
    store.set_annual_repair(dossier_id, 2025, DateField.FINDINGS_FIXED, date(2025, 6, 20))
    assert store.annual_repairs(dossier_id) == {2025: RepairDates(date(2025, 7, 1), date(2025, 6, 20))}
    store.set_annual_repair(dossier_id, 2025, DateField.LOGIUS_FIX_DEADLINE, None)
    store.set_annual_repair(dossier_id, 2025, DateField.FINDINGS_FIXED, None)
    assert store.annual_repairs(dossier_id) == {}
    with pytest.raises(ValueError):
        store.set_annual_repair(dossier_id, 2025, DateField.REPORT_SENT, date(2025, 6, 1))
    words = [what for _, what in described(store.history(dossier_id)[-4:], bundled_content(), [])]
    assert words == [
        "Hersteldatum volgens Logius (2025): 1 juli 2025",
        "Bevindingen hersteld (2025): 20 juni 2025",
        "Hersteldatum volgens Logius (2025): 1 juli 2025 → niet meer ingevuld",
        "Bevindingen hersteld (2025): 20 juni 2025 → niet meer ingevuld",
    ]


def test_the_repairs_dates_travel_with_the_dossier(either_store: Store) -> None:
    store = either_store
    dossier_id = reported_dossier(store)
    store.set_annual_report(dossier_id, 2026, date(2026, 3, 9))
    store.set_annual_repair(dossier_id, 2025, DateField.FINDINGS_FIXED, date(2025, 6, 20))
    store.set_annual_repair(dossier_id, 2026, DateField.LOGIUS_FIX_DEADLINE, date(2026, 6, 1))
    text = export_json(store.snapshot(dossier_id), NOW)
    assert json.loads(text)["annual_repairs"] == [
        {"year": 2025, "logius_fix_deadline": None, "findings_fixed": "2025-06-20"},
        {"year": 2026, "logius_fix_deadline": "2026-06-01", "findings_fixed": None},
    ]
    imported = store.add_snapshot(parse_import(text.encode()), "Praktijk Noord (2)")
    assert store.annual_repairs(imported.id) == store.annual_repairs(dossier_id)
    assert store.snapshot(imported.id).annual_repairs == store.snapshot(dossier_id).annual_repairs
    subjects = {change.subject for change in store.history(imported.id)}
    assert {"findings_fixed.2025", "logius_fix_deadline.2026"} <= subjects


def test_a_format_4_file_still_imports_without_repairs(store: Store) -> None:
    dossier_id = reported_dossier(store)
    document = json.loads(export_json(store.snapshot(dossier_id), NOW))
    document["version"] = 4
    del document["annual_repairs"]
    snapshot = parse_import(json.dumps(document).encode())
    assert snapshot.annual_repairs == {} and snapshot.annual_reports == {2025: date(2025, 4, 2)}


@pytest.mark.parametrize(
    "entry",
    [
        {"year": 1999, "findings_fixed": "2025-06-20"},
        {"year": 2025, "findings_fixed": "morgen"},
        {"year": 2025, "logius_fix_deadline": "2101-01-01"},
        {"year": "2025"},
    ],
)
def test_a_bad_repair_is_refused(store: Store, entry: dict) -> None:
    document = json.loads(export_json(store.snapshot(reported_dossier(store)), NOW))
    document["annual_repairs"] = [entry]
    with pytest.raises(ImportFileError, match="annual_repairs"):
        parse_import(json.dumps(document).encode())


def test_the_agenda_summary_and_start_page_name_the_yearly_repair(store: Store) -> None:
    dossier_id = reported_dossier(store)
    today = date(2025, 5, 10)
    dates = DossierDates(T0, date(2024, 2, 20), None, date(2024, 4, 1), {2025: date(2025, 4, 2)})
    entries = list(agenda_entries(Connection.DIRECT, dates, today, WORDING))
    assert (entries[0].day, entries[0].label) == (date(2025, 6, 2), "Herstel bevindingen 2025")
    assert entries[0].description == (
        "Uiterste datum voor het herstel van de bevindingen uit het jaarrapport 2025."
    )
    summary = load_summary_input(store, bundled_content(), store.dossier(dossier_id), today)
    labels = [(label, each.day, state) for each, label, state in timeline_entries(summary)]
    assert ("Herstel bevindingen 2025", date(2025, 6, 2), "open") in labels
    urgency = dossier_urgency("Praktijk Noord", Connection.DIRECT, dates, today, WORDING)
    assert urgency.text == "Herstel 2025: nog 23 dagen (uiterlijk 2 juni 2025)"
    nothing_recorded = dossier_urgency(
        "Praktijk", Connection.DIRECT, DossierDates(T0), date(2026, 11, 29), WORDING
    )
    assert (
        nothing_recorded.text == "⚠ Rapport te laat (1003 dagen); jaarrapporten 2025 en 2026 niet vastgelegd"
    )


def test_the_yearly_repair_is_entered_on_the_deadlines_page_and_survives_a_restart(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    dossier_id = reported_dossier(store)
    store.remember_last_dossier(dossier_id)
    clock = DayClock(lambda: date(2025, 5, 10))
    window = open_window(qtbot, data_dir, clock)
    child(window, QWidget, "assessmentWizard").go_to("deadlines")
    countdown = child(window, QLabel, "countdown")
    assert countdown.text() == (
        "Nog 23 dagen tot de uiterste datum voor het herstel van de bevindingen uit het jaarrapport 2025"
        " (2 juni 2025)"
    )
    assert not child(window, QDateEdit, "annualFixDeadline.2026").isVisible()  # no 2026 report yet

    letter = child(window, QCheckBox, "annualFixDeadline.2025Unknown")
    scroll_to(letter)
    click(qtbot, letter)  # the usual term is offered, as the countdown had it; not today
    assert store.annual_repairs(dossier_id) == {2025: RepairDates(logius_fix_deadline=date(2025, 6, 2))}
    child(window, QDateEdit, "annualFixDeadline.2025").setDate(date(2025, 7, 1))
    assert store.annual_repairs(dossier_id) == {2025: RepairDates(logius_fix_deadline=date(2025, 7, 1))}
    assert countdown.text().endswith("uit het jaarrapport 2025 (1 juli 2025)")
    listing = child(window, QLabel, "milestoneList").text()
    assert (
        "<b>Herstel bevindingen 2025</b>: uiterlijk 1 juli 2025, de datum uit de brief van Logius" in listing
    )

    fixed = child(window, QCheckBox, "annualFixed.2025Unknown")
    scroll_to(fixed)
    click(qtbot, fixed)
    child(window, QDateEdit, "annualFixed.2025").setDate(date(2025, 5, 9))
    assert store.annual_repairs(dossier_id)[2025].findings_fixed == date(2025, 5, 9)
    assert "(1 mei 2026)" in countdown.text()  # on to the next yearly report
    assert (
        "hersteld op 9 mei 2025 (uiterste datum was 1 juli 2025)"
        in child(window, QLabel, "milestoneList").text()
    )
    window.close()

    reopened = open_window(qtbot, data_dir, DayClock(lambda: date(2025, 5, 10)))
    child(reopened, QWidget, "assessmentWizard").go_to("deadlines")
    assert child(reopened, QDateEdit, "annualFixDeadline.2025").date().toPython() == date(2025, 7, 1)
    assert child(reopened, QDateEdit, "annualFixed.2025").date().toPython() == date(2025, 5, 9)
    assert not child(reopened, QCheckBox, "annualFixed.2025Unknown").isChecked()
    assert "(1 mei 2026)" in child(reopened, QLabel, "countdown").text()


def test_the_start_page_names_the_yearly_repair_and_past_reports_nobody_recorded(
    qtbot: QtBot, store: Store
) -> None:
    """The most pressing deadline first, then each past yearly report without a date, in words."""
    dossier_id = reported_dossier(store)  # the 2025 report recorded; 2026's not
    page = StartPage(store, bundled_content(), DayClock(lambda: date(2026, 11, 29)))
    qtbot.addWidget(page)
    page.refresh()
    assert page.table.item(0, DEADLINE_COLUMN).text() == (
        "⚠ Herstel 2025 te laat (545 dagen); jaarrapport 2026 niet vastgelegd"
    )
    store.set_annual_repair(dossier_id, 2025, DateField.FINDINGS_FIXED, date(2025, 5, 30))
    page.refresh()
    assert page.table.item(0, DEADLINE_COLUMN).text() == (
        "Jaarrapport 2027: nog 153 dagen (uiterlijk 1 mei 2027); jaarrapport 2026 niet vastgelegd"
    )
    store.set_annual_report(dossier_id, 2026, date(2026, 4, 1))
    store.set_annual_repair(dossier_id, 2026, DateField.FINDINGS_FIXED, date(2026, 5, 1))
    page.refresh()
    assert (
        page.table.item(0, DEADLINE_COLUMN).text() == "Jaarrapport 2027: nog 153 dagen (uiterlijk 1 mei 2027)"
    )


def test_the_termijnen_pages_date_labels_come_from_the_content_file(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    """Correcting a label is a content edit: the page shows whatever [timeline.fields] says."""
    reported_dossier(store)
    store.remember_last_dossier(store.list_dossiers()[0].id)
    content = bundled_content()
    fields = dict(content.general.timeline.fields)
    fields.update(
        annual_repair="{field} – jaarrapport {year} (gewijzigd)", findings_fixed="Hersteld op (gewijzigd)"
    )
    fields.update(annual_report="Rapport over {year_before} verstuurd op (gewijzigd)")
    timeline = replace(content.general.timeline, fields=fields)
    prepare_application()
    window = MainWindow(
        Store(data_dir),
        replace(content, general=replace(content.general, timeline=timeline)),
        DayClock(lambda: date(2026, 11, 28)),
    )
    qtbot.addWidget(window)
    window.show()
    child(window, QWidget, "assessmentWizard").go_to("deadlines")
    shown = [
        each.text()
        for each in child(window, QWidget, "assessmentWizard").stack.currentWidget().findChildren(QLabel)
    ]
    assert "Hersteld op (gewijzigd)" in shown
    assert "Rapport over 2024 verstuurd op (gewijzigd)" in shown
    assert "Hersteld op (gewijzigd) – jaarrapport 2025 (gewijzigd)" in shown
    assert "Uiterste hersteldatum in de brief van Logius (jaarrapport 2025)" not in shown
