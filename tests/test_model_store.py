"""The store's parts one by one: settings, the history of typing, names, the register, ticks and notes."""

import errno
import re
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from model.content import Connection, Role
from model.dossier import TICKED, UNTICKED, CareProvider, Change, DateField, DossierNameError
from model.store import DamagedDatabaseError, Store, StoreError, open_problem

START = datetime(2026, 11, 28, 9, 30)


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(store_source: Path | str, clock: Clock) -> Iterator[Store]:
    store = Store(store_source, clock=clock)
    yield store
    store.close()


def test_the_last_dossier_is_remembered_and_forgotten(store: Store) -> None:
    assert store.last_dossier_id() is None
    store.remember_last_dossier(12)
    assert (store.setting("last_dossier"), store.last_dossier_id()) == ("12", 12)
    store.remember_last_dossier(None)
    assert (store.setting("last_dossier"), store.last_dossier_id()) == ("", None)
    store.set_setting("last_dossier", "-3")  # not a number the database hands out
    assert store.last_dossier_id() is None
    assert store.setting("unknown") is None


def test_typing_in_one_sitting_is_one_change(store: Store, clock: Clock) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_note(dossier.id, "direct.1", "Eerst")
    clock.now += timedelta(minutes=10)  # still the same sitting
    store.set_note(dossier.id, "direct.1", "Eerst en dan")
    assert store.history(dossier.id) == [Change(clock.now, "direct.1", "note", "", "Eerst en dan")]
    clock.now += timedelta(minutes=10, seconds=1)  # a new sitting
    store.set_note(dossier.id, "direct.1", "Later")
    assert [(c.old, c.new) for c in store.history(dossier.id)] == [
        ("", "Eerst en dan"),
        ("Eerst en dan", "Later"),
    ]
    store.set_note(dossier.id, "direct.1", "Eerst en dan")  # typed back within the sitting: no change
    assert [(c.old, c.new) for c in store.history(dossier.id)] == [("", "Eerst en dan")]
    store.set_note(dossier.id, "direct.1", "Eerst en dan")  # the same text again: nothing to log
    assert len(store.history(dossier.id)) == 1


