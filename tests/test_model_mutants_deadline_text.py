"""The countdown bar's sentences: the room it keeps (every sentence it can show, as wide as it gets)
and the sentence it shows on a given day."""

from datetime import date, timedelta

import pytest

from model.content import Connection, bundled_content
from model.deadline_text import countdown, every_advice, every_countdown_text
from model.dutch import long_date
from model.timeline import DossierDates, State

WORDING = bundled_content().general.timeline
WIDEST_DATE = "30 september 2027"
ACTIVATION = date(2026, 12, 31)


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


@pytest.mark.parametrize(
    "connection, key", [(Connection.DIRECT, "unknown"), (Connection.CLUSTER, "unknown_cluster")]
)
def test_without_an_activation_date_the_bar_keeps_room_for_the_one_request_it_shows(
    connection: Connection, key: str
) -> None:
    texts = every_countdown_text(connection, DossierDates(None), date(2026, 11, 28), WORDING)
    assert texts == [WORDING.countdown[key]]


def test_before_the_activation_the_bar_keeps_room_for_the_activation_sentence_only() -> None:
    texts = every_countdown_text(Connection.DIRECT, DossierDates(ACTIVATION), date(2026, 12, 30), WORDING)
    assert set(texts) == {
        f"De aansluiting wordt op {WIDEST_DATE} in productie genomen. Het assessment kan pas daarna "
        f"plaatsvinden; het auditrapport moet uiterlijk {WIDEST_DATE} bij Logius zijn."
    }


def test_from_the_activation_day_on_the_bar_keeps_room_for_every_counting_sentence() -> None:
    """Each way of counting (days left, one day, today, late, one day late, all done) for each
    deadline, with a three-digit number of days and the widest date."""
    texts = every_countdown_text(Connection.DIRECT, DossierDates(ACTIVATION), ACTIVATION, WORDING)
    whats = [
        "het auditrapport bij Logius",
        "het herstel van de bevindingen",
        "het jaarlijkse auditrapport bij Logius",
        "het herstel van de bevindingen uit het jaarrapport 2027",
    ]
    for what in whats:
        assert f"Nog 999 dagen tot de uiterste datum voor {what} ({WIDEST_DATE})" in texts
        assert f"Nog 1 dag tot de uiterste datum voor {what} ({WIDEST_DATE})" in texts
        assert f"Vandaag is de uiterste datum voor {what} ({WIDEST_DATE})" in texts
        assert f"999 dagen te laat: de uiterste datum voor {what} was {WIDEST_DATE}" in texts
        assert f"1 dag te laat: de uiterste datum voor {what} was {WIDEST_DATE}" in texts
    assert "Alle termijnen zijn gehaald." in texts
    assert len(texts) == 6 * len(whats)


@pytest.mark.parametrize(
    "dates",
    [
        DossierDates(ACTIVATION),
        DossierDates(ACTIVATION, report_sent=date(2027, 2, 20)),
        DossierDates(ACTIVATION, report_sent=date(2027, 2, 20), findings_fixed=date(2027, 4, 1)),
    ],
)
def test_every_sentence_the_countdown_shows_fits_the_room_kept_for_it(dates: DossierDates) -> None:
    """Day by day over two years: what the bar shows is never longer than the longest sentence it
    keeps room for, so a tick never makes the bar grow under the user's mouse."""
    for today in days(date(2026, 11, 1), date(2028, 11, 1)):
        shown = countdown(Connection.DIRECT, dates, today, WORDING).text
        room = every_countdown_text(Connection.DIRECT, dates, today, WORDING)
        assert len(shown) <= max(map(len, room)), today


def test_no_advice_is_measured_while_the_activation_date_is_unknown() -> None:
    assert every_advice(DossierDates(None), WORDING) == []


def test_the_room_for_advice_holds_every_advice_with_the_warning_heading_and_no_mail() -> None:
    advice = every_advice(DossierDates(ACTIVATION), WORDING)
    assert len(advice) == sum(len(templates) for templates in WORDING.advice.values())
    assert {each.heading for each in advice} == {"⚠ Advies van de wegwijzer"}
    assert {each.mail for each in advice} == {None}
    texts = [each.text for each in advice]
    assert (
        "Plan nu de penetratietest en het assessment met een IT-auditor (RE), zodat het rapport "
        f"uiterlijk {WIDEST_DATE} bij Logius is." in texts
    )
    assert (
        "Plan het assessment over 2026 met uw ICT-leverancier en de IT-auditor (RE): het rapport moet "
        "tussen 1 januari en 1 mei 2027 bij Logius zijn." in texts
    )


def test_the_countdown_of_a_cluster_before_its_activation_names_both_dates() -> None:
    activation = date(2027, 1, 15)
    before = countdown(Connection.CLUSTER, DossierDates(activation), date(2026, 11, 28), WORDING)
    assert before.text == (
        "De aansluiting wordt op 15 januari 2027 in productie genomen. Het assessment kan pas daarna "
        "plaatsvinden; het auditrapport moet uiterlijk 15 maart 2027 bij Logius zijn."
    )
    assert (before.state, before.threatened) == (State.FUTURE, False)
    assert before.advice is not None and long_date(date(2027, 3, 15)) in before.advice.text


def test_the_countdown_to_a_repair_due_soon_warns_and_says_what_to_do() -> None:
    dates = DossierDates(ACTIVATION, report_sent=date(2027, 2, 20))
    shown = countdown(Connection.DIRECT, dates, date(2027, 4, 10), WORDING)
    assert (
        shown.text == "Nog 10 dagen tot de uiterste datum voor het herstel van de bevindingen (20 april 2027)"
    )
    assert (shown.state, shown.threatened) == (State.DUE_SOON, True)
    assert shown.advice is not None
    assert shown.advice.heading == "⚠ Advies van de wegwijzer"
    assert shown.advice.text == (
        "Lukt het niet om het herstel vóór 20 april 2027 door een IT-auditor (RE) te laten bevestigen, "
        "mail Logius dan vandaag."
    )
    assert shown.advice.mail == WORDING.threat_link


def test_the_countdown_to_a_repair_weeks_ahead_does_not_warn() -> None:
    dates = DossierDates(ACTIVATION, report_sent=date(2027, 2, 20))
    shown = countdown(Connection.DIRECT, dates, date(2027, 3, 10), WORDING)
    assert (shown.state, shown.threatened) == (State.FUTURE, False)
    assert shown.advice is not None and shown.advice.mail is None
    assert shown.advice.heading == "Advies van de wegwijzer"


def test_the_advice_in_words_links_logius_s_address_except_where_the_bar_shows_its_own_button() -> None:
    dates = DossierDates(ACTIVATION, report_sent=date(2027, 2, 20))
    advice = countdown(Connection.DIRECT, dates, date(2027, 4, 10), WORDING).advice
    assert advice is not None
    text = (
        "Lukt het niet om het herstel vóór 20 april 2027 door een IT-auditor (RE) te laten bevestigen, "
        "mail Logius dan vandaag."
    )
    assert str(advice.html()) == (
        f"<b>⚠ Advies van de wegwijzer:</b> {text} "
        '<a href="mailto:DigiDassessment@logius.nl?subject=DigiD-assessment">'
        "E-mail aan DigiDassessment@logius.nl</a>."
    )
    assert str(advice.html(with_mail=False)) == f"<b>⚠ Advies van de wegwijzer:</b> {text}"
