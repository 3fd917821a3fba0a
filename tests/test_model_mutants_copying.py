"""Copying dossiers between data sources, and the years a yearly round may have: the messages and
borders that mutation testing found untested."""

from pathlib import Path

import pytest

from model.content import Connection, Role
from model.exchange import CopyRefusedError, dossiers_to_copy
from model.rounds import is_round_year
from model.store import Store
from tests.test_model_store import damage


def test_copying_an_unknown_dossier_names_the_ones_there_are(data_dir: Path) -> None:
    store = Store(data_dir)
    with pytest.raises(CopyRefusedError) as refused:
        dossiers_to_copy(store, "Onbekend")
    assert str(refused.value) == "Er is geen dossier met de naam ‘Onbekend’ (aanwezig: geen)."
    for name in ("Apotheek Oost", "Huisarts West"):
        store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, None)
    with pytest.raises(CopyRefusedError) as refused:
        dossiers_to_copy(store, "Onbekend")
    assert str(refused.value) == (
        "Er is geen dossier met de naam ‘Onbekend’ (aanwezig: ‘Apotheek Oost’, ‘Huisarts West’)."
    )
    store.close()


def test_copying_everything_is_refused_while_dossiers_are_damaged(data_dir: Path) -> None:
    store = Store(data_dir)
    for name in ("Goed", "Kapot", "Stuk"):
        store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, None)
    damage(store, "UPDATE dossiers SET connection = 'fax' WHERE name IN ('Kapot', 'Stuk')")
    with pytest.raises(CopyRefusedError) as refused:
        dossiers_to_copy(store)
    assert str(refused.value) == (
        "Er is niets gekopieerd: ‘Kapot’, ‘Stuk’ is beschadigd. Exporteer of verwijder het eerst op de "
        "startpagina van de app en kopieer dan opnieuw."
    )
    assert [each.name for each in dossiers_to_copy(store, "Goed")] == ["Goed"]  # one good one still goes
    store.close()


def test_a_yearly_round_may_be_of_2000_to_2100() -> None:
    assert [is_round_year(year) for year in (1999, 2000, 2100, 2101)] == [False, True, True, False]
