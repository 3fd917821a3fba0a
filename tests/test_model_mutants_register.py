"""The register's rules that mutation testing found untested."""

from datetime import date

from model.dossier import CareProvider
from model.register import problems

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
