"""Rules said once in model/ and shown the same everywhere: a dossier's deadline dates with the
register's T0, the next deadline in brief, the register's checklist, and the progress sentence."""

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from gui.day_clock import DayClock
from gui.dossier_editor import DossierEditor
from gui.start_page import StartPage
from gui.step_page import StepPage
from model.content import Connection, Role, bundled_content
from model.deadline_text import dossier_urgency
from model.dossier import CareProvider
from model.progress import Progress
from model.register import MET, NOT_APPLICABLE, NOT_MET, checklist
from model.store import Store
from model.summary import load_summary_input, summary_html
from model.timeline import DossierDates, State

TODAY = date(2026, 11, 28)
WORDING = bundled_content().general.timeline


def live(name: str, production: date, signed: date | None = date(2026, 9, 1)) -> CareProvider:
    return CareProvider(
        id=0, name=name, kvk="12345678", contract_signed=signed, akkoord_signed=signed, production=production
    )


def test_a_dossiers_urgency_says_its_next_deadline_in_brief() -> None:
    dates = DossierDates(date(2026, 12, 31))  # the report is due 28 February 2027
    far, soon, due, late = (
        dossier_urgency("Praktijk", Connection.DIRECT, dates, day, WORDING)
        for day in (date(2027, 1, 5), date(2027, 2, 25), date(2027, 2, 28), date(2027, 3, 1))
    )
    assert (far.text, far.state) == ("Rapport: nog 54 dagen (uiterlijk 28 februari 2027)", State.FUTURE)
    assert (soon.text, soon.state) == ("⚠ Rapport: nog 3 dagen (uiterlijk 28 februari 2027)", State.DUE_SOON)
    assert (due.text, due.state) == ("⚠ Rapport: vandaag de uiterste datum", State.TODAY)
    assert (late.text, late.state) == ("⚠ Rapport te laat (1 dag)", State.OVERDUE)
    unknown = dossier_urgency("Praktijk", Connection.DIRECT, DossierDates(None), TODAY, WORDING)
    assert (unknown.text, unknown.state) == ("Geen termijn: activatiedatum onbekend", None)
    cluster = dossier_urgency("Leverancier", Connection.CLUSTER, DossierDates(None), TODAY, WORDING)
    assert cluster.text == "Geen termijn: nog geen twee zorgaanbieders in productie"


def test_the_checklist_says_each_condition_and_names_the_unsigned() -> None:
    assert [each.verdict for each in checklist([], TODAY)] == [NOT_MET, NOT_APPLICABLE]
    providers = [live("Fysio Noord", date(2026, 10, 1)), live("Tandarts <Zuid>", date(2026, 10, 8), None)]
    enough, signed = checklist(providers, TODAY)
    assert (enough.verdict, enough.text) == (MET, "Minstens twee zorgaanbieders in productie (nu 2).")
    assert signed.verdict == NOT_MET and signed.text.endswith("(nog niet: Tandarts <Zuid>).")


def test_progress_is_said_one_way() -> None:
    assert Progress(3, 20).counted() == "3 van 20 actiepunten"
    assert Progress(3, 20).ticked() == "3 van 20 actiepunten afgevinkt"
    assert Progress(3, 20).sentence() == "3 van 20 actiepunten afgevinkt."
    assert Progress(20, 20).sentence() == "20 van 20 actiepunten afgevinkt. Alle actiepunten zijn afgevinkt."


def test_a_step_page_says_its_progress_the_same_way(qtbot: QtBot, data_dir: Path) -> None:
    store = Store(data_dir)
    content = bundled_content()
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    step = content.flows[Connection.DIRECT].steps[0]
    page = StepPage(step, DossierEditor(store, content, dossier, lambda: TODAY))
    qtbot.addWidget(page)
    page.rows[0].checkbox.click()
    assert page.status.text() == Progress(1, len(step.action_items)).ticked()
    assert store.ticked_items(dossier.id).keys() == {step.action_items[0].id}
    store.close()


def test_the_start_page_and_the_summary_count_from_the_registers_t0(qtbot: QtBot, data_dir: Path) -> None:
    """The recorded activation date gives way once the register knows when the second provider went live."""
    store = Store(data_dir)
    dossier = store.create_dossier("Leverancier", Connection.CLUSTER, Role.SUPPLIER, date(2026, 9, 1))
    for provider in (
        live("Fysio Noord", date(2026, 10, 1)),
        live("Tandarts <Zuid>", date(2026, 10, 8), None),
    ):
        store.save_care_provider(dossier.id, provider)
    content = bundled_content()
    page = StartPage(store, content, DayClock(lambda: TODAY))
    qtbot.addWidget(page)
    assert page.findChild(QTableWidget, "dossierList").item(0, 4).text() == (
        "⚠ Rapport: nog 10 dagen (uiterlijk 8 december 2026)"
    )
    html = summary_html(load_summary_input(store, content, dossier, TODAY))
    assert "uiterlijk 8 december 2026" in html and "1 november 2026" not in html
    assert "<td class='box'>☐&nbsp;</td><td>Elke zorgaanbieder in productie" in html
    assert "(nog niet: Tandarts &lt;Zuid&gt;)." in html and "Tandarts <Zuid>" not in html
    store.close()
