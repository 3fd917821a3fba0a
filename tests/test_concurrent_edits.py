"""Several people on one database (issue 22): notes and register entries carry a version, so an edit
made against an outdated text is refused instead of overwriting it; ticks never conflict; the
history says who made each change. Every test runs on SQLite and on PostgreSQL (`store_source`)."""

import json
import shutil
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from model.content import Connection, Role
from model.dossier import CareProvider
from model.exchange import export_json, parse_import
from model.store import DATABASE_NAME, Store
from model.store.errors import ConnectionLostError, StaleEditError
from tests.postgres_server import CuttableLine

FIXTURES = Path(__file__).parent / "fixtures"
MORNING, NOON = datetime(2026, 11, 30, 9), datetime(2026, 11, 30, 12)


def colleagues(source: Path | str) -> tuple[Store, Store]:
    """Two people's apps on one database: Anna's (her clock in the morning) and Bram's (at noon)."""
    anna, bram = Store(source, clock=lambda: MORNING), Store(source, clock=lambda: NOON)
    anna.author, bram.author = "Anna", "Bram"
    return anna, bram


@pytest.fixture
def two(store_source: Path | str):
    anna, bram = colleagues(store_source)
    yield anna, bram
    anna.close()
    bram.close()


def cluster_dossier(store: Store) -> int:
    return store.create_dossier("Leverancier", Connection.CLUSTER, Role.SUPPLIER, None).id


def test_a_note_saved_on_an_outdated_version_is_refused_with_the_colleagues_text(two) -> None:
    anna, bram = two
    dossier_id = cluster_dossier(anna)
    first = anna.set_note(dossier_id, "cluster.1", "Anna's afspraak", version=0)
    assert first == 1 and bram.versioned_notes(dossier_id) == {"cluster.1": ("Anna's afspraak", 1)}
    second = anna.set_note(dossier_id, "cluster.1", "Anna's afspraak, bijgewerkt", version=first)
    with pytest.raises(StaleEditError) as refused:
        bram.set_note(dossier_id, "cluster.1", "Bram's afspraak", version=first)  # Bram typed on version 1
    stale = refused.value
    assert (stale.theirs, stale.version, stale.author) == ("Anna's afspraak, bijgewerkt", second, "Anna")
    assert anna.notes(dossier_id) == {"cluster.1": "Anna's afspraak, bijgewerkt"}  # nothing overwritten
    assert bram.set_note(dossier_id, "cluster.1", "Bram's afspraak", version=stale.version) == second + 1
    assert anna.notes(dossier_id) == {"cluster.1": "Bram's afspraak"}


def test_a_note_typed_alike_by_both_is_no_conflict(two) -> None:
    anna, bram = two
    dossier_id = cluster_dossier(anna)
    anna.set_note(dossier_id, "cluster.2", "Zelfde", version=0)
    assert bram.set_note(dossier_id, "cluster.2", "Zelfde", version=0) == 1


def test_the_history_says_who_and_keeps_each_persons_typing_apart(two) -> None:
    """Typing in one sitting is one change, but only one person's: Bram's edit right after Anna's
    is a change of his own, so her text stays in the history too."""
    anna, bram = two
    dossier_id = cluster_dossier(anna)
    anna.set_note(dossier_id, "cluster.1", "A", version=0)
    anna.set_note(dossier_id, "cluster.1", "Anna", version=1)
    bram.set_note(dossier_id, "cluster.1", "Bram", version=2)
    anna.set_item_ticked(dossier_id, "cluster.1.1", True)
    changes = [(change.author, change.old, change.new) for change in bram.history(dossier_id)]
    assert changes == [
        ("Anna", "", "Anna"),
        ("Bram", "Anna", "Bram"),
        ("Anna", "niet afgevinkt", "afgevinkt"),
    ]


def test_ticking_the_same_item_twice_keeps_the_first_time(two) -> None:
    anna, bram = two
    dossier_id = cluster_dossier(anna)
    assert anna.set_item_ticked(dossier_id, "cluster.1.1", True) == MORNING
    assert bram.set_item_ticked(dossier_id, "cluster.1.1", True) == MORNING  # already ticked: kept
    assert bram.ticked_items(dossier_id) == {"cluster.1.1": MORNING}
    assert [change.author for change in anna.history(dossier_id)] == ["Anna"]


