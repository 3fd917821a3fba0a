"""Fuzzing the import with mutated real exports: refused cleanly and nothing changed, or imported and
the app's start page builds and that dossier's PDF is written."""

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from gui.day_clock import DayClock
from gui.printing import write_pdf
from gui.start_page import StartPage
from model.backups import content_digest
from model.content import Connection, Role, bundled_content
from model.dossier import CareProvider, DateField
from model.exchange import ImportFileError, export_json, parse_import
from model.store import Store
from model.summary import footer_text, load_summary_input, summary_html

TODAY = date(2026, 11, 28)


@contextmanager
def own_folder() -> Iterator[Path]:
    """Each example its own data folder: nothing one example stores can decide another's outcome."""
    folder = Path(tempfile.mkdtemp(prefix="wegwijzer-fuzz-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def filled(store: Store) -> int:
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


def mutated(data: st.DataObject) -> bytes:
    document = json.loads(real_export())
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        path = data.draw(st.sampled_from(leaf_paths(document)))
        if not path:
            continue
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = data.draw(odd_values)
    return json.dumps(document, ensure_ascii=data.draw(st.booleans())).encode("utf-8", "surrogatepass")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_mutated_export_is_refused_cleanly_or_works_everywhere(qtbot: QtBot, data: st.DataObject) -> None:
    content = bundled_content()
    with own_folder() as folder:
        store = Store(folder)
        filled(store)
        before = content_digest(store.path)
        try:
            snapshot = parse_import(mutated(data))
        except ImportFileError as refusal:
            event("refused")
            assert str(refusal) and "\n" not in str(refusal)
            assert content_digest(store.path) == before
            store.close()
            return
        event("imported")
        imported = store.add_snapshot(snapshot, store.free_name(snapshot.dossier.name))
        page = StartPage(store, content, DayClock(lambda: TODAY))
        qtbot.addWidget(page)
        table = page.findChild(QTableWidget, "dossierList")
        assert table.rowCount() == 2
        assert not any(table.item(row, 1).text().startswith("Beschadigd") for row in range(2))
        dossier = store.dossier(imported.id)
        summary = load_summary_input(store, content, dossier, TODAY, with_history=True)
        write_pdf(summary_html(summary), footer_text(dossier), folder / "dossier.pdf")
        assert (folder / "dossier.pdf").stat().st_size > 1000
        store.close()
