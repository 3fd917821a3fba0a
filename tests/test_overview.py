"""The start page's list is read in one query: the same records as reading each dossier, and one
damaged value spoils one dossier, not the list."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, text

from model.content import Connection, Role, bundled_content
from model.dossier import CareProvider, DateField, DossierOverview
from model.rounds import RoundStart
from model.store import Store


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    store = Store(data_dir)
    yield store
    store.close()


@pytest.fixture
def either_store(store_source: Path | str) -> Iterator[Store]:
    store = Store(store_source)
    yield store
    store.close()


def fill(store: Store, dossiers: int) -> None:
    """Dossiers of every kind: ticks, a register with dates (two in production) and yearly reports."""
    flows = bundled_content().flows
    known = len(store.list_dossiers())
    for number in range(known, known + dossiers):
        connection = Connection.CLUSTER if number % 2 else Connection.DIRECT
        dossier = store.create_dossier(f"Praktijk {number}", connection, Role.SUPPLIER, date(2026, 3, 1))
        for item in flows[connection].action_item_ids[: number % 5]:
            store.set_item_ticked(dossier.id, item, True)
        for provider in range(number % 3):
            day = date(2026, 4, provider + 1)
            live = CareProvider(0, f"Zorg {provider}", f"1234567{provider}", production=day)
            store.save_care_provider(dossier.id, live)
        if number % 4 == 0:
            store.set_annual_report(dossier.id, 2026, date(2026, 2, 14))
            store.set_annual_repair(dossier.id, 2026, DateField.FINDINGS_FIXED, date(2026, 3, 30))


def read_one_by_one(store: Store) -> list[DossierOverview]:
    return [
        DossierOverview(
            dossier,
            frozenset(store.ticked_items(dossier.id)),
            tuple(store.care_providers(dossier.id)),
            store.annual_reports(dossier.id),
            store.annual_repairs(dossier.id),
            store.current_round(dossier.id),
        )
        for dossier in store.list_dossiers()
    ]


def test_the_overview_holds_what_each_dossier_holds(either_store: Store) -> None:
    """On both engines, each with its own JSON functions."""
    store = either_store
    fill(store, 9)
    ticked = store.list_dossiers()[4]  # Praktijk 4: a direct dossier with four ticks
    store.start_round(ticked.id, 2027, RoundStart({}, {}))  # its list shows the new round: no ticks
    usable, damaged = store.dossier_overviews()
    assert damaged == []
    assert usable == read_one_by_one(store)
    assert any(each.care_providers for each in usable) and any(each.annual_reports for each in usable)
    assert any(each.annual_repairs for each in usable)
    assert [(each.ticked, each.round_year) for each in usable if each.dossier.id == ticked.id] == [
        (frozenset(), 2027)
    ]


def test_one_query_however_many_dossiers(either_store: Store) -> None:
    store = either_store
    statements: list[str] = []
    event.listen(store._engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    for added, total in ((1, 1), (11, 12)):
        fill(store, added)
        statements.clear()
        usable, _ = store.dossier_overviews()
        assert len(usable) == total
        reads = [each for each in statements if each.lstrip().upper().startswith("SELECT")]
        assert len(reads) == 1, reads


def test_a_bad_value_in_a_register_spoils_only_its_dossier(store: Store) -> None:
    fill(store, 4)
    with store._transaction() as session:
        session.execute(text("UPDATE care_providers SET production = 'ooit' WHERE id = 1"))
        session.execute(text("UPDATE care_providers SET name = CAST(x'80ff' AS TEXT) WHERE id = 2"))
    usable, damaged = store.dossier_overviews()
    assert [each.name for each in damaged] == ["Praktijk 1"]  # the one with care provider 1
    assert "ooit" in damaged[0].problem
    assert [each.dossier.name for each in usable] == ["Praktijk 0", "Praktijk 2", "Praktijk 3"]
    assert "\ufffd" in usable[1].care_providers[0].name  # a stray byte is shown, not fatal


def test_one_dossier_is_read_by_its_id(store: Store) -> None:
    fill(store, 3)
    wanted = store.list_dossiers()[1]
    assert store.dossier(wanted.id) == wanted
    assert store.dossier(wanted.id + 100) is None


def test_a_bad_value_in_a_dossier_spoils_only_that_dossier_on_either_engine(either_store: Store) -> None:
    store = either_store
    fill(store, 3)
    with store._transaction() as session:
        session.execute(text("UPDATE dossiers SET role = 'baas' WHERE name = 'Praktijk 1'"))
    usable, damaged = store.dossier_overviews()
    assert [each.name for each in damaged] == ["Praktijk 1"]
    assert [each.dossier.name for each in usable] == ["Praktijk 0", "Praktijk 2"]
    assert usable == read_one_by_one(store)
