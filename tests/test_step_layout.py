"""A step page says what to do first: who acts and the action items on the first screen, the
factsheet's explanation folded under "Toelichting", links that show a label, not an address, and
a step list that folds to numbers when the zoom leaves it too little room."""

from datetime import date
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QDate, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QCheckBox,
    QDateEdit,
    QFrame,
    QLabel,
    QListWidget,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.links import LinkButton, LinkLine
from gui.rich_text import plain_tooltip
from gui.zoom import ZOOM_LEVELS
from model.content import Connection, Role, bundled_content
from model.store import Store
from tests.gui_helpers import child, open_window, scroll_to, settle

CONTENT = bundled_content()
READERS = [
    (Connection.DIRECT, Role.CARE_PROVIDER),
    (Connection.CLUSTER, Role.CARE_PROVIDER),  # a supplier's step carries an extra hint for this reader
    (Connection.CLUSTER, Role.SUPPLIER),
]


def open_dossier(
    qtbot: QtBot, data_dir: Path, connection: Connection, role: Role, zoom: float = 1.0
) -> QWidget:
    store = Store(data_dir)
    dossier = store.create_dossier("Huisartsenpraktijk De Linde", connection, role, None)
    store.remember_last_dossier(dossier.id)
    store.set_setting("zoom", str(zoom))
    store.close()
    return open_window(qtbot, data_dir)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Keys and the mouse reach a window only once it is the active one."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def wizard(window: QWidget) -> QWidget:
    return child(window, QWidget, "assessmentWizard")


def go_to(window: QWidget, key: str) -> QWidget:
    wizard(window).go_to(key)
    settle()
    return wizard(window).stack.currentWidget()


def shown_in(page: QWidget, widget: QWidget) -> bool:
    """Whether the whole widget lies in the part of the page's scroll area one can see."""
    corner = widget.mapTo(page.viewport(), QPoint(0, 0))
    return widget.isVisible() and page.viewport().rect().contains(QRect(corner, widget.size()))


def assert_what_to_do_is_on_the_first_screen(window: QWidget, connection: Connection) -> None:
    for step in CONTENT.flows[connection].steps:
        page = go_to(window, step.id)
        assert page.verticalScrollBar().value() == 0
        title = next(each for each in page.findChildren(QLabel) if each.property("kind") == "title")
        assert shown_in(page, title), step.id
        assert shown_in(page, page.actor), step.id
        for item in step.action_items:
            assert shown_in(page, child(page, QCheckBox, item.id)), (item.id, page.viewport().size())


@pytest.mark.parametrize("connection, role", READERS)
def test_in_presentation_mode_every_step_shows_who_acts_and_its_items_without_scrolling(
    qtbot: QtBot, data_dir: Path, connection: Connection, role: Role
) -> None:
    window = open_dossier(qtbot, data_dir, connection, role)
    go_to(window, CONTENT.flows[connection].steps[0].id)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.presenting
    window.resize(1366, 768)  # the offscreen screen is smaller than the laptop's
    qtbot.waitUntil(lambda: window.size().width() == 1366)
    assert_what_to_do_is_on_the_first_screen(window, connection)


@pytest.mark.parametrize("connection, role", READERS)
def test_on_a_laptop_every_step_shows_who_acts_and_its_items_without_scrolling(
    qtbot: QtBot, data_dir: Path, connection: Connection, role: Role
) -> None:
    window = open_dossier(qtbot, data_dir, connection, role)
    window.resize(1366, 728)  # a 1366x768 screen minus its task bar
    qtbot.waitUntil(lambda: window.size().height() == 728)
    assert_what_to_do_is_on_the_first_screen(window, connection)


