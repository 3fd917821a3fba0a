"""Yearly rounds on screen: "Nieuwe jaarronde starten" with its real confirmation, the round
selector, the report item per round moving the countdown, printing an older round, a restart."""

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.day_clock import DayClock
from model.content import Connection, Role, bundled_content
from model.dossier import DateField
from model.rounds import FIRST_ROUND, RoundStart, round_start
from model.store import Store
from tests.app_process import run_app
from tests.gui_helpers import child, click, click_step, open_window, settle, tick
from tests.modal_dialogs import answer_dialogs, press, type_file_name
from tests.test_summary import flat, pdf_pages

TODAY = date(2025, 2, 20)


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir, clock=lambda: datetime(2024, 2, 20, 10))
    yield store
    store.close()


def first_year_done(store: Store, activation: date | None = date(2024, 1, 1)) -> int:
    """A direct connection whose first assessment is done: report sent, a note, the pre-assessment."""
    dossier = store.create_dossier("Praktijk Zuid", Connection.DIRECT, Role.CARE_PROVIDER, activation)
    store.set_date(dossier.id, DateField.REPORT_SENT, date(2024, 2, 20))
    store.set_date(dossier.id, DateField.FINDINGS_FIXED, date(2024, 4, 2))
    for item in ("direct.7.1", "direct.1.4", "direct.1.1"):
        store.set_item_ticked(dossier.id, item, True)
    store.set_note(dossier.id, "direct.7", "Eerste rapport per e-mail")
    store.remember_last_dossier(dossier.id)
    store.set_position(dossier.id, "direct.7")
    return dossier.id


def opened(qtbot: QtBot, data_dir: Path) -> QWidget:
    return open_window(qtbot, data_dir, DayClock(lambda: TODAY))


def start_round(qtbot: QtBot, window: QWidget, answer: str) -> list:
    seen = answer_dialogs(qtbot, press(answer))
    child(window, QAction, "actionStartRound").trigger()
    qtbot.waitUntil(lambda: len(seen) == 1)
    settle()
    return seen


