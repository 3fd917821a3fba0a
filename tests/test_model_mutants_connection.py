"""Opening the store and what only a local file has: the rules that mutation testing found untested."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from model.backups import Backup
from model.content import Connection, Role
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


@pytest.mark.usefixtures("amsterdam")
def test_the_store_stamps_a_tick_in_utc_on_a_laptop_in_dutch_time(data_dir: Path) -> None:
    """The store keeps its moments in UTC (shown in local time); on a laptop in the Netherlands its
    own clock is not the local one."""
    store = Store(data_dir)
    try:
        dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 1, 5))
        before = datetime.now(UTC).replace(tzinfo=None)
        ticked = store.set_item_ticked(dossier.id, "direct.1.1", True)
        after = datetime.now(UTC).replace(tzinfo=None)
        assert ticked is not None and before <= ticked <= after
        assert store.history(dossier.id)[-1].at == ticked
    finally:
        store.close()
