"""Mutated real dossier exports: the one strategy behind the import fuzz test and
`python dev.py fuzz-import` (tools/fuzz_import.py).

A real export of a filled dossier, with one to three of its values (any level: a field, an entry,
a whole list) replaced by an odd one: a date out of range, an unknown id, a lone surrogate, a NUL,
a huge or deeply nested value, a wrong type."""

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from model.content import Connection, Role
from model.dossier import CareProvider, DateField
from model.exchange import export_json
from model.store import Store


@contextmanager
def own_folder() -> Iterator[Path]:
    """A fresh data folder, removed afterwards: nothing one example stores can decide another's outcome."""
    folder = Path(tempfile.mkdtemp(prefix="wegwijzer-fuzz-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def filled(store: Store) -> int:
    """A cluster dossier with a tick, a note, a date and a care provider; its id."""
    dossier = store.create_dossier("Praktijk De Linde", Connection.CLUSTER, Role.SUPPLIER, date(2026, 10, 8))
    store.set_item_ticked(dossier.id, "cluster.1.1", True)
    store.set_note(dossier.id, "cluster.1", "Afspraak met ‘TPM’ & co\nregel 2")
    store.set_date(dossier.id, DateField.REPORT_SENT, date(2026, 11, 30))
    store.save_care_provider(
        dossier.id,
        CareProvider(
            0, "Zorg Noord", "12345678", "A. Jansen", "directeur", date(2026, 1, 5), date(2026, 1, 6)
        ),
    )
    return dossier.id


@cache
def real_export() -> str:
    with own_folder() as folder:
        store = Store(folder)
        text = export_json(store.snapshot(filled(store)), datetime(2026, 11, 28, 12))
        store.close()
    return text


def leaf_paths(value: Any, path: tuple = ()) -> list[tuple]:
    """The path to every value in the document, the containers included."""
    if isinstance(value, dict):
        return [path] + [p for key, child in value.items() for p in leaf_paths(child, (*path, key))]
    if isinstance(value, list):
        return [path] + [p for index, child in enumerate(value) for p in leaf_paths(child, (*path, index))]
    return [path]


def nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


odd_values = st.one_of(
    st.sampled_from(
        [
            "9999-12-31",
            "9998-06-01",
            "0001-01-01",
            "1999-12-31",
            "2100-12-31",
            "2000-01-01",
            "9999-12-31T23:30:00",
            "0001-01-01T00:00:00+14:00",
            "2100-12-31T23:59:59-12:00",
            "direct.99.9",
            "cluster.1",
            "direct.1.1",
            "note",
            "role",
            "connection",
            "activation_date",
            "directeur",
            "cluster",
            "supplier",
            "afgevinkt",
            "\udfff",
            "a\x00b",
            "",
            " ",
            "<b>x</b>",
        ]
    ),
    st.sampled_from([None, True, 0, -1, 2**70, 1.5e308, [], {}]),
    st.integers(min_value=2, max_value=60).map(nested),
    st.integers(min_value=100, max_value=200_000).map(lambda size: "x" * size),
    st.text(max_size=30),
)


@st.composite
def mutated_exports(draw: st.DrawFn) -> bytes:
    """The bytes of a real export with one to three values replaced by odd ones."""
    document = json.loads(real_export())
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(leaf_paths(document)))
        if not path:
            continue
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = draw(odd_values)
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
