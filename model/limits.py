"""What a stored value may be: the one set of limits the fields enforce, an import checks and a row
read back is held to.

Each limit is said here once; the GUI sets its fields' maximum lengths from these constants, so
whatever a user can type is also what an import of its own export accepts.
"""

from datetime import UTC, date, datetime

EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)
EARLIEST_MOMENT = datetime(2000, 1, 1)
LATEST_MOMENT = datetime(2100, 12, 31, 23, 59, 59, 999_999)

NAME_MAX_LENGTH = 120  # an organisation, a care provider, a signatory and their function
AUTHOR_MAX_LENGTH = 120  # the display name a change in a shared database's history is made by
KVK_LENGTH = 8
KVK_INPUT_MAX_LENGTH = 20  # a wrong KvK number can be typed, seen and kept
PROVIDER_NOTES_MAX_LENGTH = 5_000
NOTE_MAX_LENGTH = 100_000  # a step's notes
POSITION_MAX_LENGTH = 64


def date_in_range(value: date) -> bool:
    return EARLIEST_DATE <= value <= LATEST_DATE


def moment_in_range(value: datetime) -> bool:
    return EARLIEST_MOMENT <= value <= LATEST_MOMENT


def text_problem(value: str) -> str | None:
    """Why a text can't be stored or shown (a NUL, half of a surrogate pair); None when it can."""
    if "\x00" in value:
        return "bevat een nul-teken"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "bevat een ongeldig teken"
    return None


def parse_date(value: object) -> date | None:
    """A date written as ISO text within the sane range; None for anything else."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value if date_in_range(value) else None
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return None
    return parsed if date_in_range(parsed) else None


def parse_moment(value: object) -> datetime | None:
    """A moment as naive UTC, from ISO text with or without a time zone, within the sane range."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):
        return None
    return moment if moment_in_range(moment) else None
