"""The printed handout, read from the real PDF page by page, as the meeting and the auditor get it."""

import re
import subprocess
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QPageSize
from PySide6.QtWidgets import QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gui.printing import write_pdf
from gui.summary_printer import Handout
from model.content import Connection, Role, bundled_content
from model.dossier import CareProvider, Dossier
from model.store import Store
from model.summary import SummaryInput
from tests.gui_helpers import child, click, open_window, scroll_to
from tests.modal_dialogs import answer_dialogs
from tests.test_summary import filled_dossier, flat, pdf_pages

CONTENT = bundled_content()
TODAY = date(2027, 1, 10)
NAME = "Praktijk <b>De Linde</b> & Co"


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir, clock=lambda: datetime(2027, 1, 10, 12))
    yield store
    store.close()


def dossier(connection: Connection, role: Role = Role.CARE_PROVIDER) -> Dossier:
    return Dossier(1, NAME, connection, role, f"{connection}.1", date(2026, 12, 20))


def ticked_half(connection: Connection) -> dict[str, datetime]:
    """Every other action item ticked: open items for both parties, done ones with their date."""
    items = [item for step in CONTENT.flows[connection].steps for item in step.action_items]
    return {item.id: datetime(2027, 1, 5, 10) for item in items[::2]}


def read(pages: list[str]) -> str:
    """The pages' text as one line, as the reader reads it (ligatures such as 'ﬁ' as letters)."""
    return unicodedata.normalize("NFKC", flat(" ".join(pages)))


def handout_pages(
    tmp_path: Path, data: SummaryInput, step_id: str | None = None, **options: object
) -> list[str]:
    out = tmp_path / f"handout-{step_id}-{len(list(tmp_path.iterdir()))}.pdf"
    page_size = options.pop("page_size", None)
    handout = Handout.of(data, step_id, **options)
    write_pdf(handout.html, handout.footer, out, handout.images, handout.one_page, page_size)
    return pdf_pages(out)


def headings(connection: Connection) -> list[str]:
    """Every heading the handout can print."""
    flow = CONTENT.flows[connection]
    fixed = ["Wie doet wat", "Open voor de zorgaanbieder", "Open voor de ICT-leverancier", "Actiepunten"]
    fixed += ["Notities", "Deelnemende zorgaanbieders", "Voorwaarden", "Register", "Geschiedenis", "Bronnen"]
    return [
        *fixed,
        flow.intro_heading,
        *(f"Stap {s.number} van {len(flow.steps)}: {s.title}" for s in flow.steps),
    ]


def body_lines(page: str) -> list[str]:
    """The page's lines above the footer."""
    lines = [line for line in page.splitlines() if line.strip()]
    assert "pagina" in lines[-1]
    return lines[:-1]


def assert_no_page_ends_with_a_heading(pages: list[str], connection: Connection) -> None:
    for number, page in enumerate(pages[:-1], start=1):
        tail = flat(" ".join(body_lines(page)[-3:]))
        for heading in headings(connection):
            assert not tail.endswith(flat(heading)), f"page {number} ends with '{heading}'"


# Notes of a growing length on the first steps move every later heading down by a line at a time,
# so the headings land on every spot of a page, the bottom included.
@pytest.mark.parametrize("note_lines", [0, 3, 7, 12, 18, 25])
@pytest.mark.parametrize("connection", list(Connection))
def test_no_page_ends_with_a_heading(
    qtbot: QtBot, tmp_path: Path, connection: Connection, note_lines: int
) -> None:
    flow = CONTENT.flows[connection]
    notes = {step.id: "\n".join(f"Afspraak {n}" for n in range(note_lines)) for step in flow.steps[:2]}
    data = SummaryInput(dossier(connection), CONTENT, ticked_half(connection), notes, TODAY)
    for with_explanation in (False, True):
        pages = handout_pages(tmp_path, data, with_explanation=with_explanation)
        assert_no_page_ends_with_a_heading(pages, connection)
        text = read(pages)
        for step in flow.steps:  # nothing lost by moving headings on
            assert text.count(flat(f"Stap {step.number} van {len(flow.steps)}: {step.title}")) == 1


