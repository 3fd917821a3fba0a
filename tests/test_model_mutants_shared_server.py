"""A shared database's address as typed on the command line, and the messages that name it: the
rules that mutation testing found untested."""

import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from model.content import Connection, Role
from model.locations import APP_NAME
from model.store import ForeignDatabaseError, Store, StoreError
from model.store.shared_server import database_url, is_database_url, plain_address
from tests.postgres_server import CuttableLine, free_port

UNREADABLE = (
    "Het adres van de gedeelde database is onleesbaar; gebruik de vorm "
    "postgresql+psycopg://gebruiker@server:5432/database."
)


@pytest.mark.parametrize("address", ["x y://server/db", "postgresql://jan@server:vijf/wegwijzer"])
def test_an_unreadable_address_says_how_one_is_written(address: str) -> None:
    with pytest.raises(StoreError) as refused:
        database_url(address)
    assert str(refused.value) == UNREADABLE


def test_an_address_of_another_kind_of_database_is_refused_with_the_password_hidden() -> None:
    with pytest.raises(StoreError) as refused:
        database_url("mysql://jan:geheim@server/wegwijzer")
    assert str(refused.value) == (
        "Het adres mysql://jan:***@server/wegwijzer is geen PostgreSQL-database; gebruik de vorm "
        "postgresql+psycopg://gebruiker@server:5432/database."
    )


@pytest.mark.parametrize("given", ["postgresql", "postgresql+psycopg"])
def test_a_postgresql_address_is_opened_with_psycopg(given: str) -> None:
    url = database_url(f"{given}://jan:geheim@server:5433/wegwijzer?sslmode=require")
    assert url.render_as_string(hide_password=False) == (
        "postgresql+psycopg://jan:geheim@server:5433/wegwijzer?sslmode=require"
    )


def test_a_page_names_the_database_without_password_or_options() -> None:
    url = database_url("postgresql://jan:geheim@db.example.nl:5433/wegwijzer?sslmode=require")
    assert plain_address(url) == "postgresql+psycopg://jan@db.example.nl:5433/wegwijzer"


def test_a_database_with_our_table_names_but_not_ours_is_refused_and_named(database_url: str) -> None:
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE dossiers (id INTEGER, owner TEXT)"))
    engine.dispose()
    with pytest.raises(ForeignDatabaseError) as refused:
        Store(database_url)
    shown = make_url(database_url).render_as_string(hide_password=True)
    assert str(refused.value) == (
        f"De database {shown} bevat tabellen met dezelfde namen als die van DigiD Assessment Wegwijzer, "
        "maar is er niet door gemaakt; ze blijven ongewijzigd. Gebruik een eigen, lege database."
    )


def test_the_server_lists_the_app_s_connections_under_its_name(database_url: str) -> None:
    """So that the database's administrator sees who is connected (pg_stat_activity)."""
    store = Store(database_url)
    try:
        with store._transaction() as session:
            name = session.scalar(text("SELECT current_setting('application_name')"))
    finally:
        store.close()
    assert name == APP_NAME


def test_a_connection_dropped_while_the_app_was_idle_is_replaced_unnoticed(
    cuttable_line: tuple[CuttableLine, str],
) -> None:
    """A server restart during a coffee break: the next save just works."""
    line, address = cuttable_line
    store = Store(address)
    try:
        dossier_id = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None).id
        line.cut()
        line.restore()
        store.set_note(dossier_id, "direct.1", "Na de onderbreking")
        assert store.notes(dossier_id) == {"direct.1": "Na de onderbreking"}
    finally:
        store.close()


def test_a_server_that_does_not_answer_is_named_with_what_to_check() -> None:
    port = free_port()
    with pytest.raises(StoreError) as refused:
        Store(f"postgresql://wegwijzer:geheim@127.0.0.1:{port}/wegwijzer")
    assert str(refused.value) == (
        f"De gedeelde database postgresql+psycopg://wegwijzer:***@127.0.0.1:{port}/wegwijzer kan niet worden "
        "geopend: de server antwoordt niet op die poort. Staat hij aan, en klopt de poort?"
    )


def test_an_installation_without_the_database_driver_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build that left psycopg out: a clear sentence, not a traceback."""
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    with pytest.raises(StoreError) as refused:
        Store("postgresql://wegwijzer@127.0.0.1:5432/wegwijzer")
    assert str(refused.value).startswith(
        "Deze installatie kan geen gedeelde database openen: het onderdeel psycopg ontbreekt "
        "(import of psycopg"
    )
    assert str(refused.value).endswith(").") and "\n" not in str(refused.value)


def test_a_data_folder_given_as_text_is_a_folder_not_a_database_address() -> None:
    assert not is_database_url("/home/anna/Wegwijzer-gegevens")
    assert not is_database_url(Path("postgresql://niet/een/adres"))  # a path is always a folder
    assert is_database_url("postgresql://jan@server/wegwijzer")
