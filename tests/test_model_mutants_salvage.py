"""What a damaged dossier's export keeps and what its sentence names, as mutation testing found it
untested without the window (tests/test_bad_rows.py drives the same through the start page)."""

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from model.content import Connection, Role
from model.dossier import CareProvider
from model.exchange import export_json, parse_import
from model.rounds import RoundStart
from model.salvage import Salvage, salvage
from model.store import Store, StoreError
from tests.sqlite_file import poke
from tests.test_model_store import damage

NOW = datetime(2026, 11, 29, 9)


def salvaged(data_dir: Path, dossier_id: int) -> Salvage:
    store = Store(data_dir)
    try:
        return salvage(store, dossier_id, NOW)
    finally:
        store.close()


def one_dossier(
    data_dir: Path, connection: Connection = Connection.DIRECT, role: Role = Role.CARE_PROVIDER
) -> int:
    store = Store(data_dir)
    dossier = store.create_dossier("Kapot", connection, role, date(2026, 10, 8))
    store.close()
    return dossier.id


def test_a_dossier_without_readable_name_connection_and_role_names_all_three(data_dir: Path) -> None:
    bad = one_dossier(data_dir)
    poke(
        data_dir,
        "UPDATE dossiers SET name = 'Ka' || char(0) || 'pot', connection = 'satelliet', role = 'directeur'"
        " WHERE id = ?",
        bad,
    )
    result = salvaged(data_dir, bad)
    assert result.missing == ("Naam", "Type aansluiting", "Eigen rol")
    assert result.sentence() == (
        "Niet leesbaar en daarom niet in het bestand: ‘Naam’ (Ka�pot), ‘Type aansluiting’ (satelliet) en"
        " ‘Eigen rol’ (directeur); het bestand kan weer worden geïmporteerd zodra ‘Naam’, ‘Type"
        " aansluiting’ en ‘Eigen rol’ erin zijn ingevuld."
    )
    document = json.loads(result.text)
    assert set(document["dossier"]) == {
        "position", "activation_date", "report_sent", "logius_fix_deadline", "findings_fixed"
    }
    assert document["dossier"]["activation_date"] == "2026-10-08"  # what can be read is kept


def test_one_field_to_fill_in_is_said_in_the_singular(data_dir: Path) -> None:
    bad = one_dossier(data_dir)
    poke(data_dir, "UPDATE dossiers SET connection = 'satelliet' WHERE id = ?", bad)
    result = salvaged(data_dir, bad)
    assert result.sentence() == (
        "Niet leesbaar en daarom niet in het bestand: ‘Type aansluiting’ (satelliet); het bestand kan"
        " weer worden geïmporteerd zodra ‘Type aansluiting’ erin is ingevuld."
    )
    document = json.loads(result.text)
    assert (document["dossier"]["name"], document["dossier"]["role"]) == ("Kapot", "care_provider")
    assert "connection" not in document["dossier"]


def test_an_unreadable_value_is_shown_whole_up_to_40_characters_and_shortened_after(data_dir: Path) -> None:
    bad = one_dossier(data_dir)
    forty, longer = "x" * 40, "y" * 41
    poke(
        data_dir, "UPDATE dossiers SET activation_date = ?, report_sent = ? WHERE id = ?", forty, longer, bad
    )
    result = salvaged(data_dir, bad)
    assert result.left_out == (
        f"‘Datum van activatie in productie’ ({forty})",
        f"‘Auditrapport ingediend’ ({'y' * 39}…)",
    )
    assert result.missing == ()
    snapshot = parse_import(result.text.encode("utf-8"))  # nothing required is missing: it imports as it is
    assert (snapshot.dossier.name, snapshot.dossier.activation_date, snapshot.dossier.report_sent) == (
        "Kapot", None, None
    )


def test_a_readable_dossier_says_everything_is_in_the_file() -> None:
    everything = "Alles wat in het dossier staat, is leesbaar en staat in het bestand."
    assert Salvage("{}", (), ()).sentence() == everything


