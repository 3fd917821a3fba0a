"""Every way the database can't be used is one Dutch sentence, no traceback, and the file unchanged."""

import contextlib
import errno
import hashlib
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from model.content import Connection, Role
from model.store import DATABASE_NAME, Store, open_problem
from tests.app_process import run_app


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def a_database(data_dir: Path) -> Path:
    store = Store(data_dir)
    store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.close()
    return data_dir / DATABASE_NAME


def one_dutch_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in lines[0]


@contextlib.contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """Read-only even for root: the immutable flag where the file system has one, else the mode."""
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode == 0
    if not made:
        path.chmod(0o500 if path.is_dir() else 0o400)
        with contextlib.suppress(OSError), (path / "probe" if path.is_dir() else path).open("a"):
            pytest.skip("cannot make a read-only file here (root without chattr)")
    try:
        yield
    finally:
        if made:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o700 if path.is_dir() else 0o600)


def test_someone_elses_sqlite_file_is_refused_untouched(data_dir: Path) -> None:
    database = data_dir / DATABASE_NAME
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE photos (id INTEGER, path TEXT)")
    connection.commit()
    connection.close()
    before = digest(database)
    one_dutch_line(run_app("--smoke-test", "--data-dir", str(data_dir)), "geen database van", "ongewijzigd")
    assert digest(database) == before and not list(data_dir.glob("wegwijzer-beschadigd-*"))


def test_someone_elses_sqlite_file_with_our_schema_number_is_refused_as_foreign(data_dir: Path) -> None:
    database = data_dir / DATABASE_NAME
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE photos (id INTEGER, path TEXT)")
    connection.execute("PRAGMA user_version = 3")
    connection.commit()
    connection.close()
    before = digest(database)
    result = run_app("--smoke-test", "--data-dir", str(data_dir))
    one_dutch_line(result, "geen database van", "ongewijzigd")
    assert "beschadigd" not in result.stderr and digest(database) == before


def test_a_folder_named_like_the_lock_is_not_taken_for_an_open_app(data_dir: Path) -> None:
    (data_dir / "wegwijzer.lock").mkdir()
    result = run_app("--smoke-test", "--data-dir", str(data_dir))
    one_dutch_line(result, "‘wegwijzer.lock’", "Verwijder of hernoem")
    assert "al geopend" not in result.stderr


@pytest.mark.parametrize("version, words", [(-1, "geen database van"), (99, "nieuwere versie")])
def test_an_unknown_schema_version_is_refused(data_dir: Path, version: int, words: str) -> None:
    database = a_database(data_dir)
    connection = sqlite3.connect(database)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.close()
    before = digest(database)
    one_dutch_line(run_app("--smoke-test", "--data-dir", str(data_dir)), words)
    assert digest(database) == before


def test_a_missing_table_is_named_by_the_pdf_export(data_dir: Path, tmp_path: Path) -> None:
    database = a_database(data_dir)
    connection = sqlite3.connect(database)
    connection.execute("DROP TABLE notes")
    connection.commit()
    connection.close()
    before = digest(database)
    out = str(tmp_path / "x.pdf")
    result = run_app("--data-dir", str(data_dir), "--export-pdf", out, "--dossier", "Praktijk")
    one_dutch_line(result, "beschadigd", "‘notes’ ontbreekt")
    assert digest(database) == before


def test_a_read_only_database_file_is_refused_leaving_nothing_beside_it(data_dir: Path) -> None:
    database = a_database(data_dir)
    before = digest(database)
    with unwritable(database):
        result = run_app("--smoke-test", "--data-dir", str(data_dir))
    one_dutch_line(result, "alleen-lezen")
    assert digest(database) == before
    assert [each.name for each in data_dir.iterdir()] == [DATABASE_NAME]  # no -wal, no -shm


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_a_read_only_database_can_still_be_exported(data_dir: Path, tmp_path: Path, read_only: str) -> None:
    database = a_database(data_dir)
    before = digest(database)
    exported = tmp_path / "praktijk.json"
    with unwritable(database if read_only == "file" else data_dir):
        as_file = run_app(
            "--data-dir", str(data_dir), "--export-json", str(exported), "--dossier", "Praktijk"
        )
        as_pdf = run_app(
            "--data-dir", str(data_dir), "--export-pdf", str(tmp_path / "p.pdf"), "--dossier", "Praktijk"
        )
        imported = run_app("--data-dir", str(data_dir), "--import-json", str(exported))
    assert (as_file.returncode, as_file.stderr, as_pdf.returncode, as_pdf.stderr) == (0, "", 0, "")
    assert '"name": "Praktijk"' in exported.read_text(encoding="utf-8")
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    one_dutch_line(imported, "alleen-lezen", "schrijfrechten")
    assert digest(database) == before
    assert [each.name for each in data_dir.iterdir()] == [DATABASE_NAME]


def test_reading_the_store_leaves_the_file_byte_for_byte(data_dir: Path) -> None:
    database = a_database(data_dir)
    before = digest(database)
    for read_only in (False, True):
        store = Store(data_dir, read_only=read_only)
        store.snapshot(store.list_dossiers()[0].id)
        store.close()
    assert digest(database) == before
    assert [each.name for each in data_dir.iterdir()] == [DATABASE_NAME]


def test_a_read_only_data_folder(data_dir: Path) -> None:
    database = a_database(data_dir)
    before = digest(database)
    with unwritable(data_dir):
        result = run_app("--smoke-test", "--data-dir", str(data_dir))
    one_dutch_line(result)
    assert "al geopend" not in result.stderr
    assert "schrijfrechten" in result.stderr
    assert digest(database) == before


@pytest.mark.parametrize(
    "error",
    [sqlite3.OperationalError("database or disk is full"), OSError(errno.ENOSPC, "No space left on device")],
)
def test_a_full_disk_is_said_plainly(error: Exception) -> None:
    assert open_problem(Path("wegwijzer.db"), error).startswith("De schijf met de gegevens")
