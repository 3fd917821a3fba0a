"""The store's history: the rules that mutation testing found untested."""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from model.content import Connection, Role
from model.rounds import RoundStart
from model.store import Store

NOW = datetime(2027, 12, 1, 10, 0)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    store = Store(data_dir, clock=lambda: NOW)
    yield store
    store.close()


def test_renaming_a_dossier_during_a_yearly_round_is_logged_in_that_round(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    store.start_round(dossier.id, 2025, RoundStart({}, {}))
    store.rename_dossier(dossier.id, "Praktijk De Linde")
    last = store.history(dossier.id)[-1]
    assert (last.subject, last.old, last.new) == ("name", "Praktijk", "Praktijk De Linde")
    assert last.round_year == 2025
