"""Several people on one shared database, seen in the app (issue 22): the history says who, a note
or register field saved against a colleague's newer text opens the "both texts" dialog, colleagues'
changes appear without a restart, and a lost connection keeps what was typed."""

from datetime import date

from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gui.application import prepare_application
from gui.day_clock import DayClock
from gui.main_window import MainWindow
from model.content import Connection, Role, bundled_content
from model.store import Store
from tests.gui_helpers import child, click, scroll_to, tick


def window_of(qtbot: QtBot, source: str, author: str | None) -> MainWindow:
    """One person's app on the database, opened on the dossier used last."""
    prepare_application()
    store = Store(source)
    store.author = author
    window = MainWindow(store, bundled_content(), DayClock())
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    return window


def shared_dossier(source: str, connection: Connection = Connection.DIRECT) -> int:
    store = Store(source)
    role = Role.SUPPLIER if connection == Connection.CLUSTER else Role.CARE_PROVIDER
    dossier = store.create_dossier("Praktijk", connection, role, date(2026, 10, 1))
    store.set_position(dossier.id, "direct.1" if connection == Connection.DIRECT else "register")
    store.remember_last_dossier(dossier.id)
    store.close()
    return dossier.id


def open_history(window: QWidget, qtbot: QtBot, name: str) -> QLabel:
    toggle = child(window, QPushButton, f"historyToggle.{name}")
    scroll_to(toggle)
    click(qtbot, toggle)
    return child(window, QLabel, f"history.{name}")


def test_the_history_says_who_made_each_change(qtbot: QtBot, database_url: str) -> None:
    shared_dossier(database_url)
    anna = window_of(qtbot, database_url, "Anna")
    tick(qtbot, anna, "direct.1.1")
    history = open_history(anna, qtbot, "direct.1")
    assert "door Anna" in history.text() and "Afgevinkt: Een IT-auditor" in history.text()
    assert "door wie (de naam die ieder zelf heeft opgegeven)" in history.text()
