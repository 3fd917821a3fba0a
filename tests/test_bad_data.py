"""Bad data at the border: every import is either refused in one Dutch sentence or stored whole."""

import codecs
import json
import os
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from model.content import Connection, Role, bundled_content
from model.dossier import DateField
from model.exchange import (
    MAX_FILE_BYTES,
    STEPS_MAX,
    ImportFileError,
    export_json,
    parse_import,
    read_import,
)
from model.limits import NAME_MAX_LENGTH, NOTE_MAX_LENGTH
from model.register import counted, remark
from model.store import Store

NOW = datetime(2026, 11, 28, 12)


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir, clock=lambda: datetime(2026, 11, 20, 10))
    yield store
    store.close()


def an_export(store: Store) -> dict:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 10, 8))
    store.set_item_ticked(dossier.id, "direct.1.1", True)
    store.set_note(dossier.id, "direct.1", "Afspraak")
    store.set_role(dossier.id, Role.SUPPLIER)
    store.set_date(dossier.id, DateField.REPORT_SENT, date(2026, 11, 30))
    return json.loads(export_json(store.snapshot(dossier.id), NOW))


def refused(document: object) -> str:
    with pytest.raises(ImportFileError) as refusal:
        parse_import(json.dumps(document).encode())
    message = str(refusal.value)
    assert "\n" not in message and message.endswith(".")
    return message


def provider(**values: str) -> dict:
    fields = ("name", "kvk", "signatory_name", "signatory_function", "notes")
    dates = ("contract_signed", "akkoord_signed", "akkoord_submitted", "production")
    return {**dict.fromkeys(fields, "Zorg"), **dict.fromkeys(dates), "kvk": "12345678", **values}


def test_a_kvk_number_in_other_digits_is_kept_but_does_not_count(store: Store) -> None:
    """As in the register form: a wrong KvK number is kept as typed and shown, never counted."""
    document = an_export(store)
    document["care_providers"] = [provider(kvk="١٢٣٤٥٦٧٨", production="2026-11-01")]
    (imported,) = parse_import(json.dumps(document).encode()).care_providers
    assert imported.kvk == "١٢٣٤٥٦٧٨"
    assert remark(imported, date(2026, 11, 28)) == "Controleer: KvK-nummer, in productie"  # unsigned
    assert counted([imported], date(2026, 11, 28)) == []


def change_entry(document: dict, subject: str) -> dict:
    return next(each for each in document["changes"] if each["subject"] == subject)


@pytest.mark.parametrize(
    "mutate, words",
    [
        (lambda d: d["dossier"].update(activation_date="9999-12-31"), "geen datum tussen 2000 en 2100"),
        (lambda d: d["dossier"].update(activation_date="1999-12-31"), "geen datum tussen 2000 en 2100"),
        (lambda d: d["dossier"].update(report_sent=20261130), "geen datum"),
        (lambda d: d["ticked"][0].update(at="9999-12-31T23:30:00"), "geen tijdstip tussen"),
        (lambda d: d["ticked"][0].update(at="0001-01-01T00:00:00+14:00"), "geen tijdstip tussen"),
        (lambda d: d["ticked"][0].update(item="direct.99.1"), "geen bekende stap of actiepunt"),
        (lambda d: d["notes"][0].update(step="direct.0"), "geen bekende stap of actiepunt"),
        (lambda d: d["notes"][0].update(text="a\udfffb"), "ongeldig teken"),
        (lambda d: d["notes"][0].update(text="x" * (NOTE_MAX_LENGTH + 1)), "te lang"),
        (lambda d: d["dossier"].update(name="Praktijk\x00"), "nul-teken"),
        (lambda d: d["dossier"].update(role=["care_provider"]), "onbekende waarde"),
        (lambda d: change_entry(d, "role").update(new="directeur"), "onbekende waarde"),
        (lambda d: change_entry(d, "report_sent").update(new="morgen"), "geen datum"),
        (lambda d: change_entry(d, "role").update(subject="iets_anders"), "geen geldig onderwerp"),
        (lambda d: d.update(care_providers=[provider(kvk="1" * 21)]), "hooguit 20 tekens"),
        (lambda d: d.update(care_providers=[provider(name="Zorg\udfff")]), "ongeldig teken"),
        (lambda d: d.update(care_providers=[provider(production="2101-01-01")]), "geen datum"),
    ],
)
def test_each_bad_value_is_refused_by_name(store: Store, mutate, words: str) -> None:
    document = an_export(store)
    before = store.list_dossiers()
    mutate(document)
    assert words in refused(document)
    assert store.list_dossiers() == before


