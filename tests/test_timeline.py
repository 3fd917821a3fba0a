"""The deadline rules on their edge dates, Logius's own examples, and the words the countdown uses."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from model.agenda import deadlines_calendar
from model.content import Connection, bundled_content
from model.deadline_text import countdown
from model.timeline import (
    DossierDates,
    MilestoneKind,
    State,
    annual_years,
    deadline_threatened,
    first_report_deadline,
    milestones,
    next_deadline,
)

WORDING = bundled_content().general.timeline


@pytest.mark.parametrize(
    "activation, deadline",
    [
        (date(2023, 1, 7), date(2023, 3, 7)),  # Logius's examples
        (date(2023, 3, 23), date(2023, 5, 23)),
        (date(2023, 10, 7), date(2023, 12, 7)),
        (date(2026, 12, 31), date(2027, 2, 28)),  # month end: clipped to the last day
        (date(2027, 12, 31), date(2028, 2, 29)),  # leap year
        (date(2026, 12, 29), date(2027, 2, 28)),
        (date(2027, 1, 31), date(2027, 3, 31)),
        (date(2026, 12, 30), date(2027, 2, 28)),
    ],
)
def test_first_report_two_calendar_months_after_activation(activation: date, deadline: date) -> None:
    assert first_report_deadline(activation) == deadline


@pytest.mark.parametrize(
    "activation, window_end",
    [
        (date(2023, 1, 7), date(2024, 5, 1)),  # Logius: 1 Jan – 1 May 2024
        (date(2023, 5, 7), date(2025, 5, 1)),  # Logius: 1 Jan – 1 May 2025
        (date(2023, 5, 1), date(2024, 5, 1)),  # exactly 12 months: still in the window
        (date(2023, 5, 2), date(2025, 5, 1)),  # a day later: the next window
        (date(2023, 4, 30), date(2024, 5, 1)),
        (date(2023, 12, 31), date(2025, 5, 1)),
    ],
)
def test_first_annual_window_at_least_twelve_months_after_activation(
    activation: date, window_end: date
) -> None:
    assert annual_years(DossierDates(activation), today=activation) == [window_end.year]


def test_annual_window_moves_on_once_passed() -> None:
    activation = date(2023, 1, 7)
    assert annual_years(DossierDates(activation), today=date(2024, 5, 1)) == [2024]
    assert annual_years(DossierDates(activation), today=date(2024, 5, 2)) == [2024, 2025]


@pytest.mark.parametrize(
    "today, state, days_left",
    [
        (date(2027, 1, 1), State.FUTURE, 58),
        (date(2027, 2, 13), State.FUTURE, 15),
        (date(2027, 2, 14), State.DUE_SOON, 14),
        (date(2027, 2, 27), State.DUE_SOON, 1),
        (date(2027, 2, 28), State.TODAY, 0),
        (date(2027, 3, 3), State.OVERDUE, -3),
    ],
)
def test_first_report_state_and_days_left(today: date, state: State, days_left: int) -> None:
    deadline = next_deadline(DossierDates(activation=date(2026, 12, 31)), today)
    assert deadline.kind == MilestoneKind.FIRST_REPORT
    assert (deadline.day, deadline.state, deadline.days_left) == (date(2027, 2, 28), state, days_left)


def test_no_milestones_while_activation_is_unknown() -> None:
    assert milestones(DossierDates(activation=None), date(2026, 11, 28)) == []
    assert next_deadline(DossierDates(activation=None), date(2026, 11, 28)) is None


def test_a_recorded_report_date_moves_the_next_deadline_to_the_findings() -> None:
    dates = DossierDates(activation=date(2026, 10, 1), report_sent=date(2026, 11, 20))
    shown = {each.kind: each for each in milestones(dates, date(2026, 11, 28))}
    assert shown[MilestoneKind.FIRST_REPORT].state == State.DONE
    assert shown[MilestoneKind.FINDINGS_FIXED].day == date(2027, 1, 20)
    assert not shown[MilestoneKind.FINDINGS_FIXED].from_logius
    assert next_deadline(dates, date(2026, 11, 28)).kind == MilestoneKind.FINDINGS_FIXED


def test_the_date_in_logius_letter_wins() -> None:
    dates = DossierDates(
        date(2026, 10, 1), report_sent=date(2026, 11, 20), logius_fix_deadline=date(2027, 3, 15)
    )
    fix = next_deadline(dates, date(2026, 11, 28))
    assert (fix.kind, fix.day, fix.from_logius) == (MilestoneKind.FINDINGS_FIXED, date(2027, 3, 15), True)


def test_after_the_findings_are_fixed_the_annual_report_is_next() -> None:
    dates = DossierDates(date(2026, 10, 1), date(2026, 11, 20), None, findings_fixed=date(2027, 1, 5))
    annual = next_deadline(dates, date(2027, 1, 6))
    assert (annual.kind, annual.day, annual.window_start) == (
        MilestoneKind.ANNUAL_REPORT,
        date(2028, 5, 1),
        date(2028, 1, 1),
    )


def test_threat_only_near_or_past_the_next_deadline() -> None:
    activation = date(2026, 12, 31)
    assert not deadline_threatened(DossierDates(activation), date(2027, 2, 13))
    assert deadline_threatened(DossierDates(activation), date(2027, 2, 14))
    assert deadline_threatened(DossierDates(activation), date(2027, 3, 10))
    assert not deadline_threatened(DossierDates(activation, report_sent=date(2027, 2, 20)), date(2027, 3, 10))
    # once sent, the repair of the findings is what can be late
    assert deadline_threatened(DossierDates(activation, report_sent=date(2027, 2, 20)), date(2027, 4, 21))


@pytest.mark.parametrize(
    "today, text",
    [
        (
            date(2027, 2, 5),
            "Nog 23 dagen tot de uiterste datum voor het auditrapport bij Logius (28 februari 2027)",
        ),
        (
            date(2027, 2, 27),
            "Nog 1 dag tot de uiterste datum voor het auditrapport bij Logius (28 februari 2027)",
        ),
        (
            date(2027, 2, 28),
            "Vandaag is de uiterste datum voor het auditrapport bij Logius (28 februari 2027)",
        ),
        (
            date(2027, 3, 3),
            "3 dagen te laat: de uiterste datum voor het auditrapport bij Logius was 28 februari 2027",
        ),
    ],
)
def test_countdown_words(today: date, text: str) -> None:
    assert countdown(Connection.DIRECT, DossierDates(date(2026, 12, 31)), today, WORDING).text == text


def test_countdown_before_activation_and_unknown() -> None:
    before = countdown(Connection.DIRECT, DossierDates(date(2027, 1, 15)), date(2026, 11, 28), WORDING)
    assert before.text.startswith("De aansluiting wordt op 15 januari 2027 in productie genomen")
    assert "uiterlijk 15 maart 2027" in before.text
    unknown = countdown(Connection.CLUSTER, DossierDates(None), date(2026, 11, 28), WORDING)
    assert "tweede zorgaanbieder" in unknown.text and unknown.state is None


def calendar_events(dates: DossierDates, today: date, name: str = "Praktijk <De Linde>") -> list:
    data = deadlines_calendar(name, Connection.DIRECT, dates, today, WORDING, datetime(2027, 2, 21, 9))
    return Calendar.from_ical(data).walk("VEVENT")


def days_and_summaries(events: list) -> list[tuple[date, str]]:
    return [(event.decoded("dtstart"), str(event.get("summary")).split(": ", 1)[1]) for event in events]


def test_calendar_file_reads_back_with_the_same_dates_and_reminders() -> None:
    dates = DossierDates(date(2026, 12, 31), report_sent=date(2027, 2, 20))
    events = calendar_events(dates, date(2027, 2, 21))
    # the first report is sent (done): the repair, then three yearly windows, each opening and closing
    assert days_and_summaries(events) == [
        (date(2027, 4, 20), "Bevindingen hersteld"),
        (date(2028, 1, 1), "Venster voor het jaarlijkse auditrapport 2028 gaat open"),
        (date(2028, 5, 1), "Jaarlijks auditrapport 2028"),
        (date(2029, 1, 1), "Venster voor het jaarlijkse auditrapport 2029 gaat open"),
        (date(2029, 5, 1), "Jaarlijks auditrapport 2029"),
        (date(2030, 1, 1), "Venster voor het jaarlijkse auditrapport 2030 gaat open"),
        (date(2030, 5, 1), "Jaarlijks auditrapport 2030"),
    ]
    assert all(str(e.get("summary")).startswith("DigiD-assessment Praktijk <De Linde>: ") for e in events)
    assert all(event.decoded("dtend") - event.decoded("dtstart") == timedelta(days=1) for event in events)
    for event in events:
        alarms = event.walk("VALARM")
        assert sorted(-alarm.decoded("trigger").days for alarm in alarms) == [1, 14]
        assert all(str(alarm.get("action")) == "DISPLAY" for alarm in alarms)
    assert str(events[2].get("description")) == "Uiterste datum voor het jaarlijkse auditrapport bij Logius."
    assert str(events[1].get("description")) == (
        "Tussen 1 januari en 1 mei 2028 moet het auditrapport over 2027 bij Logius zijn."
    )
    again = calendar_events(dates, date(2027, 2, 22))
    assert [e.get("uid") for e in again] == [e.get("uid") for e in events]
    assert len({e.get("uid") for e in events}) == len(events)


def test_calendar_skips_what_is_done_or_past_and_an_open_window() -> None:
    """In the 2027 window (open already): its deadline without an opening, then 2028 and 2029; once
    the 2027 report is recorded, the repair of its findings and 2028–2030. The late repairs and the
    2025 report nobody recorded are past: not in the agenda."""
    dates = DossierDates(
        date(2024, 1, 1), report_sent=date(2024, 2, 1), annual_reports={2026: date(2026, 4, 1)}
    )
    assert days_and_summaries(calendar_events(dates, date(2027, 2, 1)))[:3] == [
        (date(2027, 5, 1), "Jaarlijks auditrapport 2027"),  # its window is open: no opening event
        (date(2028, 1, 1), "Venster voor het jaarlijkse auditrapport 2028 gaat open"),
        (date(2028, 5, 1), "Jaarlijks auditrapport 2028"),
    ]
    recorded = replace(dates, annual_reports={2026: date(2026, 4, 1), 2027: date(2027, 1, 20)})
    assert [day for day, _ in days_and_summaries(calendar_events(recorded, date(2027, 2, 1)))] == [
        date(2027, 3, 20),  # the 2027 report's findings: two months after 20 January
        *(date(2028, 1, 1), date(2028, 5, 1), date(2029, 1, 1), date(2029, 5, 1)),
        *(date(2030, 1, 1), date(2030, 5, 1)),
    ]


def test_calendar_lists_a_planned_activation() -> None:
    events = calendar_events(DossierDates(date(2026, 12, 31)), date(2026, 12, 1))
    assert days_and_summaries(events)[:2] == [
        (date(2026, 12, 31), "Activatie in productie"),
        (date(2027, 2, 28), "Auditrapport bij Logius"),
    ]
    assert len(events) == 8  # and three yearly windows, each opening and closing
    assert days_and_summaries(calendar_events(DossierDates(None), date(2026, 12, 1))) == []


def test_calendar_stamps_in_utc_and_escapes_names() -> None:
    name = "Praktijk; Noord,\nBEGIN:VEVENT\\"
    data = deadlines_calendar(
        name,
        Connection.DIRECT,
        DossierDates(date(2026, 12, 31)),
        date(2026, 12, 1),
        WORDING,
        datetime(2026, 12, 1, 9),
    )
    assert data.splitlines().count(b"BEGIN:VEVENT") == 8  # the name's own text makes no event
    events = Calendar.from_ical(data).walk("VEVENT")
    assert all("Praktijk; Noord, BEGIN:VEVENT\\" in str(event.get("summary")) for event in events)
    reminders = [str(alarm.get("description")) for event in events for alarm in event.walk("VALARM")]
    assert len(reminders) == 16
    assert all(text.endswith("(Praktijk; Noord, BEGIN:VEVENT\\)") for text in reminders)
    assert all(event.decoded("dtstamp").utcoffset() == timedelta(0) for event in events)
    assert all(line.endswith(b"Z") for line in data.splitlines() if line.startswith(b"DTSTAMP"))