def test_the_explanation_is_open_on_the_first_visit_then_folded_unless_left_open(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_dossier(qtbot, data_dir, Connection.DIRECT, Role.CARE_PROVIDER)
    page = go_to(window, "direct.1")
    toggle = child(page, QPushButton, "explanation.direct.1")
    explanation = child(page, QWidget, "explanationText.direct.1")
    assert toggle.isChecked() and explanation.isVisible()
    warning = next(each for each in explanation.findChildren(QFrame) if each.property("kind") == "warning")
    assert warning.isVisible()
    go_to(window, "direct.2")
    go_to(window, "direct.1")
    assert not explanation.isVisible()  # a later visit: what to do, not the text read before
    assert "Toelichting" in toggle.text() and "⚠ let op" in toggle.text()  # the folded warning is counted
    assert toggle.property("warns") is True
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert explanation.isVisible()
    page_3 = go_to(window, "direct.3")
    assert child(page_3, QWidget, "explanationText.direct.3").isVisible()  # its own first visit
    assert child(page_3, QPushButton, "explanation.direct.3").text() == "▾ Toelichting"
    window.close()

    again = open_window(qtbot, data_dir)
    assert child(go_to(again, "direct.1"), QWidget, "explanationText.direct.1").isVisible()  # left open
    assert not child(go_to(again, "direct.2"), QWidget, "explanationText.direct.2").isVisible()
    assert child(go_to(again, "direct.4"), QWidget, "explanationText.direct.4").isVisible()  # first visit


def test_a_direct_step_counts_two_warnings_in_its_header(qtbot: QtBot, data_dir: Path) -> None:
    window = open_dossier(qtbot, data_dir, Connection.DIRECT, Role.CARE_PROVIDER)
    toggle = child(go_to(window, "direct.6"), QPushButton, "explanation.direct.6")
    assert toggle.text() == "▾ Toelichting · ⚠ 2 × let op"


def link_buttons(page: QWidget) -> list[LinkButton]:
    return page.findChildren(LinkButton)


@pytest.mark.parametrize("connection", [Connection.DIRECT, Connection.CLUSTER])
def test_no_step_shows_an_address_as_text(qtbot: QtBot, data_dir: Path, connection: Connection) -> None:
    window = open_dossier(qtbot, data_dir, connection, Role.CARE_PROVIDER)
    shown = 0
    for step in CONTENT.flows[connection].steps:
        for each in link_buttons(go_to(window, step.id)):
            text = each.text()
            assert "https://" not in text and "mailto:" not in text and "www." not in text, text
            shown += 1
    assert shown >= len([link for step in CONTENT.flows[connection].steps for link in step.links])


def test_a_hovered_link_shows_its_address_in_tooltip_and_status_bar(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    # Kept a stub: the browser is another program; what is handed to it is checked.
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    window = open_dossier(qtbot, data_dir, Connection.DIRECT, Role.CARE_PROVIDER)
    page = go_to(window, "direct.1")
    norea = next(each for each in link_buttons(page) if each.text() == "Handreikingen (NOREA)")
    activate(qtbot, window)
    page.ensureWidgetVisible(norea)
    qtbot.waitUntil(lambda: shown_in(page, norea))
    qtbot.mouseMove(window.statusBar())
    qtbot.mouseMove(norea, norea.rect().center())
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "https://www.norea.nl/handreikingen")
    assert norea.toolTip() == "https://www.norea.nl/handreikingen"
    assert norea.accessibleDescription() == "https://www.norea.nl/handreikingen"
    qtbot.mouseMove(window.statusBar())  # off the link
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "")
    qtbot.mouseClick(norea, Qt.MouseButton.LeftButton)
    assert opened == ["https://www.norea.nl/handreikingen"]


def test_a_mail_link_shows_the_mail_address_not_the_mailto(qtbot: QtBot, data_dir: Path) -> None:
    window = open_dossier(qtbot, data_dir, Connection.DIRECT, Role.CARE_PROVIDER)
    mail = next(each for each in link_buttons(go_to(window, "direct.7")) if each.url.startswith("mailto:"))
    assert mail.toolTip() == mail.statusTip() == mail.accessibleDescription() == "DigiDassessment@logius.nl"


def test_a_current_note_is_one_line_until_more_is_asked(qtbot: QtBot, data_dir: Path) -> None:
    window = open_dossier(qtbot, data_dir, Connection.DIRECT, Role.CARE_PROVIDER)
    page = go_to(window, "direct.7")
    notes = CONTENT.notes_for("direct.7")
    assert len(notes) > 1
    for note in notes:
        box = child(page, QFrame, f"current.{note.id}")
        details = child(box, QWidget, f"currentText.{note.id}")
        assert not details.isVisible()  # folded: the title only
        assert box.height() < 3 * box.fontMetrics().height() + 20
    first, second = notes[0], notes[1]
    more = child(page, QPushButton, f"currentMore.{first.id}")
    page.ensureWidgetVisible(more)
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    details = child(page, QWidget, f"currentText.{first.id}")
    assert details.isVisible() and "minder" in more.text()
    text = " ".join(each.text() for kind in (QLabel, QPushButton) for each in details.findChildren(kind))
    assert first.text in text and "gelezen in november 2026" in text and "https://" not in text
    assert [each.url for each in details.findChildren(LinkButton)] == [each.url for each in first.sources]
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert not details.isVisible()

    by_keyboard = child(page, QPushButton, f"currentMore.{second.id}")
    by_keyboard.setFocus()
    qtbot.keyClick(by_keyboard, Qt.Key.Key_Return)
    assert child(page, QWidget, f"currentText.{second.id}").isVisible()
    qtbot.keyClick(by_keyboard, Qt.Key.Key_Space)
    assert not child(page, QWidget, f"currentText.{second.id}").isVisible()


