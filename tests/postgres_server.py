"""A throwaway PostgreSQL cluster for the tests that run the store on a shared database (issue 22).

initdb into a temporary folder, the server on a free port of 127.0.0.1 with durability switched
off (the data die with the test run anyway), one fresh database per test. The benchmarks start
one too (benchmarks/shared_database.py), durable. As root (CI) the
cluster runs as the `postgres` user, since PostgreSQL refuses to run as root.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

REQUIRE_VARIABLE = "WEGWIJZER_REQUIRE_POSTGRES"  # set by .ci/run: no server is a failure, not a skip
# set by `dev.py mutate`: the port of a server started once, which every mutant's test run uses
# (mutmut forks a process per mutant, and each would otherwise initdb a cluster of its own)
RUNNING_SERVER_VARIABLE = "WEGWIJZER_TEST_POSTGRES_PORT"
USER = "wegwijzer"
PASSWORD = "geheim-wachtwoord"  # a throwaway cluster's; tests check it is never shown


def server_programs() -> Path | None:
    """The folder with initdb and pg_ctl: on the PATH, or where Debian's packages put them."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True)
    return versions[0].parent if versions else None


def no_server() -> NoReturn:
    """Skip the test that needs a server, or fail it where one is required (CI)."""
    import pytest  # here, so that dev.py can start a server without pytest installed

    reason = "PostgreSQL is not installed (no initdb or pg_ctl): the shared-database runs cannot run"
    if os.environ.get(REQUIRE_VARIABLE):
        pytest.fail(f"{reason}, and {REQUIRE_VARIABLE} asks for them")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    port: int

    def url(self, database: str, password: bool = True) -> str:
        secret = f":{PASSWORD}" if password else ""
        return f"postgresql+psycopg://{USER}{secret}@127.0.0.1:{self.port}/{database}"

    def admin(self):  # a psycopg connection to the maintenance database, each statement committed
        import psycopg

        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=USER, password=PASSWORD, dbname="postgres", autocommit=True
        )

    def new_database(self) -> str:
        name = f"test_{uuid.uuid4().hex}"  # unique: test runs may share a server (mutmut)
        with self.admin() as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextlib.contextmanager
def running_server(programs: Path, durable: bool = False) -> Iterator[Server]:
    """A server on a free port; `durable` (the benchmarks) commits to disk as a real server does,
    otherwise durability is off for speed."""
    folder = Path(tempfile.mkdtemp(prefix="wegwijzer-postgres-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", free_port()
    password_file = folder / "password"
    password_file.write_text(PASSWORD)
    if as_user:
        shutil.chown(password_file, "postgres", "postgres")

    def run(*command: str) -> None:
        subprocess.run([*as_user, *command], check=True, capture_output=True, timeout=120, cwd=folder)

    run(str(programs / "initdb"), "-D", str(data), "-U", USER, f"--pwfile={password_file}",
        "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    if not durable:
        options += " -c fsync=off -c full_page_writes=off"
    run(str(programs / "pg_ctl"), "start", "-w", "-D", str(data), "-l", str(folder / "log"), "-o", options)
    try:
        yield Server(port)
    finally:
        run(str(programs / "pg_ctl"), "stop", "-D", str(data), "-m", "immediate")
        shutil.rmtree(folder, ignore_errors=True)


def old_database_on_server(fixture: Path, url: str) -> None:
    """Lay out the server's database as the old SQLite file `fixture` is (its tables, keys, rows and
    schema version), so that the ladder of upgrades starts there as it does from that file."""
    from sqlalchemy import MetaData, String, create_engine, insert, select, text

    from model.limits import KVK_INPUT_MAX_LENGTH
    from model.store.shared_server import VERSION_TABLE

    source = create_engine(f"sqlite:///file:{fixture}?mode=ro&immutable=1&uri=true")
    target = create_engine(url)
    tables = MetaData()
    try:
        with source.connect() as reading, target.begin() as writing:
            tables.reflect(reading)
            for column in (column for table in tables.sorted_tables for column in table.columns):
                column.type = column.type.as_generic()  # SQLite's DATETIME as PostgreSQL's TIMESTAMP
            for table in tables.sorted_tables:  # reflection leaves out what a foreign key does on delete
                keys = reading.exec_driver_sql(f"PRAGMA foreign_key_list({table.name})").all()
                deletes = {key[3]: key[6] for key in keys}  # from column: on delete
                for constraint in table.foreign_key_constraints:
                    action = deletes[constraint.column_keys[0]]
                    constraint.ondelete = None if action == "NO ACTION" else action
            if "care_providers" in tables.tables:  # as wide as on every shared database (CareProviderRow)
                tables.tables["care_providers"].c.kvk.type = String(KVK_INPUT_MAX_LENGTH)
            tables.create_all(writing)
            for table in tables.sorted_tables:
                rows = [dict(row) for row in reading.execute(select(table)).mappings()]
                if rows:
                    writing.execute(insert(table), rows)
                if "id" in table.c and rows:  # the next new row takes the next number, as in the file
                    writing.execute(
                        text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), :last)"),
                        {"last": max(row["id"] for row in rows)},
                    )
            VERSION_TABLE.create(writing)
            version = reading.exec_driver_sql("PRAGMA user_version").scalar_one()
            writing.execute(VERSION_TABLE.insert().values(version=version))
    finally:
        source.dispose()
        target.dispose()


class CuttableLine:
    """A TCP relay on 127.0.0.1 in front of the test server whose line can be cut and restored, as
    a laptop loses the network mid-session: `cut` drops every connection and refuses new ones on
    the same port until `restore`. Local traffic only, threads that end with their sockets."""

    def __init__(self, server: Server) -> None:
        self.target = ("127.0.0.1", server.port)
        self.port = free_port()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self.restore()

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{USER}:{PASSWORD}@127.0.0.1:{self.port}/{database}"

    def restore(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        with self._lock:
            for each in [self._listener, *self._sockets]:
                with contextlib.suppress(OSError):
                    each.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    each.close()
            self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _address = listener.accept()
                upstream = socket.create_connection(self.target, timeout=10)
                upstream.settimeout(None)
            except OSError:
                return  # cut
            with self._lock:
                self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for each in (source, sink):
            with contextlib.suppress(OSError):
                each.shutdown(socket.SHUT_RDWR)
