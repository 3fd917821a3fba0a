"""Escape by default: content and user text in a rich label shows as written, `<b>` and `&` included,
whichever builder put it there; only `Markup` is read as HTML."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from markupsafe import Markup
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from gui.content_notes import deviation_note, flow_intro
from gui.dossier_editor import DossierEditor
from gui.history_section import HistorySection
from gui.info_page import InfoPage
from gui.links import LinkButton
from gui.page_parts import CurrentNoteBox, label, warning_box
from gui.rich_text import (
    blocks_html,
    bold_heading,
    paragraph,
    plain_tooltip,
    with_terms,
)
from gui.step_page import StepPage
from gui.term_explanations import term_tooltip
from model.content import (
    Block,
    Connection,
    CurrentNote,
    InfoSection,
    Link,
    Role,
    Source,
    StepWarning,
    Term,
    bundled_content,
)
from model.dossier import CareProvider
from model.register import HISTORY_STEP
from model.store import Store

TEXT = "Zorg <b>&</b> co"  # shown with markup it would read "Zorg & co" in bold
URL = "https://example.nl/?a=1&b=<b>"
TERM = Term("zorg", "Zorg <b>&</b>", ("Zorg",), "Uitleg <b>&</b> meer")
SOURCE = Source(TEXT, URL, "2026-11")
LINK = Link(TEXT, URL, newer_url=URL + "&nieuw")


def rendered(html: str) -> str:
    """What the user reads of rich text."""
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def label_texts(widget: QWidget) -> list[str]:
    """What the user reads in each label and link of `widget`, rich or plain."""
    return [
        rendered(each.text()) if each.textFormat() == Qt.TextFormat.RichText else each.text()
        for each in widget.findChildren(QLabel)
    ] + [each.text() for each in widget.findChildren(LinkButton)]


@pytest.mark.parametrize(
    "html",
    [
        paragraph(TEXT),
        with_terms(TEXT, (TERM,), set()),
        blocks_html((Block(text=TEXT), Block(intro=TEXT, items=(TEXT,))), (TERM,)),
        bold_heading(TEXT, paragraph(TEXT)),
        plain_tooltip(TEXT),
    ],
    ids=["paragraph", "with_terms", "blocks", "bold_heading", "tooltip"],
)
def test_each_builder_shows_text_as_written(html: Markup) -> None:
    assert isinstance(html, Markup)
    assert TEXT in rendered(html)
    assert "<b>&" not in html  # escaped in the HTML itself, not only after rendering


def test_terms_are_escaped_inside_attributes() -> None:
    term = Term('x" onclick="y', "Zorg", ("Zorg",), "")
    html = with_terms(TEXT, (term,), set())
    assert 'onclick="' not in html
    assert TEXT in rendered(html)


def test_a_rich_label_escapes_plain_text_and_reads_markup(qtbot: QtBot) -> None:
    plain, marked = label(TEXT, rich=True), label(Markup("<b>{}</b>").format(TEXT), rich=True)
    plain.setText(TEXT + " bis")
    for widget in (plain, marked):
        qtbot.addWidget(widget)
    assert rendered(plain.text()) == TEXT + " bis"
    assert rendered(marked.text()) == TEXT and marked.text().startswith("<b>")


def test_boxes_show_content_as_written(qtbot: QtBot) -> None:
    content = bundled_content()
    flow = content.flows[Connection.DIRECT]
    step = replace(flow.steps[0], deviation_note=TEXT)
    boxes = [
        warning_box(TEXT, (TEXT,)),
        CurrentNoteBox(CurrentNote("x", (step.id,), TEXT, TEXT, (SOURCE,))),
        deviation_note(step),
        flow_intro(replace(flow, intro=(TEXT,)), (TERM,), set()),
    ]
    for box in boxes:
        qtbot.addWidget(box)
        assert sum(text.count(TEXT) for text in label_texts(box)) >= 1, box
    assert "Uitleg <b>&</b> meer" in rendered(term_tooltip(TERM))


def test_pages_show_content_and_user_text_as_written(qtbot: QtBot, data_dir: Path) -> None:
    content = bundled_content()
    flow = content.flows[Connection.DIRECT]
    step = replace(
        flow.steps[1],
        blocks=(Block(text=TEXT),),
        warnings=(StepWarning(TEXT, TEXT),),
        links=(LINK,),
        deviation_note=TEXT,
    )
    flow = replace(flow, steps=(flow.steps[0], step, *flow.steps[2:]))
    content = replace(
        content,
        flows={**content.flows, Connection.DIRECT: flow},
        info=(InfoSection("x", TEXT, (Block(text=TEXT),), (SOURCE,)),),
        current_notes=(CurrentNote("x", (step.id,), TEXT, TEXT, (SOURCE,)),),
    )
    store = Store(data_dir)
    dossier = store.create_dossier(TEXT, Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 10, 8))
    store.save_care_provider(dossier.id, CareProvider(0, TEXT, "12345678", TEXT, TEXT))
    editor = DossierEditor(store, content, dossier, lambda: date(2026, 11, 1))
    step_page, info_page = StepPage(step, editor), InfoPage(content, editor)
    history = HistorySection(editor, HISTORY_STEP, "register")
    for widget in (step_page, info_page, history):
        qtbot.addWidget(widget)
    history.show()
    history.toggle.click()
    # blocks, warning label and text, link, deviation note, note title, text and source
    assert sum(text.count(TEXT) for text in label_texts(step_page)) >= 8
    assert sum(text.count(TEXT) for text in label_texts(info_page)) >= 3  # heading, block, source
    assert TEXT in rendered(history.listing.text())  # the care provider's name, as typed
    store.close()