def test_a_second_round_starts_empty_and_the_first_stays_readable_editable_and_printable(
    qtbot: QtBot, data_dir: Path, store: Store, home: Path
) -> None:
    dossier_id = first_year_done(store)
    window = opened(qtbot, data_dir)
    selector = child(window, QComboBox, "roundSelector")
    assert not selector.isVisible()  # one round: nothing to choose
    assert "1 mei 2025" in child(window, QLabel, "countdown").text()

    seen = start_round(qtbot, window, "Jaarronde 2025 starten")
    text = " ".join(seen[0].text.split())
    assert seen[0].title == "Nieuwe jaarronde starten"
    assert text.startswith(
        "Jaarronde 2025 starten? Dit is de ronde voor het jaarlijkse auditrapport over 2024"
    )
    assert "De vinkjes, notities en datums van het eerste assessment blijven bewaard" in text
    assert "Wat blijft: de organisatie, de aansluiting, de datums op de pagina Termijnen en" in text
    assert "Let op" not in text  # the first report is recorded

    assert selector.isVisible() and selector.currentText() == "Jaarronde 2025 (rapport over 2024)"
    assert [selector.itemText(i) for i in range(selector.count())] == [
        "Jaarronde 2025 (rapport over 2024)",
        "Eerste assessment",
    ]
    assert not child(window, QCheckBox, "direct.7.1").isChecked()  # yearly: starts unticked
    assert child(window, QPlainTextEdit, "notes.direct.7").toPlainText() == ""
    click_step(qtbot, window, 1)
    assert not child(window, QCheckBox, "direct.1.1").isChecked()
    assert child(window, QCheckBox, "direct.1.4").isChecked()  # the pre-assessment is done once
    click_step(qtbot, window, 7)
    assert not child(window, QLabel, "roundHint").isVisible()

    tick(qtbot, window, "direct.7.1")  # the yearly report went out today
    assert child(window, QDateEdit, "direct.7.1.date").date().toPython() == TODAY
    assert "jaarrapport 2025 (20 april 2025)" in child(window, QLabel, "countdown").text()  # its repair
    assert store.annual_reports(dossier_id) == {2025: TODAY}
    assert store.dossier(dossier_id).report_sent == date(2024, 2, 20)  # the first report's date stays
    child(window, QPlainTextEdit, "notes.direct.7").setPlainText("Jaarrapport 2025")

    selector.setFocus()
    qtbot.keyClick(selector, Qt.Key.Key_Down)  # the keyboard way to the older round
    settle()
    assert selector.currentText() == "Eerste assessment"
    assert child(window, QLabel, "roundHint").isVisible()
    assert child(window, QCheckBox, "direct.7.1").isChecked()
    assert child(window, QDateEdit, "direct.7.1.date").date().toPython() == date(2024, 2, 20)
    assert child(window, QPlainTextEdit, "notes.direct.7").toPlainText() == "Eerste rapport per e-mail"
    assert store.notes(dossier_id, 2025) == {"direct.7": "Jaarrapport 2025"}  # saved before the switch
    assert "(20 april 2025)" in child(window, QLabel, "countdown").text()  # the deadlines are the dossier's

    click_step(qtbot, window, 1)  # a page shows the round chosen while it was out of sight
    assert child(window, QCheckBox, "direct.1.1").isChecked()
    tick(qtbot, window, "direct.1.2")  # an older round stays editable: a late addition lands there
    assert set(store.ticked_items(dossier_id, FIRST_ROUND)) == {
        "direct.7.1",
        "direct.1.4",
        "direct.1.1",
        "direct.1.2",
    }
    assert "direct.1.2" not in store.ticked_items(dossier_id, 2025)

    answer_dialogs(qtbot, type_file_name("eerste.pdf"))
    child(window, QAction, "actionExportPdf").trigger()
    qtbot.waitUntil(lambda: (home / "eerste.pdf").exists(), timeout=15_000)
    printed = flat(" ".join(pdf_pages(home / "eerste.pdf")))
    assert "Ronde Eerste assessment" in printed and "Eerste rapport per e-mail" in printed
    assert "Jaarrapport 2025" not in printed

    window.close()
    reopened = opened(qtbot, data_dir)  # a restart shows the newest round again
    selector = child(reopened, QComboBox, "roundSelector")
    assert selector.currentText() == "Jaarronde 2025 (rapport over 2024)"
    click_step(qtbot, reopened, 7)
    assert child(reopened, QCheckBox, "direct.7.1").isChecked()
    assert child(reopened, QDateEdit, "direct.7.1.date").date().toPython() == TODAY
    assert "jaarrapport 2025 (20 april 2025)" in child(reopened, QLabel, "countdown").text()
    assert child(reopened, QPlainTextEdit, "notes.direct.7").toPlainText() == "Jaarrapport 2025"


