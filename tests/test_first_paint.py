"""The window painted before SQLAlchemy loads (model.first_paint, issue 20): the answers kept at a
close are exactly the store's, are used only while the file is as it was left, and never stand
between the user and her data."""

import hashlib
import os
import pickle
import sqlite3
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from model.content import Connection, Role, bundled_content
from model.first_paint import (
    FirstPaintStore,
    code_fingerprint,
    copy_path,
    file_state,
    forget_answers,
    keep_answers,
    kept_answers,
)
from model.store import DATABASE_NAME, Store, StoreError
from tests.app_process import run_app

FLOW = bundled_content().flows[Connection.CLUSTER]
FIRST_ITEM = FLOW.steps[0].action_items[0].id
SECOND_ITEM = FLOW.steps[0].action_items[1].id


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def dossier_id(data_dir: Path) -> int:
    """A dossier remembered as the last one, with a tick and a note, in a closed database."""
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk Oost", Connection.CLUSTER, Role.SUPPLIER, date(2026, 11, 1))
    store.set_item_ticked(dossier.id, FIRST_ITEM, True)
    store.set_note(dossier.id, FLOW.steps[0].id, "Leverancier gebeld.")
    store.remember_last_dossier(dossier.id)
    other = store.create_dossier("Praktijk West", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_item_ticked(
        other.id, bundled_content().flows[Connection.DIRECT].steps[0].action_items[0].id, True
    )
    store.close()
    return dossier.id


def window_reads(store, dossier_id: int, other_id: int | None = None) -> None:
    """Reads as the window makes them: the settings, the last dossier, and maybe another one."""
    assert store.last_dossier_id() == dossier_id
    store.setting("zoom")
    for each in (dossier_id, other_id) if other_id else (dossier_id,):
        store.dossier(each)
        store.rounds(each)
        store.ticked_items(each, 0)
        store.versioned_notes(each, 0)
        store.care_providers(each)


def session(data_dir: Path, cache: Path, dossier_id: int, other_id: int | None = None) -> None:
    """A start on the real store (no answers kept yet) that reads like the window and closes."""
    store = FirstPaintStore.around(Store(data_dir), cache)
    window_reads(store, dossier_id, other_id)
    store.close()


def started(data_dir: Path, cache: Path) -> FirstPaintStore:
    """A start from the kept answers, as gui.startup.open_local makes it."""
    answers = kept_answers(cache, data_dir / DATABASE_NAME)
    assert answers is not None, "no answers kept, or they do not fit the file"
    return FirstPaintStore(data_dir / DATABASE_NAME, cache, lambda: Store(data_dir), answers)


def test_the_answers_kept_at_close_are_the_stores_own(data_dir: Path, cache: Path, dossier_id: int) -> None:
    session(data_dir, cache, dossier_id)
    answers = kept_answers(cache, data_dir / DATABASE_NAME)
    real = Store(data_dir)
    try:
        assert answers is not None and len(answers) == 7
        for (name, arguments), answer in answers.items():
            assert pickle.loads(answer) == getattr(real, name)(*arguments), name
        assert pickle.loads(answers[("ticked_items", (dossier_id, 0))]).keys() == {FIRST_ITEM}
        assert pickle.loads(answers[("dossier", (dossier_id,))]).name == "Praktijk Oost"
    finally:
        real.close()


def test_only_the_dossier_reopened_next_time_is_kept(data_dir: Path, cache: Path, dossier_id: int) -> None:
    other_id = dossier_id + 1
    session(data_dir, cache, dossier_id, other_id)
    kept = kept_answers(cache, data_dir / DATABASE_NAME)
    assert kept is not None
    assert {arguments[:1] for name, arguments in kept if name == "dossier"} == {(dossier_id,)}
    assert ("setting", ("zoom",)) in kept and ("last_dossier_id", ()) in kept


def test_a_start_from_the_kept_answers_reads_without_opening_the_database(
    data_dir: Path, cache: Path, dossier_id: int
) -> None:
    session(data_dir, cache, dossier_id)
    store = started(data_dir, cache)
    window_reads(store, dossier_id)
    assert store.ticked_items(dossier_id, 0).keys() == {FIRST_ITEM}
    assert store.versioned_notes(dossier_id, 0)[FLOW.steps[0].id][0] == "Leverancier gebeld."
    assert not store.opened
    assert (store.shared, store.shared_address, store.path) == (False, None, data_dir / DATABASE_NAME)
    store.close()
    assert kept_answers(cache, data_dir / DATABASE_NAME) is not None  # nothing written: still fits


def test_each_answer_is_a_fresh_object(data_dir: Path, cache: Path, dossier_id: int) -> None:
    session(data_dir, cache, dossier_id)
    store = started(data_dir, cache)
    store.ticked_items(dossier_id, 0).clear()
    assert store.ticked_items(dossier_id, 0).keys() == {FIRST_ITEM}


def test_anything_else_opens_the_real_store(data_dir: Path, cache: Path, dossier_id: int) -> None:
    session(data_dir, cache, dossier_id)
    store = started(data_dir, cache)
    assert store.annual_reports(dossier_id) == {}  # a read the window did not make last time
    assert store.opened
    store.close()


def test_a_write_goes_to_the_database_and_into_the_next_answers(
    data_dir: Path, cache: Path, dossier_id: int
) -> None:
    session(data_dir, cache, dossier_id)
    store = started(data_dir, cache)
    window_reads(store, dossier_id)
    store.set_item_ticked(dossier_id, SECOND_ITEM, True)
    assert store.opened
    assert store.ticked_items(dossier_id, 0).keys() == {FIRST_ITEM, SECOND_ITEM}  # from the database now
    store.close()
    real = Store(data_dir)
    assert real.ticked_items(dossier_id, 0).keys() == {FIRST_ITEM, SECOND_ITEM}
    real.close()
    again = started(data_dir, cache)
    assert again.ticked_items(dossier_id, 0).keys() == {FIRST_ITEM, SECOND_ITEM}
    assert not again.opened


def test_attributes_set_before_the_database_opens_reach_it(
    data_dir: Path, cache: Path, dossier_id: int
) -> None:
    session(data_dir, cache, dossier_id)
    store = started(data_dir, cache)
    assert store.author is None and not store.opened  # a local database names nobody
    store.author = "Anna"
    assert store.author == "Anna" and not store.opened
    real = store.open()
    assert real.author == "Anna"
    store.author = "Bram"
    assert real.author == "Bram" and store.author == "Bram"
    store.close()


def test_reads_by_keyword_go_to_the_database(data_dir: Path, cache: Path, dossier_id: int) -> None:
    session(data_dir, cache, dossier_id)
    store = started(data_dir, cache)
    assert store.ticked_items(dossier_id, round_year=2027) == {}  # a round with no ticks, not round 0's
    assert store.opened
    assert store.ticked_items(dossier_id, round_year=0).keys() == {FIRST_ITEM}
    store.close()


def test_answers_do_not_fit_a_database_written_since(data_dir: Path, cache: Path, dossier_id: int) -> None:
    session(data_dir, cache, dossier_id)
    other = Store(data_dir)  # e.g. --import-json or --copy-from while the app was closed
    other.rename_dossier(dossier_id, "Praktijk Noord")
    other.close()
    assert kept_answers(cache, data_dir / DATABASE_NAME) is None


def test_answers_do_not_fit_while_a_crash_left_writes_in_the_wal_file(
    data_dir: Path, cache: Path, dossier_id: int
) -> None:
    session(data_dir, cache, dossier_id)
    database = data_dir / DATABASE_NAME
    wal = database.with_name(DATABASE_NAME + "-wal")
    wal.write_bytes(b"")
    assert kept_answers(cache, database) is not None  # an empty one holds nothing
    wal.write_bytes(b"\0")  # anything in it: SQLite's own header alone is 32 bytes
    assert kept_answers(cache, database) is None


def test_answers_do_not_fit_an_update_that_keeps_size_header_and_time(
    data_dir: Path, cache: Path, dossier_id: int
) -> None:
    """Another program's update in WAL mode leaves the file's size and header as they were, and a
    FAT drive or a copy tool its time: the bytes tell."""
    session(data_dir, cache, dossier_id)
    database = data_dir / DATABASE_NAME
    before, status = database.read_bytes(), database.stat()
    outside = sqlite3.connect(database)
    outside.execute("UPDATE dossiers SET name = 'Praktijk West' WHERE id = ?", (dossier_id,))
    outside.commit()
    outside.close()
    after = database.read_bytes()
    os.utime(database, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert len(after) == len(before) and after[:100] == before[:100] and after != before
    assert kept_answers(cache, database) is None


def test_answers_fit_the_same_bytes_put_back(data_dir: Path, cache: Path, dossier_id: int) -> None:
    """A copy of the very file put back (a backup made while the app was closed) holds the same data."""
    session(data_dir, cache, dossier_id)
    database = data_dir / DATABASE_NAME
    content = database.read_bytes()
    database.unlink()
    database.write_bytes(content)
    assert kept_answers(cache, database) is not None


def test_answers_do_not_fit_another_build_of_the_app(data_dir: Path, cache: Path, dossier_id: int) -> None:
    session(data_dir, cache, dossier_id)
    copy = copy_path(cache, data_dir / DATABASE_NAME)
    kept = pickle.loads(copy.read_bytes()[32:])
    assert kept["code"] == code_fingerprint()
    older = pickle.dumps({**kept, "code": "an older build"})
    copy.write_bytes(hashlib.sha256(older).digest() + older)  # whole, but of another build
    assert kept_answers(cache, data_dir / DATABASE_NAME) is None


@pytest.mark.parametrize("position", [0, 31, 32, 100, -1])
def test_a_copy_with_one_byte_changed_is_not_used(
    data_dir: Path, cache: Path, dossier_id: int, position: int
) -> None:
    """A bit flipped on the disk could unpickle into another name or date (or not at all): the
    checksum in front of the copy makes it a start as without one."""
    session(data_dir, cache, dossier_id)
    copy = copy_path(cache, data_dir / DATABASE_NAME)
    content = bytearray(copy.read_bytes())
    content[position] ^= 0x01
    copy.write_bytes(bytes(content))
    assert kept_answers(cache, data_dir / DATABASE_NAME) is None


@pytest.mark.parametrize(
    "content", [b"", b"not a pickle", pickle.dumps(["a list"]), pickle.dumps({"code": 1})]
)
def test_a_damaged_copy_is_not_used(data_dir: Path, cache: Path, dossier_id: int, content: bytes) -> None:
    copy = copy_path(cache, data_dir / DATABASE_NAME)
    copy.parent.mkdir(parents=True)
    copy.write_bytes(content)
    assert kept_answers(cache, data_dir / DATABASE_NAME) is None


def test_no_answers_are_kept_without_a_file_or_a_writable_cache(
    data_dir: Path, tmp_path: Path, dossier_id: int
) -> None:
    database = data_dir / DATABASE_NAME
    keep_answers(tmp_path / "nowhere", data_dir / "missing.db", {("setting", ("zoom",)): pickle.dumps(None)})
    assert not (tmp_path / "nowhere").exists()
    blocked = tmp_path / "a file"
    blocked.write_text("")
    keep_answers(blocked, database, {("setting", ("zoom",)): pickle.dumps(None)})  # no exception
    assert kept_answers(blocked, database) is None


def test_a_copy_that_no_longer_fits_is_removed(data_dir: Path, cache: Path, dossier_id: int) -> None:
    session(data_dir, cache, dossier_id)
    database = data_dir / DATABASE_NAME
    database.with_name(DATABASE_NAME + "-wal").write_bytes(b"\0" * 32)  # the file can't be judged
    keep_answers(cache, database, {})
    assert not copy_path(cache, database).exists()


def test_answers_that_cannot_be_read_again_at_close_are_forgotten(
    data_dir: Path, cache: Path, dossier_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    session(data_dir, cache, dossier_id)
    real = Store(data_dir)
    store = FirstPaintStore.around(real, cache)
    window_reads(store, dossier_id)

    def unreadable(*_arguments: object) -> None:
        raise StoreError("De database kan niet worden gelezen.")

    monkeypatch.setattr(real, "care_providers", unreadable)  # the disk went away, say
    store.close()
    assert not copy_path(cache, data_dir / DATABASE_NAME).exists()


def test_the_file_state_is_the_size_and_hash_of_the_database_file(data_dir: Path, dossier_id: int) -> None:
    database = data_dir / DATABASE_NAME
    content = database.read_bytes()
    assert file_state(database) == (len(content), hashlib.sha256(content).digest())
    assert file_state(data_dir / "missing.db") is None


def test_a_bundle_is_judged_by_its_executable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    executable = tmp_path / "wegwijzer"
    executable.write_bytes(b"build one")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    first = code_fingerprint()
    assert first == code_fingerprint()
    executable.write_bytes(b"build two")
    assert code_fingerprint() != first
    monkeypatch.setattr(sys, "frozen", False)
    assert code_fingerprint() != first


def test_the_app_paints_its_second_start_without_sqlalchemy(
    data_dir: Path, tmp_path: Path, dossier_id: int
) -> None:
    """End to end: the first start keeps the answers, the second shows the window without loading
    SQLAlchemy, and a change by another process brings SQLAlchemy back before the paint."""

    def loads_sqlalchemy() -> bool:
        started = run_app(
            "--smoke-test", "--data-dir", str(data_dir),
            PYTHONPROFILEIMPORTTIME="1", XDG_CACHE_HOME=str(tmp_path / "cache"),
        )  # fmt: skip
        assert started.returncode == 0, started.stderr
        return " sqlalchemy\n" in started.stderr

    assert loads_sqlalchemy()
    assert not loads_sqlalchemy()
    time.sleep(0.01)
    other = Store(data_dir)
    other.set_item_ticked(dossier_id, SECOND_ITEM, True)
    other.close()
    assert loads_sqlalchemy()
    assert not loads_sqlalchemy()


def test_copies_not_written_for_a_month_are_removed(data_dir: Path, cache: Path, dossier_id: int) -> None:
    cache.mkdir()
    old, recent = cache / "first-paint-0.pickle", cache / "first-paint-1.pickle"
    for copy, days in ((old, 31), (recent, 29)):
        copy.write_bytes(b"")
        moment = time.time() - days * 24 * 3600
        os.utime(copy, (moment, moment))
    session(data_dir, cache, dossier_id)
    assert not old.exists() and recent.exists()
    assert kept_answers(cache, data_dir / DATABASE_NAME) is not None


def test_a_change_to_the_model_code_is_another_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    sources = tmp_path / "model"
    (sources / "store").mkdir(parents=True)
    (sources / "dossier.py").write_text("NAME = 1\n")
    (sources / "store" / "reads.py").write_text("READ = 1\n")
    (sources / "notes.txt").write_text("not code")
    monkeypatch.setattr("model.first_paint.model_dir", lambda: sources)
    first = code_fingerprint()
    (sources / "notes.txt").write_text("still not code")
    assert code_fingerprint() == first
    (sources / "store" / "reads.py").write_text("READ = 2\n")  # a module in a package below model/
    second = code_fingerprint()
    assert second != first
    (sources / "dossier.py").write_text("NAME = 2\n")
    assert code_fingerprint() not in (first, second)


def test_each_data_folder_keeps_its_own_answers(tmp_path: Path, cache: Path) -> None:
    folders = [tmp_path / "praktijk", tmp_path / "leverancier"]
    for number, folder in enumerate(folders):
        store = Store(folder)
        dossier = store.create_dossier(f"Dossier {number}", Connection.DIRECT, Role.CARE_PROVIDER, None)
        store.remember_last_dossier(dossier.id)
        store.close()
        session(folder, cache, dossier.id)
    assert len(list(cache.glob("first-paint-*.pickle"))) == 2
    for number, folder in enumerate(folders):
        assert started(folder, cache).dossier(1).name == f"Dossier {number}"


def test_a_cache_folder_not_there_yet_is_made(data_dir: Path, tmp_path: Path, dossier_id: int) -> None:
    cache = tmp_path / "new account" / ".cache" / "wegwijzer"  # a fresh account has no ~/.cache yet
    session(data_dir, cache, dossier_id)
    assert kept_answers(cache, data_dir / DATABASE_NAME) is not None


def test_forgetting_answers_never_fails(data_dir: Path, cache: Path, dossier_id: int) -> None:
    database = data_dir / DATABASE_NAME
    forget_answers(cache, database)  # nothing kept yet
    session(data_dir, cache, dossier_id)
    forget_answers(cache, database)
    assert kept_answers(cache, database) is None
    copy_path(cache, database).mkdir()  # something that can't be removed as a file
    forget_answers(cache, database)
    assert copy_path(cache, database).is_dir()
