"""Today's rules beside the factsheet: each note sourced and dated, addresses well-formed, shown, printed."""

import re
import shutil
from collections import defaultdict
from datetime import date
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtWidgets import QFrame, QLabel, QWidget
from pytestqt.qtbot import QtBot

from gui.links import LinkButton
from model.content import Connection, ContentError, Role, bundled_content
from model.content_loader import load_content
from model.dossier import Dossier
from model.locations import resources_dir
from model.store import Store
from model.summary import SummaryInput, summary_html
from tests.gui_helpers import child, open_window

CONTENT = bundled_content()
# The norm ids a public Logius or NOREA source names (shared/domain-notes.md); never a made-up full list.
CONFIRMED_NORM_IDS = {"B.01", "C.07", "C.08", "C.09", "U/TV.01", "U/WA.02", "U/NW.04", "U/PW.03"}
NORM_ID = re.compile(r"\b[A-Z]{1,2}(?:/[A-Z]{1,2})?\.\d{2}\b")


def factsheet_links() -> list[tuple[str, str]]:
    """(label, url) of every link of the factsheet's steps and pages."""
    return [
        (link.label, link.url)
        for flow in CONTENT.flows.values()
        for link in [*(link for step in flow.steps for link in step.links), *flow.more_info.links]
    ]


def source_links() -> list[tuple[str, str]]:
    """(label, url) of every source of today's rules, and every newer address."""
    pairs = [
        (source.label, source.url)
        for holder in [*CONTENT.current_notes, *CONTENT.info]
        for source in holder.sources
    ]
    for flow in CONTENT.flows.values():
        pairs += [
            (link.label, link.newer_url) for step in flow.steps for link in step.links if link.newer_url
        ]
    return pairs


