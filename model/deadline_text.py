"""The Dutch sentences about a dossier's deadlines, for the countdown, the timeline and the summary."""

from dataclasses import dataclass
from datetime import date

from model.content import Connection, TimelineWording
from model.dutch import day_count, days_phrase, long_date
from model.timeline import DossierDates, Milestone, MilestoneKind, State, deadline_threatened, next_deadline


@dataclass(frozen=True)
class Countdown:
    text: str
    state: State | None  # None while there is nothing to count down to yet
    threatened: bool  # the next deadline is due soon or late: show what to do


@dataclass(frozen=True)
class NextDeadline:
    text: str  # "⚠ 28 februari 2027 (3 dagen te laat)"; "nog niet bekend" without one
    threatened: bool


def next_deadline_in_brief(dates: DossierDates, today: date) -> NextDeadline:
    """The next deadline in a few words, for the list of dossiers; ⚠ when it threatens."""
    deadline = next_deadline(dates, today)
    if deadline is None:
        return NextDeadline("nog niet bekend", False)
    sign = "⚠ " if deadline.threatening else ""
    late = deadline.state == State.OVERDUE
    when = f"{day_count(-deadline.days_left)} te laat" if late else days_phrase(deadline.days_left)
    return NextDeadline(f"{sign}{long_date(deadline.day)} ({when})", deadline.threatening)


def milestone_label(milestone: Milestone, connection: Connection, wording: TimelineWording) -> str:
    key = milestone.kind.value
    if milestone.kind == MilestoneKind.ACTIVATION and connection == Connection.CLUSTER:
        key = "activation_cluster"
    return wording.milestones[key].format(year=milestone.day.year)


def state_label(milestone: Milestone, wording: TimelineWording) -> str:
    """The state in a word or two; a deadline ahead is "open", never "gepland": nothing is planned."""
    if milestone.kind == MilestoneKind.ACTIVATION:
        return wording.states["activation_done" if milestone.state == State.DONE else "activation_future"]
    return wording.states[milestone.state.value]


def countdown(
    connection: Connection, dates: DossierDates, today: date, wording: TimelineWording
) -> Countdown:
    sentences = wording.countdown
    if dates.activation is None:
        key = "unknown_cluster" if connection == Connection.CLUSTER else "unknown"
        return Countdown(sentences[key], None, False)
    deadline = next_deadline(dates, today)
    if today < dates.activation and deadline is not None and deadline.kind == MilestoneKind.FIRST_REPORT:
        text = sentences["before_activation"].format(
            activation=long_date(dates.activation), date=long_date(deadline.day)
        )
        return Countdown(text, State.FUTURE, False)
    if deadline is None:
        return Countdown(sentences["all_done"], State.DONE, False)
    days = abs(deadline.days_left)
    if deadline.state == State.TODAY:
        key = "today"
    elif deadline.state == State.OVERDUE:
        key = "one_day_overdue" if days == 1 else "overdue"
    else:
        key = "one_day_left" if days == 1 else "days_left"
    text = sentences[key].format(
        days=days, date=long_date(deadline.day), what=wording.what[deadline.kind.value]
    )
    return Countdown(text, deadline.state, deadline_threatened(dates, today))


def milestone_when(milestone: Milestone, state: str) -> str:
    """'uiterlijk 2 december 2026 (nog 4 dagen; binnenkort)', or when it was done: 'ingediend op …'."""
    if milestone.done_on is not None:
        done = "hersteld op" if milestone.kind == MilestoneKind.FINDINGS_FIXED else "ingediend op"
        return f"{done} {long_date(milestone.done_on)} (uiterste datum was {long_date(milestone.day)})"
    if milestone.window_start:
        when = f"tussen {long_date(milestone.window_start)} en {long_date(milestone.day)}"
    else:
        when = f"{'uiterlijk ' if milestone.is_deadline else ''}{long_date(milestone.day)}"
    if milestone.from_logius:
        when += ", de datum uit de brief van Logius"
    return f"{when} ({days_phrase(milestone.days_left)}; {state})"