def test_deep_nesting_is_refused_before_parsing() -> None:
    assert "te diep genest" in refused_bytes(b"[" * 1000 + b"]" * 1000)
    assert "te diep genest" in refused_bytes(b'{"a":' * 100_000)


def refused_bytes(data: bytes) -> str:
    with pytest.raises(ImportFileError) as refusal:
        parse_import(data)
    return str(refusal.value)


def test_a_huge_integer_or_odd_bytes_stay_an_import_error() -> None:
    refused_bytes(b'{"format": "digid-assessment-wegwijzer/dossier", "version": 1' + b"0" * 5000 + b"}")
    refused_bytes(b'"\\ud800"')
    refused_bytes(b"\x00" * 10)


def test_a_note_as_long_as_the_field_allows_round_trips(store: Store) -> None:
    document = an_export(store)
    document["notes"][0]["text"] = "x" * NOTE_MAX_LENGTH
    document["dossier"]["name"] = "n" * NAME_MAX_LENGTH
    snapshot = parse_import(json.dumps(document).encode())
    assert len(snapshot.notes["direct.1"]) == NOTE_MAX_LENGTH


def test_a_file_too_big_is_refused_from_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "groot.json"
    with big.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, nothing may be read
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read whole"))
    with pytest.raises(ImportFileError, match="te groot"):
        read_import(big)
    with pytest.raises(ImportFileError, match="kan niet worden gelezen"):
        read_import(tmp_path / "bestaat-niet.json")


def test_the_largest_export_the_app_can_write_imports_again(data_dir: Path, tmp_path: Path) -> None:
    """Every note at its longest in the widest JSON (a control character is six bytes), and 60
    sittings of typing in a long note: the history keeps only the start of each note."""
    moments = iter(datetime(2026, 1, 1) + timedelta(hours=hour) for hour in range(10_000))
    store = Store(data_dir, clock=lambda: next(moments))
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    steps = [step.id for flow in bundled_content().flows.values() for step in flow.steps]
    assert len(steps) <= STEPS_MAX
    for step in steps:
        store.set_note(dossier.id, step, "\x01" * NOTE_MAX_LENGTH)
    for sitting in range(60):
        store.set_note(dossier.id, "direct.1", f"{sitting:02d}" + "x" * 98_998)
    exported = tmp_path / "groot.json"
    exported.write_text(export_json(store.snapshot(dossier.id), NOW), encoding="utf-8")
    snapshot = read_import(exported)
    store.close()
    assert snapshot.notes["direct.1"] == "59" + "x" * 98_998
    assert snapshot.notes["cluster.10"] == "\x01" * NOTE_MAX_LENGTH
    assert snapshot.changes[-1].new == "59" + "x" * 98 + "…"


def refusal_within_seconds(path: Path, seconds: float) -> str:
    """The import's refusal, from a thread given `seconds`: a hanging read fails the test, not the run."""
    outcome: list[str] = []

    def read() -> None:
        try:
            read_import(path)
        except ImportFileError as refusal:
            outcome.append(str(refusal))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(seconds)
    assert not reader.is_alive(), f"reading {path} still runs after {seconds} s"
    return outcome[0]


def test_a_pipe_a_device_or_a_folder_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "pijp.json"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_bytes(b"{" * 100), daemon=True)
    writer.start()  # should the import open the pipe, it gets data and must still not take it
    for path in (pipe, Path("/dev/zero"), tmp_path):
        assert refusal_within_seconds(path, 3).startswith("Dit is geen gewoon bestand"), path
    reading_end = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # let the writer finish
    writer.join(3)
    os.close(reading_end)


def test_a_missing_file_is_said_in_dutch(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as refusal:
        read_import(tmp_path / "weg.json")
    assert str(refusal.value) == "Het bestand kan niet worden gelezen: het bestand of de map bestaat niet."


def test_a_file_saved_by_notepad_with_a_byte_order_mark_imports(store: Store, tmp_path: Path) -> None:
    saved = tmp_path / "kladblok.json"
    saved.write_bytes(codecs.BOM_UTF8 + json.dumps(an_export(store)).encode())
    assert read_import(saved).dossier.name == "Praktijk"
