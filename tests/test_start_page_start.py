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


def test_every_column_fits_its_widest_text_also_after_a_zoom(qtbot: QtBot, data_dir: Path) -> None:
    """The columns are sized from their texts (not by Qt's ResizeToContents, which asks about
    every cell at every layout): as wide as Qt itself would make them, so no text is cut short."""
    store = Store(data_dir)
    store.create_dossier("Apotheek Oost", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.create_dossier("Zorggroep Rivierenland", Connection.CLUSTER, Role.SUPPLIER, None)
    prepare_application()
    window = MainWindow(store, bundled_content())
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    table = child(window, QTableWidget, "dossierList")
    header = table.horizontalHeader()

    def widths() -> list[tuple[int, int]]:
        return [
            (header.sectionSize(column), max(header.sectionSizeHint(column), table.sizeHintForColumn(column)))
            for column in range(1, table.columnCount())
        ]

    assert all(size == needed for size, needed in widths())
    assert {"Directe aansluiting", "Clusteraansluiting"} <= {table.item(row, 1).text() for row in range(2)}
    before = widths()
    window.zoom_in()
    qtbot.waitUntil(lambda: widths() != before)
    assert all(size == needed for size, needed in widths())
    window.zoom_reset()
