"""The deadlines as an iCalendar file that Outlook and Google Calendar import, with reminders."""

import hashlib
from datetime import UTC, date, datetime, timedelta

from model.content import Connection, TimelineWording
from model.deadline_text import milestone_label
from model.dutch import day_count
from model.locations import APP_NAME
from model.timeline import DossierDates, State, milestones
from model.version import __version__

REMINDER_DAYS = (14, 3)


def deadlines_calendar(
    name: str,
    connection: Connection,
    dates: DossierDates,
    today: date,
    wording: TimelineWording,
    now: datetime,
) -> bytes:
    """All-day events for each deadline still to come, each with reminders 14 and 3 days before.

    Every text goes in as an iCalendar TEXT value, which the icalendar package escapes (`,` `;` `\\`
    and line breaks), so a name can't add properties of its own."""
    from icalendar import Alarm, Calendar, Event  # 70-120 ms to import: only when exporting

    name = " ".join(name.split())  # one line, as stored names are; an old row may hold a line break
    stable_id = hashlib.sha1(name.encode()).hexdigest()[:12]  # the same on every export: no duplicates
    calendar = Calendar()
    calendar.add("prodid", f"-//{APP_NAME}//{__version__}//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"DigiD-assessment {name}")
    for milestone in milestones(dates, today):
        if not milestone.is_deadline or milestone.state in (State.DONE, State.OVERDUE):
            continue
        label = milestone_label(milestone, connection, wording)
        event = Event()
        event.add("uid", f"{milestone.kind.value}-{milestone.day.isoformat()}-{stable_id}@digid-wegwijzer")
        event.add("dtstamp", now.astimezone(UTC))  # RFC 5545: DTSTAMP in UTC; a naive `now` is local time
        event.add("summary", f"DigiD-assessment {name}: {label}")
        event.add("dtstart", milestone.day)
        event.add("dtend", milestone.day + timedelta(days=1))
        event.add("description", f"Uiterste datum voor {wording.what[milestone.kind.value]}.")
        event.add("transp", "TRANSPARENT")
        for days in REMINDER_DAYS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Over {day_count(days)}: {label} ({name})")
            alarm.add("trigger", timedelta(days=-days))
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
