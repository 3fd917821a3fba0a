"""Ticks and notes in the store: the rules that mutation testing found untested."""

from collections.abc import Callable
from datetime import date, datetime

import pytest

from model.content import Connection, Role
from model.dossier import TICKED
from model.rounds import FIRST_ROUND, RoundStart
from model.store import Store
from model.store.errors import StaleEditError

NOW = datetime(2027, 12, 1, 10, 0)


@pytest.fixture
def store(store_at: Callable[[datetime], Store]) -> Store:
    return store_at(NOW)


def test_a_note_typed_in_an_earlier_round_is_kept_and_logged_in_that_round(store: Store) -> None:
    """The user looks back at the first assessment after a yearly round began and adds to its
    notes: the text is that round's, and so is its line in the history."""
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    store.start_round(dossier.id, 2025, RoundStart({}, {}))
    store.set_note(dossier.id, "direct.7", "Rapport op 3 maart verstuurd", FIRST_ROUND)
    assert store.notes(dossier.id, FIRST_ROUND) == {"direct.7": "Rapport op 3 maart verstuurd"}
    assert store.notes(dossier.id) == {}
    last = store.history(dossier.id)[-1]
    assert (last.subject, last.new, last.round_year) == ("note", "Rapport op 3 maart verstuurd", FIRST_ROUND)


def test_an_item_ticked_in_an_earlier_round_is_kept_and_logged_in_that_round(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    store.start_round(dossier.id, 2025, RoundStart({}, {}))
    assert store.set_item_ticked(dossier.id, "direct.7.1", True, FIRST_ROUND) == NOW
    assert store.ticked_items(dossier.id, FIRST_ROUND) == {"direct.7.1": NOW}
    assert store.ticked_items(dossier.id) == {}
    last = store.history(dossier.id)[-1]
    assert (last.subject, last.new, last.round_year) == ("direct.7.1", TICKED, FIRST_ROUND)


def test_a_dossier_shows_its_own_notes_not_another_dossiers(store: Store) -> None:
    first = store.create_dossier("Eerste", Connection.DIRECT, Role.CARE_PROVIDER, None)
    second = store.create_dossier("Tweede", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_note(first.id, "direct.1", "Van het eerste dossier")
    store.set_note(second.id, "direct.2", "Van het tweede dossier")
    assert store.notes(first.id) == {"direct.1": "Van het eerste dossier"}
    assert store.notes(second.id) == {"direct.2": "Van het tweede dossier"}


def test_an_empty_note_left_empty_is_still_no_note_to_type_on(store: Store) -> None:
    """Clearing a field that was empty stores nothing; what is typed next is the first version."""
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    version = store.set_note(dossier.id, "direct.1", "", version=0)
    assert version == 0
    assert store.set_note(dossier.id, "direct.1", "Offerte gevraagd", version=version) == 1
    assert store.notes(dossier.id) == {"direct.1": "Offerte gevraagd"}


def test_a_note_typed_on_a_version_that_no_longer_exists_can_still_be_kept(store: Store) -> None:
    """The conflict names the stored state (no note: version 0), and saving on top of it works."""
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    with pytest.raises(StaleEditError) as refused:
        store.set_note(dossier.id, "direct.1", "Mijn tekst", version=3)
    assert (refused.value.theirs, refused.value.version) == ("", 0)
    assert store.set_note(dossier.id, "direct.1", "Mijn tekst", version=refused.value.version) == 1
    assert store.notes(dossier.id) == {"direct.1": "Mijn tekst"}
