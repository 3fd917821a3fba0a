"""The deadlines of a dossier, counted from the production activation date (T0) to a given day.

Pure functions of the dossier's dates and *today*, which is always passed in, so that every rule
can be tested on any date. The rules (Logius, November 2026; see shared/domain-notes.md):
- the first assessment report must be at Logius within two calendar months after T0;
- findings fixed within two months after the report (the date in Logius's letter wins);
- after that a report every year between 1 January and 1 May, the first at least 12 months
  after T0, otherwise in the next year's window.
For a cluster connection T0 is the day the second care provider went into production.
"""

from dataclasses import astuple, dataclass
from datetime import date
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from model.limits import parse_date

DUE_SOON_DAYS = 14
FIRST_REPORT_MONTHS = 2
FIX_MONTHS = 2
ANNUAL_WINDOW_START = (1, 1)  # 1 January
ANNUAL_WINDOW_END = (5, 1)  # 1 May


class MilestoneKind(StrEnum):
    ACTIVATION = "activation"
    FIRST_REPORT = "first_report"
    FINDINGS_FIXED = "findings_fixed"
    ANNUAL_REPORT = "annual_report"


class State(StrEnum):
    FUTURE = "future"
    DUE_SOON = "due_soon"
    TODAY = "today"
    OVERDUE = "overdue"
    DONE = "done"


@dataclass(frozen=True)
class DossierDates:
    """What the user has told about the dossier's dates; None where not known (yet)."""

    activation: date | None
    report_sent: date | None = None
    logius_fix_deadline: date | None = None
    findings_fixed: date | None = None


@dataclass(frozen=True)
class Milestone:
    kind: MilestoneKind
    day: date
    state: State
    days_left: int  # negative when overdue
    window_start: date | None = None  # the annual report's window opens on this day
    from_logius: bool = False  # the findings' deadline comes from Logius's letter

    @property
    def is_deadline(self) -> bool:
        return self.kind != MilestoneKind.ACTIVATION

    @property
    def threatening(self) -> bool:
        """Due within 14 days, or late: time to inform Logius."""
        return self.state in (State.DUE_SOON, State.TODAY, State.OVERDUE)


def first_report_deadline(activation: date) -> date:
    """T0 + 2 calendar months: 31 December → 28/29 February (relativedelta clips to month end)."""
    return activation + relativedelta(months=FIRST_REPORT_MONTHS)


def findings_deadline(report_sent: date, logius_deadline: date | None) -> date:
    return logius_deadline or report_sent + relativedelta(months=FIX_MONTHS)


def annual_report_deadline(activation: date, today: date) -> date:
    """The 1 May ending the next yearly window that is at least 12 months after T0 and not past."""
    earliest = activation + relativedelta(months=12)
    year = earliest.year if date(earliest.year, *ANNUAL_WINDOW_END) >= earliest else earliest.year + 1
    while date(year, *ANNUAL_WINDOW_END) < today:
        year += 1
    return date(year, *ANNUAL_WINDOW_END)


def deadline_state(day: date, today: date, done: bool) -> State:
    if done:
        return State.DONE
    left = (day - today).days
    if left < 0:
        return State.OVERDUE
    if left == 0:
        return State.TODAY
    return State.DUE_SOON if left <= DUE_SOON_DAYS else State.FUTURE


def _milestone(
    kind: MilestoneKind,
    day: date,
    today: date,
    done: bool,
    window_start: date | None = None,
    from_logius: bool = False,
) -> Milestone:
    state = deadline_state(day, today, done)
    return Milestone(kind, day, state, (day - today).days, window_start, from_logius)


def within_range(dates: DossierDates) -> DossierDates:
    """The dates with any outside 2000–2100 left out, so that no computation can overflow.

    The one guard for every deadline: such a date never passes the fields or an import, but an
    old database may hold one, and then a dossier must still be listed rather than stop the app."""
    return DossierDates(*(parse_date(value) if value else None for value in astuple(dates)))


def milestones(dates: DossierDates, today: date) -> list[Milestone]:
    """The dossier's milestones in time order; empty while T0 is unknown."""
    dates = within_range(dates)
    t0 = dates.activation
    if t0 is None:
        return []
    result = [
        Milestone(
            MilestoneKind.ACTIVATION,
            t0,
            State.DONE if today >= t0 else State.FUTURE,
            (t0 - today).days,
        ),
        _milestone(
            MilestoneKind.FIRST_REPORT, first_report_deadline(t0), today, dates.report_sent is not None
        ),
    ]
    if dates.report_sent is not None:
        result.append(
            _milestone(
                MilestoneKind.FINDINGS_FIXED,
                findings_deadline(dates.report_sent, dates.logius_fix_deadline),
                today,
                dates.findings_fixed is not None,
                from_logius=dates.logius_fix_deadline is not None,
            )
        )
    annual = annual_report_deadline(t0, today)
    result.append(
        _milestone(
            MilestoneKind.ANNUAL_REPORT,
            annual,
            today,
            False,
            window_start=date(annual.year, *ANNUAL_WINDOW_START),
        )
    )
    return result


def next_deadline(dates: DossierDates, today: date) -> Milestone | None:
    """The first deadline not yet done: what the countdown shows."""
    return next(
        (each for each in milestones(dates, today) if each.is_deadline and each.state != State.DONE), None
    )


def deadline_threatened(dates: DossierDates, today: date) -> bool:
    """The next deadline is due within 14 days, or late: time to inform Logius."""
    deadline = next_deadline(dates, today)
    return deadline is not None and deadline.threatening