def test_a_care_provider_with_an_unreadable_date_is_left_out_the_others_kept(data_dir: Path) -> None:
    bad = one_dossier(data_dir, Connection.CLUSTER, Role.SUPPLIER)
    store = Store(data_dir)
    whole = CareProvider(
        0, "Zorg Oost", "12345678", "J. Jansen", "directeur",
        date(2026, 9, 1), date(2026, 9, 2), None, date(2026, 10, 1), notes="belt terug",
    )
    for provider in (whole, replace(whole, name="Tandarts"), replace(whole, name="Huisarts")):
        store.save_care_provider(bad, provider)
    store.close()
    poke(data_dir, "UPDATE care_providers SET akkoord_signed = 'gisteren' WHERE name = 'Tandarts'")
    result = salvaged(data_dir, bad)
    assert result.sentence() == "Niet leesbaar en daarom niet in het bestand: 1 zorgaanbieder."
    snapshot = parse_import(result.text.encode("utf-8"))
    kept = [replace(each, id=0) for each in snapshot.care_providers]
    assert kept == [whole, replace(whole, name="Huisarts")]


def test_two_care_providers_left_out_are_counted_in_the_plural(data_dir: Path) -> None:
    bad = one_dossier(data_dir, Connection.CLUSTER, Role.SUPPLIER)
    store = Store(data_dir)
    for name in ("A", "B"):
        store.save_care_provider(bad, CareProvider(0, name, "12345678"))
    store.close()
    poke(data_dir, "UPDATE care_providers SET production = '2026-13-01'")
    result = salvaged(data_dir, bad)
    assert result.left_out == ("2 zorgaanbieders",)
    assert parse_import(result.text.encode("utf-8")).care_providers == ()


def test_a_damaged_dossier_keeps_its_ticks_rounds_and_history_on_both_engines(
    store_source: Path | str,
) -> None:
    """PostgreSQL's driver hands a stored moment over as a datetime, SQLite as text: both are read."""
    store = Store(store_source)
    store.author = "Piet de Vries"  # as a shared database's user sets it
    try:
        dossier = store.create_dossier("Kapot", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 10, 8))
        store.set_item_ticked(dossier.id, "direct.1.1", True)
        store.set_note(dossier.id, "direct.1", "Afspraak met de leverancier")
        store.start_round(dossier.id, 2028, RoundStart({}, {}))
        store.set_item_ticked(dossier.id, "direct.2.1", True)
        ordinary = json.loads(export_json(store.snapshot(dossier.id), NOW))
        damage(store, f"UPDATE dossiers SET role = 'directeur' WHERE id = {dossier.id}")
        result = salvage(store, dossier.id, NOW)
    finally:
        store.close()
    assert result.sentence() == (
        "Niet leesbaar en daarom niet in het bestand: ‘Eigen rol’ (directeur); het bestand kan weer worden"
        " geïmporteerd zodra ‘Eigen rol’ erin is ingevuld."
    )
    del ordinary["dossier"]["role"]
    assert json.loads(result.text) == ordinary  # ticks, note, round and history (with who made each)


def test_a_dossier_deleted_meanwhile_is_said_to_be_gone(data_dir: Path) -> None:
    gone = one_dossier(data_dir)
    store = Store(data_dir)
    store.delete_dossier(gone)
    with pytest.raises(StoreError, match=r"^Dit dossier bestaat niet meer\.$"):
        salvage(store, gone, NOW)
    store.close()


def test_an_emptied_note_and_the_page_shown_are_as_the_ordinary_export_has_them(data_dir: Path) -> None:
    """A note typed and then emptied leaves an empty row, which the export leaves out."""
    readable = one_dossier(data_dir)
    store = Store(data_dir)
    store.set_note(readable, "direct.1", "Afspraak")
    store.set_note(readable, "direct.1", "")
    store.set_position(readable, "direct.3")
    ordinary = export_json(store.snapshot(readable), NOW)
    store.close()
    result = salvaged(data_dir, readable)
    assert result.text == ordinary
    assert json.loads(result.text)["dossier"]["position"] == "direct.3"


def test_the_ticks_of_a_yearly_round_that_cannot_be_read_are_left_out_with_it(data_dir: Path) -> None:
    bad = one_dossier(data_dir)
    store = Store(data_dir)
    store.set_item_ticked(bad, "direct.1.1", True)
    store.start_round(bad, 2028, RoundStart({}, {}))
    store.set_item_ticked(bad, "direct.2.1", True)
    store.close()
    poke(data_dir, "UPDATE rounds SET started_at = 'gisteren'")
    result = salvaged(data_dir, bad)
    assert result.left_out == ("1 jaarronde", "1 afgevinkt actiepunt", "2 wijzigingen in de geschiedenis")
    snapshot = parse_import(result.text.encode("utf-8"))
    assert (set(snapshot.ticked), snapshot.rounds) == ({"direct.1.1"}, {})
