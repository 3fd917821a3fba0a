"""The guided walkthrough, end to end through the real widgets."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.links import LinkButton, open_link
from model.content import Connection, Role
from model.dutch import local_date, long_date
from model.store import Store, StoreError
from tests.gui_helpers import (
    child,
    click,
    click_step,
    next_button,
    open_window,
    scroll_to,
    step_list_texts,
    tick,
    visible_step_title,
)


def create_dossier(qtbot: QtBot, window: QWidget, name: str, connection: str, role: str) -> None:
    click(qtbot, child(window, QPushButton, "newDossierButton"))
    name_field = child(window, QLineEdit, "organisationName")
    qtbot.keyClicks(name_field, name)
    assert not next_button(window).isEnabled()  # connection and role still missing
    click(qtbot, child(window, QRadioButton, connection))
    scroll_to(child(window, QRadioButton, role))
    click(qtbot, child(window, QRadioButton, role))
    assert next_button(window).isEnabled()
    click(qtbot, next_button(window))


@pytest.mark.parametrize(
    "connection, role, first_title, item, steps",
    [
        (
            "connectionDirect",
            "roleCareProvider",
            "Kennisnemen van eisen enkelvoudig assessment",
            "direct.1.2",
            7,
        ),
        (
            "connectionCluster",
            "roleSupplier",
            "Check randvoorwaarden meervoudig DigiD-assessment",
            "cluster.1.1",
            10,
        ),
    ],
)
def test_new_dossier_walk_tick_note_and_reopen(
    qtbot: QtBot, data_dir: Path, connection: str, role: str, first_title: str, item: str, steps: int
) -> None:
    window = open_window(qtbot, data_dir)
    create_dossier(qtbot, window, "  Praktijk   De Linde ", connection, role)

    assert visible_step_title(window) == first_title
    assert len(step_list_texts(window)) == steps
    box = tick(qtbot, window, item)
    assert box.isChecked()
    flow = item.split(".")[0]
    notes = child(window, QPlainTextEdit, f"notes.{flow}.1")
    scroll_to(notes)
    notes.setFocus()
    qtbot.keyClicks(notes, "Afspraak met de auditor op 3 december")
    click_step(qtbot, window, 3)
    assert child(window, QWidget, "assessmentWizard").position.text() == f"Stap 3 van {steps}"
    assert visible_step_title(window) != first_title
    window.close()

    reopened = open_window(qtbot, data_dir)
    assert child(reopened, QLabel, "dossierTitle").text() == "Praktijk De Linde"
    assert child(reopened, QWidget, "assessmentWizard").current_key == f"{flow}.3"
    click_step(qtbot, reopened, 1)
    assert child(reopened, QCheckBox, item).isChecked()
    assert child(reopened, QPlainTextEdit, f"notes.{flow}.1").toPlainText() == (
        "Afspraak met de auditor op 3 december"
    )


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir)
    yield store
    store.close()


def open_existing(qtbot: QtBot, data_dir: Path, store: Store, connection: Connection, role: Role) -> QWidget:
    dossier = store.create_dossier("Praktijk Noord", connection, role, date(2026, 11, 2))
    store.remember_last_dossier(dossier.id)
    return open_window(qtbot, data_dir)


def go_to(window: QWidget, key: str) -> None:
    child(window, QWidget, "assessmentWizard").go_to(key)


def actor_badge(window: QWidget) -> str:
    page = child(window, QWidget, "assessmentWizard").stack.currentWidget()
    return page.actor.text()


@pytest.mark.parametrize(
    "role, step_1, step_2",
    [
        (Role.CARE_PROVIDER, "U bent aan zet (zorgaanbieder)", "Uw ICT-leverancier is aan zet"),
        (Role.SUPPLIER, "De zorgaanbieder is aan zet", "U bent aan zet (ICT-leverancier)"),
    ],
)
def test_who_acts_is_worded_for_the_reader(
    qtbot: QtBot, data_dir: Path, store: Store, role: Role, step_1: str, step_2: str
) -> None:
    window = open_existing(qtbot, data_dir, store, Connection.DIRECT, role)
    go_to(window, "direct.1")
    assert actor_badge(window) == step_1
    go_to(window, "direct.2")
    assert actor_badge(window) == step_2
    first_row = step_list_texts(window)[0]
    expected = "U bent aan zet ·" if role == Role.CARE_PROVIDER else "De zorgaanbieder is aan zet ·"
    assert first_row.split(" | ")[1].startswith(expected)


def test_changing_the_role_rewords_pages_already_shown(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    window = open_existing(qtbot, data_dir, store, Connection.DIRECT, Role.CARE_PROVIDER)
    go_to(window, "direct.1")
    go_to(window, "dossier")
    button = child(window, QRadioButton, "roleSupplier")
    scroll_to(button)
    click(qtbot, button)
    go_to(window, "direct.1")
    assert actor_badge(window) == "De zorgaanbieder is aan zet"
    assert store.list_dossiers()[0].role == Role.SUPPLIER


def test_status_follows_the_ticks_in_step_list_and_overview(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    window = open_existing(qtbot, data_dir, store, Connection.DIRECT, Role.CARE_PROVIDER)
    go_to(window, "direct.3")
    assert step_list_texts(window)[2].endswith("Nog niet begonnen")
    tick(qtbot, window, "direct.3.1")
    assert step_list_texts(window)[2].endswith("Bezig")
    tick(qtbot, window, "direct.3.2")
    assert step_list_texts(window)[2].endswith("Afgerond")
    go_to(window, "overview")
    assert child(window, QLabel, "overallProgress").text().startswith("2 van 20 actiepunten afgevinkt")
    tick_box = child(window, QCheckBox, "direct.3.2")
    go_to(window, "direct.3")
    click(qtbot, tick_box)
    assert step_list_texts(window)[2].endswith("Bezig")
    assert set(store.ticked_items(store.list_dossiers()[0].id)) == {"direct.3.1"}


def test_a_tick_shows_when_it_was_made(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    window = open_existing(qtbot, data_dir, store, Connection.DIRECT, Role.CARE_PROVIDER)
    go_to(window, "direct.1")
    row = tick(qtbot, window, "direct.1.1").parent()
    ticked_on = store.ticked_items(store.list_dossiers()[0].id)["direct.1.1"]
    assert row.when.isVisible()
    assert row.when.text() == long_date(local_date(ticked_on))  # beside the item: 28 november 2026
    assert row.when.toolTip() == row.when.accessibleName() == f"Afgevinkt op {row.when.text()}"


def test_clicking_the_item_text_ticks_it_too(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    window = open_existing(qtbot, data_dir, store, Connection.DIRECT, Role.CARE_PROVIDER)
    go_to(window, "direct.5")
    box = child(window, QCheckBox, "direct.5.1")
    text = box.parent().text
    scroll_to(text)
    qtbot.mouseClick(text, Qt.MouseButton.LeftButton, pos=QPoint(10, 5))
    assert box.isChecked()


def test_notes_are_saved_while_typing(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    window = open_existing(qtbot, data_dir, store, Connection.CLUSTER, Role.SUPPLIER)
    go_to(window, "cluster.4")
    notes = child(window, QPlainTextEdit, "notes.cluster.4")
    scroll_to(notes)
    notes.setFocus()
    qtbot.keyClicks(notes, "Contract versturen voor 1 december")
    dossier_id = store.list_dossiers()[0].id
    qtbot.waitUntil(
        lambda: store.notes(dossier_id).get("cluster.4") == "Contract versturen voor 1 december", timeout=1500
    )


def test_a_link_opens_its_exact_address_and_nothing_else(
    qtbot: QtBot, data_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    # Kept a stub: the browser and mail client are other programs; what is handed to them is checked.
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    window = open_existing(qtbot, data_dir, store, Connection.DIRECT, Role.CARE_PROVIDER)
    go_to(window, "direct.7")
    links = child(window, QWidget, "explanationText.direct.7").findChildren(LinkButton)
    assert [each.text() for each in links] == [
        "IT-auditrapportage voor DigiD: indienen en vervolgstappen (Logius)",
        "adres in de factsheet",
        "E-mail aan DigiDassessment@logius.nl",
    ]
    for link in (links[0], links[2]):
        scroll_to(link)
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert opened == [  # a page that moved opens where it lives now
        "https://logius.nl/domeinen/toegang/digid/ict-beveiligingsassessments-digid/it-auditrapportage-voor-digid-indienen-en-vervolgstappen",
        "mailto:DigiDassessment@logius.nl?subject=DigiD-assessment",
    ]


def test_only_https_and_mailto_are_handed_to_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    # Kept a stub: the browser and mail client are other programs; what is handed to them is checked.
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert not open_link("file:///C:/Windows/System32/calc.exe")
    assert not open_link("javascript:alert(1)")
    assert not open_link("http://example.org")
    assert open_link("https://www.norea.nl/")
    assert [url.toString() for url in opened] == ["https://www.norea.nl/"]


def test_notes_typed_just_before_closing_are_kept(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    window = open_existing(qtbot, data_dir, store, Connection.DIRECT, Role.CARE_PROVIDER)
    go_to(window, "direct.2")
    notes = child(window, QPlainTextEdit, "notes.direct.2")
    notes.setFocus()
    qtbot.keyClicks(notes, "Laatste zin")
    window.close()  # well within the typing pause
    assert store.notes(store.list_dossiers()[0].id) == {"direct.2": "Laatste zin"}


def test_a_failed_save_is_told_and_the_tick_stays_on_screen(
    qtbot: QtBot, data_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_existing(qtbot, data_dir, store, Connection.DIRECT, Role.CARE_PROVIDER)
    go_to(window, "direct.1")

    def disk_full(*_arguments: object) -> None:
        raise StoreError("Opslaan is mislukt: database or disk is full")

    monkeypatch.setattr(window.store, "set_item_ticked", disk_full)
    box = tick(qtbot, window, "direct.1.1")
    banner = child(window, QLabel, "saveErrorText")
    assert box.isChecked()
    assert banner.isVisible()
    assert "Opslaan is mislukt" in banner.text() and "niet bewaard" in banner.text()
    monkeypatch.undo()
    tick(qtbot, window, "direct.1.2")  # the next save works: the bar goes away
    assert not banner.isVisible()


def test_qt_speaks_dutch(qtbot: QtBot, data_dir: Path) -> None:
    open_window(qtbot, data_dir)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    assert QLocale().toString(QDate(2027, 2, 28), "d MMMM yyyy") == "28 februari 2027"


def test_step_list_rows_fit_their_wrapped_titles(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    window = open_existing(qtbot, data_dir, store, Connection.CLUSTER, Role.SUPPLIER)
    window.resize(1366, 1400)  # room for the full rows: in less, they are dense (test_step_layout)
    steps = child(window, QListWidget, "stepList")
    qtbot.waitUntil(lambda: not steps.dense)
    qtbot.waitUntil(
        lambda: steps.visualItemRect(steps.item(1)).top() == steps.visualItemRect(steps.item(0)).bottom() + 1
    )
    bold = QFont(steps.font())
    bold.setBold(True)
    for row in range(steps.count()):
        rect = steps.visualItemRect(steps.item(row))
        title = QFontMetrics(bold).boundingRect(
            QRect(0, 0, rect.width() - 60, 10_000), Qt.TextFlag.TextWordWrap, steps.item(row).text()
        )
        assert rect.height() > title.height() + QFontMetrics(steps.font()).height(), steps.item(row).text()
        if row:
            assert rect.top() == steps.visualItemRect(steps.item(row - 1)).bottom() + 1


def test_pages_built_before_a_tick_show_it_when_visited(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    """Pages not on screen catch up when shown (they skip the refresh while hidden): every page
    was visited before the tick, so each already shows the old state."""
    window = open_existing(qtbot, data_dir, store, Connection.CLUSTER, Role.SUPPLIER)
    wizard = child(window, QWidget, "assessmentWizard")
    for key in wizard.keys:
        go_to(window, key)
    progress = child(window, QLabel, "overallProgress")
    remains = child(window, QLabel, "whatRemains")
    before = progress.text(), remains.text()
    go_to(window, "cluster.4")
    tick(qtbot, window, "cluster.4.1")
    assert set(store.ticked_items(store.list_dossiers()[0].id)) == {"cluster.4.1", "cluster.6.1"}

    go_to(window, "overview")
    assert before[0].startswith("0 van 33 ")
    assert progress.text().startswith("2 van 33 actiepunten afgevinkt")
    go_to(window, "deadlines")
    assert wizard.page("deadlines").progress.text() == "Voortgang: 2 van 33 actiepunten afgevinkt."
    go_to(window, "info")
    assert remains.text() != before[1]
    go_to(window, "cluster.6")
    repeated = child(window, QCheckBox, "cluster.6.1")
    assert repeated.isChecked()
    assert repeated.parent().when.isVisible()
    assert repeated.parent().when.accessibleName().startswith("Afgevinkt op ")