@pytest.mark.parametrize("zoom", [1.5, 2.0])
def test_at_a_large_zoom_the_step_list_folds_to_numbers_and_the_page_keeps_its_room(
    qtbot: QtBot, data_dir: Path, zoom: float
) -> None:
    window = open_dossier(qtbot, data_dir, Connection.CLUSTER, Role.SUPPLIER, zoom)  # 10 steps, 5 side pages
    page = go_to(window, "cluster.6")
    assert page.width() >= window.width() * 2 / 3
    steps = child(window, QListWidget, "stepList")
    assert steps.compact
    for row in range(steps.count()):
        assert steps.viewport().rect().contains(steps.visualItemRect(steps.item(row))), row + 1
    first, second = (steps.visualItemRect(steps.item(row)) for row in (0, 1))
    assert second.left() >= first.right() and second.top() == first.top()  # two to a row
    step = CONTENT.flows[Connection.CLUSTER].steps[5]
    assert steps.item(5).toolTip() == plain_tooltip(f"Stap 6: {step.title}")
    for key in ("dossier", "deadlines", "register", "overview", "info"):
        button = child(window, QPushButton, f"nav.{key}")
        assert button.isVisible() and button.width() >= button.sizeHint().width(), key
    assert not child(window, QPushButton, "nav.glossary").isVisible()  # Help → Begrippen reaches it
    child(window, QAction, "actionGlossary").trigger()
    assert child(window, QWidget, "assessmentWizard").current_key == "glossary"
    assert child(window, QPushButton, "nav.register").toolTip() == "Deelnemende zorgaanbieders"


def test_at_normal_zoom_the_step_list_shows_the_titles(qtbot: QtBot, data_dir: Path) -> None:
    window = open_dossier(qtbot, data_dir, Connection.CLUSTER, Role.SUPPLIER)
    assert not child(window, QListWidget, "stepList").compact
    assert child(window, QPushButton, "nav.register").text() == "Deelnemende zorgaanbieders"
    child(window, QAction, "actionZoomIn").trigger()
    child(window, QAction, "actionZoomIn").trigger()
    child(window, QAction, "actionZoomIn").trigger()  # 1.5
    assert child(window, QListWidget, "stepList").compact
    assert child(window, QPushButton, "nav.register").text() == "Deelnemers"
    child(window, QAction, "actionZoomReset").trigger()
    assert not child(window, QListWidget, "stepList").compact


def test_ticking_an_item_moves_nothing_on_the_page_nor_the_countdown_bar(
    qtbot: QtBot, data_dir: Path
) -> None:
    """A second click lands where the user aims: the tick's date line and the countdown's change
    (the report sent: from a near deadline with Logius's address to the repair, two months ahead)
    take no room that was not there before."""
    store = Store(data_dir)
    today = date.today()
    dossier = store.create_dossier(
        "Huisartsenpraktijk De Linde",
        Connection.DIRECT,
        Role.CARE_PROVIDER,
        today - relativedelta(months=2, days=-5),
    )
    store.remember_last_dossier(dossier.id)
    store.close()
    window = open_window(qtbot, data_dir)
    window.resize(1366, 728)
    qtbot.waitUntil(lambda: window.size().height() == 728)
    bar = child(window, QFrame, "countdownBar")
    page = go_to(window, "direct.7")
    mail = child(window, QWidget, "deadlineAdviceMail")
    assert mail.isVisible()  # due within 14 days: time to write to Logius

    def where() -> list[QRect]:
        boxes = [
            child(page, QCheckBox, item.id) for item in CONTENT.flows[Connection.DIRECT].steps[6].action_items
        ]
        return [bar.geometry(), page.geometry()] + [
            QRect(box.mapTo(window, QPoint(0, 0)), box.size()) for box in boxes
        ]

    before = where()
    for item in ("direct.7.2", "direct.7.1"):  # a plain item gets its day beside it; the report its date
        box = child(page, QCheckBox, item)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        settle()
        assert box.isChecked()
        assert where() == before, item
    assert child(page, QCheckBox, "direct.7.2").parent().when.accessibleName().startswith("Afgevinkt op ")
    assert child(page, QWidget, "direct.7.1.date").isVisible()
    assert "herstel van de bevindingen" in child(window, QLabel, "countdown").text()
    assert not mail.isVisible()