@pytest.mark.parametrize("connection", list(Connection))
def test_every_address_is_printed_once_under_bronnen(
    qtbot: QtBot, tmp_path: Path, connection: Connection
) -> None:
    data = SummaryInput(dossier(connection), CONTENT, {}, {}, TODAY)
    pages = handout_pages(tmp_path, data, with_explanation=True)
    squeezed = re.sub(r"\s+", "", "".join(pages))  # an address may wrap anywhere on its line
    flow = CONTENT.flows[connection]
    addresses = {link.url for step in flow.steps for link in step.links if link.url.startswith("https")}
    addresses |= {link.newer_url for step in flow.steps for link in step.links if link.newer_url}
    addresses |= {
        source.url for step in flow.steps for note in CONTENT.notes_for(step.id) for source in note.sources
    }
    assert len(addresses) > 5
    for address in addresses:
        ends = r"(?=\[|DigiDAssessmentWegwijzer)"  # the next entry, or the footer: not a longer address
        assert len(re.findall(re.escape(address) + ends, squeezed)) == 1, address
    body = flat(" ".join(line for page in pages for line in body_lines(page)))
    assert "https://" not in body.split("Bronnen")[0]  # body: numbers only, the addresses under Bronnen


def test_user_text_prints_as_typed(qtbot: QtBot, tmp_path: Path) -> None:
    note = "Bel <i>Jan</i> & Piet <script>x</script>"
    data = SummaryInput(
        dossier(Connection.CLUSTER, Role.SUPPLIER),
        CONTENT,
        {},
        {"cluster.4": note},
        TODAY,
        providers=(CareProvider(1, "Zorg <u>Oost</u> & Zn", "12345678", "A <b>B</b>", "&amp;"),),
    )
    text = flat(" ".join(handout_pages(tmp_path, data)))
    assert f"DigiD-assessment:{NAME}".replace(" ", "") in text.replace(" ", "")  # the title wraps anywhere
    assert f"Organisatie {NAME}" in text
    assert note in text
    assert "Zorg <u>Oost</u> & Zn" in text and "A <b>B</b>, &amp;" in text
    step_text = read(handout_pages(tmp_path, data, "cluster.4"))
    assert note in step_text and f"Organisatie {NAME}" in step_text


@pytest.mark.parametrize("reader", list(Role))
def test_the_first_page_lists_what_is_open_per_party(qtbot: QtBot, tmp_path: Path, reader: Role) -> None:
    connection = Connection.CLUSTER
    ticked = ticked_half(connection)
    data = SummaryInput(dossier(connection, reader), CONTENT, ticked, {}, TODAY)
    first = read(handout_pages(tmp_path, data)[:1])
    own, other = ("zorgaanbieder", "ICT-leverancier")[:: 1 if reader == Role.CARE_PROVIDER else -1]
    own_part = first[first.index(f"Open voor de {own}") : first.index(f"Open voor de {other}")]
    other_part = first[first.index(f"Open voor de {other}") :]
    for part, party in ((own_part, reader), (other_part, next(role for role in Role if role != reader))):
        listed = [int(number) for number in re.findall(r"Stap (\d+):", part)]
        steps = [step for step in CONTENT.flows[connection].steps if step.actor == party]
        open_steps = [step.number for step in steps if any(i.id not in ticked for i in step.action_items)]
        assert listed and listed == open_steps[: len(listed)]  # the party's own steps, first open first
        for step in steps:
            for item in step.action_items:
                if step.number in listed and not item.same_as:
                    assert (flat(f"☐ {item.text}") in part) == (item.id not in ticked), item.id
    for label in ("Organisatie", "Aansluiting", "Eigen rol", "Auditrapport bij Logius", "Voortgang"):
        assert label in first
    assert "Aan zet" not in first  # the steps start on the next page