def same_page(url: str) -> str:
    """An address as a page: scheme and 'www.' and a trailing slash don't make another page."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        assert parts.netloc and "." in parts.netloc and " " not in url, url
        return parts.netloc.removeprefix("www.") + parts.path.rstrip("/")
    assert parts.scheme == "mailto" and re.fullmatch(r"[\w.]+@[\w.]+\.nl", parts.path), url
    return parts.path.lower()


def test_every_note_has_a_source_and_the_date_it_was_read() -> None:
    assert len(CONTENT.current_notes) >= 5
    for note in CONTENT.current_notes:
        assert note.title and note.text and note.steps, note.id
        for source in note.sources:
            assert source.url.startswith("https://"), note.id
            assert re.fullmatch(r"20\d\d-(0[1-9]|1[0-2])", source.read), note.id
            assert source.read_text == "november 2026"


def test_every_address_is_well_formed_and_unique_per_meaning() -> None:
    """One label never leads to two pages, and within the factsheet one page has one label."""
    for pairs in (factsheet_links(), source_links()):
        pages_per_label: dict[str, set[str]] = defaultdict(set)
        for label, url in pairs:
            pages_per_label[label].add(same_page(url))
        assert {label: pages for label, pages in pages_per_label.items() if len(pages) > 1} == {}
    labels_per_page: dict[str, set[str]] = defaultdict(set)
    for label, url in factsheet_links():
        labels_per_page[same_page(url)].add(label)
    assert {
        page: labels for page, labels in labels_per_page.items() if len(labels) > 1 and "@" not in page
    } == {}


def test_only_confirmed_norm_ids_are_named() -> None:
    texts = [note.text for note in CONTENT.current_notes]
    texts += [
        part
        for section in CONTENT.info
        for block in section.blocks
        for part in (block.text, block.intro, *block.items)
    ]
    texts += [f"{term.explanation} {' '.join(term.forms)}" for term in CONTENT.glossary]
    named = set(NORM_ID.findall(" ".join(texts)))
    assert named <= CONFIRMED_NORM_IDS
    assert {"U/TV.01", "U/WA.02", "C.07", "C.08", "C.09"} <= named


def note(note_id: str) -> str:
    return next(each.text for each in CONTENT.current_notes if each.id == note_id)


def info(section_id: str) -> str:
    section = next(each for each in CONTENT.info if each.id == section_id)
    return " ".join(part for block in section.blocks for part in (block.text, block.intro, *block.items))


def test_the_14_deactivations_followed_unfixed_findings_not_a_late_report() -> None:
    """Tweakers and Security.nl: the 14 were disconnected because findings were not fixed in time."""
    for text in (note("missed"), info("missed"), CONTENT.general.timeline.threat_consequence_detail):
        assert "14 organisaties" in text and "niet op tijd waren hersteld" in text, text
    sources = [s.url for each in CONTENT.current_notes if each.id == "missed" for s in each.sources]
    assert "https://www.security.nl/posting/879771" in sources


def test_the_cluster_start_rule_is_not_softened() -> None:
    """Logius: for a new LMA other rules apply (the rest unreadable): said so, marked unconfirmed."""
    for text in (note("cluster_start"), info("deadlines"), CONTENT.general.timeline.notes["cluster"]):
        assert "andere regels gelden" in text and "niet bevestigd" in text, text
        assert "mogelijk" not in text and "kunnen gelden" not in text, text


def test_one_report_for_several_connections_needs_the_same_tpm() -> None:
    for text in (note("report"), info("report")):
        assert "hetzelfde is" in text and "dezelfde verklaring" in text and "TPM" in text, text


def test_dictu_gives_an_average_of_2_to_4_months() -> None:
    texts = [note("tvs"), *(term.explanation for term in CONTENT.glossary if term.id == "tvs")]
    for text in texts:
        assert "gemiddeld 2 tot 4 maanden" in text, text


def test_newer_addresses_where_the_research_found_them_and_the_norms_page_linked() -> None:
    newer = {
        link.url: link.newer_url
        for flow in CONTENT.flows.values()
        for link in [*(link for step in flow.steps for link in step.links), *flow.more_info.links]
        if link.newer_url
    }
    logius = "https://logius.nl/domeinen/toegang/digid/ict-beveiligingsassessments-digid/"
    assert newer[
        "https://logius.nl/diensten/digid/ict-beveiligingsassessments-digid/het-meervoudig-assessment"
    ] == (logius + "het-meervoudig-assessment")
    assert newer["https://www.dictu.nl/diensten/toegangverleningservice/documentatie-en-links"] == (
        "https://www.dictu.nl/toegangverleningservice/documentatie-en-links"
    )
    assert all("/diensten/" not in url for url in newer.values())
    norms_page = logius + "documentatie/norm-ict-beveiligingsassessments-digid"
    for holder in (next(each for each in CONTENT.current_notes if each.id == "norms"), CONTENT.info[0]):
        assert norms_page in [source.url for source in holder.sources]


def test_the_information_page_covers_its_subjects() -> None:
    assert {section.id for section in CONTENT.info} >= {
        "norms",
        "auditor",
        "report",
        "deadlines",
        "missed",
    }
    text = " ".join(
        part for section in CONTENT.info for block in section.blocks for part in (block.text, *block.items)
    )
    for term in ("Normenkader 3.0", "21 normen", "RE", "aansluitnaam", "aansluitnummer", "TPM"):
        assert term in text, term
    assert "ingebrekestelling" in text
    glossary = " ".join(f"{term.name} {term.explanation}" for term in CONTENT.glossary)
    for term in ("UZI-register", "PKIoverheid", "LMA", "DICTU", "TVS", "TPM"):
        assert term in glossary, term


def test_a_factsheet_link_keeps_its_address_and_gains_the_newer_one() -> None:
    step = CONTENT.flows[Connection.DIRECT].step("direct.7")
    link = step.links[0]
    assert link.url.startswith("https://logius.nl/diensten/digid/")
    assert link.newer_url.startswith("https://logius.nl/domeinen/toegang/digid/")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(resources_dir() / "content", folder)
    return folder


@pytest.mark.parametrize(
    "old, new, named",
    [
        ('read = "2026-11"', 'read = "november"', "sources[0].read"),
        ('steps = ["direct.1"', 'steps = ["direct.99"', "steps"),
        ('url = "https://', 'url = "http://', "url"),
    ],
)
def test_a_broken_rules_file_names_the_file_and_the_key(
    content_copy: Path, old: str, new: str, named: str
) -> None:
    path = content_copy / "current.nl.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as failure:
        load_content(content_copy)
    assert "current.nl.toml" in str(failure.value) and named in str(failure.value)


def test_a_step_shows_its_current_notes_apart_from_the_factsheet(qtbot: QtBot, data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.remember_last_dossier(dossier.id)
    store.close()
    window = open_window(qtbot, data_dir)
    child(window, QWidget, "assessmentWizard").go_to("direct.7")
    for note in CONTENT.notes_for("direct.7"):
        box = child(window, QFrame, f"current.{note.id}")
        assert box.property("kind") == "current"
        title = box.findChildren(QLabel)[0]
        assert title.text().startswith("<b>Actueel:</b> ")
        assert title.accessibleDescription() == note.text  # a screen reader hears the whole rule
        details = " ".join(each.text() for each in box.findChildren(QLabel))
        assert "gelezen in november 2026" in details
        assert [each.url for each in box.findChildren(LinkButton)] == [source.url for source in note.sources]
    child(window, QWidget, "assessmentWizard").go_to("info")
    assert child(window, QLabel, "info.norms").isVisible()


def test_the_summary_prints_the_notes_marked_as_current() -> None:
    data = SummaryInput(
        dossier=Dossier(1, "Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, "dossier", date(2026, 12, 31)),
        content=CONTENT,
        ticked={},
        notes={},
        today=date(2027, 1, 5),
    )
    html = summary_html(data, "direct.7")
    for note in CONTENT.notes_for("direct.7"):
        assert f"Actueel (niet uit de factsheet): {note.title}" in unescape(html)
    assert "gelezen in november 2026" in html
    bronnen = unescape(html).split("<h2>Bronnen</h2>")[1]
    assert "https://logius.nl/domeinen/toegang/digid/" in bronnen  # the newer address, listed once
    assert unescape(html).count("https://") == bronnen.count("https://")  # no address in the text
