"""Which milestones, which states, on day X: `milestones` against an independent calculation.

The expected values are worked out here without dateutil and without the model's helpers: months
are added by hand, clipped to the month's last day, and the first yearly window is found by walking
forward day by day from the twelve-month mark until a day falls inside 1 January – 1 May. A
report's findings are due two months after it was sent, or on the day in Logius's letter."""

import calendar
from dataclasses import replace
from datetime import date, timedelta

import pytest

from model.timeline import DossierDates, MilestoneKind, RepairDates, State, milestones, next_deadline

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


Row = tuple[MilestoneKind, date, State, int | None]  # kind, day, state, the yearly report repaired


def in_order(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda row: (row[1], row[0].value, row[3] or 0))


def expected(
    activation: date, today: date, yearly: dict[int, tuple[date, RepairDates]] | None = None
) -> list[Row]:
    """`yearly`: per window year the day its report was sent and what is known of its repair."""
    yearly = yearly or {}
    first = add_months(activation, 2)
    rows: list[Row] = [
        (MilestoneKind.ACTIVATION, activation, State.DONE if today >= activation else State.FUTURE, None),
        (MilestoneKind.FIRST_REPORT, first, expected_state(first, today), None),
    ]
    year = first_window_year(activation)
    while True:
        end = date(year, 5, 1)
        if year in yearly:
            sent, repair = yearly[year]
            rows.append((MilestoneKind.ANNUAL_REPORT, end, State.DONE, None))
            fix_by = repair.logius_fix_deadline or add_months(sent, 2)
            fixed = State.DONE if repair.findings_fixed else expected_state(fix_by, today)
            rows.append((MilestoneKind.FINDINGS_FIXED, fix_by, fixed, year))
        else:
            state = State.NOT_RECORDED if end < today else expected_state(end, today)
            rows.append((MilestoneKind.ANNUAL_REPORT, end, state, None))
        if end >= today and year not in yearly:
            break
        year += 1
    return in_order(rows)


def found(dates: DossierDates, today: date) -> list[Row]:
    return in_order(
        [(each.kind, each.day, each.state, each.report_year) for each in milestones(dates, today)]
    )


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
            assert found(DossierDates(activation), today) == expected(activation, today), (activation, today)
            checked += 1
    assert checked > 10_000


def yearly_cases(activation: date) -> list[dict[int, tuple[date, RepairDates]]]:
    """The first yearly report sent on 15 March (or the last day of February) of its window: its
    repair unknown, with a date from Logius's letter, or fixed; and the next year's sent on 1 May."""
    year = first_window_year(activation)
    sent = date(year, 3, 15) if date(year, 3, 15) >= add_months(activation, 12) else date(year, 4, 30)
    letter = sent + timedelta(days=45)
    return [
        {year: (sent, RepairDates())},
        {year: (sent, RepairDates(logius_fix_deadline=letter))},
        {year: (sent, RepairDates(letter, findings_fixed=sent + timedelta(days=30)))},
        {year: (sent, RepairDates(findings_fixed=sent)), year + 1: (date(year + 1, 5, 1), RepairDates())},
    ]


def test_each_yearly_reports_repair_against_an_independent_calculation() -> None:
    """After each recorded yearly report, its findings' deadline with its state, as after the first."""
    checked = 0
    for activation in activations()[::5]:
        for yearly in yearly_cases(activation):
            dates = DossierDates(
                activation,
                annual_reports={year: sent for year, (sent, _) in yearly.items()},
                annual_repairs={year: repair for year, (_, repair) in yearly.items()},
            )
            for offset in (*SAMPLE_DAYS, 440, 470, 500, 530, 800, 830):
                today = activation + timedelta(days=offset)
                assert found(dates, today) == expected(activation, today, yearly), (activation, today, yearly)
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
                         annual_reports={2025: date(2025, 4, 2)},
                         annual_repairs={2025: RepairDates(findings_fixed=date(2025, 5, 20))})  # fmt: skip
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
    unfixed = next_deadline(replace(dates, annual_repairs={}), date(2026, 11, 29))
    assert (unfixed.kind, unfixed.day, unfixed.state, unfixed.report_year) == (
        MilestoneKind.FINDINGS_FIXED,
        date(2025, 6, 2),  # two months after the 2025 report went out
        State.OVERDUE,
        2025,
    )


def test_a_yearly_report_sent_early_brings_the_next_window_into_view() -> None:
    dates = DossierDates(date(2024, 1, 1), report_sent=date(2024, 2, 20), findings_fixed=date(2024, 4, 1),
                         annual_reports={2025: date(2025, 2, 3)})  # fmt: skip
    repair = next_deadline(dates, date(2025, 2, 10))
    assert (repair.kind, repair.day, repair.report_year) == (
        MilestoneKind.FINDINGS_FIXED,
        date(2025, 4, 3),
        2025,
    )
    fixed = replace(dates, annual_repairs={2025: RepairDates(findings_fixed=date(2025, 2, 9))})
    deadline = next_deadline(fixed, date(2025, 2, 10))
    assert (deadline.kind, deadline.day, deadline.state) == (
        MilestoneKind.ANNUAL_REPORT,
        date(2026, 5, 1),
        State.FUTURE,
    )
