"""Every test runs offscreen with its own data folder; nothing touches the real user folder."""

import os
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads, or pytest-qt aborts without a screen

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

if TYPE_CHECKING:
    from model.store import Store
    from tests.postgres_server import CuttableLine, Server

# Qt's own file dialog, the same on every system, so a test can type a path into it; a native
# one (GTK, Windows) is another process's window that no test can reach.
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def store_at(data_dir: Path) -> "Iterator[Callable[[datetime], Store]]":
    """A store in `data_dir` whose clock stands still at the moment given; closed after the test."""
    from model.store import Store

    opened: list[Store] = []

    def open_at(now: datetime) -> Store:
        opened.append(Store(data_dir, clock=lambda: now))
        return opened[-1]

    yield open_at
    for store in opened:
        store.close()


@pytest.fixture(autouse=True)
def no_real_user_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A test that forgets --data-dir writes below its temporary folder, not the user's."""
    monkeypatch.setattr("model.locations.user_data_dir", lambda *args, **kwargs: str(tmp_path / "user"))


@pytest.fixture(autouse=True)
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty home folder, where the file dialogs open: what a test saves lands in its own folder."""
    folder = tmp_path / "home"
    folder.mkdir()
    for variable in ("HOME", "USERPROFILE"):  # what Path.home() reads on Unix and on Windows
        monkeypatch.setenv(variable, str(folder))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)  # the cache folder too (model.first_paint)
    return folder


LAYER_MARKERS = ("model", "gui", "e2e")
STARTS_A_PROCESS = {"run_app", "subprocess"}  # names in a test's code that make it e2e


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test gets one layer marker, so `-m model` runs the fast Qt-free tests alone.

    A test marked e2e in its module keeps that mark, and a test that starts a process (names
    `run_app` or `subprocess`) is e2e too; otherwise a test that uses qtbot is a gui test and any
    other is a model test.
    """
    for item in items:
        if any(item.get_closest_marker(name) for name in LAYER_MARKERS):
            continue
        code = getattr(getattr(item, "function", None), "__code__", None)
        if code is not None and STARTS_A_PROCESS & set(code.co_names):
            item.add_marker(pytest.mark.e2e)
            continue
        uses_widgets = "qtbot" in getattr(item, "fixturenames", ())
        item.add_marker(pytest.mark.gui if uses_widgets else pytest.mark.model)


@pytest.fixture(autouse=True)
def model_caches_emptied_under_mutmut() -> None:
    """Under mutmut each test computes what the model caches (the content, the yearly flows, the
    glossary's patterns, …) itself.

    Otherwise only the first test would be seen to run a cached function's callees (mutmut records
    which tests run which function), and each mutant's process, forked after the clean run filled
    the caches, would never run the mutated code at all.
    """
    if os.environ.get("MUTANT_UNDER_TEST"):
        for name, module in list(sys.modules.items()):
            if name == "model" or name.startswith("model."):
                for value in list(vars(module).values()):
                    if callable(getattr(value, "cache_clear", None)):
                        value.cache_clear()


@pytest.fixture
def amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's own time zone is the Dutch one, as on the users' laptops: UTC+1 in winter,
    UTC+2 in summer."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="session")
def postgres() -> Iterator["Server"]:
    """A PostgreSQL server for this test run; skipped where PostgreSQL is not installed, but in CI
    (.ci/run sets WEGWIJZER_REQUIRE_POSTGRES) its absence fails the tests instead."""
    from tests.postgres_server import (
        RUNNING_SERVER_VARIABLE,
        Server,
        no_server,
        running_server,
        server_programs,
    )

    if port := os.environ.get(RUNNING_SERVER_VARIABLE):
        yield Server(int(port))
        return
    programs = server_programs()
    if programs is None:
        no_server()
    with running_server(programs) as server:
        yield server


@pytest.fixture
def database_url(postgres: "Server") -> Iterator[str]:
    """The address (with its password) of a new, empty database of its own for one test."""
    name = postgres.new_database()
    yield postgres.url(name)
    postgres.drop_database(name)


@pytest.fixture
def cuttable_line(postgres: "Server", database_url: str) -> Iterator[tuple["CuttableLine", str]]:
    """A line to the test's database that the test can cut and restore, and the address through it."""
    from tests.postgres_server import CuttableLine

    line = CuttableLine(postgres)
    yield line, line.url(database_url.rsplit("/", 1)[1])
    line.cut()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_source(request: pytest.FixtureRequest, data_dir: Path) -> Path | str:
    """Where a store test keeps its data: once in a local SQLite file, once in a shared PostgreSQL
    database, so that every store feature is proven on both engines."""
    if request.param == "sqlite":
        return data_dir
    return request.getfixturevalue("database_url")


@pytest.fixture
def old_database(store_source: Path | str):
    """Makes `store_source` a database of an old schema, as tests/fixtures/schema-v<version>.db is: on
    SQLite that file itself, on PostgreSQL its tables and rows laid out on the server."""

    def make(version: int) -> Path | str:
        import shutil

        from model.store import DATABASE_NAME
        from tests.postgres_server import old_database_on_server

        fixture = Path(__file__).parent / "fixtures" / f"schema-v{version}.db"
        if isinstance(store_source, Path):
            shutil.copy(fixture, store_source / DATABASE_NAME)
        else:
            old_database_on_server(fixture, store_source)
        return store_source

    return make
