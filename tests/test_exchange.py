"""Export and import of one dossier, all or nothing; random edits against a simple model of the store."""

import contextlib
import json
import tempfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.content import Connection, Role
from model.dossier import Change, DateField, DossierSnapshot
from model.exchange import FORMAT_NAME, FORMAT_VERSION, ImportFileError, export_json, parse_import
from model.store import Store, StoreError

NOW = datetime(2026, 11, 28, 12)


@pytest.fixture
def store(store_source: Path | str) -> Store:
    store = Store(store_source, clock=lambda: datetime(2026, 11, 20, 10))
    yield store
    store.close()


def filled(store: Store, name: str = "Praktijk <b>De Linde</b>") -> int:
    dossier = store.create_dossier(name, Connection.CLUSTER, Role.SUPPLIER, date(2026, 10, 8))
    store.set_item_ticked(dossier.id, "cluster.1.1", True)
    store.set_item_ticked(dossier.id, "direct.2.1", True)  # kept from the other flow
    store.set_note(dossier.id, "cluster.1", "Afspraak: ‘TPM’ & <script>\nregel 2")
    store.set_date(dossier.id, DateField.REPORT_SENT, date(2026, 11, 30))
    store.set_position(dossier.id, "cluster.4")
    return dossier.id


def without_time(text: str) -> dict:
    document = json.loads(text)
    document.pop("exported_at")
    return document


def test_export_import_export_gives_the_same_content(store: Store, data_dir: Path) -> None:
    first = export_json(store.snapshot(filled(store)), NOW)
    other = Store(data_dir / "leverancier")
    imported = other.add_snapshot(parse_import(first.encode()), "Praktijk <b>De Linde</b>")
    again = export_json(other.snapshot(imported.id), datetime(2027, 1, 1))
    other.close()
    assert without_time(again) == without_time(first)
    document = json.loads(first)
    assert (document["format"], document["version"]) == (FORMAT_NAME, FORMAT_VERSION)
    assert {entry["item"] for entry in document["ticked"]} == {"cluster.1.1", "direct.2.1"}
    assert document["dossier"]["report_sent"] == "2026-11-30"
    assert any(change["subject"] == "report_sent" for change in document["changes"])


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"\xff\xfe niet utf-8", "geen geldige JSON"),
        (b"[1, 2, 3]", "formaat ontbreekt"),
        (json.dumps({"format": "iets anders", "version": 1}).encode(), "formaat ontbreekt of klopt niet"),
        (json.dumps({"format": FORMAT_NAME, "version": FORMAT_VERSION + 1}).encode(), "nieuwere versie"),
        (
            json.dumps({"format": FORMAT_NAME, "version": 1}).encode(),
            "‘dossier’ in het dossierbestand ontbreekt",
        ),
    ],
)
def test_files_that_are_not_importable_say_why(content: bytes, problem: str) -> None:
    with pytest.raises(ImportFileError, match=problem):
        parse_import(content)


def test_a_bad_field_is_named(store: Store) -> None:
    document = json.loads(export_json(store.snapshot(filled(store)), NOW))
    document["ticked"][0]["at"] = "gisteren"
    with pytest.raises(ImportFileError, match=r"‘ticked\[0\]\.at’.*geen tijdstip"):
        parse_import(json.dumps(document).encode())
    document["ticked"][0]["at"] = NOW.isoformat()
    document["dossier"]["connection"] = "satelliet"
    with pytest.raises(ImportFileError, match=r"‘dossier\.connection’"):
        parse_import(json.dumps(document).encode())


def test_a_failing_import_writes_nothing(store: Store) -> None:
    snapshot = store.snapshot(filled(store))
    broken = DossierSnapshot(
        snapshot.dossier,
        snapshot.ticked,
        snapshot.notes,
        (Change(NOW, None, None, "", ""),),  # type: ignore[arg-type]
    )
    before = store.list_dossiers()
    with pytest.raises(StoreError):
        store.add_snapshot(broken, "Nieuwe naam")
    assert store.list_dossiers() == before


def test_import_can_replace_a_dossier_of_the_same_name(store: Store) -> None:
    original = filled(store)
    snapshot = parse_import(export_json(store.snapshot(original), NOW).encode())
    store.set_item_ticked(original, "cluster.5.1", True)
    replaced = store.add_snapshot(snapshot, "Praktijk <b>De Linde</b>", store.dossier(original))
    assert [dossier.id for dossier in store.list_dossiers()] == [replaced.id]
    assert "cluster.5.1" not in store.ticked_items(replaced.id)


