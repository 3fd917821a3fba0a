"""Data folders for the benchmarks, made through the app's own Store (runs in a child, see probe.py).

The dossier the app reopens is the same in every folder: a cluster assessment run by the supplier,
activated three weeks ago, half its action items ticked and a note on every step. The large folder
adds the other care providers of a supplier around it, so comparing folders shows only the cost of
the number of dossiers.
"""

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

MAIN_DOSSIER = "Huisartsenpraktijk De Linde"
NOTE = (
    "Afgesproken met de leverancier: zij plannen de auditor in.\n"
    "Contactpersoon: J. de Vries, 06-12345678.\n"
    "Terugkoppeling in het volgende overleg."
)


def probe(
    folders: dict[str, bool], dossiers: int, care_providers: int = 0, position: str | None = None
) -> list[str]:
    """Make the first folder with `dossiers` dossiers, copy it to the others; each value says whether the
    main dossier is remembered as the last one (reopened at start) or none (the start page shows).

    `care_providers` fills the main dossier's register; `position` is the page it reopens on."""
    from model.content import Connection, Role, bundled_content
    from model.dossier import CareProvider
    from model.store import Store

    flows = bundled_content().flows
    paths = [Path(each) for each in folders]
    store = Store(paths[0])
    today = date.today()
    main = store.create_dossier(MAIN_DOSSIER, Connection.CLUSTER, Role.SUPPLIER, today - timedelta(days=21))
    steps = flows[Connection.CLUSTER].steps
    for number, step in enumerate(steps):
        for item in step.action_items[: len(step.action_items) // 2 + (number % 2)]:
            store.set_item_ticked(main.id, item.id, True)
        store.set_note(main.id, step.id, NOTE)
    for index in range(care_providers):
        signed = today - timedelta(days=60 + index % 30)
        provider = CareProvider(
            0, f"Praktijk {index:03d}", f"{10_000_000 + index}", "A. Jansen", "directeur", signed, signed,
            signed, signed + timedelta(days=14) if index % 3 else None, "Tekent via de leverancier.",
        )  # fmt: skip
        store.save_care_provider(main.id, provider)
    if position is not None:
        store.set_position(main.id, position)
    for index in range(1, dossiers):
        connection = Connection.DIRECT if index % 4 == 0 else Connection.CLUSTER
        activation = today - timedelta(days=index % 90) if index % 5 else None
        other = store.create_dossier(f"Zorgaanbieder {index:03d}", connection, Role.SUPPLIER, activation)
        for item in flows[connection].steps[index % 3].action_items[:2]:
            store.set_item_ticked(other.id, item.id, True)
    store.close()
    for path in paths[1:]:
        shutil.rmtree(path, ignore_errors=True)
        shutil.copytree(paths[0], path)
    for path, remember in zip(paths, folders.values(), strict=True):
        store = Store(path)
        store.remember_last_dossier(main.id if remember else None)
        store.close()
    return [str(path) for path in paths]


def cluster_dossier(store, name: str = MAIN_DOSSIER):
    """The main dossier of a folder made by `probe`."""
    dossier = store.find_dossier(name)
    if dossier is None:
        raise LookupError(f"no dossier {name!r} in {store.path}")
    return dossier


_scratch: list[tempfile.TemporaryDirectory] = []


def scratch_dir() -> Path:
    """An empty folder removed when the probe's process ends."""
    holder = tempfile.TemporaryDirectory(prefix="wegwijzer-bench-")
    _scratch.append(holder)
    return Path(holder.name)


def fresh_folder(dossiers: int = 1) -> Path:
    """A new data folder made by `probe` that reopens the main cluster dossier."""
    folder = scratch_dir() / "data"
    probe({str(folder): True}, dossiers)
    return folder