def test_entering_the_activation_date_gives_the_countdown_bar_its_advice_and_room_for_it(
    qtbot: QtBot, data_dir: Path
) -> None:
    """The bar keeps its room between ticks, but a new date changes what it may have to say."""
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.remember_last_dossier(dossier.id)
    store.close()
    window = open_window(qtbot, data_dir)
    window.resize(1366, 728)
    advice = child(window, QLabel, "deadlineAdvice")
    assert not advice.isVisible()  # no advice before the activation date is known

    unknown = child(window, QCheckBox, "activationUnknown")
    scroll_to(unknown)
    qtbot.mouseClick(unknown, Qt.MouseButton.LeftButton)
    child(window, QDateEdit, "activationDate").setDate(QDate(date.today() - relativedelta(months=1)))
    settle()
    assert advice.isVisible() and advice.text()
    assert advice.minimumHeight() >= advice.fontMetrics().lineSpacing()


@pytest.mark.parametrize(
    "connection, current", [(Connection.DIRECT, "direct.7"), (Connection.CLUSTER, "cluster.10")]
)
def test_on_a_laptop_the_step_list_shows_all_seven_steps_or_keeps_the_current_one_in_sight(
    qtbot: QtBot, data_dir: Path, connection: Connection, current: str
) -> None:
    window = open_dossier(qtbot, data_dir, connection, Role.SUPPLIER)
    window.resize(1366, 728)
    qtbot.waitUntil(lambda: window.size().height() == 728)
    steps = child(window, QListWidget, "stepList")
    in_sight = steps.viewport().rect()
    for key in (current, f"{connection.value}.1", current):
        go_to(window, key)
        row = next(
            row for row in range(steps.count()) if steps.item(row).data(Qt.ItemDataRole.UserRole) == key
        )
        assert in_sight.contains(steps.visualItemRect(steps.item(row))), key
    shown = [
        row + 1 for row in range(steps.count()) if in_sight.contains(steps.visualItemRect(steps.item(row)))
    ]
    if connection == Connection.DIRECT:
        assert shown == [1, 2, 3, 4, 5, 6, 7]
    else:
        assert 10 in shown and len(shown) >= 6


@pytest.mark.parametrize("zoom, presenting", [(max(ZOOM_LEVELS), False), (1.25, True)])
@pytest.mark.parametrize("connection", [Connection.DIRECT, Connection.CLUSTER])
def test_at_a_projectors_zoom_every_step_reflows_within_the_window(
    qtbot: QtBot, data_dir: Path, connection: Connection, zoom: float, presenting: bool
) -> None:
    """Ctrl++ up to the largest zoom, or F11 and Ctrl++ twice, on a 1366-pixel laptop: nothing
    runs off the right edge, so no action item and not the dossier's name."""
    window = open_dossier(qtbot, data_dir, connection, Role.SUPPLIER, zoom)
    if presenting:
        activate(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_F11)
    window.resize(1366, 728)
    qtbot.waitUntil(lambda: window.size() == QSize(1366, 728))
    title = child(window, QLabel, "dossierTitle")
    assert title.mapTo(window, QPoint(title.width(), 0)).x() <= window.width()
    stacked_with_separator = 0
    for step in CONTENT.flows[connection].steps:
        page = go_to(window, step.id)
        assert page.horizontalScrollBar().maximum() == 0, step.id
        for line in page.findChildren(LinkLine):
            dots = [each for each in line.findChildren(QLabel) if each.text() == "·"]
            if dots and line.row.direction() == QBoxLayout.Direction.TopToBottom:
                stacked_with_separator += 1
                assert not any(each.isVisible() for each in dots), step.id  # no "·" on a line alone
        for item in step.action_items:
            row = child(page, QCheckBox, item.id).parent()
            assert row.mapTo(window, QPoint(row.width(), 0)).x() <= window.width(), item.id
            assert row.mapTo(page.viewport(), QPoint(row.width(), 0)).x() <= page.viewport().width(), item.id
    assert stacked_with_separator > 0  # the factsheet's and the newer address, under each other
