"""The import's rules that mutation testing found untested."""

from datetime import datetime
from pathlib import Path

from model.content import Connection, Role
from model.exchange import MAX_FILE_BYTES, export_json, read_import
from model.store import Store

NOW = datetime(2026, 11, 28, 12)


def test_a_file_of_exactly_the_largest_size_is_read_whole(data_dir: Path, tmp_path: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_note(dossier.id, "direct.1", "Eerste notitie")
    text = export_json(store.snapshot(dossier.id), NOW).encode()
    store.close()
    padding = b" " * (MAX_FILE_BYTES - len(text))  # after the opening brace: any byte less breaks it
    exported = tmp_path / "precies-groot-genoeg.json"
    exported.write_bytes(text[:1] + padding + text[1:])
    assert exported.stat().st_size == MAX_FILE_BYTES
    snapshot = read_import(exported)
    assert (snapshot.dossier.name, snapshot.notes) == ("Praktijk", {"direct.1": "Eerste notitie"})