def test_cancelling_the_confirmation_starts_nothing(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    dossier_id = first_year_done(store)
    window = opened(qtbot, data_dir)
    start_round(qtbot, window, "Annuleren")
    assert store.rounds(dossier_id) == [FIRST_ROUND]
    assert child(window, QCheckBox, "direct.7.1").isChecked()
    assert not child(window, QComboBox, "roundSelector").isVisible()


def test_the_start_page_says_which_round_the_progress_counts(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    dossier_id = first_year_done(store)
    store.start_round(dossier_id, 2025, RoundStart({}, {}))
    window = opened(qtbot, data_dir)
    click(qtbot, child(window, QPushButton, "allDossiers"))
    table = child(window, QTableWidget, "dossierList")
    assert table.item(0, 3).text() == "0 van 20 actiepunten (jaarronde 2025)"


def test_the_confirmation_warns_while_the_rounds_report_is_not_recorded(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    dossier_id = first_year_done(store)
    store.set_date(dossier_id, DateField.REPORT_SENT, None)
    store.set_item_ticked(dossier_id, "direct.7.1", False)
    window = opened(qtbot, data_dir)
    seen = start_round(qtbot, window, "Annuleren")
    text = " ".join(seen[0].text.split())
    assert "Let op: bij het eerste assessment is niet vastgelegd dat het auditrapport bij Logius is" in text
    assert store.rounds(dossier_id) == [FIRST_ROUND]


def test_without_an_activation_date_the_app_says_what_it_needs(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    dossier_id = first_year_done(store, activation=None)
    window = opened(qtbot, data_dir)
    seen = start_round(qtbot, window, "OK")
    assert "datum van activatie in productie" in seen[0].text
    assert store.rounds(dossier_id) == [FIRST_ROUND]


def test_the_termijnen_page_starts_a_round_and_its_report_date_ticks_that_round(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    dossier_id = first_year_done(store)
    store.set_position(dossier_id, "deadlines")
    window = opened(qtbot, data_dir)
    seen = answer_dialogs(qtbot, press("Jaarronde 2025 starten"))
    click(qtbot, child(window, QPushButton, "startRound"))
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert store.rounds(dossier_id) == [FIRST_ROUND, 2025]

    child(window, QCheckBox, "annualReport.2025Unknown").setChecked(False)
    child(window, QDateEdit, "annualReport.2025").setDate(QDate(2025, 2, 3))
    assert store.annual_reports(dossier_id) == {2025: date(2025, 2, 3)}
    assert "direct.7.1" in store.ticked_items(dossier_id, 2025)
    assert "jaarrapport 2025 (3 april 2025)" in child(window, QLabel, "countdown").text()  # its repair
    child(window, QCheckBox, "annualReport.2025Unknown").setChecked(True)  # forgetting the date unticks
    assert "direct.7.1" not in store.ticked_items(dossier_id, 2025)
    assert "direct.7.1" in store.ticked_items(dossier_id, FIRST_ROUND)


@pytest.mark.e2e
def test_the_command_line_prints_a_chosen_round(data_dir: Path, store: Store, tmp_path: Path) -> None:
    dossier_id = first_year_done(store)
    store.start_round(dossier_id, 2025, round_start(bundled_content().flows[Connection.DIRECT], {}, {}))
    store.set_note(dossier_id, "direct.7", "Jaarrapport 2025")
    out = tmp_path / "ronde.pdf"
    common = ("--data-dir", str(data_dir), "--export-pdf", str(out), "--dossier", "Praktijk Zuid")
    assert run_app(*common).returncode == 0
    newest = flat(" ".join(pdf_pages(out)))
    assert "Ronde Jaarronde 2025 (rapport over 2024)" in newest and "Jaarrapport 2025" in newest
    assert run_app(*common, "--round", "0").returncode == 0
    first = flat(" ".join(pdf_pages(out)))
    assert "Ronde Eerste assessment" in first and "Eerste rapport per e-mail" in first
    refused = run_app(*common, "--round", "2024")
    assert refused.returncode == 1
    assert refused.stderr.strip() == "Het dossier ‘Praktijk Zuid’ heeft geen ronde 2024 (wel: 0, 2025)."


def shown_labels(window: QWidget, step_id: str) -> str:
    """The step's explanation as read: its labels' text without the glossary's markup."""
    page = child(window, QWidget, f"explanationText.{step_id}")
    return re.sub("<[^>]+>", "", " ".join(label.text() for label in page.findChildren(QLabel)))


def test_a_yearly_round_shows_the_yearly_deadline_on_the_report_step_and_on_paper(
    qtbot: QtBot, data_dir: Path, store: Store, home: Path
) -> None:
    first_year_done(store)
    window = opened(qtbot, data_dir)
    assert "Uiterlijk twee maanden nadat de aansluiting" in shown_labels(window, "direct.7")

    start_round(qtbot, window, "Jaarronde 2025 starten")
    shown = shown_labels(window, "direct.7")
    assert "tussen 1 januari en 1 mei bij Logius zijn ingediend" in shown
    assert "twee maanden nadat" not in shown
    item = child(window, QCheckBox, "direct.7.3")
    assert item.accessibleName() == (
        "Informeer Logius tijdig, ook in het geval dat het rapport niet vóór 1 mei bij Logius kan zijn."
    )
    click_step(qtbot, window, 5)
    assert "zo op tijd zijn afgerond dat het auditrapport tussen 1 januari en 1 mei" in shown_labels(
        window, "direct.5"
    )

    answer_dialogs(qtbot, type_file_name("jaarronde.pdf"))
    child(window, QAction, "actionExportPdf").trigger()
    qtbot.waitUntil(lambda: (home / "jaarronde.pdf").exists(), timeout=15_000)
    printed = flat(" ".join(pdf_pages(home / "jaarronde.pdf")))
    assert "vóór 1 mei bij Logius kan zijn" in printed and "twee maanden nadat" not in printed

    selector = child(window, QComboBox, "roundSelector")
    selector.setFocus()
    qtbot.keyClick(selector, Qt.Key.Key_Down)  # back to the first assessment: it keeps its wording
    settle()
    click_step(qtbot, window, 7)
    assert "Uiterlijk twee maanden nadat de aansluiting" in shown_labels(window, "direct.7")
    window.close()
