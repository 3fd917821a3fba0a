"""Dossiers in the store: the rules that mutation testing found untested."""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from model.content import Connection, Role
from model.store import Store, StoreError
from model.store.names import START_POSITION
from tests.test_model_store import damage

NOW = datetime(2026, 11, 28, 9, 30)


@pytest.fixture
def store(store_at: Callable[[datetime], Store]) -> Store:
    return store_at(NOW)


def test_a_choice_changed_and_changed_back_is_two_changes_in_the_history(store: Store) -> None:
    """Only typing (the name) is taken together in a sitting; each choice is a change of its own."""
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_role(dossier.id, Role.SUPPLIER)
    store.set_role(dossier.id, Role.CARE_PROVIDER)
    assert [(c.subject, c.old, c.new) for c in store.history(dossier.id)] == [
        ("role", Role.CARE_PROVIDER.value, Role.SUPPLIER.value),
        ("role", Role.SUPPLIER.value, Role.CARE_PROVIDER.value),
    ]


def test_changing_a_dossier_that_was_deleted_says_so(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.delete_dossier(dossier.id)
    with pytest.raises(StoreError) as refused:
        store.set_role(dossier.id, Role.SUPPLIER)
    assert str(refused.value) == "Dit dossier bestaat niet meer."


def test_a_free_name_also_avoids_the_names_given_with_their_spaces_as_typed(store: Store) -> None:
    """An import of several dossiers names each after those before it, before any is stored."""
    assert store.free_name("Huisarts Jansen", also_taken=["Huisarts  Jansen "]) == "Huisarts Jansen (2)"
    store.create_dossier("Apotheek", Connection.DIRECT, Role.CARE_PROVIDER, None)
    assert store.free_name("Apotheek", also_taken=["Apotheek (2)"]) == "Apotheek (3)"


def test_a_damaged_dossier_says_what_is_wrong_with_it(data_dir: Path) -> None:
    """The start page lists it with the reason, so the user knows why it can't be opened."""
    store = Store(data_dir)
    store.create_dossier("Kapot", Connection.DIRECT, Role.CARE_PROVIDER, None)
    damage(store, "UPDATE dossiers SET connection = 'fax'")
    assert [(d.name, d.problem) for d in store.damaged_dossiers()] == [
        ("Kapot", "onbekende soort aansluiting ‘fax’")
    ]
    store.close()


def test_a_new_dossier_opens_at_its_start(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    assert store.dossier(dossier.id).position == START_POSITION == dossier.position
