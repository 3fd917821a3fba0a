"""The parsed content's copy in the cache folder: used only when made from the same files, and
never in the way when it is missing, damaged or can't be written."""

import shutil
from pathlib import Path

import pytest

from model import content_cache
from model.content import Content
from model.content_cache import cached, fingerprint
from model.content_loader import load_content
from model.locations import model_dir, resources_dir


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(resources_dir() / "content", folder)
    return folder


class CountingParser:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, directory: Path) -> Content:
        self.calls += 1
        return load_content(directory)


def copies(cache: Path) -> list[str]:
    return sorted(path.name for path in cache.iterdir())


def test_the_second_start_reads_the_copy_instead_of_the_files(content_dir: Path, tmp_path: Path) -> None:
    cache, parse = tmp_path / "cache", CountingParser()
    first = cached(content_dir, cache, parse)
    second = cached(content_dir, cache, parse)
    assert parse.calls == 1
    assert second == first == load_content(content_dir)
    assert len(copies(cache)) == 1


def test_a_changed_content_file_is_read_again_and_replaces_the_old_copy(
    content_dir: Path, tmp_path: Path
) -> None:
    cache, parse = tmp_path / "cache", CountingParser()
    cached(content_dir, cache, parse)
    old = copies(cache)
    terms = content_dir / "begrippen.nl.toml"
    text = terms.read_text(encoding="utf-8")
    renamed = text.replace('name = "Akkoordverklaring"', 'name = "De akkoordverklaring"')
    terms.write_text(renamed, encoding="utf-8")
    changed = cached(content_dir, cache, parse)
    assert parse.calls == 2
    assert changed == load_content(content_dir) != load_content(resources_dir() / "content")
    assert len(copies(cache)) == 1 and copies(cache) != old


def test_a_damaged_copy_is_parsed_anew_and_mended(content_dir: Path, tmp_path: Path) -> None:
    cache, parse = tmp_path / "cache", CountingParser()
    cached(content_dir, cache, parse)
    (copy,) = cache.iterdir()
    copy.write_bytes(b"\x80\x05 half a file")
    assert cached(content_dir, cache, parse) == load_content(content_dir)
    assert cached(content_dir, cache, parse) == load_content(content_dir)
    assert parse.calls == 2  # the damaged copy was replaced by a good one


def test_a_cache_folder_that_cannot_be_made_only_costs_the_parsing(content_dir: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("")
    parse = CountingParser()
    assert cached(content_dir, blocked / "cache", parse) == load_content(content_dir)
    assert cached(content_dir, blocked / "cache", parse) == load_content(content_dir)
    assert parse.calls == 2


def test_in_a_bundle_a_new_executable_makes_a_new_copy(
    content_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    executable = tmp_path / "Wegwijzer.exe"
    executable.write_bytes(b"build 1")
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", str(executable))
    first = fingerprint(content_dir)
    assert fingerprint(content_dir) == first
    executable.write_bytes(b"build 22")
    assert fingerprint(content_dir) != first


def test_a_cache_folder_whose_parents_are_missing_is_made(content_dir: Path, tmp_path: Path) -> None:
    """A fresh Windows profile has no cache folder yet, nor the folder above it."""
    cache = tmp_path / "Local" / "Wegwijzer" / "Cache"
    cached(content_dir, cache, CountingParser())
    assert len(copies(cache)) == 1


def test_outside_a_bundle_a_change_in_the_reading_code_makes_a_new_copy(
    content_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = tmp_path / "model"
    shutil.copytree(model_dir(), code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(content_cache, "model_dir", lambda: code)
    before = fingerprint(content_dir)
    loader = code / "content_loader.py"
    loader.write_text(loader.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert fingerprint(content_dir) != before
