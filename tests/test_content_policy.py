"""The content policy on screen: corrected Dutch, the factsheet's wording on request, the flow's
introduction, notes where the app differs from the factsheet, and the Begrippen explained."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QFrame, QLabel, QPushButton, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from gui.term_explanations import term_tooltip
from model.content import Connection, Role, bundled_content
from model.dossier import Dossier
from model.glossary import term_spans
from model.store import Store
from model.summary import SummaryInput, summary_html
from tests.gui_helpers import child, click, open_window, scroll_to, tick

CONTENT = bundled_content()
SLIPS = (
    "sprake van sprake van",
    "Verzoek je leverancier",
    "zijn is gepubliceerd",
    "documenten is gepubliceerd",
    "| Logius",
    "vindt u hier.",
    "middels het e-mailformat",
    "u bent als zorgaanbieder",  # after "Let op" the sentence starts with a capital
    "Voorbereiden aan meewerken",
    "af neemt",
    "gebruik maakt",
    "standaard functionaliteiten",
    "onderstaand schema",
)
CORRECTED = {
    "direct": (
        "Verzoek uw leverancier",
        "Voorbereiden op meewerken aan DigiD-assessment",
        "afneemt",
        "gebruikmaakt",
    ),
    "cluster": (
        "sprake van een meervoudig assessment",
        "per e-mail aanvragen (zie de links bij deze stap)",
        "standaardfunctionaliteiten",
    ),
}


def open_dossier(qtbot: QtBot, data_dir: Path, connection: Connection, role: Role) -> QWidget:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", connection, role, date(2026, 12, 1))
    store.remember_last_dossier(dossier.id)
    store.close()
    return open_window(qtbot, data_dir)


def as_read(label: QLabel) -> str:
    if label.textFormat() != Qt.TextFormat.RichText:
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def visible_text(page: QWidget) -> str:
    """What the reader sees: every shown label's and button's text, rich text as it reads."""
    texts = [as_read(each) for each in page.findChildren(QLabel) if each.isVisibleTo(page)]
    texts += [each.text() for each in page.findChildren(QAbstractButton) if each.isVisibleTo(page)]
    return " ".join(" ".join(texts).split())


def walk(window: QWidget, flow_id: str):
    wizard = child(window, QWidget, "assessmentWizard")
    for step in CONTENT.flows[Connection(flow_id)].steps:
        wizard.go_to(step.id)
        yield step, wizard.stack.currentWidget()


@pytest.mark.parametrize(
    "connection, role", [(Connection.DIRECT, Role.CARE_PROVIDER), (Connection.CLUSTER, Role.SUPPLIER)]
)
def test_walking_every_step_shows_corrected_dutch_and_the_factsheet_on_request(
    qtbot: QtBot, data_dir: Path, connection: Connection, role: Role
) -> None:
    window = open_dossier(qtbot, data_dir, connection, role)
    seen = ""
    for step, page in walk(window, connection.value):
        text = visible_text(page)
        for slip in SLIPS:
            assert slip not in text, f"{step.id}: {slip!r}"
        seen += text
        button = child(page, QPushButton, f"factsheetText.{step.id}")
        wording = child(page, QLabel, f"factsheetWording.{step.id}")
        assert not wording.isVisible() and button.text() == "Tekst uit de factsheet"
        click(qtbot, button)
        assert wording.isVisible() and wording.textFormat() == Qt.TextFormat.PlainText
        assert button.text() == "Verberg tekst uit de factsheet"  # the toggle says it is on
        for correction in step.corrections:
            assert correction.original in wording.text(), step.id
            assert " ".join(correction.shown.split()) in text, step.id
        click(qtbot, button)
        assert not wording.isVisible() and button.text() == "Tekst uit de factsheet"
    for corrected in CORRECTED[connection.value]:
        assert corrected in seen, corrected


def test_the_factsheets_slips_are_still_in_the_data_as_original() -> None:
    originals = " ".join(
        correction.original
        for flow in CONTENT.flows.values()
        for correction in (
            *flow.intro_corrections,
            *flow.more_info.corrections,
            *(each for step in flow.steps for each in step.corrections),
        )
    )
    for slip in SLIPS[:-1]:
        assert slip in originals, slip


@pytest.mark.parametrize("connection", list(Connection))
def test_the_flow_introduction_is_shown_on_the_first_step(
    qtbot: QtBot, data_dir: Path, connection: Connection
) -> None:
    window = open_dossier(qtbot, data_dir, connection, Role.CARE_PROVIDER)
    flow = CONTENT.flows[connection]
    child(window, QWidget, "assessmentWizard").go_to(flow.steps[0].id)
    box = child(window, QFrame, f"flowIntro.{connection.value}")
    scroll_to(box)
    assert box.isVisible()
    text = visible_text(box)
    assert "verantwoordelijk" in text or "aansprakelijk" in text
    assert ("gedelegeerd" in text) == (connection == Connection.DIRECT)  # direct: steps 2, 3 and 4
    assert "aansluithouder" in text or "stappen 2, 3 en 4" in text


def test_cluster_step_9_says_its_items_are_the_apps_own(qtbot: QtBot, data_dir: Path) -> None:
    window = open_dossier(qtbot, data_dir, Connection.CLUSTER, Role.CARE_PROVIDER)
    child(window, QWidget, "assessmentWizard").go_to("cluster.9")
    note = child(window, QFrame, "deviation.cluster.9")
    scroll_to(note)
    assert note.isVisible()
    assert "staan niet in de factsheet" in visible_text(note)


def test_cluster_step_6_ticks_step_4s_tasks_together_and_says_so(qtbot: QtBot, data_dir: Path) -> None:
    window = open_dossier(qtbot, data_dir, Connection.CLUSTER, Role.SUPPLIER)
    wizard = child(window, QWidget, "assessmentWizard")
    wizard.go_to("cluster.4")
    wizard.go_to("cluster.6")
    note = child(window, QFrame, "deviation.cluster.6")
    scroll_to(note)
    assert "dezelfde taken" in visible_text(note) and "stap 4" in visible_text(note)
    tick(qtbot, window, "cluster.6.4")
    wizard.go_to("cluster.4")
    assert child(window, QCheckBox, "cluster.4.2").isChecked()
    assert not child(window, QCheckBox, "cluster.4.1").isChecked()
    tick(qtbot, window, "cluster.4.2")  # untick on step 4: gone on step 6 too
    wizard.go_to("cluster.6")
    assert not child(window, QCheckBox, "cluster.6.4").isChecked()
    tick(qtbot, window, "cluster.6.1")
    window.close()
    store = Store(data_dir)
    assert {"cluster.4.1", "cluster.6.1"} <= set(store.ticked_items(store.last_dossier_id()))
    store.close()


def test_the_summary_shows_the_notes_and_the_introduction() -> None:
    dossier = Dossier(1, "Praktijk", Connection.CLUSTER, Role.SUPPLIER, "dossier", date(2026, 12, 31))
    html = summary_html(SummaryInput(dossier, CONTENT, {}, {}, date(2027, 1, 5))).replace("&#x27;", "'")
    flow = CONTENT.flows[Connection.CLUSTER]
    assert flow.intro_heading in html
    for step_id in ("cluster.6", "cluster.9"):
        assert f"Anders dan in de factsheet:</b> {flow.step(step_id).deviation_note}" in html
    assert "sprake van sprake van" not in html


def test_the_glossary_page_lists_every_term(qtbot: QtBot, data_dir: Path) -> None:
    window = open_dossier(qtbot, data_dir, Connection.DIRECT, Role.CARE_PROVIDER)
    click(qtbot, child(window, QPushButton, "nav.glossary"))
    page = child(window, QWidget, "assessmentWizard").stack.currentWidget()
    text = visible_text(page)
    assert len(CONTENT.glossary) >= 17
    for term in CONTENT.glossary:
        assert child(page, QLabel, f"term.{term.id}").text() == term.name
        assert term.explanation in text
    lma = next(term for term in CONTENT.glossary if term.id == "lma")
    assert "niet bevestigd" in lma.explanation


def test_each_term_is_marked_once_per_page() -> None:
    seen: set[str] = set()
    text = "De TVS van DICTU; weer TVS. Een RE-auditor, de PKIoverheid-certificaten en U/TV.01."
    found = [(span.term.id, text[span.start : span.end]) for span in term_spans(text, CONTENT.glossary, seen)]
    assert found == [("tvs", "TVS"), ("dictu", "DICTU"), ("re", "RE"), ("pkioverheid", "PKIoverheid"),
                     ("norm_id", "U/TV.01")]  # fmt: skip
    assert term_spans("Nog eens TVS", CONTENT.glossary, seen) == []
    assert term_spans("PRE-assessment, NOREAS, TVSX", CONTENT.glossary, set()) == []


def term_under_mouse(qtbot: QtBot, label: QLabel) -> str:
    """Move the mouse along the label's lines until it rests on a marked term; its tooltip then."""
    for y in range(4, label.height(), 6):
        for x in range(2, label.width(), 4):
            qtbot.mouseMove(label, QPoint(x, y))
            if label.toolTip():
                return label.toolTip()
    return ""


