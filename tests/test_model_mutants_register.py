"""The register's rules that mutation testing found untested."""

from datetime import date

from model.content import Connection, Role
from model.dossier import CareProvider, Dossier
from model.register import deadline_dates, problems
from model.timeline import MilestoneKind, RepairDates, milestones

TODAY = date(2026, 11, 28)


def test_a_submission_date_in_the_future_is_called_that_not_unsigned() -> None:
    """The first thing wrong with a date is said: a day that hasn't come yet, before the order of
    signing and submitting (which a future day can't answer yet)."""
    provider = CareProvider(1, "Fysio", "12345678", akkoord_submitted=date(2026, 12, 5))
    assert problems(provider, TODAY) == {
        "akkoord_submitted": "Deze datum ligt in de toekomst; vul de datum in waarop het gebeurd is."
    }
    submitted_before_signing = CareProvider(
        1, "Fysio", "12345678", akkoord_signed=date(2026, 11, 2), akkoord_submitted=date(2026, 11, 1)
    )
    assert problems(submitted_before_signing, TODAY) == {
        "akkoord_submitted": "De akkoordverklaring kan pas na ondertekening bij DICTU worden ingediend."
    }


def test_a_yearly_repair_deadline_from_logius_reaches_the_deadlines() -> None:
    """The repair term Logius set for a yearly report's findings is the deadline shown, not the
    usual two months after the report."""
    record = Dossier(1, "Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, "direct.1", date(2024, 1, 15))
    sent, logius = date(2025, 3, 1), date(2025, 7, 15)
    dates = deadline_dates(record, [], TODAY, {2025: sent}, {2025: RepairDates(logius_fix_deadline=logius)})
    repairs = [
        each.day
        for each in milestones(dates, TODAY)
        if each.kind == MilestoneKind.FINDINGS_FIXED and each.day > sent
    ]
    assert logius in repairs
