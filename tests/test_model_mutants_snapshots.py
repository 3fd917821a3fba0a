"""A dossier's rows as stored, for saving what is left of a damaged one: the rules that mutation
testing found untested."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from model.content import Connection, Role
from model.store import Store


@pytest.fixture
def store(store_source: Path | str) -> Iterator[Store]:
    store = Store(store_source)
    yield store
    store.close()


def test_every_row_of_a_dossier_is_read_on_either_engine(store: Store) -> None:
    dossier_id = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None).id
    other = store.create_dossier("Ander", Connection.DIRECT, Role.CARE_PROVIDER, None).id
    store.set_note(dossier_id, "direct.1", "Offerte gevraagd")
    store.set_note(other, "direct.1", "Van een ander dossier")
    rows = store.stored_rows(dossier_id)
    assert [row["name"] for row in rows["dossiers"]] == ["Praktijk"]
    assert [(row["step_id"], row["text"]) for row in rows["notes"]] == [("direct.1", "Offerte gevraagd")]
    assert [row["new"] for row in rows["changes"]] == ["Offerte gevraagd"]


def test_a_local_files_rows_come_in_the_order_they_were_written(data_dir: Path) -> None:
    store = Store(data_dir)
    try:
        dossier_id = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None).id
        for item in ("direct.2.1", "direct.1.2", "direct.1.1"):
            store.set_item_ticked(dossier_id, item, True)
        for step in ("direct.3", "direct.1"):
            store.set_note(dossier_id, step, "Notitie")
        rows = store.stored_rows(dossier_id)
    finally:
        store.close()
    assert [row["item_id"] for row in rows["ticked_items"]] == ["direct.2.1", "direct.1.2", "direct.1.1"]
    assert [row["step_id"] for row in rows["notes"]] == ["direct.3", "direct.1"]


def test_dossiers_copied_together_keep_their_names_apart_and_their_history_s_authors(
    store: Store, data_dir: Path
) -> None:
    """Two dossiers of one name copied in one go (from two sources, say) become NAME and NAME (2);
    the history keeps who made each change on the shared database it came from."""
    source = Store(data_dir / "bron")
    try:
        source.author = "Anna de Vries"
        dossier = source.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
        source.set_note(dossier.id, "direct.1", "Offerte gevraagd")
        snapshot = source.snapshot(dossier.id)
    finally:
        source.close()
    copies = store.add_snapshots([snapshot, snapshot])
    assert [copy.name for copy in copies] == ["Praktijk", "Praktijk (2)"]
    assert [change.author for change in store.history(copies[1].id)] == ["Anna de Vries"]
