"""The Dutch sentences about a dossier's deadlines, for the countdown, the timeline and the summary."""

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from model.content import Connection, Link, TimelineWording
from model.dutch import day_count, days_phrase, listing, long_date
from model.timeline import (
    DossierDates,
    Milestone,
    MilestoneKind,
    State,
    deadline_threatened,
    first_open_deadline,
    milestones,
    next_deadline,
)


@dataclass(frozen=True)
class Advice:
    """What to do now about one deadline, in the app's own words: its heading says so."""

    heading: str  # "Advies van de wegwijzer", with ⚠ when the deadline is near or past
    text: str
    mail: Link | None  # Logius's address, when it is time to write to Logius

    def html(self, with_mail: bool = True) -> Markup:
        """'<b>Advies van de wegwijzer:</b> … <a>E-mail aan …</a>.', escaped: for the countdown bar,
        the list of deadlines and the summary alike (the bar shows the mail as a link button)."""
        shown = self.mail if with_mail else None
        mail = Markup(' <a href="{}">{}</a>.').format(shown.url, shown.label) if shown else ""
        return Markup("<b>{}:</b> {}{}").format(self.heading, self.text, mail)


@dataclass(frozen=True)
class Countdown:
    text: str
    state: State | None  # None while there is nothing to count down to yet
    threatened: bool  # the next deadline is due soon or late: show what to do
    advice: Advice | None = None  # about the deadline counted down to


@dataclass(frozen=True)
class Urgency:
    """A dossier's most pressing deadline in a few words, and where it goes in a list by urgency."""

    text: str  # "⚠ Rapport te laat (12 dagen)"
    state: State | None  # of the next deadline; None without one
    sort_key: tuple[int, int, str]  # late first (latest first), then soon, then ahead by date; by name


def wording_key(milestone: Milestone) -> str:
    """The milestone's key in the content's name tables: a yearly report's repair has its own name."""
    if milestone.report_year is not None:
        return "annual_findings_fixed"
    return milestone.kind.value


def milestone_year(milestone: Milestone) -> int:
    """The year a milestone's name shows: the yearly report's window year, also for its repair."""
    return milestone.report_year or milestone.day.year


def what_text(milestone: Milestone, wording: TimelineWording) -> str:
    """'het herstel van de bevindingen uit het jaarrapport 2026': the deadline in a sentence."""
    return wording.what[wording_key(milestone)].format(year=milestone_year(milestone))


URGENCY_RANKS = {State.OVERDUE: 0, State.TODAY: 1, State.DUE_SOON: 1, State.FUTURE: 2}
NO_DEADLINE_RANK = 3


def dossier_urgency(
    name: str, connection: Connection, dates: DossierDates, today: date, wording: TimelineWording
) -> Urgency:
    """The next deadline still open, in words, then any past yearly report nobody recorded: what
    the list of dossiers shows and sorts by (by the deadline)."""
    words = wording.urgency
    every = milestones(dates, today)
    deadline = first_open_deadline(every)
    if deadline is None:
        unknown = "unknown_cluster" if connection == Connection.CLUSTER else "unknown"
        key = "all_done" if dates.activation else unknown
        return Urgency(words[key], None, (NO_DEADLINE_RANK, 0, name.casefold()))
    what = words[wording_key(deadline)].format(year=milestone_year(deadline))
    text = words[deadline.state.value].format(
        what=what, days=day_count(abs(deadline.days_left)), date=long_date(deadline.day)
    )
    unrecorded = [each for each in every if each.state == State.NOT_RECORDED]
    if unrecorded:
        key = "with_not_recorded" if len(unrecorded) == 1 else "with_not_recorded_more"
        years = listing([str(each.day.year) for each in unrecorded])
        text = words[key].format(urgency=text, year=years)
    return Urgency(text, deadline.state, (URGENCY_RANKS[deadline.state], deadline.days_left, name.casefold()))


ADVICE_STATES = {State.DUE_SOON: "soon", State.TODAY: "soon"}


def milestone_advice(milestone: Milestone, wording: TimelineWording) -> Advice:
    """What to prepare before a deadline, to tell Logius close to it, what happens after it, and what
    to do about a yearly report nobody recorded; with Logius's address when it is time to write."""
    key = ADVICE_STATES.get(milestone.state, milestone.state.value)
    if milestone.fix_date_known:  # no asking for the date from Logius's letter once it is entered
        key = "done_fix_date_known"
    text = wording.advice[milestone.kind.value][key].format(
        date=long_date(milestone.day), year=milestone.day.year, year_before=milestone.day.year - 1
    )
    write = milestone.threatening or milestone.state == State.NOT_RECORDED
    heading = f"{'⚠ ' if milestone.threatening else ''}{wording.advice_label}"
    return Advice(heading, text, wording.threat_link if write else None)


def milestone_label(milestone: Milestone, connection: Connection, wording: TimelineWording) -> str:
    key = wording_key(milestone)
    if milestone.kind == MilestoneKind.ACTIVATION and connection == Connection.CLUSTER:
        key = "activation_cluster"
    return wording.milestones[key].format(year=milestone_year(milestone))


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
        return Countdown(text, State.FUTURE, False, milestone_advice(deadline, wording))
    if deadline is None:
        return Countdown(sentences["all_done"], State.DONE, False)
    days = abs(deadline.days_left)
    if deadline.state == State.TODAY:
        key = "today"
    elif deadline.state == State.OVERDUE:
        key = "one_day_overdue" if days == 1 else "overdue"
    else:
        key = "one_day_left" if days == 1 else "days_left"
    text = sentences[key].format(days=days, date=long_date(deadline.day), what=what_text(deadline, wording))
    advice = milestone_advice(deadline, wording)
    return Countdown(text, deadline.state, deadline_threatened(dates, today), advice)


LONGEST_DATE = date(2027, 9, 30)  # "30 september 2027": the widest date a sentence can hold
COUNTING_KEYS = ("days_left", "one_day_left", "today", "overdue", "one_day_overdue", "all_done")


def every_countdown_text(
    connection: Connection, dates: DossierDates, today: date, wording: TimelineWording
) -> list[str]:
    """Every sentence the countdown can show while the activation date and the day stay as they are
    (a tick may move it to another deadline), filled in as wide as it gets: the bar keeps room for
    the longest, so that a tick never changes its height under the user's mouse."""
    sentences = wording.countdown
    if dates.activation is None:
        return [countdown(connection, dates, today, wording).text]
    wide = {"days": 999, "date": long_date(LONGEST_DATE), "activation": long_date(LONGEST_DATE), "year": 2027}
    keys = ["before_activation"] if today < dates.activation else list(COUNTING_KEYS)
    whats = [what.format(**wide) for what in wording.what.values()]
    return [sentences[key].format(**wide, what=what) for key in keys for what in whats]


def every_advice(dates: DossierDates, wording: TimelineWording) -> list[Advice]:
    """Every advice the countdown can show, filled in as wide as it gets (see every_countdown_text);
    none while the activation date is unknown."""
    if dates.activation is None:
        return []
    heading = f"⚠ {wording.advice_label}"
    wide = {"date": long_date(LONGEST_DATE), "year": 2027, "year_before": 2026}
    return [
        Advice(heading, template.format(**wide), None)
        for templates in wording.advice.values()
        for template in templates.values()
    ]


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
