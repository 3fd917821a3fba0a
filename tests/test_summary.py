"""The step summary: one document on paper, in the preview and as PDF, from the GUI or the command line."""

import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gui.printing import write_pdf
from model.content import Connection, Role, bundled_content
from model.dossier import CareProvider
from model.store import Store
from model.summary import SummaryInput, footer_text, load_summary_input, summary_html
from tests.app_process import run_app
from tests.gui_helpers import child, click, open_window, scroll_to
from tests.modal_dialogs import SeenDialog, answer_dialogs, press, rendered_preview, type_file_name

NASTY_NOTE = "Let op <script>alert('x')</script> en <b>vet</b> & meer\nTweede regel"


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def flat(text: str) -> str:
    """White space folded, and words the PDF broke after a hyphen joined again."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir, clock=lambda: datetime(2027, 1, 10, 12))
    yield store
    store.close()


def filled_dossier(store: Store, connection: Connection, name: str = "Praktijk <b>De Linde</b>"):
    dossier = store.create_dossier(name, connection, Role.CARE_PROVIDER, date(2026, 12, 31))
    flow = bundled_content().flows[connection]
    store.set_item_ticked(dossier.id, flow.steps[0].action_items[0].id, True)
    store.set_note(dossier.id, flow.steps[0].id, NASTY_NOTE)
    return dossier


@pytest.mark.parametrize("connection", list(Connection))
@pytest.mark.e2e
def test_full_summary_pdf_from_the_command_line(
    data_dir: Path, store: Store, tmp_path: Path, connection: Connection
) -> None:
    filled_dossier(store, connection)
    out = tmp_path / "samenvatting.pdf"
    result = run_app(
        "--data-dir", str(data_dir), "--export-pdf", str(out), "--dossier", "praktijk <b>de linde</b>"
    )
    assert result.returncode == 0, result.stderr
    pages = pdf_pages(out)
    text = flat(" ".join(pages))
    flow = bundled_content().flows[connection]
    assert "Organisatie Praktijk <b>De Linde</b>" in text
    for step in flow.steps:
        assert flat(f"Stap {step.number} van {len(flow.steps)}: {step.title}") in text
    first, second = flow.steps[0].action_items[:2]
    assert flat(f"☑ {first.text}") in text and "(afgevinkt op 10 januari 2027)" in text
    assert flat(f"☐ {second.text}") in text
    assert "Let op <script>alert('x')</script> en <b>vet</b> & meer Tweede regel" in text
    assert "uiterlijk 28 februari 2027" in text
    cluster = connection == Connection.CLUSTER
    activation = "Tweede zorgaanbieder in productie" if cluster else "Activatie in productie"
    assert f"{activation} 31 december 2026" in text
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in flat(page)


@pytest.mark.e2e
def test_command_line_refuses_an_unknown_dossier_in_one_line(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    filled_dossier(store, Connection.DIRECT)
    out = tmp_path / "x.pdf"
    result = run_app("--data-dir", str(data_dir), "--export-pdf", str(out), "--dossier", "Onbekend")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Er is geen dossier met de naam ‘Onbekend’ (aanwezig: ‘Praktijk <b>De Linde</b>’)."
    ]
    assert not out.exists()


@pytest.mark.e2e
def test_command_line_unwritable_path_leaves_nothing_behind(
    data_dir: Path, store: Store, tmp_path: Path
) -> None:
    filled_dossier(store, Connection.DIRECT)
    locked = tmp_path / "alleen-lezen"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run_app(
            "--data-dir",
            str(data_dir),
            "--export-pdf",
            str(locked / "x.pdf"),
            "--dossier",
            "Praktijk <b>De Linde</b>",
        )
        leftovers = list(locked.iterdir())
    finally:
        locked.chmod(0o700)
    if os.geteuid() == 0:  # root may write anyway: then the file must be whole
        assert result.returncode == 0 and leftovers == [locked / "x.pdf"]
        return
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "kan niet worden geschreven" in result.stderr and "Traceback" not in result.stderr
    assert leftovers == []


@pytest.mark.e2e
def test_missing_folder_is_a_clear_error(data_dir: Path, store: Store, tmp_path: Path) -> None:
    filled_dossier(store, Connection.DIRECT)
    out = tmp_path / "bestaat-niet" / "x.pdf"
    result = run_app(
        "--data-dir", str(data_dir), "--export-pdf", str(out), "--dossier", "Praktijk <b>De Linde</b>"
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"Het PDF-bestand {out} kan niet worden geschreven: het bestand of de map bestaat niet."
    ]


def test_a_long_dossier_numbers_its_pages(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    dossier = filled_dossier(store, Connection.CLUSTER)
    flow = bundled_content().flows[Connection.CLUSTER]
    notes = {
        step.id: "\n".join(f"Regel {n} van de notitie bij {step.id}" for n in range(40))
        for step in flow.steps
    }
    data = SummaryInput(dossier, bundled_content(), {}, notes, date(2027, 1, 10))
    out = tmp_path / "lang.pdf"
    write_pdf(summary_html(data), footer_text(dossier), out)
    pages = pdf_pages(out)
    assert len(pages) >= 8
    for number, page in enumerate(pages, start=1):
        assert flat(page).endswith(
            f"DigiD Assessment Wegwijzer · Praktijk <b>De Linde</b> · pagina {number} van {len(pages)}"
        )
    assert "Regel 39 van de notitie bij cluster.10" in flat(" ".join(pages))


def test_one_step_summary_holds_only_that_step(store: Store) -> None:
    dossier = filled_dossier(store, Connection.DIRECT)
    data = SummaryInput(
        dossier, bundled_content(), store.ticked_items(dossier.id), store.notes(dossier.id), date(2027, 1, 10)
    )
    html = summary_html(data, "direct.3")
    assert "Stap 3 van 7: Laten uitvoeren penetratietest" in html
    assert "Stap 1 van 7" not in html and "Stap 4 van 7" not in html
    assert "Praktijk &lt;b&gt;De Linde&lt;/b&gt;" in html


def test_user_text_is_escaped_wherever_it_appears(store: Store) -> None:
    dossier = store.create_dossier("Praktijk <b>De Linde</b>", Connection.CLUSTER, Role.SUPPLIER, None)
    store.set_note(dossier.id, "cluster.1", NASTY_NOTE)
    store.rename_dossier(dossier.id, "Praktijk <b>De Linde</b> & Co")
    provider = CareProvider(0, "Zorg <i>Oost</i>", "12345678", "J. <u>Jansen</u>", "<em>directeur</em>")
    store.save_care_provider(dossier.id, provider)
    dossier = store.dossier(dossier.id)
    html = summary_html(load_summary_input(store, bundled_content(), dossier, date(2027, 1, 10), True))
    name = "Praktijk &lt;b&gt;De Linde&lt;/b&gt; &amp; Co"
    assert f"<h1>DigiD-assessment: {name}</h1>" in html
    assert f"<td class='name'><b>Organisatie</b>&nbsp;&nbsp;&nbsp;</td><td>{name}</td></tr>" in html
    assert (
        "<p>Let op &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; en &lt;b&gt;vet&lt;/b&gt; &amp; meer"
        "<br>Tweede regel</p>"
    ) in html
    assert "<td><b>Zorg &lt;i&gt;Oost&lt;/i&gt;</b>" in html
    assert "<td>J. &lt;u&gt;Jansen&lt;/u&gt;, &lt;em&gt;directeur&lt;/em&gt;</td>" in html
    assert "Praktijk &lt;b&gt;De Linde&lt;/b&gt; → Praktijk &lt;b&gt;De Linde&lt;/b&gt; &amp; Co" in html
    for raw in ("<b>De Linde", "<script>", "<i>Oost", "<u>Jansen", "<em>directeur", "& Co", "& meer"):
        assert raw not in html


def test_export_pdf_action_saves_under_the_suggested_name(
    qtbot: QtBot, data_dir: Path, store: Store, home: Path
) -> None:
    dossier = filled_dossier(store, Connection.DIRECT, name="Praktijk: Noord/Zuid")
    store.remember_last_dossier(dossier.id)
    window = open_window(qtbot, data_dir)
    seen = answer_dialogs(qtbot, type_file_name("gekozen"))
    child(window, QAction, "actionExportPdf").trigger()
    assert [dialog.title for dialog in seen] == ["Opslaan als PDF"]
    assert seen[0].result.startswith("DigiD-assessment Praktijk- Noord-Zuid ")
    assert seen[0].result.endswith(".pdf")
    saved = home / "gekozen.pdf"
    assert "Praktijk: Noord/Zuid" in flat(" ".join(pdf_pages(saved)))
    assert window.statusBar().currentMessage() == f"PDF opgeslagen: {saved}"


def pdf_page_count(window: QWidget, tmp_path: Path, step_id: str | None = None) -> int:
    """The pages of the same summary written as PDF, which the preview must match."""
    dossier = window.open_dossier_record()
    out = tmp_path / f"vergelijk-{step_id}.pdf"
    window.printer.handout(dossier, step_id).write_pdf(out)
    return len(pdf_pages(out))


def assert_previewed(seen: list[SeenDialog], pages: int) -> None:
    assert [dialog.title for dialog in seen] == ["Afdrukvoorbeeld"]
    assert seen[0].result == pages > 0
    assert seen[0].screen.contains(seen[0].frame), (seen[0].frame, seen[0].screen)


def test_print_preview_from_the_menu_renders_every_page(
    qtbot: QtBot, data_dir: Path, store: Store, tmp_path: Path
) -> None:
    store.remember_last_dossier(filled_dossier(store, Connection.CLUSTER).id)
    window = open_window(qtbot, data_dir)
    seen = answer_dialogs(qtbot, rendered_preview)
    child(window, QAction, "actionPrintPreview").trigger()
    assert_previewed(seen, pdf_page_count(window, tmp_path))
    seen = answer_dialogs(qtbot, rendered_preview)  # a second time, on a freshly made printer
    child(window, QAction, "actionPrintPreview").trigger()
    assert_previewed(seen, pdf_page_count(window, tmp_path))


def test_print_preview_shortcut(qtbot: QtBot, data_dir: Path, store: Store, tmp_path: Path) -> None:
    store.remember_last_dossier(filled_dossier(store, Connection.DIRECT).id)
    window = open_window(qtbot, data_dir)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen = answer_dialogs(qtbot, rendered_preview)
    qtbot.keyClick(
        window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert_previewed(seen, pdf_page_count(window, tmp_path))


def test_print_this_step_previews_that_step(
    qtbot: QtBot, data_dir: Path, store: Store, tmp_path: Path
) -> None:
    store.remember_last_dossier(filled_dossier(store, Connection.DIRECT).id)
    window = open_window(qtbot, data_dir)
    child(window, QWidget, "assessmentWizard").go_to("direct.4")
    button = child(window, QPushButton, "printStep.direct.4")
    scroll_to(button)
    seen = answer_dialogs(qtbot, rendered_preview)
    click(qtbot, button)
    step_pages = pdf_page_count(window, tmp_path, "direct.4")
    assert_previewed(seen, step_pages)
    assert step_pages < pdf_page_count(window, tmp_path)


@pytest.mark.skipif(
    sys.platform in ("win32", "darwin"),
    reason="there the print dialog is the system's, out of a test's reach",
)
def test_print_to_a_pdf_printer(
    qtbot: QtBot, data_dir: Path, store: Store, tmp_path: Path, home: Path
) -> None:
    """Print through the real print dialog; its file printer stands in for a paper one."""
    store.remember_last_dossier(filled_dossier(store, Connection.DIRECT).id)
    window = open_window(qtbot, data_dir)

    def print_to_file(qtbot: QtBot, dialog: QWidget) -> str:
        printers = dialog.findChild(QComboBox, "printers")
        qtbot.keyClick(printers, Qt.Key.Key_End)  # the file printer is the last; never a real one
        assert printers.currentText() == "Naar bestand afdrukken (PDF)"
        name = dialog.findChild(QLineEdit, "filename")
        folder = name.text()
        qtbot.keyClick(name, Qt.Key.Key_End)
        qtbot.keyClicks(name, "afgedrukt.pdf")  # after the folder it offers, so nothing to complete
        press("Afdrukken")(qtbot, dialog)
        return folder

    seen = answer_dialogs(qtbot, print_to_file)
    child(window, QAction, "actionPrint").trigger()
    assert [(dialog.title, dialog.result) for dialog in seen] == [("Afdrukken", f"{home}/")]
    pages = pdf_pages(home / "afgedrukt.pdf")
    assert "Praktijk <b>De Linde</b>" in flat(" ".join(pages))
    assert len(pages) == pdf_page_count(window, tmp_path)


def test_print_actions_need_an_open_dossier(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    names = ("actionPrint", "actionPrintPreview", "actionExportPdf")
    assert {"actionPrintPreview", "actionPrint", "actionExportPdf"} <= {
        action.objectName() for action in window.dossier_actions
    }
    assert not any(action.isEnabled() for action in window.dossier_actions)
    assert all(window.findChild(QAction, name) for name in names)


def read_and_close_preview(qtbot: QtBot, dialog: QDialog) -> tuple[bool, bool, bool]:
    """As a reader: is the page as wide as the window, does PageDown read on, does 'Sluiten' close?"""
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QGraphicsView

    pages = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: pages.pageCount() > 1, timeout=10_000)
    at_page_width = pages.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    view = pages.findChild(QGraphicsView)
    top = view.verticalScrollBar().value()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    read_on = view.verticalScrollBar().value() > top
    close = next(each for each in dialog.findChildren(QAction) if each.text() == "Sluiten")
    close.trigger()
    return at_page_width, read_on, not dialog.isVisible()


def test_the_preview_opens_readable_turns_pages_and_says_how_to_close(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    store.remember_last_dossier(filled_dossier(store, Connection.CLUSTER).id)
    window = open_window(qtbot, data_dir)
    seen = answer_dialogs(qtbot, read_and_close_preview)
    child(window, QAction, "actionPrintPreview").trigger()
    assert [dialog.result for dialog in seen] == [(True, True, True)]
