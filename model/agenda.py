"""The deadlines as an iCalendar file that Outlook and Google Calendar import, with reminders."""

import hashlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from model.content import Connection, TimelineWording
from model.deadline_text import milestone_label, what_text, wording_key
from model.dutch import day_count
from model.locations import APP_NAME
from model.timeline import DossierDates, Milestone, MilestoneKind, State, milestones, yearly_reports_ahead
from model.version import __version__

REMINDER_DAYS = (14, 1)
YEARS_AHEAD = 3  # the yearly windows in the file: the next three still to report


class Entry(NamedTuple):
    """One all-day event of the agenda."""

    uid_kind: str
    day: date
    label: str
    description: str


def _entry(milestone: Milestone, connection: Connection, wording: TimelineWording) -> Entry:
    if milestone.kind == MilestoneKind.ACTIVATION:
        description = wording.agenda["activation"]
    else:
        description = wording.agenda["deadline"].format(what=what_text(milestone, wording))
    uid_kind = wording_key(milestone) + (f"-{milestone.report_year}" if milestone.report_year else "")
    return Entry(uid_kind, milestone.day, milestone_label(milestone, connection, wording), description)


def agenda_entries(
    connection: Connection, dates: DossierDates, today: date, wording: TimelineWording
) -> Iterator[Entry]:
    """Every milestone still ahead: a planned activation, the first report and the repair while
    open, and the next three yearly reports, each with the day its window opens (while ahead)."""
    for milestone in milestones(dates, today):
        ahead = milestone.state not in (State.DONE, State.OVERDUE, State.NOT_RECORDED)
        if ahead and milestone.kind != MilestoneKind.ANNUAL_REPORT:
            yield _entry(milestone, connection, wording)
    for milestone in yearly_reports_ahead(dates, today, YEARS_AHEAD):
        year, opens = milestone.day.year, milestone.window_start
        if opens is not None and opens >= today:
            description = wording.agenda["window_opens_description"].format(year=year, year_before=year - 1)
            yield Entry("annual_window", opens, wording.agenda["window_opens"].format(year=year), description)
        yield _entry(milestone, connection, wording)


def deadlines_calendar(
    name: str,
    connection: Connection,
    dates: DossierDates,
    today: date,
    wording: TimelineWording,
    now: datetime,
) -> bytes:
    """All-day events for each milestone still to come, each with reminders 14 days and 1 day before.

    Every text goes in as an iCalendar TEXT value, which the icalendar package escapes (`,` `;` `\\`
    and line breaks), so a name can't add properties of its own."""
    from icalendar import Alarm, Calendar, Event  # 70-120 ms to import: only when exporting

    words = wording.agenda
    name = " ".join(name.split())  # one line, as stored names are; an old row may hold a line break
    stable_id = hashlib.sha1(name.encode()).hexdigest()[:12]  # the same on every export: no duplicates
    calendar = Calendar()
    calendar.add("prodid", f"-//{APP_NAME}//{__version__}//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", words["calendar"].format(name=name))
    for entry in sorted(agenda_entries(connection, dates, today, wording), key=lambda each: each.day):
        event = Event()
        event.add("uid", f"{entry.uid_kind}-{entry.day.isoformat()}-{stable_id}@digid-wegwijzer")
        event.add("dtstamp", now.astimezone(UTC))  # RFC 5545: DTSTAMP in UTC; a naive `now` is local time
        event.add("summary", words["event"].format(name=name, label=entry.label))
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + timedelta(days=1))
        event.add("description", entry.description)
        event.add("transp", "TRANSPARENT")
        for days in REMINDER_DAYS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add(
                "description", words["reminder"].format(days=day_count(days), label=entry.label, name=name)
            )
            alarm.add("trigger", timedelta(days=-days))
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
