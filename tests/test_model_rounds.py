"""Yearly rounds in the store: starting one, ticks and notes per round, the history, an upgrade."""

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from model.content import Connection, Role, bundled_content
from model.dossier import TICKED, UNTICKED, Change, DateField
from model.exchange import FORMAT_NAME, FORMAT_VERSION, ImportFileError, export_json, parse_import
from model.history_text import described
from model.rounds import (
    FIRST_ROUND,
    flow_in_round,
    next_round_year,
    once_items,
    once_steps,
    round_label,
    round_start,
    yearly_report_of,
)
from model.store import Store, StoreError

NOW = datetime(2027, 12, 1, 10, 0)
DIRECT = bundled_content().flows[Connection.DIRECT]
CLUSTER = bundled_content().flows[Connection.CLUSTER]


@pytest.fixture
def store(store_source: Path | str) -> Iterator[Store]:
    """On both engines: a local file and a shared database."""
    store = Store(store_source, clock=lambda: NOW)
    yield store
    store.close()


def test_the_content_marks_the_contracts_as_done_once_and_the_report_as_yearly() -> None:
    assert {"cluster.2.3", "cluster.4.1", "cluster.6.1", "cluster.7.1"} <= once_items(CLUSTER)
    assert "cluster.10.1" not in once_items(CLUSTER) and "direct.7.1" not in once_items(DIRECT)
    assert once_steps(CLUSTER) == {"cluster.1", "cluster.2", "cluster.5", "cluster.7"}
    assert once_steps(DIRECT) == set()


def test_the_next_round_follows_the_first_yearly_window() -> None:
    early = date(2024, 3, 1)  # before the first window closes
    assert next_round_year(FIRST_ROUND, date(2024, 1, 1), early) == 2025  # 1 Jan 2025 is within 1 May
    assert next_round_year(FIRST_ROUND, date(2024, 5, 2), early) == 2026  # 2 May 2025 is past the window
    assert next_round_year(FIRST_ROUND, None, early) is None
    assert next_round_year(2026, date(2024, 1, 1), early) == 2027
    assert next_round_year(2100, date(2024, 1, 1), early) is None


def test_the_next_round_is_never_a_window_already_closed() -> None:
    activation = date(2020, 1, 1)  # the app first used years later
    assert next_round_year(FIRST_ROUND, activation, date(2026, 5, 1)) == 2026  # 1 May: still open
    assert next_round_year(FIRST_ROUND, activation, date(2026, 5, 2)) == 2027
    assert next_round_year(2026, activation, date(2026, 5, 2)) == 2027
    assert next_round_year(2028, activation, date(2026, 5, 2)) == 2029  # planned ahead: the one after


def test_a_round_has_a_name() -> None:
    assert round_label(FIRST_ROUND) == "Eerste assessment"
    assert round_label(2026) == "Jaarronde 2026 (rapport over 2025)"


def test_the_report_item_records_the_first_report_or_the_round_s_yearly_report() -> None:
    assert yearly_report_of(DateField.REPORT_SENT, FIRST_ROUND) is None
    assert yearly_report_of(DateField.REPORT_SENT, 2026) == 2026
    assert yearly_report_of(DateField.FINDINGS_FIXED, 2026) is None


def test_a_new_round_keeps_what_is_done_once() -> None:
    earlier = datetime(2026, 3, 1, 9, 0)
    ticked = {"cluster.2.3": earlier, "cluster.8.1": earlier, "cluster.10.1": earlier}
    notes = {"cluster.2": "Contract getekend door Jansen", "cluster.8": "Pentest door Securo"}
    start = round_start(CLUSTER, ticked, notes)
    assert start.ticked == {"cluster.2.3": earlier}
    assert start.notes == {"cluster.2": "Contract getekend door Jansen"}


