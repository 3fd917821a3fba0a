"""The summary's register for entries not complete yet, as mutation testing found it untested."""

import itertools
import re
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from model.content import Connection, Role
from model.dossier import CareProvider, Dossier
from model.register import checklist
from model.store import Store
from model.summary import STYLE, SummaryInput, load_summary_input, register_checklist_html, summary_html
from tests.test_model_summary import CONTENT, live, supplier_summary, visible_lines

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
    assert lines[start + 4 : start + 17] == [
        "Zorgaanbieders bij wie ‘Vul nog in’ staat, tellen nog niet mee.",
        "Register",
        "Zorgaanbieder | Ondertekenaar | Contract getekend | Akkoord getekend | Akkoord bij DICTU"
        " | In productie",
        "Zorg Oost",
        "KvK 12345678 | J. Jansen, directeur | 1-9-2026 | 2-9-2026 | 3-9-2026 | 1-10-2026",
        "Huisarts",
        "Vul nog in: KvK-nummer | — | — | — | — | —",
        "—",
        "KvK 1234",
        "Vul nog in: naam; Controleer: KvK-nummer | — | — | — | — | —",
        "Apotheek",
        "KvK 11223344",
        "Controleer: in productie | — | — | — | — | 1-1-2027",
    ]


def test_the_summary_from_the_store_shows_the_yearly_report_sent(data_dir: Path) -> None:
    store = Store(data_dir, clock=lambda: datetime(2026, 11, 20, 9))
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2025, 1, 6))
    store.set_annual_report(dossier.id, 2026, date(2026, 4, 14))
    data = load_summary_input(store, CONTENT, dossier, date(2026, 11, 28))
    store.close()
    assert data.annual_reports == {2026: date(2026, 4, 14)}
    assert [line for line in visible_lines(summary_html(data)) if line.startswith("Jaarlijks")] == [
        "Jaarlijks auditrapport 2026 | ingediend op 14 april 2026 (uiterste datum was 1 mei 2026)",
        "Jaarlijks auditrapport 2027 | tussen 1 januari 2027 en 1 mei 2027 (nog 154 dagen; open)",
    ]


CLUSTER = CONTENT.flows[Connection.CLUSTER]


def step_lines(step_id: str) -> list[str]:
    """One step of a supplier's dossier as printed, from its title on."""
    lines = supplier_summary((), step_id)
    return lines[lines.index(f"Stap {step_id.split('.')[1]} van 10: {CLUSTER.step(step_id).title}") :]


def test_a_step_with_two_links_lists_each_with_its_own_number() -> None:
    step = CLUSTER.step("cluster.2")
    first, second = step.links
    assert not (first.newer_url or second.newer_url)  # no page of this step has moved
    lines = step_lines("cluster.2")
    links = lines.index(f"Links: {first.label} [1]; {second.label} [2].")
    assert lines[links - 2 : links + 2] == ["Notities", "Geen notities.", lines[links], "Geschiedenis"]
    assert lines[-3:] == ["Bronnen", f"[1] | {first.address}", f"[2] | {second.address}"]


def test_a_step_without_links_or_sources_ends_with_its_history() -> None:
    step = CLUSTER.step("cluster.4")
    assert not step.links and not CONTENT.notes_for(step.id)
    lines = step_lines("cluster.4")
    assert lines[lines.index("Notities") :] == [
        "Notities",
        "Geen notities.",
        "Geschiedenis",
        CONTENT.general.history.intro,
        "Nog geen wijzigingen.",
    ]


def test_a_steps_warnings_follow_its_purpose() -> None:
    step = CLUSTER.step("cluster.5")
    assert len(step.warnings) == 2
    lines = step_lines("cluster.5")
    items = lines.index("Actiepunten")
    assert lines[2] == step.purpose
    assert lines[items - 2 : items] == [f"{warning.label}: {warning.text}" for warning in step.warnings]


def test_where_a_step_differs_from_the_factsheet_is_said_above_its_action_items() -> None:
    step = CLUSTER.step("cluster.6")
    assert step.deviation_note
    lines = step_lines("cluster.6")
    items = lines.index("Actiepunten")
    assert lines[items + 1 : items + 3] == [
        f"Anders dan in de factsheet: {step.deviation_note}",
        f"☐ | {step.action_items[0].text}",
    ]


def test_in_the_whole_summary_each_step_ends_where_the_next_begins() -> None:
    lines = supplier_summary((live("A", "12345678", date(2026, 10, 1)),))
    for before, step in itertools.pairwise(CLUSTER.steps):
        end = lines[lines.index(f"Stap {step.number} van 10: {step.title}") - 1]
        if before.links:  # its last link, cited by number
            cited = rf"Links: .*{re.escape(before.links[-1].label)} \[\d+\]( \(in de factsheet: \[\d+\]\))?\."
            assert re.fullmatch(cited, end), end
        else:  # no notes were typed there
            assert end == "Geen notities."


def test_the_summary_prints_black_on_white_in_its_own_sizes() -> None:
    dossier = Dossier(1, "Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, "direct.1", None)
    html = summary_html(SummaryInput(dossier, CONTENT, {}, {}, date(2026, 11, 28)))
    assert html.startswith(f"<html><head><style>{STYLE}</style></head><body>")
    assert "body { font-size: 10pt; color: #000000; }" in STYLE


def test_a_complete_register_has_one_paragraph_per_condition_and_no_empty_one() -> None:
    providers = [live("A", "12345678", date(2026, 10, 1)), live("B", "87654321", None)]
    html = register_checklist_html(providers, date(2026, 11, 28))
    assert html.count("<p>") == len(checklist(providers, date(2026, 11, 28))) == 2
    assert "<p></p>" not in html


class ClassNames(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.used: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.used.update(value or "" for name, value in attrs if name == "class")


def test_every_class_in_the_summary_has_its_style_and_every_style_is_used() -> None:
    """CSS class names are case-sensitive: a class the style sheet doesn't name prints unstyled."""
    parser = ClassNames()
    parser.feed(summary_html_of_a_supplier())
    assert parser.used == set(re.findall(r"^\.([a-z]+) \{", STYLE, re.MULTILINE)) == {"meta", "box", "name"}


def summary_html_of_a_supplier() -> str:
    dossier = Dossier(1, "Praktijk", Connection.CLUSTER, Role.SUPPLIER, "cluster.1", date(2026, 9, 30))
    ticked = {"cluster.1.1": datetime(2026, 11, 20, 9)}
    return summary_html(SummaryInput(dossier, CONTENT, ticked, {}, date(2026, 11, 28)))
