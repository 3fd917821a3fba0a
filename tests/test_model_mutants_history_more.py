"""The store's history on a shared database: when an app sees that a colleague changed a dossier,
and who changed a text last. The rules that mutation testing found untested."""

from dataclasses import replace
from datetime import timedelta

import pytest

from model.content import Connection, Role
from model.dossier import CareProvider
from model.store import Store
from model.store.errors import StaleEditError
from tests import test_model_mutants_errors, test_model_store
from tests.test_model_store import Clock

clock, store = test_model_store.clock, test_model_store.store  # fixtures: a clock to move on, its store
two = test_model_mutants_errors.two  # fixture: two colleagues on one database


def new_dossier(store: Store, name: str = "Praktijk") -> int:
    return store.create_dossier(name, Connection.CLUSTER, Role.SUPPLIER, None).id


def test_more_typing_in_a_note_changes_the_mark(store: Store) -> None:
    """Typing on in one sitting changes no line of the history, only the note."""
    dossier_id = new_dossier(store)
    store.set_note(dossier_id, "cluster.1", "Offerte")
    mark = store.change_mark(dossier_id)
    store.set_note(dossier_id, "cluster.1", "Offerte gevraagd")
    assert len(store.history(dossier_id)) == 1
    assert store.change_mark(dossier_id) != mark


def test_more_typing_in_a_register_entry_changes_the_mark(store: Store) -> None:
    dossier_id = new_dossier(store)
    entry = store.save_care_provider(dossier_id, CareProvider(0, "Fysio", ""))
    store.save_care_provider(dossier_id, replace(entry, name="Fysio O"))
    mark, lines = store.change_mark(dossier_id), len(store.history(dossier_id))
    store.save_care_provider(dossier_id, replace(entry, name="Fysio Oost"))
    assert len(store.history(dossier_id)) == lines
    assert store.change_mark(dossier_id) != mark


def test_renaming_on_in_one_sitting_changes_the_mark(store: Store, clock: Clock) -> None:
    dossier_id = new_dossier(store)
    store.rename_dossier(dossier_id, "Praktijk D")
    mark = store.change_mark(dossier_id)
    clock.now += timedelta(minutes=1)
    store.rename_dossier(dossier_id, "Praktijk De Linde")
    assert len(store.history(dossier_id)) == 1
    assert store.change_mark(dossier_id) != mark


def test_a_name_typed_back_changes_the_mark(store: Store) -> None:
    """Typed back to where the sitting started, the name's line leaves the history; a later tick
    stays the newest line."""
    dossier_id = new_dossier(store)
    store.rename_dossier(dossier_id, "Praktijk D")
    store.set_item_ticked(dossier_id, "cluster.1.1", True)
    mark = store.change_mark(dossier_id)
    store.rename_dossier(dossier_id, "Praktijk")
    assert [change.subject for change in store.history(dossier_id)] == ["cluster.1.1"]
    assert store.change_mark(dossier_id) != mark


def test_a_name_typed_back_and_an_item_ticked_changes_the_mark(store: Store) -> None:
    """As many lines in the history as before, but not the same ones."""
    dossier_id = new_dossier(store)
    store.rename_dossier(dossier_id, "Praktijk D")
    store.set_item_ticked(dossier_id, "cluster.1.1", True)
    mark = store.change_mark(dossier_id)
    store.rename_dossier(dossier_id, "Praktijk")
    store.set_item_ticked(dossier_id, "cluster.1.2", True)
    assert [change.subject for change in store.history(dossier_id)] == ["cluster.1.1", "cluster.1.2"]
    assert store.change_mark(dossier_id) != mark


def test_changes_in_another_dossier_leave_the_mark_alone(store: Store, clock: Clock) -> None:
    dossier_id, other = new_dossier(store), new_dossier(store, "Ander")
    store.set_note(dossier_id, "cluster.1", "Offerte")
    store.save_care_provider(dossier_id, CareProvider(0, "Fysio Oost", ""))
    mark = store.change_mark(dossier_id)
    clock.now += timedelta(hours=1)
    store.rename_dossier(other, "Ander dossier")
    store.set_item_ticked(other, "cluster.1.1", True)
    store.set_note(other, "cluster.1", "Notitie")
    store.save_care_provider(other, CareProvider(0, "Tandarts West", ""))
    assert store.change_mark(dossier_id) == mark




def refused_note(store: Store, dossier_id: int, step_id: str = "cluster.1") -> StaleEditError:
    """The conflict of a note typed on no note at all while there is one."""
    with pytest.raises(StaleEditError) as refused:
        store.set_note(dossier_id, step_id, "Bram's tekst", version=0)
    return refused.value


def test_a_conflict_names_who_changed_that_note_last(two: tuple[Store, Store]) -> None:
    anna, bram = two
    dossier_id = new_dossier(anna)
    bram.set_note(dossier_id, "cluster.1", "Bram's eerste tekst")
    anna.set_note(dossier_id, "cluster.1", "Anna's tekst")
    assert refused_note(bram, dossier_id).author == "Anna"


def test_a_conflict_names_no_one_who_changed_something_else(two: tuple[Store, Store]) -> None:
    """Not who changed the same step's note in another dossier, another step's note, or ticked an
    item in the same step, after the note's last change."""
    anna, bram = two
    dossier_id, other = new_dossier(anna), new_dossier(anna, "Ander")
    anna.set_note(dossier_id, "cluster.1", "Anna's tekst")
    bram.set_note(other, "cluster.1", "In een ander dossier")
    bram.set_note(dossier_id, "cluster.2", "Bij een andere stap")
    bram.set_item_ticked(dossier_id, "cluster.1.1", True)
    assert refused_note(bram, dossier_id).author == "Anna"