def test_a_register_of_200_repeats_its_header_row_on_every_page(qtbot: QtBot, tmp_path: Path) -> None:
    providers = tuple(
        CareProvider(
            n,
            f"Huisartsenpraktijk Zuiderpark-Noord nummer {n}",
            f"{10_000_000 + n}",
            "J. van der Berg-Jansen",
            "praktijkhouder",
            date(2026, 10, 1),
            date(2026, 10, 2),
            date(2026, 10, 3),
            date(2026, 11, 1 + n % 28),
        )
        for n in range(1, 201)
    )
    data = SummaryInput(
        dossier(Connection.CLUSTER, Role.SUPPLIER), CONTENT, {}, {}, TODAY, providers=providers
    )
    pages = handout_pages(tmp_path, data)
    register = [page for page in pages if "KvK 1000" in page]
    assert len(register) >= 4
    for page in register:
        lines = body_lines(page)
        header = next(index for index, line in enumerate(lines) if "Ondertekenaar" in line)
        first_row = next(index for index, line in enumerate(lines) if "KvK 1000" in line) - 1
        assert header < first_row, page
        names, numbers = (sum(line.startswith(start) for line in lines) for start in ("Huisarts", "KvK 1000"))
        assert names == numbers  # no row torn over two pages
        assert {"Zorgaanbieder", "Ondertekenaar", "productie"} <= set(
            flat(" ".join(lines[:first_row])).split()
        )
    text = read(register)
    for n in range(1, 201):  # every row once, names whole (wrapped between words), dates in one short form
        assert len(re.findall(rf"KvK {10_000_000 + n} ", text)) == 1
    lines = [line for page in register for line in page.splitlines()]
    assert sum(line.startswith("Huisartsenpraktijk ") for line in lines) == 200
    assert sum(line.startswith("Zuiderpark-Noord nummer") for line in lines) == 200
    assert text.count("1-10-2026 2-10-2026 3-10-2026") == 200


ALL_STEPS = [step.id for flow in CONTENT.flows.values() for step in flow.steps]


@pytest.mark.parametrize("step_id", ALL_STEPS)
def test_one_step_fits_one_page_with_its_explanation(qtbot: QtBot, tmp_path: Path, step_id: str) -> None:
    connection = Connection(step_id.split(".")[0])
    step = CONTENT.flows[connection].step(step_id)
    notes = {step_id: "Afgesproken in het overleg:\n" + "\n".join(f"Afspraak {n}." for n in range(1, 6))}
    data = SummaryInput(dossier(connection), CONTENT, ticked_half(connection), notes, TODAY)
    [page] = handout_pages(tmp_path, data, step_id)
    text = read([page])
    assert flat(step.title) in text and "Afspraak 5." in text
    first_block = step.blocks[0].text or step.blocks[0].intro or step.blocks[0].items[0]
    assert flat(first_block)[:60] in text  # the step's body, not only its checklist
    actor = "zorgaanbieder" if step.actor == Role.CARE_PROVIDER else "ICT-leverancier"
    assert f"Aan zet: de {actor}" in text and "U bent aan zet" not in text


@pytest.mark.parametrize("connection", list(Connection))
def test_letter_paper_gets_letter_pages_laid_out_for_them(
    qtbot: QtBot, tmp_path: Path, connection: Connection
) -> None:
    data = SummaryInput(dossier(connection), CONTENT, ticked_half(connection), {}, TODAY)
    out = tmp_path / "letter.pdf"
    handout = Handout.of(data)
    write_pdf(
        handout.html, handout.footer, out, handout.images, page_size=QPageSize(QPageSize.PageSizeId.Letter)
    )
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792 pts (letter)" in info
    pages = pdf_pages(out)
    assert_no_page_ends_with_a_heading(pages, connection)
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in page


