"""The step summary: one document on paper, in the preview and as PDF, from the GUI or the command line."""

import os
import re
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gui.printing import write_pdf
from model.content import Connection, Role, bundled_content
from model.dossier import CareProvider
from model.store import Store
from model.summary import SummaryInput, footer_text, load_summary_input, summary_html
from tests.app_process import run_app
from tests.gui_helpers import child, click, open_window, scroll_to

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
    assert "Activatie in productie 31 december 2026" in text
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
        f"Het PDF-bestand {out} kan niet worden geschreven: No such file or directory."
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
    assert f"<tr><td><b>Organisatie</b></td><td>{name}</td></tr>" in html
    assert (
        "<p>Let op &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; en &lt;b&gt;vet&lt;/b&gt; &amp; meer"
        "<br>Tweede regel</p>"
    ) in html
    assert "<td>Zorg &lt;i&gt;Oost&lt;/i&gt;</td>" in html
    assert "<td>J. &lt;u&gt;Jansen&lt;/u&gt;, &lt;em&gt;directeur&lt;/em&gt;</td>" in html
    assert "Praktijk &lt;b&gt;De Linde&lt;/b&gt; → Praktijk &lt;b&gt;De Linde&lt;/b&gt; &amp; Co" in html
    for raw in ("<b>De Linde", "<script>", "<i>Oost", "<u>Jansen", "<em>directeur", "& Co", "& meer"):
        assert raw not in html


def test_export_pdf_action_saves_under_the_suggested_name(
    qtbot: QtBot, data_dir: Path, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier = filled_dossier(store, Connection.DIRECT, name="Praktijk: Noord/Zuid")
    store.remember_last_dossier(dossier.id)
    suggested: list[str] = []
    target = tmp_path / "gekozen"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _p, _t, name, _f: suggested.append(name) or (str(target), "")
    )
    window = open_window(qtbot, data_dir)
    window.findChild(type(window.dossier_actions[0]), "actionExportPdf").trigger()
    assert Path(suggested[0]).name.startswith("DigiD-assessment Praktijk- Noord-Zuid ")
    assert Path(suggested[0]).name.endswith(".pdf")
    saved = tmp_path / "gekozen.pdf"
    assert "Praktijk: Noord/Zuid" in flat(" ".join(pdf_pages(saved)))
    assert window.statusBar().currentMessage() == f"PDF opgeslagen: {saved}"


def test_print_this_step_previews_that_step(
    qtbot: QtBot, data_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    dossier = filled_dossier(store, Connection.DIRECT)
    store.remember_last_dossier(dossier.id)
    previews: list[tuple[str, str | None]] = []
    window = open_window(qtbot, data_dir)
    monkeypatch.setattr(
        window.printer, "preview", lambda shown, step_id=None: previews.append((shown.name, step_id))
    )
    child(window, QWidget, "assessmentWizard").go_to("direct.4")
    button = child(window, QPushButton, "printStep.direct.4")
    scroll_to(button)
    click(qtbot, button)
    assert previews == [("Praktijk <b>De Linde</b>", "direct.4")]


def test_print_actions_need_an_open_dossier(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    names = ("actionPrint", "actionPrintPreview", "actionExportPdf")
    assert {"actionPrintPreview", "actionPrint", "actionExportPdf"} <= {
        action.objectName() for action in window.dossier_actions
    }
    assert not any(action.isEnabled() for action in window.dossier_actions)
    assert all(window.findChild(type(window.dossier_actions[0]), name) for name in names)
