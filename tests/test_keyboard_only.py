"""The whole ordinary path with the keyboard alone: no mouse, no trap, and a count of the presses."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import getCppPointer

from gui.page_parts import RichLabel
from model.content import Connection, Role, bundled_content
from model.dossier import CareProvider
from model.store import Store
from tests.gui_helpers import child, open_window
from tests.modal_dialogs import answer_dialogs, rendered_preview

MOST_TABS = 60  # more Tabs than any page has stops: a longer search is a trap or a lost widget


class Keyboard:
    """Presses keys on whatever has focus, as a user would, and counts them."""

    def __init__(self, qtbot: QtBot, window: QWidget) -> None:
        self.qtbot, self.window, self.presses = qtbot, window, 0
        window.activateWindow()  # keys reach the active window only
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(QApplication.focusWidget() or self.window, key, modifier)
        self.presses += 1

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(QApplication.focusWidget(), text)
        self.presses += len(text)

    def tab_to(self, name: str, backwards: bool = False) -> QWidget:
        """Tab (or Shift+Tab) until the widget `name` has focus; fails when it never comes."""
        modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
        for _ in range(MOST_TABS):
            focused = QApplication.focusWidget()
            if focused is not None and focused.objectName() == name:
                return focused
            self.press(Qt.Key.Key_Tab, modifier)
        raise AssertionError(f"{name} never got focus with {'Shift+' if backwards else ''}Tab")


def test_a_dossier_from_the_first_start_to_the_print_preview_by_keyboard(
    qtbot: QtBot, data_dir: Path
) -> None:
    window = open_window(qtbot, data_dir)
    keys = Keyboard(qtbot, window)

    keys.tab_to("newDossierButton")
    keys.press(Qt.Key.Key_Space)
    assert QApplication.focusWidget().objectName() == "organisationName"
    keys.type("Praktijk Toetsenbord")
    keys.tab_to("connectionDirect")
    keys.press(Qt.Key.Key_Space)
    keys.tab_to("roleCareProvider")
    keys.press(Qt.Key.Key_Space)
    keys.tab_to("nextButton")
    keys.press(Qt.Key.Key_Space)  # "Dossier aanmaken"

    first = QApplication.focusWidget()
    assert isinstance(first, QCheckBox) and first.objectName() == "direct.1.1"  # where the work starts
    keys.press(Qt.Key.Key_Space)
    notes = keys.tab_to("notes.direct.1")
    assert isinstance(notes, QPlainTextEdit)
    keys.type("Auditor gebeld")
    keys.tab_to("nav.deadlines")  # on past the page and its buttons to the side bar: no trap
    keys.press(Qt.Key.Key_Space)
    heading = QApplication.focusWidget()
    assert isinstance(heading, QLabel) and heading.text() == "Termijnen en uiterste datums"

    seen = answer_dialogs(qtbot, rendered_preview)
    keys.press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=20_000)
    assert seen[0].kind == "QPrintPreviewDialog" and seen[0].result >= 1  # pages rendered

    store = Store(data_dir)
    [dossier], _damaged = store.dossiers_and_damaged()
    assert dossier.name == "Praktijk Toetsenbord" and dossier.connection == Connection.DIRECT
    assert set(store.ticked_items(dossier.id)) == {"direct.1.1"}
    assert store.notes(dossier.id) == {"direct.1": "Auditor gebeld"}
    store.close()
    typed = len("Praktijk Toetsenbord") + len("Auditor gebeld")
    print(f"keyboard only: {keys.presses} key presses, {typed} of them typing")
    assert keys.presses - typed < 60


def open_dossier(
    qtbot: QtBot,
    data_dir: Path,
    page: str,
    connection: Connection = Connection.DIRECT,
    role: Role = Role.CARE_PROVIDER,
    providers: list[CareProvider] | None = None,
) -> QWidget:
    """The app reopening a stored dossier (with these care providers) on `page`."""
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", connection, role, date(2026, 11, 2))
    for provider in providers or []:
        store.save_care_provider(dossier.id, provider)
    store.remember_last_dossier(dossier.id)
    store.close()
    window = open_window(qtbot, data_dir)
    window.dossier_view.wizard.go_to(page)
    return window


def test_tab_leaves_the_dossier_table_and_enter_opens_the_row(qtbot: QtBot, data_dir: Path) -> None:
    store = Store(data_dir)
    for name in ("Praktijk Noord", "Praktijk Zuid"):
        store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 11, 2))
    store.close()
    window = open_window(qtbot, data_dir)
    keys = Keyboard(qtbot, window)
    table = child(window, QTableWidget, "dossierList")
    keys.tab_to("dossierList")
    keys.press(Qt.Key.Key_Down)
    assert table.currentRow() == 1 and table.selectedItems()[0].row() == 1
    keys.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table  # no trap in the cells
    keys.tab_to("dossierList", backwards=True)
    chosen = table.item(1, 0).text()
    keys.press(Qt.Key.Key_Return)
    assert window.open_dossier_record() is not None and window.open_dossier_record().name == chosen


def test_space_on_a_register_row_opens_its_form(qtbot: QtBot, data_dir: Path) -> None:
    providers = [CareProvider(0, name, "12345678") for name in ("Apotheek Oost", "Huisarts West")]
    window = open_dossier(qtbot, data_dir, "register", Connection.CLUSTER, Role.SUPPLIER, providers)
    keys = Keyboard(qtbot, window)
    table = keys.tab_to("careProviderTable")
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Space)
    name = QApplication.focusWidget()
    assert isinstance(name, QLineEdit) and name.objectName() == "providerName"
    assert name.text() == table.item(table.currentRow(), 0).text()


def test_every_tab_stop_on_a_step_page_can_be_acted_on(qtbot: QtBot, data_dir: Path) -> None:
    window = open_dossier(qtbot, data_dir, "direct.1")
    keys = Keyboard(qtbot, window)
    stops: dict[int, QWidget] = {}  # by address: Tab through a text's marked terms stays on the text
    for _ in range(2 * MOST_TABS):
        focused = QApplication.focusWidget()
        stops.setdefault(getCppPointer(focused)[0], focused)
        keys.press(Qt.Key.Key_Tab)
    actionable = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QLineEdit, QPlainTextEdit)
    idle = [
        f"{type(each).__name__} {each.objectName()!r}"
        for each in list(stops.values())[1:]  # the first: the page's heading, given focus when it opened
        if not isinstance(each, actionable) and not (isinstance(each, RichLabel) and "<a " in each.text())
    ]
    assert idle == []
    names = {each.objectName() for each in stops.values()}  # past the page to the side bar: no trap
    assert {"direct.1.1", "notes.direct.1", "nextButton", "nav.deadlines"} <= names


def test_a_page_of_text_scrolls_with_the_arrow_keys(qtbot: QtBot, data_dir: Path) -> None:
    window = open_dossier(qtbot, data_dir, "glossary")  # only text: the page itself is no Tab stop
    keys = Keyboard(qtbot, window)
    page = window.dossier_view.wizard.stack.currentWidget()
    assert getCppPointer(QApplication.focusWidget()) == getCppPointer(page.heading)
    for _ in range(5):
        keys.press(Qt.Key.Key_Down)
    assert page.verticalScrollBar().value() > 0


@pytest.mark.parametrize("connection", [Connection.DIRECT, Connection.CLUSTER])
def test_one_tab_from_a_step_pages_heading_reaches_its_first_action_item(
    qtbot: QtBot, data_dir: Path, connection: Connection
) -> None:
    window = open_dossier(qtbot, data_dir, "deadlines", connection)
    keys = Keyboard(qtbot, window)
    for step in bundled_content().flows[connection].steps:
        window.dossier_view.wizard.go_to(step.id)
        heading = QApplication.focusWidget()
        assert isinstance(heading, QLabel) and heading.property("kind") == "title", step.id
        keys.press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget().objectName() == step.action_items[0].id, step.id