def test_the_preview_switches_the_explanation_on_and_off(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QToolBar

    store.remember_last_dossier(filled_dossier(store, Connection.DIRECT).id)
    window = open_window(qtbot, data_dir)
    menu_choice = child(window, QAction, "actionSummaryExplanation")
    assert not menu_choice.isChecked()

    def switch_on(qtbot: QtBot, dialog: QDialog) -> tuple[int, int, bool]:
        pages = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: pages.pageCount() > 0, timeout=10_000)
        short = pages.pageCount()
        switch = dialog.findChild(QAction, "previewWithExplanation")
        assert switch in dialog.findChild(QToolBar).actions()
        assert switch.text() == "Met toelichting" and not switch.isChecked()
        switch.trigger()  # as a click would; on the tests' 800-pixel screen it sits under '»'
        longer = pages.pageCount()  # laid out again at once (the steps now follow on: maybe no more pages)
        dialog.reject()
        return short, longer, menu_choice.isChecked()

    seen = answer_dialogs(qtbot, switch_on)
    child(window, QAction, "actionPrintPreview").trigger()
    [(short, longer, checked)] = [dialog.result for dialog in seen]
    assert short <= longer and checked  # the menu keeps the choice for printing and PDF
    out = data_dir / "met-toelichting.pdf"
    window.printer.handout(window.open_dossier_record()).write_pdf(out)
    assert len(pdf_pages(out)) == longer
    assert flat(CONTENT.flows[Connection.DIRECT].steps[0].blocks[0].text[:60]) in read(pdf_pages(out))


def test_this_step_prints_on_one_page_from_its_button(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    from tests.modal_dialogs import rendered_preview

    store.remember_last_dossier(filled_dossier(store, Connection.CLUSTER).id)
    window = open_window(qtbot, data_dir)
    child(window, QWidget, "assessmentWizard").go_to("cluster.1")
    button = child(window, QPushButton, "printStep.cluster.1")
    scroll_to(button)
    seen = answer_dialogs(qtbot, rendered_preview)
    click(qtbot, button)
    assert [dialog.result for dialog in seen] == [1]


@pytest.mark.e2e
def test_the_command_line_prints_the_explanation_when_asked(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    from tests.app_process import run_app

    filled_dossier(store, Connection.DIRECT)
    step = CONTENT.flows[Connection.DIRECT].steps[0]
    explanation = flat(step.blocks[0].text or step.blocks[0].intro)[:60]
    texts = []
    for extra in ((), ("--with-explanation",)):
        out = tmp_path / f"samenvatting{len(extra)}.pdf"
        result = run_app(
            "--data-dir",
            str(data_dir),
            "--export-pdf",
            str(out),
            "--dossier",
            "Praktijk <b>De Linde</b>",
            *extra,
        )
        assert result.returncode == 0, result.stderr
        texts.append(read(pdf_pages(out)))
    short, explained = texts
    assert explanation not in short and explanation in explained
    assert "Stap 1 van 7" in short and "Wie doet wat" in short


@pytest.mark.parametrize("note_lines", [0, 12])
@pytest.mark.parametrize("connection", list(Connection))
def test_with_the_explanation_steps_follow_on_without_leaving_pages_half_empty(
    qtbot: QtBot, tmp_path: Path, connection: Connection, note_lines: int
) -> None:
    """A step breaks after its start rather than leaving a third of a page or more blank; the flow's
    introduction shares its page with step 1."""
    flow = CONTENT.flows[connection]
    notes = {flow.steps[0].id: "\n".join(f"Afspraak {n}" for n in range(note_lines))}
    data = SummaryInput(dossier(connection), CONTENT, ticked_half(connection), notes, TODAY)
    pages = handout_pages(tmp_path, data, with_explanation=True)
    intro = next(number for number, page in enumerate(pages) if flat(flow.intro_heading) in flat(page))
    assert flat(f"Stap 1 van {len(flow.steps)}") in flat(pages[intro])
    full = max(len(body_lines(page)) for page in pages)
    steps = [page for page in pages[intro:] if "Bronnen" not in page]
    for number, page in enumerate(steps[:-1], start=intro + 1):
        assert len(body_lines(page)) >= full * 0.6, f"page {number}: {len(body_lines(page))} of {full} lines"
    assert_no_page_ends_with_a_heading(pages, connection)
