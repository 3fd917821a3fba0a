"""The store's history: the rules that mutation testing found untested."""

from collections.abc import Callable
from datetime import date, datetime

import pytest

from model.content import Connection, Role
from model.rounds import RoundStart
from model.store import Store

NOW = datetime(2027, 12, 1, 10, 0)


@pytest.fixture
def store(store_at: Callable[[datetime], Store]) -> Store:
    return store_at(NOW)


def test_renaming_a_dossier_during_a_yearly_round_is_logged_in_that_round(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    store.start_round(dossier.id, 2025, RoundStart({}, {}))
    store.rename_dossier(dossier.id, "Praktijk De Linde")
    last = store.history(dossier.id)[-1]
    assert (last.subject, last.old, last.new) == ("name", "Praktijk", "Praktijk De Linde")
    assert last.round_year == 2025


def test_notes_typed_in_two_steps_at_once_are_two_changes(store: Store) -> None:
    """One sitting is one step's typing: a note typed in the next step minutes later is its own
    change, and the first step's change keeps its text."""
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_note(dossier.id, "direct.1", "Aanbieder gekozen")
    store.set_note(dossier.id, "direct.2", "Contract ondertekend")
    assert [(c.step_id, c.old, c.new) for c in store.history(dossier.id)] == [
        ("direct.1", "", "Aanbieder gekozen"),
        ("direct.2", "", "Contract ondertekend"),
    ]


def test_notes_typed_in_two_dossiers_at_once_stay_in_their_own_history(store: Store) -> None:
    first = store.create_dossier("Eerste", Connection.DIRECT, Role.CARE_PROVIDER, None)
    second = store.create_dossier("Tweede", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_note(first.id, "direct.1", "Van het eerste dossier")
    store.set_note(second.id, "direct.1", "Van het tweede dossier")
    assert [(c.step_id, c.new) for c in store.history(first.id)] == [("direct.1", "Van het eerste dossier")]
    assert [(c.step_id, c.new) for c in store.history(second.id)] == [("direct.1", "Van het tweede dossier")]
