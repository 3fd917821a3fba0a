"""The limits every stored value is held to, at their very edges."""

from datetime import date, datetime

from model.limits import (
    EARLIEST_DATE,
    EARLIEST_MOMENT,
    LATEST_DATE,
    LATEST_MOMENT,
    parse_date,
    parse_moment,
    text_problem,
)


def test_the_first_and_the_last_day_are_in_range() -> None:
    assert parse_date("2000-01-01") == EARLIEST_DATE
    assert parse_date("2100-12-31") == LATEST_DATE
    assert parse_date("1999-12-31") is None
    assert parse_date("2101-01-01") is None
    # a date as PostgreSQL hands it over (a damaged dossier's export) obeys the same range
    assert parse_date(EARLIEST_DATE) == EARLIEST_DATE
    assert parse_date(date(1999, 12, 31)) is None and parse_date(date(2101, 1, 1)) is None


def test_the_first_and_the_last_moment_are_in_range() -> None:
    assert parse_moment("2000-01-01T00:00:00") == EARLIEST_MOMENT
    assert parse_moment("2100-12-31T23:59:59.999999") == LATEST_MOMENT
    assert parse_moment("1999-12-31T23:59:59.999999") is None
    assert parse_moment("2101-01-01T00:00:00") is None


def test_a_moment_of_up_to_forty_characters_is_read() -> None:
    forty = "2026-10-01T09:00:00.123456+00:00:00.1234"
    assert len(forty) == 40 and parse_moment(forty) == datetime(2026, 10, 1, 9, 0, 0, 123456)
    assert parse_moment(forty + "5") is None  # still valid ISO, but longer than any export writes
    assert parse_moment(None) is None and parse_moment(20261001) is None


def test_a_moment_with_a_time_zone_becomes_utc_whatever_the_machine_s_zone(amsterdam: None) -> None:
    assert parse_moment("2026-10-01T09:00:00+02:00") == datetime(2026, 10, 1, 7, 0)
    assert parse_moment("2026-10-01T09:00:00") == datetime(2026, 10, 1, 9, 0)  # naive: already UTC


def test_what_text_cannot_be_stored_says_why() -> None:
    assert text_problem("a\x00b") == "bevat een nul-teken"
    assert text_problem("half \ud800 pair") == "bevat een ongeldig teken"
    assert text_problem("Fysio Noord é ✔") is None