def test_a_failed_replace_keeps_the_dossier_it_was_to_replace(store: Store) -> None:
    original = filled(store)
    before = store.snapshot(original)
    broken = replace(before, changes=(Change(None, None, "note", "", ""),))  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.add_snapshot(broken, "Praktijk <b>De Linde</b>", store.dossier(original))
    assert store.list_dossiers() == [before.dossier]
    assert store.snapshot(original) == before


def a_valid_export() -> bytes:
    """A version-2 export with something in every section, written as export_json writes it."""
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": NOW.isoformat(),
        "dossier": {
            "name": "Praktijk",
            "connection": "cluster",
            "role": "supplier",
            "position": "cluster.2",
            "activation_date": "2026-10-08",
            "report_sent": "2026-11-30",
            "logius_fix_deadline": None,
            "findings_fixed": None,
        },
        "ticked": [{"item": "cluster.1.1", "at": NOW.isoformat()}],
        "notes": [{"step": "cluster.1", "text": "x <b>y</b>"}],
        "changes": [
            {"at": NOW.isoformat(), "step": "cluster.1", "subject": "cluster.1.1", "old": "", "new": "x"}
        ],
        "care_providers": [
            {
                "name": "Zorg Oost",
                "kvk": "12345678",
                "signatory_name": "J. Jansen",
                "signatory_function": "directeur",
                "notes": "",
                "contract_signed": "2026-09-01",
                "akkoord_signed": "2026-09-02",
                "akkoord_submitted": "2026-09-03",
                "production": "2026-10-08",
            }
        ],
    }
    return json.dumps(document).encode()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | json_values.map(lambda value: json.dumps(value).encode()))
def test_fuzzed_files_never_crash_the_import(data: bytes) -> None:
    with contextlib.suppress(ImportFileError):
        parse_import(data)


ENTRY_SECTIONS = ("ticked", "notes", "changes", "care_providers")


def stored_whole(store: Store, dossier_id: int, snapshot: DossierSnapshot) -> None:
    """The stored dossier holds exactly what was read from the file (empty notes are not kept)."""
    stored = store.snapshot(dossier_id)
    assert stored.dossier == replace(snapshot.dossier, id=dossier_id)
    assert stored.ticked == snapshot.ticked
    assert stored.notes == {step: text for step, text in snapshot.notes.items() if text}
    assert stored.changes == snapshot.changes
    assert tuple(replace(provider, id=0) for provider in stored.care_providers) == snapshot.care_providers


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_mutated_exports_are_either_imported_whole_or_refused(data: st.DataObject) -> None:
    original = json.loads(a_valid_export())
    document = json.loads(a_valid_export())
    section = data.draw(st.sampled_from(["dossier", *ENTRY_SECTIONS, "version", "format"]))
    if section == "dossier":
        key = data.draw(st.sampled_from(list(document["dossier"])))
        document["dossier"][key] = data.draw(json_values)
    elif section in ENTRY_SECTIONS:
        entry = document[section][0]
        entry[data.draw(st.sampled_from(list(entry)))] = data.draw(json_values)
    else:
        document[section] = data.draw(json_values)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder), clock=lambda: NOW)
        try:
            kept = store.create_dossier("Al aanwezig", Connection.DIRECT, Role.CARE_PROVIDER, None)
            store.set_item_ticked(kept.id, "direct.1.1", True)
            before = store.snapshot(kept.id)
            try:
                snapshot = parse_import(json.dumps(document).encode())
                imported = store.add_snapshot(snapshot, snapshot.dossier.name)
            except (ImportFileError, StoreError):
                assert store.list_dossiers() == [kept]
                assert store.snapshot(kept.id) == before
                return
            stored_whole(store, imported.id, snapshot)
            exported = json.loads(export_json(store.snapshot(imported.id), NOW))
        finally:
            store.close()
    for name in ENTRY_SECTIONS:  # nothing dropped on the way: a bad entry refuses the whole file
        assert len(exported[name]) == 1 or (name, document[name][0].get("text")) == ("notes", "")
    for untouched in {*ENTRY_SECTIONS} - {section}:
        assert exported[untouched] == original[untouched]
    if section != "dossier":
        assert exported["dossier"] == original["dossier"]


