"""The countdown above every page, the deadlines page, the agenda file and the day changing."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from gui.day_clock import DayClock
from gui.links import LinkButton
from gui.start_page import DEADLINE_COLUMN, StartPage
from model.content import Connection, Role, bundled_content
from model.dossier import CareProvider, DateField
from model.store import Store
from tests.gui_helpers import child, click, open_window, scroll_to
from tests.modal_dialogs import answer_dialogs, type_file_name


class FixedDay:
    """A calendar the test turns by hand."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir)
    yield store
    store.close()


def open_dossier(
    qtbot: QtBot, data_dir: Path, store: Store, today: FixedDay, activation: date | None, **kw
) -> QWidget:
    dossier = store.create_dossier(
        "Praktijk Noord", kw.get("connection", Connection.DIRECT), Role.CARE_PROVIDER, activation
    )
    store.remember_last_dossier(dossier.id)
    return open_window(qtbot, data_dir, DayClock(today))


def countdown_text(window: QWidget) -> str:
    return child(window, QLabel, "countdown").text()


def test_the_countdown_stands_above_every_page(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    window = open_dossier(qtbot, data_dir, store, FixedDay(date(2027, 2, 5)), date(2026, 12, 31))
    wizard = child(window, QWidget, "assessmentWizard")
    for key in wizard.keys:
        wizard.go_to(key)
        label = child(window, QLabel, "countdown")
        assert label.isVisible(), key
        assert (
            label.text()
            == "Nog 23 dagen tot de uiterste datum voor het auditrapport bij Logius (28 februari 2027)"
        )


def test_the_countdown_moves_on_at_midnight(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    today = FixedDay(date(2027, 2, 27))
    window = open_dossier(qtbot, data_dir, store, today, date(2026, 12, 31))
    assert countdown_text(window).startswith("Nog 1 dag")
    today.day = date(2027, 2, 28)
    window.clock.check()  # what the midnight timer does
    assert countdown_text(window).startswith("Vandaag is de uiterste datum")
    today.day = date(2027, 3, 1)
    window.clock.check()
    assert countdown_text(window).startswith("1 dag te laat")


def test_a_threatening_deadline_says_what_to_do(
    qtbot: QtBot, data_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    # Kept a stub: the browser and mail client are other programs; what is handed to them is checked.
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    today = FixedDay(date(2027, 2, 13))
    window = open_dossier(qtbot, data_dir, store, today, date(2026, 12, 31))
    advice = child(window, QLabel, "deadlineAdvice")
    assert advice.isVisible()  # 15 days ahead: what to prepare, no need to write to Logius yet
    assert advice.text().startswith("<b>Advies van de wegwijzer:</b> Plan nu de penetratietest")
    assert "mailto:" not in advice.text()
    today.day = date(2027, 2, 14)
    window.clock.check()
    assert advice.text().startswith("<b>⚠ Advies van de wegwijzer:</b> Lukt het niet")
    assert "De factsheet zegt: ‘Informeer Logius tijdig" in advice.text()
    assert advice.accessibleName() == "⚠ Advies van de wegwijzer"
    assert "Informeer Logius tijdig" in advice.accessibleDescription()
    mail = child(window, LinkButton, "deadlineAdviceMail")  # the address as a real link, not in the text
    assert "mailto:" not in advice.text()
    assert mail.isVisible() and mail.accessibleDescription() == "DigiDassessment@logius.nl"
    mail.setFocus()
    qtbot.keyClick(mail, Qt.Key.Key_Return)
    assert opened == ["mailto:DigiDassessment@logius.nl?subject=DigiD-assessment"]
    today.day = date(2027, 3, 1)
    window.clock.check()
    assert "ingebrekestelling" in advice.text() and "gedeactiveerd" in advice.text()
    assert mail.isVisible()


def test_the_advice_follows_the_next_deadline_after_a_report_is_recorded(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    """Activated in 2024, the first report sent, the repair past and the yearly reports not recorded:
    the countdown, its advice and the list say so, each in words."""
    dossier = store.create_dossier("Praktijk Zuid", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    store.set_date(dossier.id, DateField.REPORT_SENT, date(2024, 2, 20))
    store.remember_last_dossier(dossier.id)
    window = open_window(qtbot, data_dir, DayClock(FixedDay(date(2026, 11, 29))))
    assert countdown_text(window).startswith("953 dagen te laat: de uiterste datum voor het herstel")
    advice = child(window, QLabel, "deadlineAdvice").text()
    assert advice.startswith("<b>⚠ Advies van de wegwijzer:</b> De hersteltermijn is voorbij.")
    child(window, QWidget, "assessmentWizard").go_to("deadlines")
    listing = child(window, QLabel, "milestoneList").text()
    assert listing.count("Advies van de wegwijzer") == 5  # every deadline, not the activation
    assert "Niet vastgelegd of het rapport over 2024 is ingediend." in listing
    assert "Niet vastgelegd of het rapport over 2025 is ingediend." in listing
    assert "Plan het assessment over 2026" in listing


def test_recording_the_report_moves_the_countdown_to_the_findings(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    window = open_dossier(qtbot, data_dir, store, FixedDay(date(2027, 2, 21)), date(2026, 12, 31))
    child(window, QWidget, "assessmentWizard").go_to("deadlines")
    unknown = child(window, QCheckBox, "reportSentUnknown")
    scroll_to(unknown)
    click(qtbot, unknown)
    child(window, QDateEdit, "reportSent").setDate(date(2027, 2, 20))
    assert store.list_dossiers()[0].report_sent == date(2027, 2, 20)
    assert countdown_text(window) == (
        "Nog 58 dagen tot de uiterste datum voor het herstel van de bevindingen (20 april 2027)"
    )
    asks_for_letter = "Vul bij Termijnen de uiterste hersteldatum uit de brief van Logius in"
    assert asks_for_letter in child(window, QLabel, "milestoneList").text()
    letter = child(window, QCheckBox, "logiusFixDeadlineUnknown")
    scroll_to(letter)
    click(qtbot, letter)  # the letter came: its usual term is offered, not today (a false alarm)
    assert store.list_dossiers()[0].logius_fix_deadline == date(2027, 4, 20)
    assert countdown_text(window).endswith("(20 april 2027)")
    child(window, QDateEdit, "logiusFixDeadline").setDate(date(2027, 5, 1))
    assert countdown_text(window).endswith("(1 mei 2027)")
    milestones = child(window, QLabel, "milestoneList").text()
    assert asks_for_letter not in milestones  # entered: the advice no longer asks for it
    assert "de uiterste hersteldatum uit de brief van Logius is ingevuld" in milestones
    assert "Bevindingen hersteld" in milestones
    assert "uiterlijk 1 mei 2027, de datum uit de brief van Logius" in milestones
    assert "tussen 1 januari 2028 en 1 mei 2028" in milestones
    assert "ingediend op 20 februari 2027 (uiterste datum was 28 februari 2027)" in milestones


def test_the_timeline_lists_its_milestones_for_screen_readers(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    window = open_dossier(qtbot, data_dir, store, FixedDay(date(2027, 2, 5)), date(2026, 12, 31))
    child(window, QWidget, "assessmentWizard").go_to("deadlines")
    timeline = child(window, QWidget, "timeline")
    assert timeline.isVisible()
    description = timeline.accessibleDescription()
    assert "Activatie in productie: 31 december 2026" in description
    assert "Auditrapport bij Logius: 28 februari 2027, open" in description
    assert "1 mei 2028" in description


def test_unknown_activation_asks_for_it(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    window = open_dossier(
        qtbot, data_dir, store, FixedDay(date(2027, 2, 5)), None, connection=Connection.CLUSTER
    )
    assert "tweede zorgaanbieder in productie" in countdown_text(window)
    child(window, QWidget, "assessmentWizard").go_to("deadlines")
    assert not child(window, QWidget, "timeline").isVisible()
    assert not child(window, QPushButton, "exportCalendar").isEnabled()


def test_deadlines_go_into_an_agenda_file(qtbot: QtBot, data_dir: Path, store: Store, home: Path) -> None:
    window = open_dossier(qtbot, data_dir, store, FixedDay(date(2027, 1, 5)), date(2026, 12, 31))
    child(window, QWidget, "assessmentWizard").go_to("deadlines")
    button = child(window, QPushButton, "exportCalendar")
    scroll_to(button)
    seen = answer_dialogs(qtbot, type_file_name("termijnen.ics"))
    click(qtbot, button)
    assert seen[0].title == "Deadlines in agenda zetten"
    assert seen[0].result == "DigiD-assessment termijnen Praktijk Noord.ics"
    events = Calendar.from_ical((home / "termijnen.ics").read_bytes()).walk("VEVENT")
    assert [event.decoded("dtstart") for event in events] == [
        date(2027, 2, 28),
        *(date(year, month, 1) for year in (2028, 2029, 2030) for month in (1, 5)),
    ]
    assert child(window, QLabel, "calendarResult").text().startswith("Opgeslagen in")


def test_start_page_shows_the_next_deadline(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    store.create_dossier("Praktijk Noord", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 12, 31))
    window = open_window(qtbot, data_dir, DayClock(FixedDay(date(2027, 2, 5))))
    table = child(window, QTableWidget, "dossierList")
    assert table.item(0, 4).text() == "Rapport: nog 23 dagen (uiterlijk 28 februari 2027)"
    assert not table.item(0, 4).font().bold()


def test_start_page_counts_a_cluster_from_the_register_start_date(qtbot: QtBot, store: Store) -> None:
    dossier = store.create_dossier("ZorgSoft", Connection.CLUSTER, Role.SUPPLIER, date(2026, 9, 30))
    for name, kvk, live in (("Fysio Noord", "12345678", date(2026, 10, 1)), ("Tandarts", "87654321", None)):
        signed = {"contract_signed": date(2026, 9, 1), "akkoord_signed": date(2026, 9, 2)}
        store.save_care_provider(dossier.id, CareProvider(0, name, kvk, production=live, **signed))
    page = StartPage(store, bundled_content(), DayClock(FixedDay(date(2026, 11, 1))))
    qtbot.addWidget(page)
    page.refresh()
    cell = page.table.item(0, DEADLINE_COLUMN)
    assert cell.text() == "Rapport: nog 29 dagen (uiterlijk 30 november 2026)"  # one live: the recorded date
    second = store.care_providers(dossier.id)[1]
    store.save_care_provider(dossier.id, replace(second, production=date(2026, 10, 8)))
    page.refresh()
    assert page.table.item(0, DEADLINE_COLUMN).text() == (
        "Rapport: nog 37 dagen (uiterlijk 8 december 2026)"  # T0: the second provider live
    )


def test_start_page_flags_a_late_deadline(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    store.create_dossier("Praktijk Noord", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 12, 31))
    window = open_window(qtbot, data_dir, DayClock(FixedDay(date(2027, 3, 3))))
    cell = child(window, QTableWidget, "dossierList").item(0, 4)
    assert cell.text() == "⚠ Rapport te laat (3 dagen)"
    assert cell.font().bold()


def test_start_page_lists_the_most_urgent_dossier_first(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    """Late first (the latest first), then due soon, then ahead by date, then without a date; the
    state in words and, for late or soon, in bold on the countdown bar's colour."""
    for name, activation in (
        ("Zorg Noord", date(2027, 1, 31)),  # report due 31 March: ahead
        ("Apotheek", None),
        ("Fysio West", date(2026, 12, 8)),  # due 8 February: 12 days late
        ("Tandarts Oost", date(2026, 12, 31)),  # due 28 February: 8 days left
        ("Huisarts", date(2026, 12, 17)),  # due 17 February: 3 days late
    ):
        store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, activation)
    window = open_window(qtbot, data_dir, DayClock(FixedDay(date(2027, 2, 20))))
    table = child(window, QTableWidget, "dossierList")
    rows = [
        (table.item(row, 0).text(), table.item(row, DEADLINE_COLUMN).text())
        for row in range(table.rowCount())
    ]
    assert rows == [
        ("Fysio West", "⚠ Rapport te laat (12 dagen)"),
        ("Huisarts", "⚠ Rapport te laat (3 dagen)"),
        ("Tandarts Oost", "⚠ Rapport: nog 8 dagen (uiterlijk 28 februari 2027)"),
        ("Zorg Noord", "Rapport: nog 39 dagen (uiterlijk 31 maart 2027)"),
        ("Apotheek", "Geen termijn: activatiedatum onbekend"),
    ]
    cells = [table.item(row, DEADLINE_COLUMN) for row in range(table.rowCount())]
    assert [cell.font().bold() for cell in cells] == [True, True, True, False, False]
    late, soon, ahead = (cells[n].background().color().name() for n in (0, 2, 3))
    assert late != soon and ahead != late and ahead != soon
    assert table.selectedItems()[0].text() == "Fysio West"  # the most urgent is selected, ready to open


def test_a_long_list_is_sized_for_its_widest_bold_deadline_before_its_first_paint(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    """A deadline due soon is in bold and sorted after the late ones: here below the rows made before
    the first paint, and wider than a longer text in plain type; its column is as wide as it needs
    from the start."""
    for number in range(45):  # late
        store.create_dossier(
            f"Praktijk {number:02d}", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 11, 1)
        )
    store.create_dossier("Tandarts Oost", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 12, 31))  # 8 days
    store.create_dossier("Zorg Noord", Connection.DIRECT, Role.CARE_PROVIDER, date(2027, 7, 28))  # ahead
    window = open_window(qtbot, data_dir, DayClock(FixedDay(date(2027, 2, 20))))
    table = child(window, QTableWidget, "dossierList")
    before = table.columnWidth(DEADLINE_COLUMN)
    qtbot.waitUntil(lambda: table.item(46, 0) is not None)
    soon = table.item(45, DEADLINE_COLUMN)
    assert soon.text().startswith("⚠ Rapport: nog 8 dagen") and soon.font().bold()
    ahead = table.item(46, DEADLINE_COLUMN)  # longer, so wider when both are measured in plain type
    assert ahead.text() == "Rapport: nog 220 dagen (uiterlijk 28 september 2027)" and not ahead.font().bold()
    assert table.columnWidth(DEADLINE_COLUMN) == before >= table.sizeHintForColumn(DEADLINE_COLUMN)


def test_a_long_list_shows_every_dossier_in_order_once_painted(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    """The rows below the first screenful are made right after the list's first paint, in the
    same order and as marked as the ones above."""
    for number in range(45):  # all late, the earliest activation the latest report
        store.create_dossier(
            f"Praktijk {number:02d}", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 11, 1 + number % 28)
        )
    window = open_window(qtbot, data_dir, DayClock(FixedDay(date(2027, 2, 20))))
    table = child(window, QTableWidget, "dossierList")
    qtbot.waitUntil(lambda: table.item(44, 0) is not None)
    late = [table.item(row, DEADLINE_COLUMN) for row in range(table.rowCount())]
    assert len(late) == 45 and all(cell.font().bold() and "te laat" in cell.text() for cell in late)
    assert len({cell.background().color().name() for cell in late}) == 1
    days = [int(cell.text().split("(")[1].split()[0]) for cell in late]
    assert days == sorted(days, reverse=True)
