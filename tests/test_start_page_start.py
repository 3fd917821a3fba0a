"""A start on the start page: the list is read once, and nothing is written before the user acts."""

from pathlib import Path

from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from gui.application import prepare_application
from gui.main_window import MainWindow
from model.content import Connection, Role, bundled_content
from model.store import Store
from model.store.overview import overview_query
from tests.gui_helpers import child

NAMES = ["Apotheek Oost", "Huisartsenpraktijk West"]


def test_the_list_is_read_once_and_nothing_is_written(qtbot: QtBot, data_dir: Path) -> None:
    store = Store(data_dir)
    for name in NAMES:
        store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, None)
    statements: list[str] = []
    event.listen(store._engine, "before_cursor_execute", lambda *arguments: statements.append(arguments[2]))
    prepare_application()
    window = MainWindow(store, bundled_content())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    table = child(window, QTableWidget, "dossierList")
    assert table.isVisible()
    assert sorted(table.item(row, 0).text() for row in range(table.rowCount())) == NAMES
    # the page is filled once, not built and then refreshed
    assert statements.count(str(overview_query("sqlite"))) == 1
    writes = [each for each in statements if each.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []  # no last dossier was remembered, so there is nothing to forget
    assert store.last_dossier_id() is None
