"""The agenda file: a cluster's planned go-live under its own name, and the stamp in UTC."""

from datetime import date, datetime

from icalendar import Calendar

from model.agenda import deadlines_calendar
from model.content import Connection, bundled_content
from model.timeline import DossierDates

WORDING = bundled_content().general.timeline


def summaries(connection: Connection) -> list[str]:
    data = deadlines_calendar(
        "Praktijk",
        connection,
        DossierDates(date(2026, 12, 31)),
        date(2026, 12, 1),
        WORDING,
        datetime(2026, 12, 1),
    )
    return [str(event.get("summary")) for event in Calendar.from_ical(data).walk("VEVENT")]


def test_a_cluster_s_planned_go_live_is_the_second_care_provider_in_production() -> None:
    assert summaries(Connection.CLUSTER)[0] == "DigiD-assessment Praktijk: Tweede zorgaanbieder in productie"
    assert summaries(Connection.DIRECT)[0] == "DigiD-assessment Praktijk: Activatie in productie"


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
