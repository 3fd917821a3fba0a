"""A yearly report's repair dates in the store: the rule that mutation testing found untested."""

from pathlib import Path

import pytest

from model.content import Connection, Role
from model.dossier import DateField
from model.store import Store


def test_only_a_repair_s_own_dates_are_recorded_as_one(data_dir: Path) -> None:
    """A programming slip (the activation date as a repair's) is named, not stored."""
    store = Store(data_dir)
    try:
        dossier_id = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None).id
        with pytest.raises(ValueError) as refused:
            store.set_annual_repair(dossier_id, 2026, DateField.ACTIVATION, None)
    finally:
        store.close()
    assert str(refused.value) == "activation_date is no date of a repair"
