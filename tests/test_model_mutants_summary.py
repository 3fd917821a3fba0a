"""The summary's register for entries not complete yet, as mutation testing found it untested."""

from datetime import date

import pytest

from model.dossier import CareProvider
from tests.test_model_summary import live, supplier_summary

pytestmark = pytest.mark.usefixtures("amsterdam")


def test_the_register_says_what_each_incomplete_entry_still_needs() -> None:
    providers = (
        live("Zorg Oost", "12345678", date(2026, 10, 1), ("J. Jansen", "directeur")),
        CareProvider(2, "Huisarts", ""),  # no KvK number and no signatory yet
        CareProvider(3, "", "1234"),  # no name, a KvK number too short
        CareProvider(4, "Apotheek", "11223344", production=date(2027, 1, 1)),  # in production next year
    )
    lines = supplier_summary(providers)
    start = lines.index("Deelnemende zorgaanbieders")
    assert lines[start + 3 : start + 12] == [
        "Zorgaanbieders bij wie ‘Vul nog in’ staat, tellen nog niet mee.",
        "Zorgaanbieder | KvK | Ondertekenaar | Contract | Akkoord | Bij DICTU | In productie",
        "Zorg Oost | 12345678 | J. Jansen, directeur | 1-9-2026 | 2-9-2026 | 3-9-2026 | 1-10-2026",
        "Huisarts",
        "Vul nog in: KvK-nummer | — | — | — | — | — | —",
        "—",
        "Vul nog in: naam; Controleer: KvK-nummer | 1234 | — | — | — | — | —",
        "Apotheek",
        "Controleer: in productie | 11223344 | — | — | — | — | 1-1-2027",
    ]
