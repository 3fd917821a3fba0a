"""The import's rules that mutation testing found untested."""

import itertools
import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from model.content import Connection, Role
from model.exchange import (
    HISTORY_NOTE_EXCERPT,
    MAX_FILE_BYTES,
    ImportFileError,
    export_json,
    parse_import,
    read_import,
)
from model.store import Store
from model.store.names import START_POSITION

NOW = datetime(2026, 11, 28, 12)


def test_a_file_of_exactly_the_largest_size_is_read_whole(data_dir: Path, tmp_path: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_note(dossier.id, "direct.1", "Eerste notitie")
    text = export_json(store.snapshot(dossier.id), NOW).encode()
    store.close()
    padding = b" " * (MAX_FILE_BYTES - len(text))  # after the opening brace: any byte less breaks it
    exported = tmp_path / "precies-groot-genoeg.json"
    exported.write_bytes(text[:1] + padding + text[1:])
    assert exported.stat().st_size == MAX_FILE_BYTES
    snapshot = read_import(exported)
    assert (snapshot.dossier.name, snapshot.notes) == ("Praktijk", {"direct.1": "Eerste notitie"})


def test_a_note_in_the_history_is_exported_whole_up_to_the_excerpt_length(data_dir: Path) -> None:
    """Before and after: the history only shows that a note changed; the note itself is exported whole."""
    moments = (datetime(2026, 11, 1, 9) + timedelta(days=day) for day in itertools.count())  # each a sitting
    store = Store(data_dir, clock=lambda: next(moments))
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    just_fits, one_more = "a" * HISTORY_NOTE_EXCERPT, "b" * (HISTORY_NOTE_EXCERPT + 1)
    store.set_note(dossier.id, "direct.1", just_fits)
    store.set_note(dossier.id, "direct.1", one_more)
    store.set_note(dossier.id, "direct.1", "c")
    exported = json.loads(export_json(store.snapshot(dossier.id), NOW))
    store.close()
    assert [(change["old"], change["new"]) for change in exported["changes"]] == [
        ("", just_fits),
        (just_fits, "b" * HISTORY_NOTE_EXCERPT + "…"),
        ("b" * HISTORY_NOTE_EXCERPT + "…", "c"),
    ]


def test_a_yearly_report_of_2000_to_2100_is_imported_and_another_year_or_a_second_one_refused(
    data_dir: Path,
) -> None:
    """The years a date may have are the years a yearly report may be for; one outside them, or the
    same year twice, is named in the message, and the file is refused."""
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_annual_report(dossier.id, 2026, date(2026, 3, 2))
    exported = json.loads(export_json(store.snapshot(dossier.id), NOW))
    store.close()

    def with_reports(*years: int) -> bytes:
        reports = [{"year": year, "sent": "2026-03-02"} for year in years]
        return json.dumps({**exported, "annual_reports": reports}).encode()

    for year in (2000, 2100):
        assert parse_import(with_reports(year)).annual_reports == {year: date(2026, 3, 2)}
    refused = (
        "Het veld ‘annual_reports[{}]’ in het dossierbestand heeft een jaar dat niet kan of dubbel staat."
    )
    for years, wrong in (((1999,), 0), ((2101,), 0), ((2026, 2026), 1)):
        with pytest.raises(ImportFileError) as problem:
            parse_import(with_reports(*years))
        assert str(problem.value) == refused.format(wrong)


def test_a_file_with_an_empty_note_is_read_not_refused(data_dir: Path) -> None:
    """A note emptied by hand in the file is an empty note, as typing it away in the app makes one."""
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_note(dossier.id, "direct.1", "Eerste notitie")
    exported = json.loads(export_json(store.snapshot(dossier.id), NOW))
    store.close()
    exported["notes"] = [{"step": "direct.1", "text": ""}]
    assert parse_import(json.dumps(exported).encode()).notes == {"direct.1": ""}


def test_a_file_with_a_page_the_app_does_not_know_opens_the_dossier_at_its_start(data_dir: Path) -> None:
    """Where the user was is not worth refusing a file for: an odd position opens at the start."""
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_position(dossier.id, "direct.3")
    exported = json.loads(export_json(store.snapshot(dossier.id), NOW))
    store.close()
    assert parse_import(json.dumps(exported).encode()).dossier.position == "direct.3"
    for odd in ("Stap 3!", 3):
        exported["dossier"]["position"] = odd
        assert parse_import(json.dumps(exported).encode()).dossier.position == START_POSITION
