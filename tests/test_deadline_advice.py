"""What the app advises per deadline and state, and how urgent each dossier is: day by day against an
independent reading of the rules, and never passing for the factsheet."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from model.content import Connection, bundled_content
from model.deadline_text import dossier_urgency, milestone_advice
from model.dutch import long_date
from model.timeline import DossierDates, MilestoneKind, State, milestones

CONTENT = bundled_content()
WORDING = CONTENT.general.timeline
MAIL = "mailto:DigiDassessment@logius.nl?subject=DigiD-assessment"


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def expected_key(deadline: date, today: date, done: bool) -> str:
    """The advice a reader needs, worked out apart from model/timeline: done, late, within 14 days, ahead."""
    if done:
        return "done"
    left = (deadline - today).days
    return "overdue" if left < 0 else "soon" if left <= 14 else "future"


@pytest.mark.parametrize(
    "kind, deadline, dates",
    [
        (MilestoneKind.FIRST_REPORT, date(2027, 2, 28), DossierDates(date(2026, 12, 31))),
        (
            MilestoneKind.FINDINGS_FIXED,
            date(2027, 4, 20),
            DossierDates(date(2026, 12, 31), report_sent=date(2027, 2, 20)),
        ),
    ],
)
def test_the_advice_follows_the_deadline_day_by_day(
    kind: MilestoneKind, deadline: date, dates: DossierDates
) -> None:
    for today in days(date(2027, 2, 20), date(2027, 6, 30)):
        [milestone] = [each for each in milestones(dates, today) if each.kind == kind]
        advice = milestone_advice(milestone, WORDING)
        key = expected_key(deadline, today, False)
        assert advice.text == WORDING.advice[kind.value][key].format(date=long_date(deadline)), today
        assert (advice.mail is not None) == (key in ("soon", "overdue")), today
        assert advice.heading == ("⚠ " if key in ("soon", "overdue") else "") + "Advies van de wegwijzer"


def test_a_yearly_report_before_during_after_its_window_and_once_sent() -> None:
    t0 = date(2024, 1, 1)  # the first yearly report is due 1 May 2025
    for today in days(date(2025, 1, 1), date(2025, 6, 1)):
        [first] = [each for each in milestones(DossierDates(t0), today) if each.day == date(2025, 5, 1)]
        left = (date(2025, 5, 1) - today).days
        key = "not_recorded" if left < 0 else "soon" if left <= 14 else "future"
        advice = milestone_advice(first, WORDING)
        assert advice.text == WORDING.advice["annual_report"][key].format(
            date="1 mei 2025", year=2025, year_before=2024
        ), today
        assert (advice.mail is not None) == (key != "future"), today
    sent = DossierDates(t0, report_sent=date(2024, 2, 1), annual_reports={2025: date(2025, 3, 1)})
    [done] = [
        each
        for each in milestones(sent, date(2025, 6, 1))
        if (each.kind, each.day) == (MilestoneKind.ANNUAL_REPORT, date(2025, 5, 1))
    ]
    advice = milestone_advice(done, WORDING)
    assert (advice.text, advice.mail) == (
        "Het rapport over 2024 is ingediend; bewaar het bij het dossier.",
        None,
    )


def test_once_the_letters_repair_date_is_entered_the_report_advice_stops_asking_for_it() -> None:
    sent = DossierDates(date(2026, 12, 31), report_sent=date(2027, 2, 20))
    with_letter = replace(sent, logius_fix_deadline=date(2027, 5, 1))
    texts = []
    for dates in (sent, with_letter):
        [report] = [
            each for each in milestones(dates, date(2027, 3, 1)) if each.kind == MilestoneKind.FIRST_REPORT
        ]
        texts.append(milestone_advice(report, WORDING).text)
    assert "Vul bij Termijnen de uiterste hersteldatum uit de brief van Logius in" in texts[0]
    assert "brief van Logius in zodra" not in texts[1] and "is ingevuld" in texts[1]


def test_the_advice_says_what_logius_does_after_a_missed_deadline() -> None:
    """Logius: a registered notice of default to the board, a last chance, then deactivation."""
    late = WORDING.advice["first_report"]["overdue"]
    assert "ingebrekestelling" in late and "laatste kans" in late and "gedeactiveerd" in late
    repair = WORDING.advice["findings_fixed"]["overdue"]
    assert "volgens de pers" in repair and "14 organisaties" in repair  # the press's reading, said so
    assert all("herinnering" not in text for texts in WORDING.advice.values() for text in texts.values())


def test_the_advice_never_passes_for_the_factsheet() -> None:
    """Shown under its own heading; a sentence it quotes from the factsheet is marked and verbatim."""
    assert WORDING.advice_label == "Advies van de wegwijzer"
    factsheet = [
        item.text for flow in CONTENT.flows.values() for step in flow.steps for item in step.action_items
    ]
    for texts in WORDING.advice.values():
        for text in texts.values():
            assert text not in factsheet
    quoted = WORDING.advice["first_report"]["soon"].split("De factsheet zegt: ‘")[1].rstrip("’")
    assert quoted in factsheet


def test_a_dossiers_urgency_day_by_day() -> None:
    """Late first, then due within 14 days, then ahead; without dates last: worked out apart."""
    t0 = date(2026, 12, 31)
    for today in days(date(2026, 12, 1), date(2027, 3, 31)):
        urgency = dossier_urgency("Praktijk", Connection.DIRECT, DossierDates(t0), today, WORDING)
        left = (date(2027, 2, 28) - today).days
        rank = 0 if left < 0 else 1 if left <= 14 else 2
        assert urgency.sort_key == (rank, left, "praktijk"), today
        assert urgency.text.startswith("⚠ ") == (rank < 2), today


def test_dossiers_sorted_by_urgency_then_name() -> None:
    today = date(2027, 2, 20)
    dossiers = {
        "Zorg Noord (ahead)": DossierDates(date(2027, 1, 31)),  # report due 31 March
        "apotheek (unknown)": DossierDates(None),
        "Fysio (late 12 days)": DossierDates(date(2026, 12, 8)),  # due 8 February
        "Huisarts (late 3 days)": DossierDates(date(2026, 12, 17)),
        "Tandarts (soon)": DossierDates(date(2026, 12, 31)),  # due 28 February
        "Anders (soon, same day)": DossierDates(date(2026, 12, 31)),
        "Verloskunde (yearly report)": DossierDates(
            date(2025, 1, 10), report_sent=date(2025, 3, 1), findings_fixed=date(2025, 4, 1)
        ),  # the first yearly report (1 May 2026) not recorded; the next: 1 May 2027
        "Beta (all unknown)": DossierDates(None),
    }
    urgencies = {
        name: dossier_urgency(name, Connection.DIRECT, dates, today, WORDING)
        for name, dates in dossiers.items()
    }
    order = sorted(urgencies, key=lambda name: urgencies[name].sort_key)
    assert order == [
        "Fysio (late 12 days)",  # the latest first
        "Huisarts (late 3 days)",
        "Anders (soon, same day)",  # a tie: by name
        "Tandarts (soon)",
        "Zorg Noord (ahead)",
        "Verloskunde (yearly report)",
        "apotheek (unknown)",  # by name, whatever the case
        "Beta (all unknown)",
    ]
    assert [urgencies[name].text for name in order] == [
        "⚠ Rapport te laat (12 dagen)",
        "⚠ Rapport te laat (3 dagen)",
        "⚠ Rapport: nog 8 dagen (uiterlijk 28 februari 2027)",
        "⚠ Rapport: nog 8 dagen (uiterlijk 28 februari 2027)",
        "Rapport: nog 39 dagen (uiterlijk 31 maart 2027)",
        "Jaarrapport 2027: nog 70 dagen (uiterlijk 1 mei 2027); jaarrapport 2026 niet vastgelegd",
        "Geen termijn: activatiedatum onbekend",
        "Geen termijn: activatiedatum onbekend",
    ]
    assert urgencies["Fysio (late 12 days)"].state == State.OVERDUE