def test_the_history_of_one_step(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_note(dossier.id, "direct.1", "Een")
    store.set_item_ticked(dossier.id, "direct.2.1", True)
    store.set_date(dossier.id, DateField.ACTIVATION, date(2026, 10, 1))
    assert [c.subject for c in store.history(dossier.id, "direct.2")] == ["direct.2.1"]
    assert [c.step_id for c in store.history(dossier.id)] == ["direct.1", "direct.2", None]
    assert store.history(dossier.id)[-1] == Change(START, None, "activation_date", "", "2026-10-01")


def test_ticking_says_when_and_unticking_says_none(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    assert store.set_item_ticked(dossier.id, "direct.2.1", False) is None  # nothing to untick
    assert store.set_item_ticked(dossier.id, "direct.2.1", True) == START
    assert store.set_item_ticked(dossier.id, "direct.2.1", False) is None
    assert store.ticked_items(dossier.id) == {}
    assert [(c.step_id, c.old, c.new) for c in store.history(dossier.id)] == [
        ("direct.2", UNTICKED, TICKED),
        ("direct.2", TICKED, UNTICKED),
    ]


def test_an_emptied_note_is_no_note(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_note(dossier.id, "direct.1", "Iets")
    store.set_note(dossier.id, "direct.1", "")
    assert store.notes(dossier.id) == {}


def test_a_taken_name_gets_the_first_free_number(store: Store) -> None:
    store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    assert store.free_name("Nieuw") == "Nieuw"
    assert store.free_name("Praktijk") == "Praktijk (2)"
    store.create_dossier("Praktijk (2)", Connection.DIRECT, Role.CARE_PROVIDER, None)
    assert store.free_name("praktijk") == "praktijk (3)"
    assert store.find_dossier("  PRAKTIJK   (2) ").name == "Praktijk (2)"
    with pytest.raises(DossierNameError, match=re.escape("Er is al een dossier met de naam ‘Praktijk’.")):
        store.check_name(" praktijk ")


def test_dossiers_are_listed_by_name_whatever_the_case(store: Store) -> None:
    for name in ("beta", "Alfa", "Gamma"):
        store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, None)
    assert [each.name for each in store.list_dossiers()] == ["Alfa", "beta", "Gamma"]


def damage(store: Store, sql: str) -> None:
    with store._transaction() as session:
        session.execute(text(sql))


def test_damaged_dossiers_are_named_and_sorted(data_dir: Path) -> None:
    """Only a SQLite file can hold values of the wrong type, as an older or an edited file may."""
    store = Store(data_dir)
    kept = store.create_dossier("Goed", Connection.DIRECT, Role.CARE_PROVIDER, None)
    for name in ("zeta", "Alfa", "nul"):
        store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, None)
    damage(store, "UPDATE dossiers SET connection = 'fax' WHERE name IN ('zeta', 'Alfa', 'nul')")
    damage(store, "UPDATE dossiers SET name = 'n' || char(0) || 'ul' WHERE name = 'nul'")
    damaged = store.damaged_dossiers()
    assert [each.name for each in damaged] == ["Alfa", "nul", "zeta"]  # the NUL left out, to be shown
    assert all(each.problem for each in damaged)
    assert store.list_dossiers() == [kept] and store.dossier(damaged[0].id) is None
    damage(store, f"UPDATE dossiers SET name = x'41' WHERE id = {damaged[0].id}")
    assert f"Dossier {damaged[0].id}" in [
        each.name for each in store.damaged_dossiers()
    ]  # a name that is no text


def test_the_position_is_kept_but_not_in_the_history(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_position(dossier.id, "direct.3")
    store.set_position(dossier.id + 1, "direct.3")  # a dossier that is gone: nothing happens
    changed = store.set_connection(dossier.id, Connection.CLUSTER)
    assert changed.position == "dossier" and changed.connection == Connection.CLUSTER
    assert [(c.subject, c.old, c.new) for c in store.history(dossier.id)] == [
        ("connection", "direct", "cluster")
    ]
    with pytest.raises(StoreError, match=re.escape("Dit dossier bestaat niet meer.")):
        store.set_role(dossier.id + 1, Role.SUPPLIER)


def test_the_register_keeps_each_dossier_s_own_entries(store: Store, clock: Clock) -> None:
    mine = store.create_dossier("Leverancier", Connection.CLUSTER, Role.SUPPLIER, None)
    other = store.create_dossier("Ander", Connection.CLUSTER, Role.SUPPLIER, None)
    entry = store.save_care_provider(
        mine.id, CareProvider(0, "Fysio", "12345678", production=date(2026, 10, 1))
    )
    assert store.care_providers(mine.id) == [entry] and store.care_providers(other.id) == []
    with pytest.raises(StoreError, match=re.escape("Deze zorgaanbieder bestaat niet meer.")):
        store.save_care_provider(other.id, entry)
    store.delete_care_provider(other.id, entry.id)  # not this dossier's: left alone
    assert store.care_providers(mine.id) == [entry]
    clock.now += timedelta(hours=1)
    store.delete_care_provider(mine.id, entry.id)
    subject = f"care_provider:{entry.id}"
    assert [(c.subject, c.old, c.new) for c in store.history(mine.id)] == [
        (subject, "", "toegevoegd"),
        (f"{subject}:name", "", "Fysio"),
        (f"{subject}:kvk", "", "12345678"),
        (f"{subject}:production", "", "2026-10-01"),
        (subject, "Fysio", "verwijderd"),
    ]


class WrappedError(Exception):
    """As SQLAlchemy wraps a driver's error: the driver's own words in `orig`."""

    def __init__(self, orig: Exception) -> None:
        super().__init__("(wrapped)")
        self.orig = orig


READ_ONLY = (
    "De gegevens in {} kunnen niet worden opgeslagen: het bestand of de map is alleen-lezen. "
    "Geef uzelf schrijfrechten, of start de app met een andere gegevensmap."
)


@pytest.mark.parametrize(
    "error, said",
    [
        (WrappedError(sqlite3.OperationalError("attempt to write a readonly database")), READ_ONLY),
        (OSError("Read-only file system"), READ_ONLY),
        (OSError(errno.EACCES, "Permission denied"), READ_ONLY),
        (
            WrappedError(sqlite3.OperationalError("database or disk full")),
            "De schijf met de gegevens ({}) is vol. Maak ruimte vrij en start de app opnieuw.",
        ),
        (
            OSError(errno.ENOSPC, "No space left on device"),
            "De schijf met de gegevens ({}) is vol. Maak ruimte vrij en start de app opnieuw.",
        ),
        (
            sqlite3.OperationalError("unable to open database file"),
            "De database {} kan niet worden geopend; controleer of de map bestaat en schrijfbaar is.",
        ),
        (
            ValueError("Something odd\nmore detail"),
            "De gegevens in {} kunnen niet worden geopend (something odd).",
        ),
        (ValueError(""), "De gegevens in {} kunnen niet worden geopend (?)."),
    ],
)
def test_why_the_database_cannot_be_opened_in_one_sentence(error: Exception, said: str) -> None:
    path = Path("/data/wegwijzer.db")
    assert open_problem(path, error) == said.format(path)


def test_a_damaged_database_says_why_and_is_not_yet_moved() -> None:
    damaged = DamagedDatabaseError(Path("/data/wegwijzer.db"), "het bestand is leeg")
    assert str(damaged) == "De database /data/wegwijzer.db is beschadigd of onleesbaar (het bestand is leeg)."
    assert damaged.moved_to is None and damaged.reason == "het bestand is leeg"
