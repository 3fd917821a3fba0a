"""Issue 22: the store on a shared PostgreSQL database over localhost against the local SQLite file,
in the same run: tick → committed, and start-up to the window with the last dossier.

The server is the tests' throwaway cluster (tests/postgres_server.py), here durable (fsync on, as a
real server commits) and on 127.0.0.1, so the figures hold no network but TCP on one machine.
Where PostgreSQL's server programs are missing the section is skipped with one line. The shared
database gets the same dossier as the local folder, copied with the app's own `--copy-to`.
"""

import os
import sys
from pathlib import Path
from time import perf_counter

import harness
import startup
from harness import BENCHMARKS_DIR, Row, Sample, milliseconds, percentile, spawn

SQLITE, SHARED = "sqlite", "postgresql"


class NoServerError(Exception):
    """No PostgreSQL server can be started here; the section is skipped, saying why in one line."""


def probe(url: str, ticks: int, folder: str = "") -> dict[str, list[float]]:
    """Seconds per committed tick on a new local folder and on the shared database at `url`, in turn;
    or, with `folder`, only remember that folder's main dossier as the shared database's last one."""
    from fixtures import MAIN_DOSSIER, cluster_dossier, scratch_dir

    from model.content import Connection, Role, bundled_content
    from model.store import Store

    if folder:
        shared = Store(url)
        shared.remember_last_dossier(cluster_dossier(shared, MAIN_DOSSIER).id)
        shared.close()
        return {}
    stores = {SQLITE: Store(scratch_dir()), SHARED: Store(url)}
    dossiers = {
        name: store.create_dossier("Tikken", Connection.CLUSTER, Role.SUPPLIER, None).id
        for name, store in stores.items()
    }
    items = bundled_content().flows[Connection.CLUSTER].action_item_ids
    samples: dict[str, list[float]] = {name: [] for name in stores}
    for number in range(ticks):
        item, ticked = items[(number // 2) % len(items)], number % 2 == 0
        for name, store in stores.items():
            start = perf_counter()
            store.set_item_ticked(dossiers[name], item, ticked)
            samples[name].append(perf_counter() - start)
    for store in stores.values():
        store.close()
    return samples


def measure(app_dir: Path, folder: Path, runs: int, ticks: int) -> list[Row]:
    """Start a durable server, copy `folder`'s dossiers into it, and measure both engines."""
    sys.path.insert(0, str(BENCHMARKS_DIR.parent))  # the tests' server helper, from this checkout
    from tests.postgres_server import PASSWORD, running_server, server_programs

    programs = server_programs()
    if programs is None:
        raise NoServerError("no PostgreSQL server programs (initdb, pg_ctl) on this machine")
    os.environ["PGPASSWORD"] = PASSWORD  # for the children: never in the address, as the README advises
    with running_server(programs, durable=True) as server:
        url = server.url(server.new_database(), password=False)
        spawn([app_dir / "main.py", "--data-dir", folder, "--copy-to", url])
        harness.probe(app_dir, "shared_database", url=url, ticks=0, folder=str(folder))
        commands = {
            SQLITE: startup.smoke_test(app_dir, folder),
            SHARED: [app_dir / "main.py", "--smoke-test", "--database-url", url],
        }
        started = startup.alternate(commands, runs)
        ticked = harness.probe(app_dir, "shared_database", url=url, ticks=ticks)
    return rows(started, ticked)


def rows(started: dict[str, list[Sample]], ticked: dict[str, list[float]]) -> list[Row]:
    shared_ms, local_ms = milliseconds(ticked[SHARED]), milliseconds(ticked[SQLITE])
    return [
        Row(
            "22. tick → committed (Store), shared PostgreSQL, p50",
            percentile(shared_ms, 50),
            "ms",
            percentile(local_ms, 50),
            note=f"{len(shared_ms)} ticks, alternating with the same on a local file (the baseline); "
            "server on 127.0.0.1, fsync on",
        ),
        Row("    same, p99", percentile(shared_ms, 99), "ms", percentile(local_ms, 99)),
        Row(
            "22. start-up, window with last dossier, shared PostgreSQL",
            startup.wall(started[SHARED]),
            "s",
            startup.wall(started[SQLITE]),
            note="--smoke-test --database-url against --data-dir with the same dossier (the baseline)",
        ),
        Row(
            "    same, CPU time (user + system)",
            startup.cpu(started[SHARED]),
            "s",
            startup.cpu(started[SQLITE]),
        ),
    ]
