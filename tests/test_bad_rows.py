"""Odd values already in a database: one dossier is listed as damaged, every other one works."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from model.content import Connection, Role, bundled_content
from model.dossier import DateField
from model.exchange import export_json, parse_import
from model.history_text import change_time, describe_change, item_texts
from model.rounds import RoundStart
from model.salvage import salvage
from model.store import DATABASE_NAME, Store
from model.summary import load_summary_input, summary_html
from model.timeline import DossierDates, milestones
from tests.app_process import run_app
from tests.gui_helpers import child, click, open_window
from tests.modal_dialogs import answer_dialogs, press, type_file_name
from tests.sqlite_file import poke


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


def damage_beyond_the_row(data_dir: Path, bad: int) -> None:
    """A tick, a note and history that can be read, and one tick and one change that can't."""
    store = Store(data_dir)
    for item in ("direct.1.1", "direct.1.2"):
        store.set_item_ticked(bad, item, True)
    store.set_note(bad, "direct.1", "Afspraak met <b>TPM</b>")
    store.close()
    poke(data_dir, "UPDATE ticked_items SET ticked_at = 'gisteren' WHERE item_id = 'direct.1.2'")
    poke(
        data_dir,
        "INSERT INTO changes (dossier_id, at, step_id, subject, old, new) VALUES (?, ?, NULL, 'role', '', ?)",
        bad, datetime(2026, 1, 1), "baas",
    )


def database_bytes(data_dir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in data_dir.glob(f"{DATABASE_NAME}*")}


def test_a_damaged_dossier_exports_what_can_be_read_and_names_the_rest(
    qtbot: QtBot, data_dir: Path, home: Path
) -> None:
    _good, bad = two_dossiers(data_dir)
    damage_beyond_the_row(data_dir, bad)
    poke(data_dir, "UPDATE dossiers SET role = 'directeur', activation_date = '9999-12-31' WHERE id = ?", bad)
    window = open_window(qtbot, data_dir)
    table = child(window, QTableWidget, "dossierList")
    export = child(window, QPushButton, "exportDamagedButton")
    assert export.isVisible() and not export.isEnabled()  # "Goed" is selected: it has the menu's export
    table.selectRow(next(row for row in range(table.rowCount()) if table.item(row, 0).text() == "Kapot"))
    assert export.isEnabled()
    before = database_bytes(data_dir)
    seen = answer_dialogs(qtbot, type_file_name("kapot.json"), press("OK"))
    click(qtbot, export)
    assert [dialog.title for dialog in seen] == ["Dossier exporteren", "Beschadigd dossier exporteren"]
    assert seen[0].result == "DigiD-assessment Kapot.wegwijzer.json"
    assert seen[1].text == (
        f"Wat leesbaar is van het dossier ‘Kapot’ staat in {home / 'kapot.json'}. Niet leesbaar en daarom "
        "niet in het bestand: ‘Eigen rol’ (directeur), ‘Datum van activatie in productie’ (9999-12-31), "
        "1 afgevinkt actiepunt en 1 wijziging in de geschiedenis; het bestand kan weer worden geïmporteerd "
        "zodra ‘Eigen rol’ erin is ingevuld."
    )
    assert database_bytes(data_dir) == before  # reading wrote nothing
    exported = json.loads((home / "kapot.json").read_text(encoding="utf-8"))
    assert "role" not in exported["dossier"] and exported["dossier"]["activation_date"] is None
    assert [entry["item"] for entry in exported["ticked"]] == ["direct.1.1"]
    refused = run_app("--data-dir", str(data_dir), "--import-json", str(home / "kapot.json"))
    assert refused.returncode == 1 and "‘dossier.role’" in refused.stderr and "ontbreekt" in refused.stderr
    exported["dossier"]["role"] = "care_provider"  # what the helpdesk fills in
    (home / "kapot.json").write_text(json.dumps(exported), encoding="utf-8")
    window.close()
    other = data_dir.parent / "hersteld"
    imported = run_app("--data-dir", str(other), "--import-json", str(home / "kapot.json"))
    assert (imported.returncode, imported.stdout.strip()) == (0, "Kapot")
    store = Store(other)
    repaired = store.find_dossier("Kapot")
    assert set(store.ticked_items(repaired.id)) == {"direct.1.1"}
    assert store.notes(repaired.id) == {"direct.1": "Afspraak met <b>TPM</b>"}
    assert [change.subject for change in store.history(repaired.id)] == ["direct.1.1", "direct.1.2", "note"]
    store.close()


