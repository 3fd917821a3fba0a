"""The deadline rules that mutation testing found untested: the last years the deadlines are kept for."""

from datetime import date

from model.timeline import DossierDates, MilestoneKind, State, milestones


def test_a_yearly_report_of_2100_counts_and_one_recorded_for_2101_is_left_out() -> None:
    """2100 is the last year a date may have; a report an old database records for the 2101 window
    is left out, so that window is still to come, not done."""
    dates = DossierDates(
        date(2099, 3, 1),
        annual_reports={2100: date(2100, 3, 1), 2101: date(2100, 4, 15)},
    )
    assert [(each.kind, each.day, each.state) for each in milestones(dates, date(2100, 6, 1))] == [
        (MilestoneKind.ACTIVATION, date(2099, 3, 1), State.DONE),
        (MilestoneKind.FIRST_REPORT, date(2099, 5, 1), State.OVERDUE),
        (MilestoneKind.ANNUAL_REPORT, date(2100, 5, 1), State.DONE),
        (MilestoneKind.FINDINGS_FIXED, date(2100, 5, 1), State.OVERDUE),
        (MilestoneKind.ANNUAL_REPORT, date(2101, 5, 1), State.FUTURE),
    ]
