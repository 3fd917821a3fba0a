"""Opening the store and what only a local file has: the rules that mutation testing found untested."""

from datetime import datetime
from pathlib import Path

import pytest

from model.backups import Backup
from model.store import Store, StoreError

SHARED = (
    " kan alleen bij gegevens op deze computer. Deze gegevens staan in een gedeelde database; "
    "de beheerder van de databaseserver maakt daarvan de back-ups."
)


def test_on_a_shared_database_each_local_file_action_says_what_it_cannot_do(
    database_url: str, tmp_path: Path
) -> None:
    """The message names the action the user asked for, as the start of a Dutch sentence."""
    store = Store(database_url)
    backup = Backup(tmp_path / "wegwijzer-20261101-090000.db", datetime(2026, 11, 1, 9), "")
    attempts = {
        "Back-ups bekijken en terugzetten": store.backups,
        "Een back-up terugzetten": lambda: store.restore_backup(backup),
        "Werken met het databasebestand": lambda: store.path,
    }
    try:
        for action, attempt in attempts.items():
            with pytest.raises(StoreError) as refused:
                attempt()
            assert str(refused.value) == action + SHARED
    finally:
        store.close()
