"""Odd values already in a database: one dossier is listed as damaged, every other one works."""

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from model.content import Connection, Role, bundled_content
from model.history_text import change_time, describe_change, item_texts
from model.store import DATABASE_NAME, Store
from model.summary import load_summary_input, summary_html
from model.timeline import DossierDates, milestones
from tests.app_process import run_app
from tests.gui_helpers import child, click, open_window
from tests.modal_dialogs import answer_dialogs, press


def poke(data_dir: Path, sql: str, *values: object) -> None:
    """Write straight into the file, as an old version, a foreign tool or a bit flip would."""
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    with connection:
        connection.execute(sql, values)
    connection.close()


def two_dossiers(data_dir: Path) -> tuple[int, int]:
    store = Store(data_dir)
    good = store.create_dossier("Goed", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 10, 8))
    bad = store.create_dossier("Kapot", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 10, 8))
    store.remember_last_dossier(bad.id)
    store.close()
    return good.id, bad.id


@pytest.mark.parametrize(
    "column, value",
    [("activation_date", "9999-12-31"), ("role", "directeur"), ("report_sent", "gisteren")],
)
def test_a_damaged_dossier_is_listed_and_can_be_deleted(
    qtbot: QtBot, data_dir: Path, column: str, value: str
) -> None:
    good, bad = two_dossiers(data_dir)
    poke(data_dir, f"UPDATE dossiers SET {column} = ? WHERE id = ?", value, bad)
    window = open_window(qtbot, data_dir)  # the last dossier was the damaged one: the start page shows
    table = child(window, QTableWidget, "dossierList")
    assert table.isVisible()
    rows = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert rows["Kapot"].startswith("Beschadigd: ")
    assert not rows["Goed"].startswith("Beschadigd")
    kapot = next(row for row in range(table.rowCount()) if table.item(row, 0).text() == "Kapot")
    table.selectRow(kapot)
    assert not child(window, QPushButton, "openDossierButton").isEnabled()
    seen = answer_dialogs(qtbot, press("Verwijderen"))  # the real question, answered as a user would
    click(qtbot, child(window, QPushButton, "deleteDossierButton"))
    assert [dialog.kind for dialog in seen] == ["QMessageBox"] and "Kapot" in seen[0].text
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == ["Goed"]
    table.selectRow(0)
    click(qtbot, child(window, QPushButton, "openDossierButton"))
    assert child(window, QWidget, "assessmentWizard").isVisible()
    assert window.store.dossier(good) is not None


def test_the_app_starts_with_a_year_9999_dossier(data_dir: Path) -> None:
    _good, bad = two_dossiers(data_dir)
    poke(data_dir, "UPDATE dossiers SET activation_date = '9999-12-31' WHERE id = ?", bad)
    result = run_app("--smoke-test", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr


def test_deadlines_never_overflow_on_any_date() -> None:
    for day in (date.min, date(1999, 12, 31), date(9998, 6, 1), date.max):
        for dates in (DossierDates(day), DossierDates(date(2026, 1, 1), day, day, day)):
            milestones(dates, date(2026, 11, 28))


def test_odd_tick_times_and_history_values_still_print(data_dir: Path) -> None:
    _good, bad = two_dossiers(data_dir)
    store = Store(data_dir)
    store.set_item_ticked(bad, "direct.1.1", True)
    store.set_role(bad, Role.SUPPLIER)
    store.close()
    poke(data_dir, "UPDATE ticked_items SET ticked_at = '9999-12-31 23:30:00.000000'")
    poke(data_dir, "UPDATE changes SET new = 'directeur', at = '0001-01-01 00:00:00' WHERE subject = 'role'")
    poke(
        data_dir,
        "INSERT INTO changes (dossier_id, at, step_id, subject, old, new) VALUES (?, ?, NULL, ?, '', ?)",
        bad, datetime(2026, 1, 1), "activation_date", "morgen",
    )
    store = Store(data_dir)
    content = bundled_content()
    for change in store.history(bad):
        assert describe_change(change, content, item_texts(content))
        assert change_time(change)
    summary = load_summary_input(store, content, store.dossier(bad), date(2026, 11, 28), with_history=True)
    html = summary_html(summary)
    assert "directeur" in html and "morgen" in html and "31 december 9999" in html
    store.close()
