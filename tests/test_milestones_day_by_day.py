"""Which milestones, which states, on day X: `milestones` against an independent calculation.

The expected values are worked out here without dateutil and without the model's helpers: months
are added by hand, clipped to the month's last day, and the first yearly window is found by walking
forward day by day from the twelve-month mark until a day falls inside 1 January – 1 May."""

import calendar
from datetime import date, timedelta

import pytest

from model.timeline import DossierDates, MilestoneKind, State, milestones, next_deadline

SAMPLE_DAYS = (-40, -1, 0, 1, 45, 61, 62, 200, 366, 480, 731, 1003, 1500, 2500, 4000)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def in_window(day: date) -> bool:
    return day.month < 5 or (day.month, day.day) == (5, 1)


def first_window_year(activation: date) -> int:
    day = add_months(activation, 12)
    while not in_window(day):
        day += timedelta(days=1)
    return day.year


def expected_state(deadline: date, today: date) -> State:
    left = (deadline - today).days
    if left < 0:
        return State.OVERDUE
    if left == 0:
        return State.TODAY
    return State.DUE_SOON if left <= 14 else State.FUTURE


def expected(activation: date, today: date) -> list[tuple[MilestoneKind, date, State]]:
    first = add_months(activation, 2)
    rows = [
        (MilestoneKind.ACTIVATION, activation, State.DONE if today >= activation else State.FUTURE),
        (MilestoneKind.FIRST_REPORT, first, expected_state(first, today)),
    ]
    year = first_window_year(activation)
    while True:
        end = date(year, 5, 1)
        rows.append(
            (
                MilestoneKind.ANNUAL_REPORT,
                end,
                State.NOT_RECORDED if end < today else expected_state(end, today),
            )
        )
        if end >= today:
            break
        year += 1
    return sorted(rows, key=lambda row: row[1])


def activations() -> list[date]:
    """Every day of a common and of a leap year, and each year's 28/29 February and 31 December."""
    every_day = [date(2023, 1, 1) + timedelta(days=n) for n in range(365)]
    every_day += [date(2024, 1, 1) + timedelta(days=n) for n in range(366)]
    month_ends = [date(year, 12, 31) for year in range(2015, 2036)]
    month_ends += [date(year, 2, 29 if calendar.isleap(year) else 28) for year in range(2015, 2036)]
    return every_day + month_ends


def test_every_milestone_and_state_against_an_independent_calculation() -> None:
    checked = 0
    for activation in activations():
        for offset in SAMPLE_DAYS:
            today = activation + timedelta(days=offset)
            found = [
                (each.kind, each.day, each.state) for each in milestones(DossierDates(activation), today)
            ]
            assert found == expected(activation, today), (activation, today)
            checked += 1
    assert checked > 10_000


@pytest.mark.parametrize(
    "activation, window_years",
    [
        (date(2023, 1, 7), [2024]),  # Logius's examples
        (date(2023, 5, 7), [2025]),
        (date(2024, 2, 29), [2025]),  # 12 months on: 28 February 2025
        (date(2015, 12, 31), [2017]),  # 31 December 2016 is outside the window
    ],
)
def test_logius_examples_and_month_ends(activation: date, window_years: list[int]) -> None:
    annual = [each.day.year for each in milestones(DossierDates(activation), activation)
              if each.kind == MilestoneKind.ANNUAL_REPORT]  # fmt: skip
    assert annual == window_years


def test_a_2024_activation_lists_each_yearly_report_up_to_the_next_one_ahead() -> None:
    dates = DossierDates(date(2024, 1, 1), report_sent=date(2024, 2, 20), findings_fixed=date(2024, 4, 1),
                         annual_reports={2025: date(2025, 4, 2)})  # fmt: skip
    shown = {
        each.day: each
        for each in milestones(dates, date(2026, 11, 29))
        if each.kind == MilestoneKind.ANNUAL_REPORT
    }
    assert list(shown) == [date(2025, 5, 1), date(2026, 5, 1), date(2027, 5, 1)]
    assert (shown[date(2025, 5, 1)].state, shown[date(2025, 5, 1)].done_on) == (State.DONE, date(2025, 4, 2))
    assert shown[date(2026, 5, 1)].state == State.NOT_RECORDED  # not skipped, and not "te laat"
    assert shown[date(2027, 5, 1)].state == State.FUTURE
    assert next_deadline(dates, date(2026, 11, 29)).day == date(2027, 5, 1)


def test_a_yearly_report_sent_early_brings_the_next_window_into_view() -> None:
    dates = DossierDates(date(2024, 1, 1), report_sent=date(2024, 2, 20), findings_fixed=date(2024, 4, 1),
                         annual_reports={2025: date(2025, 2, 3)})  # fmt: skip
    deadline = next_deadline(dates, date(2025, 2, 10))
    assert (deadline.kind, deadline.day, deadline.state) == (
        MilestoneKind.ANNUAL_REPORT,
        date(2026, 5, 1),
        State.FUTURE,
    )
