"""--export-json and --import-json: the menu's exchange, without a window, for scripts."""

import hashlib
import json
from pathlib import Path

from model.content import Connection, Role
from model.store import DATABASE_NAME, Store
from tests.app_process import run_app


def test_export_then_import_twice_keeps_both(data_dir: Path, tmp_path: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk <b>Noord</b>", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_item_ticked(dossier.id, "direct.1.1", True)
    store.close()
    exported = tmp_path / "noord.json"
    result = run_app(
        "--data-dir", str(data_dir), "--export-json", str(exported), "--dossier", "praktijk <b>noord</b>"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(exported.read_text(encoding="utf-8"))["dossier"]["name"] == "Praktijk <b>Noord</b>"
    other = tmp_path / "leverancier"
    names = [
        run_app("--data-dir", str(other), "--import-json", str(exported)).stdout.strip() for _ in range(2)
    ]
    names.append(run_app("--data-dir", str(data_dir), "--import-json", str(exported)).stdout.strip())
    assert names == ["Praktijk <b>Noord</b>", "Praktijk <b>Noord</b> (2)", "Praktijk <b>Noord</b> (2)"]
    store = Store(other)
    imported = store.find_dossier("Praktijk <b>Noord</b> (2)")
    assert "direct.1.1" in store.ticked_items(imported.id)
    store.close()


def test_a_longest_name_imported_again_is_shortened_to_fit_its_number(data_dir: Path, tmp_path: Path) -> None:
    name = "Huisartsenpraktijk " + "Lange Naam " * 9 + "Ei"  # 120 characters, the most a name may have
    store = Store(data_dir)
    store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.close()
    exported = tmp_path / "lang.json"
    exporting = run_app("--data-dir", str(data_dir), "--export-json", str(exported), "--dossier", name)
    assert exporting.returncode == 0
    names = [run_app("--data-dir", str(data_dir), "--import-json", str(exported)) for _ in range(2)]
    assert [result.stderr for result in names] == ["", ""]
    assert [result.stdout.strip() for result in names] == [name[:115] + "… (2)", name[:115] + "… (3)"]
    store = Store(data_dir)
    assert len(store.list_dossiers()) == 3
    store.close()


def test_a_refused_file_writes_nothing(data_dir: Path, tmp_path: Path) -> None:
    Store(data_dir).close()
    before = hashlib.sha256((data_dir / DATABASE_NAME).read_bytes()).hexdigest()
    wrong = tmp_path / "diep.json"
    wrong.write_bytes(b"[" * 5000)
    result = run_app("--data-dir", str(data_dir), "--import-json", str(wrong))
    assert result.returncode != 0 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "geïmporteerd" in result.stderr
    assert hashlib.sha256((data_dir / DATABASE_NAME).read_bytes()).hexdigest() == before


def test_an_export_and_a_refused_import_leave_the_database_as_it_was(data_dir: Path, tmp_path: Path) -> None:
    store = Store(data_dir)
    store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.close()
    database = data_dir / DATABASE_NAME
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    exported = tmp_path / "praktijk.json"
    exporting = run_app("--data-dir", str(data_dir), "--export-json", str(exported), "--dossier", "Praktijk")
    assert exporting.returncode == 0
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    wrong = tmp_path / "fout.json"
    wrong.write_text(exported.read_text(encoding="utf-8").replace('"direct"', '"anders"'), encoding="utf-8")
    refused = run_app("--data-dir", str(data_dir), "--import-json", str(wrong))
    assert refused.returncode != 0 and "connection" in refused.stderr
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_export_of_an_unknown_dossier_says_so(data_dir: Path, tmp_path: Path) -> None:
    result = run_app(
        "--data-dir", str(data_dir), "--export-json", str(tmp_path / "x.json"), "--dossier", "Niemand"
    )
    assert result.returncode != 0 and "Niemand" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_a_system_error_is_said_in_dutch(data_dir: Path, tmp_path: Path) -> None:
    store = Store(data_dir)
    store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.close()
    into_a_folder = run_app(
        "--data-dir", str(data_dir), "--export-json", str(tmp_path), "--dossier", "Praktijk"
    )
    assert into_a_folder.stderr.strip() == (
        f"Het dossierbestand {tmp_path} kan niet worden geschreven: dit is een map, geen bestand."
    )
    missing = run_app("--data-dir", str(data_dir), "--import-json", str(tmp_path / "weg.json"))
    assert "het bestand of de map bestaat niet." in missing.stderr and "No such file" not in missing.stderr