def test_two_people_editing_other_fields_of_one_entry_keep_both(two) -> None:
    anna, bram = two
    dossier_id = cluster_dossier(anna)
    shown = anna.save_care_provider(dossier_id, CareProvider(0, "Fysio", "12345678"))
    assert shown.version == 1
    anna_saved = anna.save_care_provider(dossier_id, replace(shown, kvk="87654321"), shown)
    bram_saved = bram.save_care_provider(
        dossier_id, replace(shown, production=date(2026, 11, 1)), shown
    )  # Bram's form still showed version 1: his field is another, so both edits stay
    assert (anna_saved.version, bram_saved.version) == (2, 3)
    assert anna.care_providers(dossier_id) == [
        CareProvider(shown.id, "Fysio", "87654321", production=date(2026, 11, 1), version=3)
    ]


def test_two_people_editing_the_same_register_field_are_told(two) -> None:
    anna, bram = two
    dossier_id = cluster_dossier(anna)
    shown = anna.save_care_provider(dossier_id, CareProvider(0, "Fysio", "12345678"))
    anna.save_care_provider(dossier_id, replace(shown, name="Fysio Oost"), shown)
    with pytest.raises(StaleEditError) as refused:
        bram.save_care_provider(dossier_id, replace(shown, name="Fysio West"), shown)
    stale = refused.value
    assert (stale.field, stale.theirs, stale.version, stale.author) == ("name", "Fysio Oost", 2, "Anna")
    assert [each.name for each in bram.care_providers(dossier_id)] == ["Fysio Oost"]
    on_top = bram.care_providers(dossier_id)[0]
    kept = bram.save_care_provider(dossier_id, replace(on_top, name="Fysio West"), on_top)
    assert (kept.name, kept.version) == ("Fysio West", 3)


def test_the_export_keeps_who_made_each_change_and_older_files_still_import(two) -> None:
    anna, _bram = two
    dossier_id = cluster_dossier(anna)
    anna.set_note(dossier_id, "cluster.1", "Notitie")
    document = json.loads(export_json(anna.snapshot(dossier_id), NOON))
    assert [change["author"] for change in document["changes"]] == ["Anna"]
    assert [change.author for change in parse_import(json.dumps(document).encode()).changes] == ["Anna"]
    for change in document["changes"]:
        del change["author"]
    document["version"] = 5  # written before authors were exported
    imported = anna.add_snapshot(parse_import(json.dumps(document).encode()), "Ingelezen")
    assert [(change.author, change.new) for change in anna.history(imported.id)] == [(None, "Notitie")]


def test_a_schema_6_database_gets_versions_and_an_empty_author(data_dir: Path) -> None:
    shutil.copy(FIXTURES / "schema-v6.db", data_dir / DATABASE_NAME)
    store = Store(data_dir)
    dossier = store.find_dossier("Praktijk Versie Een")
    assert store.versioned_notes(dossier.id) == {"direct.1": ("Notitie uit schema 1", 1)}
    assert {change.author for change in store.history(dossier.id)} == {None}
    store.author = "Anna"
    with pytest.raises(StaleEditError):
        store.set_note(dossier.id, "direct.1", "Bijgewerkt", version=0)
    assert store.set_note(dossier.id, "direct.1", "Bijgewerkt", version=1) == 2
    provider = store.save_care_provider(dossier.id, CareProvider(0, "Fysio", "12345678"))
    assert provider.version == 1 and store.history(dossier.id)[-1].author == "Anna"
    store.close()


def test_a_lost_connection_is_its_own_error_and_the_store_works_again_once_it_is_back(
    cuttable_line: tuple[CuttableLine, str],
) -> None:
    cuttable, address = cuttable_line
    store = Store(address)
    dossier_id = cluster_dossier(store)
    assert store.set_note(dossier_id, "cluster.1", "Voor de storing", version=0) == 1
    cuttable.cut()
    with pytest.raises(ConnectionLostError, match="De verbinding met de gedeelde database is verbroken"):
        store.set_note(dossier_id, "cluster.1", "Tijdens de storing", version=1)
    with pytest.raises(ConnectionLostError):
        store.change_mark(dossier_id)
    cuttable.restore()
    assert store.set_note(dossier_id, "cluster.1", "Tijdens de storing", version=1) == 2
    assert store.notes(dossier_id) == {"cluster.1": "Tijdens de storing"}
    store.close()