def test_a_dossier_whose_required_fields_can_be_read_exports_a_file_that_imports_as_it_is(
    data_dir: Path,
) -> None:
    _good, bad = two_dossiers(data_dir)
    damage_beyond_the_row(data_dir, bad)
    poke(data_dir, "UPDATE dossiers SET report_sent = 'gisteren' WHERE id = ?", bad)
    poke(data_dir, "UPDATE notes SET text = 'a' || char(0) || 'b'")
    store = Store(data_dir)
    salvaged = salvage(store, bad, datetime(2026, 11, 29, 9))
    store.close()
    assert salvaged.sentence() == (
        "Niet leesbaar en daarom niet in het bestand: ‘Auditrapport ingediend’ (gisteren), 1 afgevinkt "
        "actiepunt, 1 notitie en 1 wijziging in de geschiedenis."
    )
    snapshot = parse_import(salvaged.text.encode("utf-8"))
    assert (snapshot.dossier.name, snapshot.dossier.report_sent, snapshot.notes) == ("Kapot", None, {})
    assert set(snapshot.ticked) == {"direct.1.1"}


def test_a_readable_dossier_salvaged_is_its_ordinary_export(data_dir: Path) -> None:
    good, _bad = two_dossiers(data_dir)
    damage_beyond_the_row(data_dir, good)
    poke(data_dir, "UPDATE ticked_items SET ticked_at = '2026-11-28 10:00:00.000000'")
    poke(data_dir, "DELETE FROM changes WHERE new = 'baas'")
    store = Store(data_dir)
    now = datetime(2026, 11, 29, 9)
    salvaged = salvage(store, good, now)
    assert salvaged.text == export_json(store.snapshot(good), now)
    assert salvaged.sentence() == "Alles wat in het dossier staat, is leesbaar en staat in het bestand."
    store.close()


def test_a_name_that_is_no_utf8_is_read_with_a_replacement_character(data_dir: Path) -> None:
    _good, bad = two_dossiers(data_dir)
    poke(data_dir, "UPDATE dossiers SET name = CAST(X'4B61FF706F74' AS TEXT) WHERE id = ?", bad)
    store = Store(data_dir)
    assert [each.name for each in store.list_dossiers()] == ["Goed", "Ka\ufffdpot"]
    store.close()
    result = run_app("--smoke-test", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr


def test_a_readable_dossier_with_a_yearly_round_salvaged_is_its_ordinary_export(data_dir: Path) -> None:
    good, _bad = two_dossiers(data_dir)
    store = Store(data_dir)
    store.set_item_ticked(good, "direct.1.1", True)
    store.set_note(good, "direct.1", "Eerste assessment")
    store.start_round(good, 2028, RoundStart({}, {}))
    for item in ("direct.1.1", "direct.2.1"):
        store.set_item_ticked(good, item, True)
    store.set_note(good, "direct.1", "Jaarronde 2028")
    store.set_annual_report(good, 2028, date(2028, 3, 1))
    store.set_annual_repair(good, 2028, DateField.FINDINGS_FIXED, date(2028, 4, 20))
    now = datetime(2026, 11, 29, 9)
    salvaged = salvage(store, good, now)
    assert salvaged.text == export_json(store.snapshot(good), now)
    store.close()
    snapshot = parse_import(salvaged.text.encode("utf-8"))
    assert (set(snapshot.ticked), snapshot.notes) == ({"direct.1.1"}, {"direct.1": "Eerste assessment"})
    assert set(snapshot.rounds[2028].ticked) == {"direct.1.1", "direct.2.1"}
    assert snapshot.rounds[2028].notes == {"direct.1": "Jaarronde 2028"}
    assert snapshot.annual_repairs[2028].findings_fixed == date(2028, 4, 20)