def test_each_round_has_its_own_ticks_and_notes_and_the_history_spans_them(store: Store) -> None:
    dossier = store.create_dossier("Praktijk Rondes", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    store.set_item_ticked(dossier.id, "direct.7.1", True)
    store.set_item_ticked(dossier.id, "direct.1.4", True)
    store.set_note(dossier.id, "direct.7", "Eerste rapport verstuurd")
    start = round_start(DIRECT, store.ticked_items(dossier.id), store.notes(dossier.id))
    store.start_round(dossier.id, 2025, start)

    assert store.rounds(dossier.id) == [FIRST_ROUND, 2025]
    assert store.current_round(dossier.id) == 2025
    assert store.ticked_items(dossier.id) == {"direct.1.4": NOW}  # the report item starts unticked
    assert store.notes(dossier.id) == {}
    assert set(store.ticked_items(dossier.id, FIRST_ROUND)) == {"direct.7.1", "direct.1.4"}
    assert store.notes(dossier.id, FIRST_ROUND) == {"direct.7": "Eerste rapport verstuurd"}

    store.set_item_ticked(dossier.id, "direct.7.1", True)  # the current round by default
    store.set_note(dossier.id, "direct.7", "Jaarrapport 2025 verstuurd")
    store.set_item_ticked(dossier.id, "direct.7.1", False, FIRST_ROUND)  # an older round stays editable
    assert set(store.ticked_items(dossier.id, 2025)) == {"direct.1.4", "direct.7.1"}
    assert set(store.ticked_items(dossier.id, FIRST_ROUND)) == {"direct.1.4"}
    assert store.notes(dossier.id, FIRST_ROUND) == {"direct.7": "Eerste rapport verstuurd"}

    history = store.history(dossier.id)
    assert [(c.subject, c.new, c.round_year) for c in history[3:]] == [
        ("round", "2025", 2025),
        ("direct.7.1", TICKED, 2025),
        ("note", "Jaarrapport 2025 verstuurd", 2025),
        ("direct.7.1", UNTICKED, FIRST_ROUND),
    ]
    assert {c.round_year for c in history[:3]} == {FIRST_ROUND}


def test_a_round_can_only_follow_the_current_one(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    empty = round_start(DIRECT, {}, {})
    store.start_round(dossier.id, 2026, empty)
    for year in (2026, 2025, 1999, 2101):
        with pytest.raises(StoreError) as refused:
            store.start_round(dossier.id, year, empty)
        assert str(refused.value) == f"Een jaarronde {year} kan na deze ronde niet meer worden gestart."
    assert store.rounds(dossier.id) == [FIRST_ROUND, 2026]


def test_rounds_survive_a_restart(store_source: Path | str) -> None:
    store = Store(store_source, clock=lambda: NOW)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    store.start_round(dossier.id, 2025, round_start(DIRECT, {}, {}))
    store.set_item_ticked(dossier.id, "direct.7.1", True)
    store.close()
    reopened = Store(store_source)
    assert reopened.current_round(dossier.id) == 2025
    assert reopened.ticked_items(dossier.id) == {"direct.7.1": NOW}
    assert reopened.ticked_items(dossier.id, FIRST_ROUND) == {}
    reopened.close()


def test_a_schema_4_database_keeps_everything_in_the_first_round(old_database) -> None:
    source = old_database(4)
    store = Store(source, clock=lambda: NOW)
    first = store.find_dossier("Praktijk Versie Een")
    assert store.rounds(first.id) == [FIRST_ROUND]
    assert set(store.ticked_items(first.id, FIRST_ROUND)) == {"direct.1.1"}
    assert store.notes(first.id, FIRST_ROUND) == {"direct.1": "Notitie uit schema 1"}
    assert store.annual_reports(first.id) == {2028: date(2028, 3, 14)}
    assert first.report_sent == date(2026, 11, 20)
    assert [(c.subject, c.round_year) for c in store.history(first.id)] == [
        ("direct.1.1", 0),
        ("note", 0),
        ("report_sent", 0),
        ("annual_report.2028", 0),
    ]
    cluster = store.find_dossier("Leverancier Cluster")
    assert set(store.ticked_items(cluster.id)) == {"cluster.2.1"}

    store.start_round(first.id, 2028, round_start(DIRECT, {}, {}))
    store.close()
    reopened = Store(source)
    assert reopened.rounds(first.id) == [FIRST_ROUND, 2028]
    assert reopened.ticked_items(first.id) == {}
    assert set(reopened.ticked_items(first.id, FIRST_ROUND)) == {"direct.1.1"}
    assert reopened.history(first.id)[-1] == Change(NOW, None, "round", "0", "2028", 2028)
    reopened.close()


def test_the_history_names_the_round_of_each_change_once_there_are_rounds(
    store: Store, amsterdam: None
) -> None:
    content = bundled_content()
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    store.set_item_ticked(dossier.id, "direct.7.1", True)
    assert described(store.history(dossier.id), content, [])[0][0] == "1 december 2027 11:00"
    store.start_round(dossier.id, 2025, round_start(DIRECT, {}, {}))
    assert [what for _, what in described(store.history(dossier.id), content, [])] == [
        "Afgevinkt: Zend het definitieve auditrapport naar Logius; dit kan per e-mail of per post.",
        "Nieuwe ronde gestart: Jaarronde 2025 (rapport over 2024)",
    ]
    assert [when for when, _ in described(store.history(dossier.id), content, [])] == [
        "1 december 2027 11:00 · Eerste assessment",
        "1 december 2027 11:00 · Jaarronde 2025",
    ]


def test_an_export_carries_every_round_and_imports_them_again(store: Store, data_dir: Path) -> None:
    dossier = store.create_dossier("Leverancier", Connection.CLUSTER, Role.SUPPLIER, date(2024, 1, 1))
    store.set_item_ticked(dossier.id, "cluster.2.3", True)
    store.set_item_ticked(dossier.id, "cluster.10.1", True)
    store.set_note(dossier.id, "cluster.10", "Eerste rapport")
    store.start_round(dossier.id, 2025, round_start(CLUSTER, store.ticked_items(dossier.id), {}))
    store.set_note(dossier.id, "cluster.10", "Rapport 2025")
    store.set_annual_report(dossier.id, 2025, date(2025, 3, 1))
    text = export_json(store.snapshot(dossier.id), NOW)
    document = json.loads(text)
    assert document["version"] == FORMAT_VERSION >= 4  # rounds came with format 4
    assert [entry["item"] for entry in document["ticked"]] == ["cluster.10.1", "cluster.2.3"]
    assert document["rounds"] == [
        {
            "year": 2025,
            "started_at": NOW.isoformat(),
            "ticked": [{"item": "cluster.2.3", "at": NOW.isoformat()}],
            "notes": [{"step": "cluster.10", "text": "Rapport 2025"}],
        }
    ]
    assert [change["round"] for change in document["changes"]] == [0, 0, 0, 2025, 2025, 2025]

    other = Store(data_dir / "elders", clock=lambda: NOW)
    imported = other.add_snapshot(parse_import(text.encode()), "Leverancier")
    assert other.rounds(imported.id) == [FIRST_ROUND, 2025]
    assert other.notes(imported.id) == {"cluster.10": "Rapport 2025"}
    assert set(other.ticked_items(imported.id, FIRST_ROUND)) == {"cluster.2.3", "cluster.10.1"}
    assert other.history(imported.id) == store.history(dossier.id)
    assert json.loads(export_json(other.snapshot(imported.id), NOW)) == document
    other.close()


def test_rounds_listed_newest_first_in_a_file_are_listed_oldest_first_once_imported(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    for year in (2025, 2026):
        store.start_round(dossier.id, year, round_start(DIRECT, {}, {}))
    document = json.loads(export_json(store.snapshot(dossier.id), NOW))
    document["rounds"].reverse()
    imported = store.add_snapshot(parse_import(json.dumps(document).encode()), "Praktijk (2)")
    assert store.rounds(imported.id) == [FIRST_ROUND, 2025, 2026]
    assert store.current_round(imported.id) == 2026


def test_an_export_carries_each_yearly_round_with_its_own_ticks_and_notes(store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    for year, item in ((2025, "direct.1.1"), (2026, "direct.1.2")):
        store.start_round(dossier.id, year, round_start(DIRECT, {}, {}))
        store.set_item_ticked(dossier.id, item, True)
        store.set_note(dossier.id, "direct.1", f"Ronde {year}")
    rounds = json.loads(export_json(store.snapshot(dossier.id), NOW))["rounds"]
    assert [(each["year"], each["ticked"], each["notes"]) for each in rounds] == [
        (2025, [{"item": "direct.1.1", "at": NOW.isoformat()}], [{"step": "direct.1", "text": "Ronde 2025"}]),
        (2026, [{"item": "direct.1.2", "at": NOW.isoformat()}], [{"step": "direct.1", "text": "Ronde 2026"}]),
    ]


def test_a_file_of_format_3_imports_into_the_first_round() -> None:
    document = {
        "format": FORMAT_NAME,
        "version": 3,
        "dossier": {"name": "Oud", "connection": "direct", "role": "care_provider", "position": "dossier"}
        | {"activation_date": "2024-01-01", "report_sent": None}
        | {"logius_fix_deadline": None, "findings_fixed": None},
        "ticked": [{"item": "direct.7.1", "at": "2024-02-01T10:00:00"}],
        "notes": [{"step": "direct.7", "text": "oud"}],
        "changes": [
            {"at": "2024-02-01T10:00:00", "step": "direct.7", "subject": "direct.7.1"}
            | {"old": "", "new": TICKED}
        ],
    }
    snapshot = parse_import(json.dumps(document).encode())
    assert snapshot.rounds == {} and set(snapshot.ticked) == {"direct.7.1"}
    assert snapshot.changes[0].round_year == FIRST_ROUND


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda d: d["rounds"][0].update(year=1999), "‘rounds[0]’ in het dossierbestand heeft een jaar"),
        (lambda d: d["rounds"].append(d["rounds"][0]), "‘rounds[1]’ in het dossierbestand heeft een jaar"),
        (lambda d: d["rounds"][0].update(year=True), "‘rounds[0].year’ in het dossierbestand is geen geheel"),
        (
            lambda d: d["rounds"][0]["ticked"].append({"item": "direct.99.1", "at": "2025-01-01T00:00:00"}),
            "geen bekende",
        ),
        (lambda d: d["rounds"][0].update(started_at="gisteren"), "‘rounds[0].started_at’"),
        (
            lambda d: d["changes"][-1].update(round=2031),
            "‘changes[1].round’ in het dossierbestand is geen ronde",
        ),
        (
            lambda d: d["changes"][-1].update(new="2031"),
            "‘changes[1].new’ in het dossierbestand heeft een onbekende",
        ),
    ],
)
def test_an_import_refuses_rounds_that_cannot_be(store: Store, change, problem: str) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    store.set_item_ticked(dossier.id, "direct.7.1", True)
    store.start_round(dossier.id, 2025, round_start(DIRECT, {}, {}))
    document = json.loads(export_json(store.snapshot(dossier.id), NOW))
    assert parse_import(json.dumps(document).encode()).rounds.keys() == {2025}
    change(document)
    with pytest.raises(ImportFileError) as refused:
        parse_import(json.dumps(document).encode())
    assert problem in str(refused.value)


def _step_texts(step) -> list[str]:
    """Every text of a step that the page and the summary show, beside the title."""
    blocks = [text for block in step.blocks for text in (block.text, block.intro, *block.items)]
    return [
        step.purpose,
        *blocks,
        *(each.text for each in step.warnings),
        step.action_items_intro,
        *(item.text for item in step.action_items),
    ]


@pytest.mark.parametrize("flow", [DIRECT, CLUSTER], ids=["direct", "cluster"])
def test_a_yearly_round_never_words_the_deadline_as_two_months_after_activation(flow) -> None:
    yearly = flow_in_round(flow, 2026)
    first_texts = " ".join(text for step in flow.steps for text in _step_texts(step))
    yearly_texts = " ".join(text for step in yearly.steps for text in _step_texts(step))
    deadline_after_activation = (
        "twee maanden na",
        "twee maanden nadat",
        "periode van twee maanden",
        "termijn van twee maanden",
    )
    assert any(words in first_texts for words in deadline_after_activation)  # the factsheet's own wording
    assert not any(words in yearly_texts for words in deadline_after_activation)
    assert "1 mei" in " ".join(_step_texts(yearly.steps[-1]))  # the report step names the yearly deadline
    assert flow_in_round(flow, FIRST_ROUND) is flow
    assert [item.id for step in yearly.steps for item in step.action_items] == list(flow.action_item_ids)
    assert [each.original for step in yearly.steps for each in step.corrections] == [
        each.original for step in flow.steps for each in step.corrections
    ]  # "Tekst uit de factsheet" still shows the factsheet's wording
