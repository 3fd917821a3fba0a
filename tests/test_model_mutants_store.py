"""The store's rules that mutation testing found untested: restoring a backup, long free names, yearly
reports changed and forgotten, and the system's reason in an opening problem."""

import errno
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from model.backups import list_backups, make_backup, prune
from model.content import Connection, Role
from model.dossier import CareProvider, Change
from model.limits import NAME_MAX_LENGTH
from model.store import DATABASE_NAME, SCHEMA_VERSION, DamagedDatabaseError, Store, StoreError, open_problem
from model.store.schema import TABLES_ADDED

NOW = datetime(2026, 11, 28, 9, 30)


@pytest.fixture
def store(store_at: Callable[[datetime], Store]) -> Store:
    return store_at(NOW)


@pytest.mark.usefixtures("amsterdam")
def test_the_copy_made_before_restoring_is_named_for_it_and_never_pruned(store: Store) -> None:
    store.create_dossier("Eerst", Connection.DIRECT, Role.CARE_PROVIDER, None)
    old = make_backup(store.path, datetime(2026, 11, 1, 9))
    kept = store.restore_backup(next(each for each in store.backups() if each.path == old))
    safety = next(each for each in list_backups(store.path) if each.path == kept)
    # named in Dutch time: 9:30 UTC is 10:30 in Amsterdam in November
    assert (safety.reason, safety.made_at) == ("voor-terugzetten", datetime(2026, 11, 28, 10, 30))
    for day in range(2, 20):  # more regular backups than are kept, all newer
        make_backup(store.path, datetime(2026, 11, day, 9))
    prune(store.path)
    assert kept.exists()


def test_restoring_leaves_no_staging_file_and_no_journal_of_the_old_data(store: Store) -> None:
    store.create_dossier("Eerst", Connection.DIRECT, Role.CARE_PROVIDER, None)
    old = make_backup(store.path, datetime(2026, 11, 1, 9))
    store.create_dossier("Later", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.restore_backup(next(each for each in store.backups() if each.path == old))
    assert [dossier.name for dossier in store.list_dossiers()] == ["Eerst"]
    store.close()
    assert sorted(path.name for path in store.path.parent.iterdir()) == ["backups", DATABASE_NAME]


def test_a_damaged_backup_is_reported_and_the_data_stay_as_they_were(store: Store, data_dir: Path) -> None:
    """A backup that turns out damaged is checked before it replaces anything: the data stay in
    use as they were, and the backup stays where the message says it is."""
    store.create_dossier("Blijft", Connection.DIRECT, Role.CARE_PROVIDER, None)
    broken = data_dir / "backups" / "wegwijzer-20261101-090000.db"
    broken.parent.mkdir()
    connection = sqlite3.connect(broken)  # a readable SQLite file of our schema that lacks its tables
    connection.execute("CREATE TABLE dossiers (id INTEGER PRIMARY KEY)")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.commit()
    connection.close()
    with pytest.raises(DamagedDatabaseError) as raised:
        store.restore_backup(next(each for each in store.backups() if each.path == broken))
    assert raised.value.moved_to is None and raised.value.path == broken and broken.exists()
    assert str(raised.value) == (  # the backup the user chose (not the copy checked), and what is wrong
        f"De database {broken} is beschadigd of onleesbaar (de tabel ‘annual_repairs’ ontbreekt)."
    )
    assert [dossier.name for dossier in store.list_dossiers()] == ["Blijft"]  # still open, unchanged
    assert not list(data_dir.glob("wegwijzer-beschadigd-*"))
    assert not list(data_dir.glob(f"{DATABASE_NAME}.restore*"))  # the unfit copy is gone


def test_a_system_error_while_opening_is_said_in_dutch() -> None:
    path = Path("/data/wegwijzer.db")
    error = FileNotFoundError(errno.ENOENT, "No such file or directory")
    assert open_problem(path, error) == (
        f"De gegevens in {path} kunnen niet worden geopend: het bestand of de map bestaat niet."
    )


def test_a_name_that_just_fits_its_number_keeps_every_character(store: Store) -> None:
    name = "a" * (NAME_MAX_LENGTH - len(" (2)"))
    store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, None)
    assert store.free_name(name) == name + " (2)"


