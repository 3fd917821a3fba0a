"""The store on a shared PostgreSQL database (issue 22): its schema version table, what it refuses,
what only a local file can do, and the password that is never shown."""

import re
import subprocess
import sys
import threading
from datetime import date, datetime

import pytest
from sqlalchemy import create_engine, text

from model.backups import Backup
from model.content import Connection, Role
from model.dossier import CareProvider
from model.store import SCHEMA_VERSION, ForeignDatabaseError, NewerDatabaseError, Store, StoreError
from model.store import schema as store_schema
from tests.app_process import ROOT
from tests.postgres_server import PASSWORD, REQUIRE_VARIABLE, Server, free_port, no_server


def rows(url: str, sql: str) -> list[tuple]:
    """What `sql` returns (nothing for a statement that returns no rows), on a connection of its own."""
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(sql))
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def test_a_new_database_gets_every_table_and_its_version(database_url: str) -> None:
    Store(database_url).close()
    assert rows(database_url, "SELECT version FROM wegwijzer_schema") == [(SCHEMA_VERSION,)]
    tables = rows(database_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    assert {table for (table,) in tables} == {*store_schema.Base.metadata.tables, "wegwijzer_schema"}
    Store(database_url).close()  # opened again: nothing to build
    assert rows(database_url, "SELECT version FROM wegwijzer_schema") == [(SCHEMA_VERSION,)]


def test_a_newer_schema_is_refused_and_left_as_it_is(database_url: str) -> None:
    Store(database_url).close()
    rows(database_url, f"UPDATE wegwijzer_schema SET version = {SCHEMA_VERSION + 1}")
    with pytest.raises(NewerDatabaseError) as refused:
        Store(database_url)
    message = str(refused.value)
    assert "nieuwere versie van DigiD Assessment Wegwijzer" in message and "Er is niets gewijzigd." in message
    assert f"schema {SCHEMA_VERSION + 1}" in message and PASSWORD not in message
    assert rows(database_url, "SELECT version FROM wegwijzer_schema") == [(SCHEMA_VERSION + 1,)]


def test_an_upgrade_runs_the_ladder_in_one_transaction(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same ladder as on SQLite: a step that fails leaves the database as it was."""
    Store(database_url).close()
    rows(database_url, f"UPDATE wegwijzer_schema SET version = {SCHEMA_VERSION - 1}")

    def failing_step(connection) -> None:
        connection.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("step failed")

    monkeypatch.setitem(store_schema.UPGRADES, SCHEMA_VERSION - 1, failing_step)
    with pytest.raises(RuntimeError):
        Store(database_url)
    assert rows(database_url, "SELECT version FROM wegwijzer_schema") == [(SCHEMA_VERSION - 1,)]
    assert rows(database_url, "SELECT count(*) FROM pg_tables WHERE tablename = 'half_done'") == [(0,)]

    def adding_step(connection) -> None:
        connection.exec_driver_sql("CREATE TABLE added_by_step (id INTEGER)")

    monkeypatch.setitem(store_schema.UPGRADES, SCHEMA_VERSION - 1, adding_step)
    Store(database_url).close()
    assert rows(database_url, "SELECT version FROM wegwijzer_schema") == [(SCHEMA_VERSION,)]
    assert rows(database_url, "SELECT count(*) FROM added_by_step") == [(0,)]


def test_tables_of_another_program_with_our_names_are_refused(database_url: str) -> None:
    rows(database_url, "CREATE TABLE dossiers (id INTEGER, owner TEXT)")
    with pytest.raises(ForeignDatabaseError, match="niet door gemaakt"):
        Store(database_url)
    assert rows(database_url, "SELECT count(*) FROM pg_tables WHERE tablename = 'wegwijzer_schema'") == [(0,)]


def test_backups_and_restoring_say_they_are_for_a_local_file_only(database_url: str, tmp_path) -> None:
    store = Store(database_url)
    assert store.shared and PASSWORD not in store.where
    backup = Backup(tmp_path / "wegwijzer-20261101-090000.db", datetime(2026, 11, 1, 9), "")
    for attempt in (store.backups, lambda: store.restore_backup(backup), lambda: store.path):
        with pytest.raises(StoreError, match="kan alleen bij gegevens op deze computer"):
            attempt()
    store.close()


def test_a_wrong_password_is_told_without_showing_it(postgres: Server, database_url: str) -> None:
    wrong = database_url.replace(PASSWORD, "verkeerd-wachtwoord")
    with pytest.raises(StoreError) as refused:
        Store(wrong)
    message = str(refused.value)
    assert message.startswith("De gedeelde database postgresql+psycopg://wegwijzer:***@127.0.0.1:")
    assert message.endswith("kan niet worden geopend: de gebruikersnaam of het wachtwoord klopt niet.")
    assert "verkeerd-wachtwoord" not in message


def test_a_database_the_server_does_not_have_is_told_in_dutch(postgres: Server, database_url: str) -> None:
    missing = database_url.rsplit("/", 1)[0] + "/bestaat_niet"
    with pytest.raises(StoreError) as refused:
        Store(missing)
    assert str(refused.value).endswith("die database of gebruiker bestaat niet op de server.")


def test_an_unreachable_server_is_told_without_the_password() -> None:
    address = f"postgresql+psycopg://wegwijzer:{PASSWORD}@127.0.0.1:{free_port()}/dossiers"
    with pytest.raises(StoreError, match="kan niet worden geopend") as refused:
        Store(address)
    assert PASSWORD not in str(refused.value) and "***" in str(refused.value)
    said = str(refused.value)
    assert said.endswith(": de server antwoordt niet op die poort. Staat hij aan, en klopt de poort?")


@pytest.mark.parametrize(
    "address", ["mysql://iemand:geheim@server/db", "postgresql+psycopg://iemand:geheim@server", "://"]
)
def test_an_address_that_is_not_a_postgresql_database_is_refused(address: str) -> None:
    form = re.escape("postgresql+psycopg://gebruiker@server:5432/database")
    with pytest.raises(StoreError, match=form) as refused:
        Store(address)
    assert "geheim" not in str(refused.value)


def test_a_wrong_kvk_number_is_kept_as_typed(database_url: str) -> None:
    """A number of up to 20 characters may be typed and kept, to be corrected later (model.limits)."""
    store = Store(database_url)
    dossier = store.create_dossier("Leverancier", Connection.CLUSTER, Role.SUPPLIER, None)
    kept = store.save_care_provider(dossier.id, CareProvider(0, "Fysio", "1234 5678 9012 3456 7"[:20]))
    assert store.care_providers(dossier.id) == [kept] and len(kept.kvk) == 20
    store.close()


def test_two_apps_starting_together_on_a_new_database_build_it_once(database_url: str) -> None:
    stores: list[Store] = []
    problems: list[Exception] = []

    def start() -> None:
        try:
            stores.append(Store(database_url))
        except Exception as problem:  # reported by the assertion below
            problems.append(problem)

    starting = [threading.Thread(target=start) for _ in range(2)]
    for thread in starting:
        thread.start()
    for thread in starting:
        thread.join(timeout=60)
    assert problems == [] and len(stores) == 2
    assert rows(database_url, "SELECT version FROM wegwijzer_schema") == [(SCHEMA_VERSION,)]
    for store in stores:
        store.close()


def test_two_stores_tick_the_same_dossier_and_each_sees_the_other(database_url: str) -> None:
    """Ticks are rows of their own: two people ticking one dossier at once lose nothing."""
    first, second = Store(database_url), Store(database_url)
    dossier = first.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 10, 1))
    first.set_item_ticked(dossier.id, "direct.1.1", True)
    second.set_item_ticked(dossier.id, "direct.1.2", True)
    second.set_item_ticked(dossier.id, "direct.1.1", True)  # already ticked by the other: kept as it was
    first.set_note(dossier.id, "direct.1", "Van de eerste")
    assert (
        set(first.ticked_items(dossier.id))
        == set(second.ticked_items(dossier.id))
        == {
            "direct.1.1",
            "direct.1.2",
        }
    )
    assert second.notes(dossier.id) == {"direct.1": "Van de eerste"}
    assert [change.subject for change in second.history(dossier.id)] == ["direct.1.1", "direct.1.2", "note"]
    first.close()
    second.close()


def test_an_installation_without_the_driver_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if psycopg were not installed
    with pytest.raises(StoreError, match="het onderdeel psycopg ontbreekt"):
        Store(f"postgresql+psycopg://wegwijzer:{PASSWORD}@127.0.0.1:5432/dossiers")


def test_without_postgresql_the_runs_are_skipped_here_but_fail_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(REQUIRE_VARIABLE, raising=False)
    with pytest.raises(pytest.skip.Exception, match="PostgreSQL is not installed"):
        no_server()
    monkeypatch.setenv(REQUIRE_VARIABLE, "1")
    with pytest.raises(pytest.fail.Exception, match=f"{REQUIRE_VARIABLE} asks for them"):
        no_server()


CONSULTANT = """
import sys
from dataclasses import replace
sys.path.insert(0, sys.argv[1])
from model.store import Store
from model.store.errors import StaleEditError
store = Store(sys.argv[2])
dossier_id, own, field = int(sys.argv[3]), sys.argv[4], sys.argv[5]
store.author = own
[shown] = store.care_providers(dossier_id)  # the register entry as both forms show it
print("ready", flush=True)
sys.stdin.readline()  # both start at once
store.remember_last_dossier(dossier_id)  # the first setting of this database, made by both at once


def keep_mine(save, version):  # what the "both texts" dialog's "Mijn tekst bewaren" does
    try:
        save(version)
    except StaleEditError as stale:
        print("refused", stale.field or "note", stale.author, flush=True)
        save(stale.version)


for step in range(1, 8):
    for item in range(1, 6):
        store.set_item_ticked(dossier_id, f"direct.{step}.{item}", True)  # the same items as the other
    keep_mine(lambda version: store.set_note(dossier_id, f"direct.{step}", own, version=version), 0)
store.save_care_provider(dossier_id, replace(shown, **{field: own}), shown)  # a field of one's own
try:  # and the same field as the other, on the entry as first shown
    store.save_care_provider(dossier_id, replace(shown, notes=own), shown)
except StaleEditError as stale:
    print("refused", stale.field, stale.author, flush=True)
    on_top = next(each for each in store.care_providers(dossier_id) if each.id == shown.id)
    store.save_care_provider(dossier_id, replace(on_top, notes=own), on_top)
store.close()
"""


def test_two_processes_ticking_typing_and_editing_the_register_at_once_lose_nothing(
    database_url: str,
) -> None:
    """Two app processes on one database (issue 22): every tick of both is there, each once, once
    in the history; a note or register field both change is refused to the later one, who is told
    by whom and then saves on top (as the "both texts" dialog's "Mijn tekst bewaren"): nothing is
    silently overwritten, and the history keeps both texts; fields each changed alone are both kept."""
    store = Store(database_url)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 10, 1))
    provider = store.save_care_provider(dossier.id, CareProvider(0, "Fysio", "12345678"))
    consultants = [
        subprocess.Popen(
            [sys.executable, "-c", CONSULTANT, str(ROOT), database_url, str(dossier.id), name, field],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name, field in (("Anna", "signatory_name"), ("Bram", "signatory_function"))
    ]
    for consultant in consultants:
        assert consultant.stdout.readline().strip() == "ready"
    for consultant in consultants:
        consultant.stdin.write("go\n")
        consultant.stdin.flush()
    outputs = [consultant.communicate(timeout=120)[0] for consultant in consultants]  # closes pipes too
    assert [consultant.returncode for consultant in consultants] == [0, 0]
    expected = {f"direct.{step}.{item}" for step in range(1, 8) for item in range(1, 6)}
    assert set(store.ticked_items(dossier.id)) == expected
    history = store.history(dossier.id)
    ticks = [
        change.subject for change in history if change.step_id != "register" and change.subject != "note"
    ]
    assert sorted(ticks) == sorted(expected)  # each tick once, whoever was first
    refusals = [line.split() for output in outputs for line in output.splitlines()]
    assert sorted(field for _refused, field, _author in refusals) == ["note"] * 7 + ["notes"]
    assert all(author in ("Anna", "Bram") for _refused, _field, author in refusals)
    assert set(store.notes(dossier.id).values()) <= {"Anna", "Bram"} and len(store.notes(dossier.id)) == 7
    for step in range(1, 8):  # both texts of each note are in the history, each under its author
        typed = {(change.author, change.new) for change in history if change.step_id == f"direct.{step}"}
        assert {("Anna", "Anna"), ("Bram", "Bram")} <= typed
    [entry] = store.care_providers(dossier.id)
    assert (entry.signatory_name, entry.signatory_function) == ("Anna", "Bram")
    assert entry.notes in ("Anna", "Bram") and entry.id == provider.id
    notes_typed = {(change.author, change.new) for change in history if change.subject.endswith(":notes")}
    assert notes_typed == {("Anna", "Anna"), ("Bram", "Bram")}
    assert store.last_dossier_id() == dossier.id
    store.close()
