"""Yearly rounds: the first assessment, then one round per yearly report window, in one dossier.

A round is named by an int: FIRST_ROUND (0) for the first assessment after activation, or the
window year Y of a yearly round (its report over Y - 1 is due 1 January – 1 May of Y). Each
round keeps its own ticks and notes, so last year's record stays readable when the next starts.
Items done once for the connection (`ActionItem.once`: the contracts, the cluster's
accreditation) keep their tick in a new round, as do the notes of a step made of such items."""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache

from model.content import Block, Flow, Step
from model.dossier import DateField
from model.limits import EARLIEST_DATE, LATEST_DATE
from model.timeline import ANNUAL_WINDOW_END, first_annual_year

FIRST_ROUND = 0
ROUND_SUBJECT = "round"  # the history's subject of a yearly round started: old and new round as text


def yearly_report_of(field: DateField, round_year: int) -> int | None:
    """The window year whose yearly report a dated item records in this round: in a yearly round
    the report item stands for that year's report, in the first assessment for the first report."""
    return round_year if field == DateField.REPORT_SENT and round_year != FIRST_ROUND else None


def is_round_year(value: object) -> bool:
    """A yearly round's year as the store and an import accept it."""
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and (EARLIEST_DATE.year <= value <= LATEST_DATE.year)
    )


def round_name(round_year: int) -> str:
    """A round's short name, as the history shows it beside a change."""
    return "Eerste assessment" if round_year == FIRST_ROUND else f"Jaarronde {round_year}"


def round_label(round_year: int) -> str:
    """How a round is called in the year selector and on paper."""
    if round_year == FIRST_ROUND:
        return round_name(round_year)
    return f"{round_name(round_year)} (rapport over {round_year - 1})"


def next_round_year(current: int, activation: date | None, today: date) -> int | None:
    """The window year of the round after `current`: the next yearly window, but never one already
    closed on `today` (a dossier started in the app years after activation goes on with the window
    still open, as the countdown does: earlier windows are "niet vastgelegd"). None while the
    activation date is unknown (the first yearly window follows from it)."""
    if activation is None:
        return None
    following = first_annual_year(activation) if current == FIRST_ROUND else current + 1
    still_open = today.year if today <= date(today.year, *ANNUAL_WINDOW_END) else today.year + 1
    year = max(following, still_open)
    return year if year <= LATEST_DATE.year else None


def flow_in_round(flow: Flow, round_year: int) -> Flow:
    """The flow as a round shows it: in a yearly round a text that speaks of the first assessment's
    deadline (two months after activation) gives way to its yearly wording (`Step.yearly_wordings`)."""
    return flow if round_year == FIRST_ROUND else _yearly_flow(flow)


@cache
def _yearly_flow(flow: Flow) -> Flow:
    return replace(flow, steps=tuple(_yearly_step(step) for step in flow.steps))


def _yearly_step(step: Step) -> Step:
    wording = {each.first: each.yearly for each in step.yearly_wordings}
    if not wording:
        return step

    def worded(text: str) -> str:
        return wording.get(text, text)

    return replace(
        step,
        purpose=worded(step.purpose),
        blocks=tuple(
            Block(worded(block.text), worded(block.intro), tuple(map(worded, block.items)))
            for block in step.blocks
        ),
        warnings=tuple(replace(warning, text=worded(warning.text)) for warning in step.warnings),
        action_items_intro=worded(step.action_items_intro),
        action_items=tuple(replace(item, text=worded(item.text)) for item in step.action_items),
    )


def once_items(flow: Flow) -> frozenset[str]:
    return frozenset(item.id for step in flow.steps for item in step.action_items if item.once)


def once_steps(flow: Flow) -> frozenset[str]:
    """Steps whose every action item is done once: their notes belong to the connection, not a year."""
    return frozenset(
        step.id for step in flow.steps if step.action_items and all(item.once for item in step.action_items)
    )


@dataclass(frozen=True)
class RoundStart:
    """What a new round begins with: the ticks and notes of what is done once."""

    ticked: dict[str, datetime]
    notes: dict[str, str]


def round_start(flow: Flow, ticked: Mapping[str, datetime], notes: Mapping[str, str]) -> RoundStart:
    """The ticks (with their dates) and notes of the newest round that carry over into the next."""
    kept_items, kept_steps = once_items(flow), once_steps(flow)
    return RoundStart(
        {item: at for item, at in ticked.items() if item in kept_items},
        {step: text for step, text in notes.items() if step in kept_steps},
    )
