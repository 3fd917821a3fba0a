"""Dates and lists as a Dutch reader writes them, for labels and printed summaries alike."""

from datetime import UTC, date, datetime

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def long_date(day: date) -> str:
    """28 februari 2027"""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def local_time(moment_utc: datetime) -> datetime:
    """A moment stored in UTC without a time zone, in the user's time; near year 1 or 9999, where the
    shift would overflow, the stored value as it is."""
    try:
        return moment_utc.replace(tzinfo=UTC).astimezone()
    except (OverflowError, ValueError):
        return moment_utc


def local_date(moment_utc: datetime) -> date:
    """The user's calendar day of a moment stored in UTC without a time zone."""
    return local_time(moment_utc).date()


def day_count(days: int) -> str:
    """1 dag · 3 dagen"""
    return f"{days} {'dag' if days == 1 else 'dagen'}"


def days_phrase(days_left: int) -> str:
    """nog 23 dagen · vandaag · 3 dagen geleden"""
    if days_left == 0:
        return "vandaag"
    if days_left > 0:
        return f"nog {day_count(days_left)}"
    return f"{day_count(-days_left)} geleden"


def date_and_time(moment: datetime) -> str:
    """28 november 2026 18:05"""
    return f"{long_date(moment.date())} {moment:%H:%M}"


def short_date(day: date) -> str:
    """1-9-2026, for narrow table columns."""
    return f"{day.day}-{day.month}-{day.year}"


def listing(parts: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return ", ".join(parts[:-1]) + (" en " if len(parts) > 1 else "") + (parts[-1] if parts else "")


def after_colon(sentence: str) -> str:
    """A sentence continued after a colon starts with a small letter in Dutch: 'nog niet: minstens …'."""
    return sentence[:1].lower() + sentence[1:]
