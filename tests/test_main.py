"""The command line of the automation contract: --version, --smoke-test(-print), --data-dir."""

from datetime import date
from pathlib import Path

import pytest

from model.content import Connection, Role
from model.store import Store
from model.version import __version__
from tests.app_process import run_app

pytestmark = pytest.mark.e2e


def test_version_prints_the_version() -> None:
    result = run_app("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_smoke_test_starts_and_exits_cleanly_with_its_own_data_folder(data_dir: Path) -> None:
    result = run_app("--smoke-test", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert (data_dir / "wegwijzer.db").exists()


def test_smoke_test_fails_with_one_line_when_the_data_folder_is_unusable(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_app("--smoke-test", "--data-dir", str(blocker / "data"))
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "kunnen niet worden geopend" in result.stderr


def test_print_smoke_test_previews_the_last_dossier_and_a_step(data_dir: Path) -> None:
    """What build.py runs inside the bundle: a preview that crashes ends this process with a signal."""
    store = Store(data_dir)
    store.remember_last_dossier(
        store.create_dossier("Praktijk", Connection.CLUSTER, Role.SUPPLIER, date(2026, 12, 1)).id
    )
    store.close()
    result = run_app("--smoke-test-print", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr


def test_print_smoke_test_without_a_dossier_says_so(data_dir: Path) -> None:
    result = run_app("--smoke-test-print", "--data-dir", str(data_dir))
    assert result.returncode == 1
    assert "Er is geen dossier om een afdrukvoorbeeld van te maken." in result.stderr.splitlines()
