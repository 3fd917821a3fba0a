"""What assistive technology is told, asked of Qt's accessibility interfaces (the AT-SPI test in
test_accessibility_tree.py reads the same through a real client, where Debian's is installed)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from gui.links import LinkButton
from model.content import Connection, Role
from model.store import Store
from tests.gui_helpers import child, open_window, scroll_to

Role_ = QAccessible.Role


def accessible(widget: QWidget) -> QAccessible:
    return QAccessible.queryAccessibleInterface(widget)


def open_dossier(qtbot: QtBot, data_dir: Path, connection: Connection, role: Role) -> QWidget:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", connection, role, None)
    store.remember_last_dossier(dossier.id)
    store.close()
    return open_window(qtbot, data_dir)


def test_links_tabs_and_folds_say_what_they_are(qtbot: QtBot, data_dir: Path) -> None:
    window = open_dossier(qtbot, data_dir, Connection.DIRECT, Role.CARE_PROVIDER)
    child(window, QWidget, "assessmentWizard").go_to("direct.1")
    link = child(window, QWidget, "explanationText.direct.1").findChildren(LinkButton)[0]
    described = accessible(link)
    assert described.role() == Role_.Link
    assert described.text(QAccessible.Text.Name) == link.text()
    assert described.text(QAccessible.Text.Description).startswith("https://")
    tab = accessible(child(window, QPushButton, "nav.deadlines"))
    assert tab.role() == Role_.PageTab and not tab.state().selected
    child(window, QWidget, "assessmentWizard").go_to("deadlines")
    assert tab.state().selected
    child(window, QWidget, "assessmentWizard").go_to("direct.1")
    fold = child(window, QPushButton, "explanation.direct.1")
    assert accessible(fold).role() == Role_.Button and accessible(fold).state().expandable
    for _ in range(2):
        fold.click()
        assert accessible(fold).state().expanded == fold.isChecked() == fold.content.isVisible()
    history = accessible(child(window, QPushButton, "historyToggle.direct.1"))
    assert history.role() == Role_.Button and history.text(QAccessible.Text.Name) == "Geschiedenis tonen"


def test_a_field_error_is_in_the_fields_description(qtbot: QtBot, data_dir: Path) -> None:
    window = open_dossier(qtbot, data_dir, Connection.CLUSTER, Role.SUPPLIER)
    child(window, QWidget, "assessmentWizard").go_to("register")
    kvk = child(window, QLineEdit, "providerKvk")
    scroll_to(kvk)
    kvk.setFocus()
    qtbot.keyClicks(kvk, "12")
    child(window, QLineEdit, "providerName").setFocus()  # leaving the field stores it
    error = child(window, QWidget, "kvkError")
    qtbot.waitUntil(lambda: error.isVisible())
    assert kvk.accessibleDescription() == error.text() and "8 cijfers" in error.text()
    table = child(window, QTableWidget, "careProviderTable")
    assert table.item(0, 3).text() == "—"  # no contract date yet
    assert table.item(0, 3).data(Qt.ItemDataRole.AccessibleTextRole) == "nog niet ingevuld"
    names = [
        each.accessibleName()
        for each in window.findChildren(QCheckBox)
        if each.objectName().endswith("Unknown")
    ]
    assert "Akkoordverklaring getekend op: nog niet" in names and len(names) == len(set(names))


def test_the_disabled_create_button_says_why(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    window.new_dossier()
    create = child(window, QPushButton, "nextButton")
    assert not create.isEnabled()
    assert create.accessibleDescription().startswith("Vul nog in: de naam van de organisatie")
    qtbot.keyClicks(child(window, QLineEdit, "organisationName"), "Praktijk")
    assert "de naam" not in create.accessibleDescription()
