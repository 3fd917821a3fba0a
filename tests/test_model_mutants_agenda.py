"""The agenda file: a planned go-live (a cluster's under its own name), a window opening today, two
repairs due the same day, and the stamp in UTC."""

from datetime import date, datetime, time

from icalendar import Calendar, Event

from model.agenda import deadlines_calendar
from model.content import Connection, bundled_content
from model.timeline import DossierDates, RepairDates

WORDING = bundled_content().general.timeline


def events(dates: DossierDates, today: date, connection: Connection = Connection.DIRECT) -> list[Event]:
    data = deadlines_calendar("Praktijk", connection, dates, today, WORDING, datetime.combine(today, time(9)))
    return Calendar.from_ical(data).walk("VEVENT")


def summaries(connection: Connection) -> list[str]:
    planned = events(DossierDates(date(2026, 12, 31)), date(2026, 12, 1), connection)
    return [str(event.get("summary")) for event in planned]


def test_a_cluster_s_planned_go_live_is_the_second_care_provider_in_production() -> None:
    assert summaries(Connection.CLUSTER)[0] == "DigiD-assessment Praktijk: Tweede zorgaanbieder in productie"
    assert summaries(Connection.DIRECT)[0] == "DigiD-assessment Praktijk: Activatie in productie"


def test_a_planned_go_live_says_the_two_months_start_that_day() -> None:
    [go_live, *_] = events(DossierDates(date(2026, 12, 31)), date(2026, 12, 1))
    assert str(go_live.get("description")) == (
        "Vanaf deze dag lopen de twee maanden voor het auditrapport bij Logius."
    )


def test_on_new_year_s_day_the_window_opening_that_day_is_in_the_agenda() -> None:
    [opening, *_] = events(DossierDates(date(2026, 12, 31)), date(2028, 1, 1))
    assert (opening.decoded("dtstart"), str(opening.get("summary"))) == (
        date(2028, 1, 1),
        "DigiD-assessment Praktijk: Venster voor het jaarlijkse auditrapport 2028 gaat open",
    )


def test_two_yearly_repairs_due_the_same_day_are_two_events() -> None:
    """Logius's letter gave the 2026 report's repair the same day as the 2027 report's: a calendar
    that merges events by their UID must still show both."""
    letter = RepairDates(logius_fix_deadline=date(2027, 6, 1))
    dates = DossierDates(
        date(2025, 1, 1),
        report_sent=date(2025, 2, 1),
        findings_fixed=date(2025, 3, 1),
        annual_reports={2026: date(2026, 2, 1), 2027: date(2027, 4, 1)},
        annual_repairs={2026: letter, 2027: letter},
    )
    repairs = [event for event in events(dates, date(2027, 4, 10)) if "Herstel" in str(event.get("summary"))]
    assert [str(event.get("summary")).split(": ")[1] for event in repairs] == [
        "Herstel bevindingen 2026",
        "Herstel bevindingen 2027",
    ]
    assert len({str(event.get("uid")) for event in repairs}) == 2


def test_a_dutch_laptop_stamps_the_file_in_utc(amsterdam: None) -> None:
    """`now` is the laptop's local time (10:00 in Amsterdam in winter): the stamp says 09:00 UTC."""
    data = deadlines_calendar(
        "Praktijk",
        Connection.DIRECT,
        DossierDates(date(2026, 12, 31)),
        date(2026, 12, 1),
        WORDING,
        datetime(2026, 12, 1, 10, 0),
    )
    stamps = {line for line in data.decode().splitlines() if line.startswith("DTSTAMP")}
    assert stamps == {"DTSTAMP:20261201T090000Z"}
