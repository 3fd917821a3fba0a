"""The register's entries in the store: the rule that mutation testing found untested."""

from dataclasses import replace
from datetime import timedelta

from model.content import Connection, Role
from model.dossier import CareProvider
from model.register import history_subject
from model.store import Store
from model.store.history import TYPING_SITTING
from tests import test_model_store
from tests.test_model_store import Clock

clock, store = test_model_store.clock, test_model_store.store  # fixtures: a clock to move on, its store


def test_an_entry_edited_in_a_later_sitting_keeps_what_it_said_before_in_the_history(
    store: Store, clock: Clock
) -> None:
    dossier_id = store.create_dossier("Leverancier", Connection.CLUSTER, Role.SUPPLIER, None).id
    entry = store.save_care_provider(dossier_id, CareProvider(0, "Fysio Oost", "12345678"))
    clock.now += TYPING_SITTING + timedelta(minutes=1)
    store.save_care_provider(dossier_id, replace(entry, name="Fysiotherapie Oost"))
    name_changes = [
        (change.old, change.new)
        for change in store.history(dossier_id)
        if change.subject == history_subject(entry.id, "name")
    ]
    assert name_changes == [("", "Fysio Oost"), ("Fysio Oost", "Fysiotherapie Oost")]