class StoreModel:
    """What the store should hold, kept in plain dicts."""

    def __init__(self) -> None:
        self.ticked: set[str] = set()
        self.notes: dict[str, str] = {}
        self.dates: dict[DateField, date | None] = dict.fromkeys(DateField)


edits = st.lists(
    st.one_of(
        st.tuples(
            st.just("tick"), st.sampled_from(["direct.1.1", "direct.1.2", "direct.3.1"]), st.booleans()
        ),
        st.tuples(st.just("note"), st.sampled_from(["direct.1", "direct.2"]), st.text(max_size=30)),
        st.tuples(
            st.just("date"),
            st.sampled_from(list(DateField)),
            st.none() | st.dates(min_value=date(2015, 1, 1), max_value=date(2031, 12, 31)),
        ),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(edits)
def test_random_edits_match_a_simple_model_and_survive_reopening(sequence: list) -> None:
    with tempfile.TemporaryDirectory() as folder:  # a fresh folder per example, also when replayed
        check_edits_against_the_model(Path(folder), sequence)


def check_edits_against_the_model(folder: Path, sequence: list) -> None:
    store = Store(folder)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    model = StoreModel()
    for kind, key, value in sequence:
        if kind == "tick":
            store.set_item_ticked(dossier.id, key, value)
            (model.ticked.add if value else model.ticked.discard)(key)
        elif kind == "note":
            store.set_note(dossier.id, key, value)
            model.notes[key] = value
        else:
            store.set_date(dossier.id, key, value)
            model.dates[key] = value
    store.close()
    reopened = Store(folder)
    assert set(reopened.ticked_items(dossier.id)) == model.ticked
    assert reopened.notes(dossier.id) == {step: text for step, text in model.notes.items() if text}
    stored = reopened.dossier(dossier.id)
    assert {field: getattr(stored, field.value) for field in DateField} == model.dates
    ticks = [change for change in reopened.history(dossier.id) if change.subject.count(".") == 2]
    assert len(ticks) == sum(1 for kind, *_ in sequence if kind == "tick") - sum(
        1
        for index, (kind, key, value) in enumerate(sequence)
        if kind == "tick" and not _changed(sequence, index)
    )
    reopened.close()


def _changed(sequence: list, index: int) -> bool:
    """Whether the tick edit at `index` changed the item's state (only those are in the history)."""
    _, key, value = sequence[index]
    before = False
    for kind, other_key, other_value in sequence[:index]:
        if kind == "tick" and other_key == key:
            before = other_value
    return before != value


def test_the_yearly_reports_dates_travel_with_the_dossier(store: Store, data_dir: Path) -> None:
    """What the Termijnen page records per year is in the export, and comes back whole on import."""
    dossier = store.create_dossier("Jaren", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    store.set_annual_report(dossier.id, 2025, date(2025, 4, 2))
    store.set_annual_report(dossier.id, 2026, date(2026, 3, 9))
    text = export_json(store.snapshot(dossier.id), datetime(2026, 11, 28, 12))
    assert json.loads(text)["annual_reports"] == [
        {"year": 2025, "sent": "2025-04-02"},
        {"year": 2026, "sent": "2026-03-09"},
    ]
    imported = store.add_snapshot(parse_import(text.encode()), "Jaren (2)")
    assert store.annual_reports(imported.id) == {2025: date(2025, 4, 2), 2026: date(2026, 3, 9)}
    subjects = {change.subject for change in store.history(imported.id)}
    assert {"annual_report.2025", "annual_report.2026"} <= subjects


@pytest.mark.parametrize(
    "entry", [{"year": 1999, "sent": "2025-04-02"}, {"year": 2025, "sent": "morgen"}, {"year": "2025"}]
)
def test_a_bad_yearly_report_is_refused(store: Store, entry: dict) -> None:
    dossier = store.create_dossier("Jaren", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    document = json.loads(export_json(store.snapshot(dossier.id), datetime(2026, 11, 28, 12)))
    document["annual_reports"] = [entry]
    with pytest.raises(ImportFileError, match="annual_reports"):
        parse_import(json.dumps(document).encode())
