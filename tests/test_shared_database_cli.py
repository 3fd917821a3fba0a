"""--database-url: the command line on a shared PostgreSQL database, the password never shown."""

import json
from datetime import date
from pathlib import Path

import pytest

from model.content import Connection, Role
from model.store import Store
from model.user_settings import UserSettings
from tests.app_process import own_data_folder, run_app
from tests.postgres_server import PASSWORD, free_port

pytestmark = pytest.mark.e2e


def test_a_dossier_moves_from_a_data_folder_to_the_shared_database_and_back(
    data_dir: Path, database_url: str, tmp_path: Path
) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk Noord", Connection.CLUSTER, Role.SUPPLIER, date(2026, 10, 1))
    store.set_item_ticked(dossier.id, "cluster.1.1", True)
    store.set_note(dossier.id, "cluster.1", "Afspraak met ‘TPM’")
    store.close()
    local, shared = tmp_path / "lokaal.json", tmp_path / "gedeeld.json"
    runs = [
        run_app("--data-dir", str(data_dir), "--export-json", str(local), "--dossier", "Praktijk Noord"),
        run_app("--database-url", database_url, "--import-json", str(local)),
        run_app("--database-url", database_url, "--export-json", str(shared), "--dossier", "Praktijk Noord"),
    ]
    assert [(run.returncode, run.stderr) for run in runs] == [(0, "")] * 3
    assert runs[1].stdout.strip() == "Praktijk Noord"
    documents = [json.loads(file.read_text(encoding="utf-8")) for file in (local, shared)]
    for document in documents:
        document.pop("exported_at")
    assert documents[0] == documents[1]
    assert PASSWORD not in "".join(run.stdout + run.stderr for run in runs)


def test_the_app_starts_and_prints_on_the_shared_database(database_url: str, tmp_path: Path) -> None:
    store = Store(database_url)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 12, 1))
    UserSettings(own_data_folder()).remember_last_dossier(store, dossier.id)  # the user's, not everyone's
    store.close()
    started = run_app("--smoke-test-print", "--database-url", database_url)
    assert started.returncode == 0, started.stderr
    pdf = tmp_path / "samenvatting.pdf"
    printed = run_app("--database-url", database_url, "--dossier", "Praktijk", "--export-pdf", str(pdf))
    assert printed.returncode == 0, printed.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_server_that_cannot_be_reached_is_one_dutch_line_without_the_password() -> None:
    address = f"postgresql+psycopg://wegwijzer:{PASSWORD}@127.0.0.1:{free_port()}/dossiers"
    result = run_app("--smoke-test", "--database-url", address)
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("De gedeelde database postgresql+psycopg://wegwijzer:***@127.0.0.1:")
    assert PASSWORD not in result.stderr


def test_a_data_folder_and_a_database_address_together_are_refused(data_dir: Path) -> None:
    result = run_app("--smoke-test", "--data-dir", str(data_dir), "--database-url", "postgresql://x@y/z")
    assert result.returncode == 2 and "--database-url" in result.stderr
    assert list(data_dir.iterdir()) == []
