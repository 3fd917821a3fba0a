"""The store keeps every edit, committed at once, and refuses names it can't use."""

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from model.content import Connection, Role
from model.dossier import NAME_MAX_LENGTH, Dossier, DossierNameError
from model.store import DATABASE_NAME, SCHEMA_VERSION, Store


@pytest.fixture
def store(store_source: Path | str) -> Store:
    store = Store(store_source, clock=lambda: datetime(2026, 11, 28, 9, 30))
    yield store
    store.close()


def test_everything_survives_reopening(store_source: Path | str, store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.CLUSTER, Role.SUPPLIER, date(2026, 12, 31))
    store.set_item_ticked(dossier.id, "cluster.2.3", True)
    store.set_note(dossier.id, "cluster.2", "Contract aangevraagd")
    store.set_position(dossier.id, "cluster.2")
    store.remember_last_dossier(dossier.id)
    store.close()

    again = Store(store_source)
    assert again.dossier(dossier.id) == Dossier(
        id=dossier.id,
        name="Praktijk",
        connection=Connection.CLUSTER,
        role=Role.SUPPLIER,
        position="cluster.2",
        activation_date=date(2026, 12, 31),
    )
    assert again.ticked_items(dossier.id) == {"cluster.2.3": datetime(2026, 11, 28, 9, 30)}
    assert again.notes(dossier.id) == {"cluster.2": "Contract aangevraagd"}
    assert again.last_dossier_id() == dossier.id
    again.close()


def test_commits_are_durable_wal_with_full_sync(data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_item_ticked(dossier.id, "direct.1.1", True)
    # A second, independent connection sees the tick at once: it was committed, not buffered.
    other = sqlite3.connect(data_dir / DATABASE_NAME)
    assert other.execute("SELECT item_id FROM ticked_items").fetchall() == [("direct.1.1",)]
    assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert other.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    other.close()
    with store._engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.close()


def test_the_wal_is_copied_into_the_file_every_hundred_pages(data_dir: Path) -> None:
    """Small, frequent checkpoints: SQLite's default of 1000 pages made a tick every few hundred
    wait for a 4 MB copy and two syncs (issue 20)."""
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    wal = data_dir / (DATABASE_NAME + "-wal")
    largest = 0
    for number in range(300):
        store.set_item_ticked(dossier.id, "direct.1.1", number % 2 == 0)
        largest = max(largest, wal.stat().st_size)
    page_size = sqlite3.connect(data_dir / DATABASE_NAME).execute("PRAGMA page_size").fetchone()[0]
    assert 100 * page_size < largest < 120 * page_size
    store.close()


def test_ticking_an_item_again_keeps_its_first_time(store_source: Path | str) -> None:
    now = [datetime(2026, 11, 2, 9)]
    store = Store(store_source, clock=lambda: now[0])
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    assert store.set_item_ticked(dossier.id, "direct.1.1", True) == datetime(2026, 11, 2, 9)
    now[0] = datetime(2026, 11, 5, 14)
    assert store.set_item_ticked(dossier.id, "direct.1.1", True) == datetime(2026, 11, 2, 9)
    assert store.ticked_items(dossier.id) == {"direct.1.1": datetime(2026, 11, 2, 9)}
    assert [(change.at, change.new) for change in store.history(dossier.id)] == [
        (datetime(2026, 11, 2, 9), "afgevinkt")
    ]
    store.close()


def test_untick_removes_the_tick_and_retick_gets_a_new_time(store_source: Path | str) -> None:
    now = [datetime(2026, 11, 1)]
    store = Store(store_source, clock=lambda: now[0])
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    now[0] = datetime(2026, 11, 2)
    assert store.set_item_ticked(dossier.id, "direct.1.1", True) == datetime(2026, 11, 2)
    assert store.set_item_ticked(dossier.id, "direct.1.1", False) is None
    assert store.ticked_items(dossier.id) == {}
    now[0] = datetime(2026, 11, 3)
    assert store.set_item_ticked(dossier.id, "direct.1.1", True) == datetime(2026, 11, 3)
    store.close()


@pytest.mark.parametrize(
    "name, problem",
    [
        ("", "Vul de naam van de organisatie in."),
        ("   \t ", "Vul de naam van de organisatie in."),
        ("x" * (NAME_MAX_LENGTH + 1), f"De naam is te lang (hooguit {NAME_MAX_LENGTH} tekens)."),
        (" praktijk  DE linde ", "Er is al een dossier met de naam ‘Praktijk De Linde’."),
    ],
)
def test_names_that_cannot_be_used(store: Store, name: str, problem: str) -> None:
    store.create_dossier("Praktijk De Linde", Connection.DIRECT, Role.CARE_PROVIDER, None)
    with pytest.raises(DossierNameError) as refused:
        store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, None)
    assert str(refused.value) == problem
    assert len(store.list_dossiers()) == 1


def test_names_are_trimmed_and_a_dossier_may_keep_its_own_name(store: Store) -> None:
    dossier = store.create_dossier("  Praktijk   De Linde ", Connection.DIRECT, Role.CARE_PROVIDER, None)
    assert dossier.name == "Praktijk De Linde"
    assert store.rename_dossier(dossier.id, "praktijk de linde").name == "praktijk de linde"


def test_switching_flow_keeps_ticks_and_notes(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_item_ticked(dossier.id, "direct.2.1", True)
    store.set_note(dossier.id, "direct.2", "Gap-analyse gepland")
    store.set_connection(dossier.id, Connection.CLUSTER)
    store.set_connection(dossier.id, Connection.DIRECT)
    assert set(store.ticked_items(dossier.id)) == {"direct.2.1"}
    assert store.notes(dossier.id) == {"direct.2": "Gap-analyse gepland"}


def test_delete_removes_the_dossier_with_its_ticks_and_notes(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_item_ticked(dossier.id, "direct.2.1", True)
    store.set_note(dossier.id, "direct.2", "x")
    store.delete_dossier(dossier.id)
    assert store.dossier(dossier.id) is None
    assert store.ticked_items(dossier.id) == {}
    assert store.notes(dossier.id) == {}


def test_renaming_while_typing_is_one_change_per_sitting(store_source: Path | str) -> None:
    """The name is saved at every pause in typing; the history keeps one change per sitting."""
    now = [datetime(2026, 11, 2, 9)]
    store = Store(store_source, clock=lambda: now[0])
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    for typed in ("Praktijk De", "Praktijk De Linde"):
        store.rename_dossier(dossier.id, typed)
    now[0] = datetime(2026, 11, 5, 14)
    store.rename_dossier(dossier.id, "Huisartsen De Linde")
    assert [(change.subject, change.old, change.new) for change in store.history(dossier.id)] == [
        ("name", "Praktijk", "Praktijk De Linde"),
        ("name", "Praktijk De Linde", "Huisartsen De Linde"),
    ]
    store.close()
