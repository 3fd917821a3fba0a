"""The data folder's file read by an export where it can't be written (a colleague's folder, a
read-only share), and a store used from another thread: the rules mutation testing found untested.

Tests run as any user, root included, whom the file system lets write everywhere; so "can't be
written" is the answer of `can_write`, which these tests give, and the connection that follows is
the real one."""

import threading
from pathlib import Path

import pytest

from model.content import Connection, Role
from model.store import DATABASE_NAME, SCHEMA_VERSION, NewerDatabaseError, Store, StoreError, local_file
from tests.sqlite_file import poke


def written_with_a_colleague_still_working(data_dir: Path) -> Store:
    """A dossier whose rows are still only in the -wal file: its writer has not closed."""
    writer = Store(data_dir)
    writer.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    assert (data_dir / f"{DATABASE_NAME}-wal").exists()
    return writer


def test_a_file_that_cant_be_written_is_read_with_what_its_wal_file_holds(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = written_with_a_colleague_still_working(data_dir)
    monkeypatch.setattr(local_file, "can_write", lambda path: False)
    try:
        reader = Store(data_dir, read_only=True)
        assert [dossier.name for dossier in reader.list_dossiers()] == ["Praktijk"]
        reader.close()
    finally:
        writer.close()


def test_a_file_that_cant_be_written_is_read_without_making_a_file_beside_it(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = Store(data_dir)
    writer.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    writer.close()
    before = sorted(path.name for path in data_dir.iterdir())
    monkeypatch.setattr(local_file, "can_write", lambda path: False)
    reader = Store(data_dir, read_only=True)
    assert [dossier.name for dossier in reader.list_dossiers()] == ["Praktijk"]
    assert sorted(path.name for path in data_dir.iterdir()) == before
    reader.close()


def test_a_store_opened_in_one_thread_serves_another(data_dir: Path) -> None:
    """The window opens the store; a background save or export may read it from another thread."""
    store = Store(data_dir)
    store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    names: list[str] = []
    worker = threading.Thread(target=lambda: names.extend(d.name for d in store.list_dossiers()))
    worker.start()
    worker.join()
    store.close()
    assert names == ["Praktijk"]


def test_a_data_folder_inside_a_file_is_named_with_the_reason(tmp_path: Path) -> None:
    """A typing slip in --data-dir: a path through a file can't hold the data."""
    (tmp_path / "notities.txt").write_text("x", encoding="utf-8")
    folder = tmp_path / "notities.txt" / "gegevens"
    with pytest.raises(StoreError) as refused:
        Store(folder)
    assert str(refused.value) == (
        f"De gegevens in {folder / DATABASE_NAME} kunnen niet worden geopend: "
        "een deel van het pad is geen map."
    )


def test_a_file_of_a_newer_app_is_named_with_both_schemas_and_left_alone(data_dir: Path) -> None:
    Store(data_dir).close()
    database = data_dir / DATABASE_NAME
    poke(data_dir, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(NewerDatabaseError) as refused:
        Store(data_dir)
    assert str(refused.value) == (
        f"De gegevens in {database} zijn gemaakt met een nieuwere versie van DigiD Assessment Wegwijzer "
        f"(schema {SCHEMA_VERSION + 1}; deze versie kent schema {SCHEMA_VERSION}). Installeer de nieuwste "
        "versie. Er is niets gewijzigd."
    )
