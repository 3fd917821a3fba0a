"""The register's rules at their edges: the exact words, the day itself, and each check on its own."""

from datetime import date, datetime

import pytest

from model.content import Connection, Role
from model.dossier import CareProvider, Change, Dossier
from model.limits import NAME_MAX_LENGTH
from model.register import (
    ALL_SIGNED,
    MET,
    NOT_MET,
    UNCOUNTED,
    CheckedCondition,
    StepCount,
    checklist,
    cleaned,
    conditions,
    counted,
    keeps_register,
    problems,
    renumbered_providers,
    step_count,
    t0_explanation,
    too_long,
    uncounted_note,
)

TODAY = date(2026, 11, 28)
FUTURE = "Deze datum ligt in de toekomst; vul de datum in waarop het gebeurd is."


def provider(name: str = "Fysio Noord", kvk: str = "12345678", **fields: object) -> CareProvider:
    return CareProvider(0, name, kvk, "J. de Vries", "directeur", **fields)  # type: ignore[arg-type]


def test_an_imported_history_gets_one_negative_number_per_care_provider() -> None:
    at = datetime(2026, 10, 1, 9)
    changes = [
        Change(at, "register", "care_provider:7", "", "toegevoegd"),
        Change(at, "register", "care_provider:9:name", "", "Tandarts Zuid"),
        Change(at, "register", "care_provider:7:kvk", "", "12345678"),
        Change(at, "cluster.1", "note", "", "tekst"),
    ]
    subjects = [change.subject for change in renumbered_providers(changes)]
    assert subjects == ["care_provider:-1", "care_provider:-2:name", "care_provider:-1:kvk", "note"]


def test_a_text_as_long_as_its_field_allows_is_not_too_long() -> None:
    assert too_long(provider(name="x" * NAME_MAX_LENGTH)) == {}
    assert too_long(provider(name="x" * (NAME_MAX_LENGTH + 1))) == {
        "name": f"Hooguit {NAME_MAX_LENGTH} tekens."
    }


def test_a_text_that_cannot_be_stored_is_named_once() -> None:
    assert too_long(provider(notes="a\x00b")) == {"notes": "Deze tekst bevat een nul-teken."}
    assert too_long(CareProvider(0, "A", "12345678", "\ud800")) == {
        "signatory_name": "Deze tekst bevat een ongeldig teken."
    }
    both = provider(name="\x00" * (NAME_MAX_LENGTH + 1))
    assert too_long(both) == {"name": f"Hooguit {NAME_MAX_LENGTH} tekens."}  # the length is said first


def test_today_is_not_in_the_future() -> None:
    entry = provider(contract_signed=TODAY, akkoord_signed=TODAY, akkoord_submitted=TODAY, production=TODAY)
    assert problems(entry, TODAY) == {}  # signed, submitted and live on one day: all in order
    assert counted([entry], TODAY) == [entry]
    assert conditions([entry], TODAY).unsigned_in_production == ()


def test_each_doubtful_date_has_its_own_words() -> None:
    assert problems(provider(contract_signed=date(2026, 12, 1)), TODAY) == {"contract_signed": FUTURE}
    assert problems(provider(contract_signed=date(1999, 12, 31)), TODAY) == {
        "contract_signed": "Deze datum ligt vóór 2000; vul de juiste datum in."
    }
    assert problems(provider(akkoord_submitted=date(2026, 10, 1)), TODAY) == {
        "akkoord_submitted": "De akkoordverklaring kan pas na ondertekening bij DICTU worden ingediend."
    }
    assert problems(provider(production=date(2026, 10, 1)), TODAY) == {
        "production": "In productie vóór ondertekening: "
        "eerst het aangepaste contract en de akkoordverklaring tekenen."
    }


def test_a_future_date_is_said_before_what_else_is_wrong_with_it() -> None:
    early = provider(akkoord_signed=date(2026, 11, 1), akkoord_submitted=date(2026, 12, 1))
    assert problems(early, TODAY) == {"akkoord_submitted": FUTURE}
    assert problems(provider(production=date(2026, 12, 1)), TODAY) == {"production": FUTURE}


def test_cleaning_an_entry_tidies_the_spaces_of_its_names_only() -> None:
    typed = CareProvider(
        3, "  Fysio   Noord ", " 12345678 ", " J.  de Vries ", "  directeur  eigenaar", notes=" zie  mail "
    )
    assert cleaned(typed) == CareProvider(
        3, "Fysio Noord", "12345678", "J. de Vries", "directeur eigenaar", notes=" zie  mail "
    )


@pytest.mark.parametrize(
    "connection, role, keeps",
    [
        (Connection.CLUSTER, Role.SUPPLIER, True),
        (Connection.CLUSTER, Role.CARE_PROVIDER, False),
        (Connection.DIRECT, Role.SUPPLIER, False),
        (Connection.DIRECT, Role.CARE_PROVIDER, False),
    ],
)
def test_only_a_cluster_supplier_keeps_a_register(connection: Connection, role: Role, keeps: bool) -> None:
    assert keeps_register(Dossier(1, "D", connection, role, "dossier", None)) is keeps


def test_the_checklist_names_every_care_provider_live_without_signatures() -> None:
    providers = [provider("A", production=date(2026, 10, 1)), provider("B", production=date(2026, 10, 2))]
    assert checklist(providers, TODAY) == [
        CheckedCondition(MET, "Minstens twee zorgaanbieders in productie (nu 2)."),
        CheckedCondition(NOT_MET, ALL_SIGNED + " (nog niet: A, B)."),
    ]


def test_the_note_under_the_checklist_only_while_an_entry_is_incomplete() -> None:
    assert uncounted_note([provider(), provider(kvk="")]) == UNCOUNTED
    assert uncounted_note([provider()]) == ""


def test_a_step_count_names_incomplete_entries_in_the_plural() -> None:
    count = StepCount(1, 2, "zorgaanbieders in productie", 2)
    assert (
        str(count) == "1 van 2 zorgaanbieders in productie (2 zorgaanbieders in het register nog onvolledig)"
    )


def test_a_step_count_without_entries_that_count_says_so_in_words() -> None:
    count = step_count("cluster.5", [provider(kvk="")], TODAY)
    assert (
        str(count) == "nog geen zorgaanbieders die meetellen (1 zorgaanbieder in het register nog onvolledig)"
    )


def test_the_t0_explanation_in_full() -> None:
    live = dict(contract_signed=date(2026, 9, 1), akkoord_signed=date(2026, 9, 2))
    providers = [
        provider("A", production=date(2026, 10, 1), **live),
        provider("B", production=date(2026, 10, 8), **live),
    ]
    said = (
        "Volgens het register ging de tweede zorgaanbieder op 8 oktober 2026 in productie; "
        "de termijnen worden vanaf die datum berekend."
    )
    same = Dossier(1, "D", Connection.CLUSTER, Role.SUPPLIER, "dossier", date(2026, 10, 8))
    assert t0_explanation(same, providers, TODAY) == said  # the date typed earlier is the same one
    assert t0_explanation(same, providers[:1], TODAY) == ""