def test_a_name_too_long_for_its_number_is_shortened_to_fit_with_a_mark(store: Store) -> None:
    name = "a" * (NAME_MAX_LENGTH - len(" (2)") + 1)
    store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, None)
    free = store.free_name(name)
    assert free == "a" * (NAME_MAX_LENGTH - len(" (2)") - 1) + "… (2)"
    assert len(free) == NAME_MAX_LENGTH


def test_a_shortened_name_does_not_end_in_a_space_before_the_mark(store: Store) -> None:
    kept = NAME_MAX_LENGTH - len(" (2)") - 1  # the characters kept before "…"
    name = "b" + "a" * (kept - 2) + " " + "ccc"  # too long for " (2)"; the cut falls just after the space
    store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, None)
    assert store.free_name(name) == "b" + "a" * (kept - 2) + "… (2)"


def test_a_yearly_report_changed_and_forgotten_is_stored_and_in_the_history(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2025, 3, 1))
    store.set_annual_report(dossier.id, 2026, date(2026, 4, 1))
    store.set_annual_report(dossier.id, 2026, date(2026, 4, 1))  # the same day again: no change
    store.set_annual_report(dossier.id, 2026, date(2026, 4, 20))
    assert store.annual_reports(dossier.id) == {2026: date(2026, 4, 20)}
    store.set_annual_report(dossier.id, 2026, None)
    assert store.annual_reports(dossier.id) == {}
    assert store.history(dossier.id) == [
        Change(NOW, None, "annual_report.2026", "", "2026-04-01"),
        Change(NOW, None, "annual_report.2026", "2026-04-01", "2026-04-20"),
        Change(NOW, None, "annual_report.2026", "2026-04-20", ""),
    ]


def test_removing_a_care_provider_is_in_the_register_steps_history(store: Store) -> None:
    dossier = store.create_dossier("Leverancier", Connection.CLUSTER, Role.SUPPLIER, None)
    provider = store.save_care_provider(dossier.id, CareProvider(0, "Fysio", "12345678"))
    store.delete_care_provider(dossier.id, provider.id)
    assert store.care_providers(dossier.id) == []
    assert store.history(dossier.id, "register")[-1] == Change(
        NOW, "register", f"care_provider:{provider.id}", "Fysio", "verwijderd"
    )


def test_saving_an_entry_that_is_gone_says_so(store: Store) -> None:
    dossier = store.create_dossier("Leverancier", Connection.CLUSTER, Role.SUPPLIER, None)
    provider = store.save_care_provider(dossier.id, CareProvider(0, "Fysio", "12345678"))
    store.delete_care_provider(dossier.id, provider.id)
    with pytest.raises(StoreError) as raised:
        store.save_care_provider(dossier.id, provider)
    assert str(raised.value) == "Deze zorgaanbieder bestaat niet meer."
    assert store.care_providers(dossier.id) == []


def test_a_database_without_the_newest_table_is_damaged(data_dir: Path) -> None:
    """The tables of the database's own version are all required, the newest added one too."""
    Store(data_dir).close()
    [newest] = TABLES_ADDED[max(TABLES_ADDED)]
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    connection.execute(f"DROP TABLE {newest}")
    connection.commit()
    connection.close()
    with pytest.raises(DamagedDatabaseError) as raised:
        Store(data_dir, set_aside_damaged=False)
    assert raised.value.reason == f"de tabel ‘{newest}’ ontbreekt"


def test_exporting_a_dossier_that_is_gone_says_so(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.delete_dossier(dossier.id)
    with pytest.raises(StoreError) as raised:
        store.snapshot(dossier.id)
    assert str(raised.value) == "Dit dossier bestaat niet meer."
