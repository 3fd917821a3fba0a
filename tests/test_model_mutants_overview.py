"""The start page's list in one query: the rules that mutation testing found untested."""

import sqlite3
from datetime import date
from pathlib import Path

from model.content import Connection, Role
from model.dossier import DateField
from model.store import DATABASE_NAME, Store


def test_the_list_has_each_yearly_reports_repair_deadline_and_fixing_day(data_dir: Path) -> None:
    store = Store(data_dir)
    try:
        dossier_id = store.create_dossier(
            "Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 5)
        ).id
        store.set_annual_repair(dossier_id, 2026, DateField.LOGIUS_FIX_DEADLINE, date(2026, 9, 1))
        store.set_annual_repair(dossier_id, 2026, DateField.FINDINGS_FIXED, date(2026, 8, 15))
        repair = store.dossier_overviews()[0][0].annual_repairs[2026]
    finally:
        store.close()
    assert (repair.logius_fix_deadline, repair.findings_fixed) == (date(2026, 9, 1), date(2026, 8, 15))


def test_a_yearly_report_date_that_is_no_date_says_so_in_the_damaged_list(data_dir: Path) -> None:
    store = Store(data_dir)
    dossier_id = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 5)).id
    store.close()
    connection = sqlite3.connect(data_dir / DATABASE_NAME)  # as another tool may have left it
    connection.execute("INSERT INTO annual_reports VALUES (?, 2026, 5)", (dossier_id,))
    connection.commit()
    connection.close()
    store = Store(data_dir)
    try:
        damaged = store.dossier_overviews()[1]
    finally:
        store.close()
    assert [(each.name, each.problem) for each in damaged] == [("Praktijk", "ongeldige datum ‘5’")]
