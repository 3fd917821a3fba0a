"""The deadlines of a dossier, counted from the production activation date (T0) to a given day.

Pure functions of the dossier's dates and *today*, which is always passed in, so that every rule
can be tested on any date. The rules (Logius, November 2026; see shared/domain-notes.md):
- the first assessment report must be at Logius within two calendar months after T0;
- findings fixed within two months after the report (the date in Logius's letter wins), after
  the first report and after each yearly report alike;
- after that a report every year between 1 January and 1 May, the first at least 12 months
  after T0, otherwise in the next year's window. Every yearly report from the first one due up
  to the next one ahead is a milestone; a past one without a recorded date is "not recorded"
  (the app can't know whether it went out), not late and not skipped.
For a cluster connection T0 is the day the second care provider went into production.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
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
    NOT_RECORDED = "not_recorded"  # a past yearly report whose date nobody recorded


@dataclass(frozen=True)
class RepairDates:
    """What the user recorded about fixing one yearly report's findings; None where not known."""

    logius_fix_deadline: date | None = None
    findings_fixed: date | None = None


@dataclass(frozen=True)
class DossierDates:
    """What the user has told about the dossier's dates; None where not known (yet)."""

    activation: date | None
    report_sent: date | None = None
    logius_fix_deadline: date | None = None
    findings_fixed: date | None = None
    annual_reports: Mapping[int, date] = field(default_factory=dict)  # window year → day sent
    annual_repairs: Mapping[int, RepairDates] = field(default_factory=dict)  # window year → its repair


@dataclass(frozen=True)
class Milestone:
    kind: MilestoneKind
    day: date
    state: State
    days_left: int  # negative when overdue
    window_start: date | None = None  # the annual report's window opens on this day
    from_logius: bool = False  # the findings' deadline comes from Logius's letter
    done_on: date | None = None  # the day the report was sent or the findings were fixed
    report_year: int | None = None  # the yearly report a repair follows; None after the first report
    fix_date_known: bool = False  # the first report sent and the repair's date from Logius's letter entered

    @property
    def is_deadline(self) -> bool:
        return self.kind != MilestoneKind.ACTIVATION

    @property
    def is_open(self) -> bool:
        """Still to be done, or late; not done and not a past yearly report nobody recorded."""
        return self.state not in (State.DONE, State.NOT_RECORDED)

    @property
    def threatening(self) -> bool:
        """Due within 14 days, or late: time to inform Logius."""
        return self.state in (State.DUE_SOON, State.TODAY, State.OVERDUE)


def first_report_deadline(activation: date) -> date:
    """T0 + 2 calendar months: 31 December → 28/29 February (relativedelta clips to month end)."""
    return activation + relativedelta(months=FIRST_REPORT_MONTHS)


def findings_deadline(report_sent: date, logius_deadline: date | None) -> date:
    return logius_deadline or report_sent + relativedelta(months=FIX_MONTHS)


def first_annual_year(activation: date) -> int:
    """The year of the first yearly window: its 1 May at least 12 months after T0."""
    earliest = activation + relativedelta(months=12)
    return earliest.year if date(earliest.year, *ANNUAL_WINDOW_END) >= earliest else earliest.year + 1


def annual_years(dates: DossierDates, today: date) -> list[int]:
    """The yearly windows to show: from the first one due up to the next one ahead still open."""
    assert dates.activation is not None
    years = [first_annual_year(dates.activation)]
    while date(years[-1], *ANNUAL_WINDOW_END) < today or years[-1] in dates.annual_reports:
        years.append(years[-1] + 1)
    return years


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
    done_on: date | None = None,
    window_start: date | None = None,
    from_logius: bool = False,
) -> Milestone:
    state = deadline_state(day, today, done_on is not None)
    return Milestone(kind, day, state, (day - today).days, window_start, from_logius, done_on)


def _annual_milestone(year: int, sent: date | None, today: date) -> Milestone:
    end = date(year, *ANNUAL_WINDOW_END)
    milestone = _milestone(MilestoneKind.ANNUAL_REPORT, end, today, sent, date(year, *ANNUAL_WINDOW_START))
    if milestone.state == State.OVERDUE:
        return replace(milestone, state=State.NOT_RECORDED)
    return milestone


def _repair_milestone(
    sent: date, repair: RepairDates, today: date, report_year: int | None = None
) -> Milestone:
    """Fixing a report's findings: the same rule after the first report and after a yearly one."""
    deadline = findings_deadline(sent, repair.logius_fix_deadline)
    milestone = _milestone(
        MilestoneKind.FINDINGS_FIXED,
        deadline,
        today,
        repair.findings_fixed,
        from_logius=repair.logius_fix_deadline is not None,
    )
    return replace(milestone, report_year=report_year)


def within_range(dates: DossierDates) -> DossierDates:
    """The dates with any outside 2000–2100 left out, so that no computation can overflow.

    The one guard for every deadline: such a date never passes the fields or an import, but an
    old database may hold one, and then a dossier must still be listed rather than stop the app."""

    def kept(value: date | None) -> date | None:
        return parse_date(value) if value else None

    annual = {year: day for year, day in dates.annual_reports.items() if 2000 <= year <= 2100 and kept(day)}
    repairs = {
        year: RepairDates(kept(repair.logius_fix_deadline), kept(repair.findings_fixed))
        for year, repair in dates.annual_repairs.items()
        if year in annual
    }
    return DossierDates(
        kept(dates.activation),
        kept(dates.report_sent),
        kept(dates.logius_fix_deadline),
        kept(dates.findings_fixed),
        annual,
        repairs,
    )


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
        replace(
            _milestone(MilestoneKind.FIRST_REPORT, first_report_deadline(t0), today, dates.report_sent),
            fix_date_known=dates.report_sent is not None and dates.logius_fix_deadline is not None,
        ),
    ]
    if dates.report_sent is not None:
        first_repair = RepairDates(dates.logius_fix_deadline, dates.findings_fixed)
        result.append(_repair_milestone(dates.report_sent, first_repair, today))
    for year in annual_years(dates, today):
        sent = dates.annual_reports.get(year)
        result.append(_annual_milestone(year, sent, today))
        if sent is not None:
            result.append(_repair_milestone(sent, dates.annual_repairs.get(year, RepairDates()), today, year))
    return sorted(result, key=lambda each: each.day)


def yearly_reports_ahead(dates: DossierDates, today: date, count: int) -> list[Milestone]:
    """The next `count` yearly reports still to send, for the agenda: more than `milestones` lists."""
    dates = within_range(dates)
    if dates.activation is None:
        return []
    ahead: list[Milestone] = []
    year = first_annual_year(dates.activation)
    while len(ahead) < count:
        milestone = _annual_milestone(year, dates.annual_reports.get(year), today)
        if milestone.is_open:
            ahead.append(milestone)
        year += 1
    return ahead


def next_deadline(dates: DossierDates, today: date) -> Milestone | None:
    """The first deadline still open or late: what the countdown shows."""
    return first_open_deadline(milestones(dates, today))


def first_open_deadline(every: list[Milestone]) -> Milestone | None:
    """Of a dossier's milestones (in time order), the first deadline still open or late."""
    return next((each for each in every if each.is_deadline and each.is_open), None)


def deadline_threatened(dates: DossierDates, today: date) -> bool:
    """The next deadline is due within 14 days, or late: time to inform Logius."""
    deadline = next_deadline(dates, today)
    return deadline is not None and deadline.threatening
