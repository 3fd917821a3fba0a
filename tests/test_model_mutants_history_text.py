"""The change history in words: the register's care providers by name, a yearly report's dates by
window year, a round started, odd stored values, and who made a change in which round."""

from datetime import datetime

import pytest

from model.content import bundled_content
from model.dossier import CareProvider, Change
from model.history_text import describe_change, described, history_intro, item_texts, provider_names

CONTENT = bundled_content()
ITEMS = item_texts(CONTENT)
AT = datetime(2026, 11, 28, 12)


def change(subject: str, old: str, new: str, round_year: int = 0, author: str | None = None) -> Change:
    return Change(AT, "register", subject, old, new, round_year, author)


def words(each: Change, names: dict[int, str] | None = None) -> str:
    return describe_change(each, CONTENT, ITEMS, names)


@pytest.mark.parametrize(
    "subject, old, new, text",
    [
        ("care_provider:3", "", "toegevoegd", "Zorgaanbieder toegevoegd: Fysio Noord"),
        ("care_provider:3", "Fysio Noord", "verwijderd", "Zorgaanbieder verwijderd: Fysio Noord"),
        ("care_provider:3:name", "", "Fysio", "Fysio Noord – Naam: Fysio"),
        ("care_provider:3:kvk", "1234567", "12345678", "Fysio Noord – KvK-nummer: 1234567 → 12345678"),
        ("care_provider:3:kvk", "1234567", "", "Fysio Noord – KvK-nummer: 1234567 → niet meer ingevuld"),
        ("care_provider:3:production", "", "2026-10-01", "Fysio Noord – In productie: 1 oktober 2026"),
        ("care_provider:3:notes", "", "Per post.", "Fysio Noord – Notitie geschreven"),
        ("care_provider:3:notes", "Per post.", "Per mail.", "Fysio Noord – Notitie gewijzigd"),
        ("care_provider:3:notes", "Per post.", "", "Fysio Noord – Notitie gewist"),
    ],
)
def test_each_register_change_in_words_under_the_provider_s_name(
    subject: str, old: str, new: str, text: str
) -> None:
    assert words(change(subject, old, new), {3: "Fysio Noord"}) == text


def test_a_provider_without_a_name_is_called_so() -> None:
    assert words(change("care_provider:4", "", "toegevoegd"), {3: "Fysio Noord"}) == (
        "Zorgaanbieder toegevoegd: zorgaanbieder zonder naam"
    )
    assert words(change("care_provider:4:kvk", "", "1234")) == "zorgaanbieder zonder naam – KvK-nummer: 1234"


def test_the_history_knows_a_provider_by_its_name_now_or_its_last_name_once_removed() -> None:
    changes = [
        change("care_provider:1", "", "toegevoegd"),
        change("care_provider:1:kvk", "", "1234"),  # typed before the name: shown under the later name
        change("care_provider:1:name", "", "Fysio"),
        change("care_provider:1:name", "Fysio", "Fysio Noord"),
        change("care_provider:2:name", "", "Tandarts Zuid"),
        change("care_provider:2", "Tandarts Zuid-Oost", "verwijderd"),
        change("care_provider:5:name", "Oud", ""),  # the name emptied: no name learned from it
        change("care_provider:7", "", "toegevoegd"),
        change("care_provider:7:kvk", "1234", "12345678"),  # a number is no name
        change("name", "Praktijk", "Praktijk Noord"),  # the dossier's own name: no provider
    ]
    renamed = CareProvider(1, "Fysio Noord-Oost", "1234")
    assert provider_names(changes, [renamed, CareProvider(6, "", "")]) == {
        1: "Fysio Noord-Oost",
        2: "Tandarts Zuid-Oost",
    }
    assert provider_names(changes, []) == {1: "Fysio Noord", 2: "Tandarts Zuid-Oost"}


@pytest.mark.parametrize(
    "subject, old, new, text",
    [
        ("annual_report.2025", "", "2025-03-01", "Auditrapport ingediend (2025): 1 maart 2025"),
        ("logius_fix_deadline.2025", "", "2025-06-01", "Hersteldatum volgens Logius (2025): 1 juni 2025"),
        (
            "findings_fixed.2026",
            "2026-04-01",
            "2026-04-02",
            "Bevindingen hersteld (2026): 1 april 2026 → 2 april 2026",
        ),
        ("round", "0", "2027", "Nieuwe ronde gestart: Jaarronde 2027 (rapport over 2026)"),
        ("round", "Eerste", "later", "round: Eerste → later"),  # an odd row, shown as stored
        (
            "activation_date",
            "2026-02-30",
            "2026-11-02",
            "Datum van activatie in productie: 2026-02-30 → 2 november 2026",
        ),
        ("connection", "telefoon", "cluster", "Type aansluiting: telefoon → Clusteraansluiting"),
        ("role", "baas", "", "Eigen rol: baas → niet meer ingevuld"),
        ("name", "cluster", "direct", "Naam: cluster → direct"),  # a name is no choice to put in words
    ],
)
def test_dated_rounds_and_odd_values_in_words(subject: str, old: str, new: str, text: str) -> None:
    assert words(change(subject, old, new)) == text


def test_without_rounds_or_authors_only_the_time_is_said(amsterdam: None) -> None:
    history = [change("note", "", "x"), change("care_provider:1:name", "", "Fysio")]
    assert described(history, CONTENT, []) == [
        ("28 november 2026 13:00", "Notitie geschreven"),
        ("28 november 2026 13:00", "Fysio – Naam: Fysio"),
    ]


def test_once_there_is_a_round_each_change_names_its_round_and_its_author(amsterdam: None) -> None:
    history = [
        change("note", "", "x", author="Anna"),
        change("note", "x", "y", round_year=2027),
        change("care_provider:1:name", "", "Fysio", round_year=2027, author="Bram"),
    ]
    assert described(history, CONTENT, [CareProvider(1, "Fysio Noord", "")]) == [
        ("28 november 2026 13:00 · Eerste assessment · door Anna", "Notitie geschreven"),
        ("28 november 2026 13:00 · Jaarronde 2027", "Notitie gewijzigd"),
        ("28 november 2026 13:00 · Jaarronde 2027 · door Bram", "Fysio Noord – Naam: Fysio"),
    ]


def test_the_history_says_who_only_once_a_change_names_its_author() -> None:
    assert history_intro([change("note", "", "x")], CONTENT) == CONTENT.general.history.intro
    assert history_intro([change("note", "", "x"), change("note", "x", "", author="Anna")], CONTENT) == (
        CONTENT.general.history.intro_shared
    )
    assert history_intro([], CONTENT) == CONTENT.general.history.intro