def test_a_term_in_a_step_explains_itself_on_hover_and_on_enter(qtbot: QtBot, data_dir: Path) -> None:
    window = open_dossier(qtbot, data_dir, Connection.DIRECT, Role.CARE_PROVIDER)
    child(window, QWidget, "assessmentWizard").go_to("direct.3")  # "… (zoals TVS)."
    page = child(window, QWidget, "assessmentWizard").stack.currentWidget()
    body = next(each for each in page.findChildren(QLabel) if 'href="begrip:tvs"' in each.text())
    assert body.text().count("begrip:tvs") == 1
    scroll_to(body)
    tooltip = term_under_mouse(qtbot, body)
    marked = [term for term in CONTENT.glossary if f"begrip:{term.id}" in body.text()]
    assert tooltip in [term_tooltip(term) for term in marked]
    assert "<" not in tooltip.removeprefix("<p style='white-space:pre-wrap'>").removesuffix("</p>")
    seen = []
    body.linkActivated.connect(seen.append)
    body.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(body, Qt.Key.Key_Tab)  # the keyboard reaches the first marked term …
    qtbot.keyClick(body, Qt.Key.Key_Return)  # … and Enter explains it
    assert seen and seen[0].startswith("begrip:")
    explained = next(term for term in CONTENT.glossary if f"begrip:{term.id}" == seen[0])
    assert QToolTip.isVisible() and explained.explanation in QToolTip.text()
