"""Writing again when a colleague's app took the same row: the rule that mutation testing found
untested."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from model.store import Store
from model.store.connection import WRITE_ATTEMPTS
from model.store.errors import RowTakenError
from model.store.schema import SettingRow


@pytest.fixture
def store(store_source: Path | str) -> Iterator[Store]:
    store = Store(store_source)
    store.set_setting("taken", "by a colleague")
    yield store
    store.close()


def taking_turns(taken_times: int) -> tuple[list[int], Callable[[Session], int]]:
    """A write that finds its row taken (the same key inserted, as another app did a moment ago)
    the first `taken_times` times it runs, and writes another row after."""
    attempts: list[int] = []

    def write(session: Session) -> int:
        attempts.append(len(attempts) + 1)
        key = "taken" if len(attempts) <= taken_times else "free"
        session.add(SettingRow(key=key, value="mine"))
        session.flush()
        return len(attempts)

    return attempts, write


def test_a_row_taken_again_and_again_is_written_at_the_last_attempt(store: Store) -> None:
    attempts, write = taking_turns(WRITE_ATTEMPTS - 1)
    assert store._write_once_more_if_taken(write) == len(attempts) == WRITE_ATTEMPTS
    assert store.setting("free") == "mine"


def test_a_row_taken_at_every_attempt_is_refused_after_the_last(store: Store) -> None:
    attempts, write = taking_turns(WRITE_ATTEMPTS + 5)
    with pytest.raises(RowTakenError):
        store._write_once_more_if_taken(write)
    assert len(attempts) == WRITE_ATTEMPTS and store.setting("free") is None
