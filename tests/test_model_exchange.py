"""The export file as a person opening it sees it, and the register's history values it may hold."""

import json
from datetime import date, datetime

import pytest

from model.content import Connection, Role
from model.dossier import TICKED, Change, Dossier, DossierSnapshot
from model.exchange import ImportFileError, export_json, parse_import
from model.version import __version__

NOW = datetime(2026, 11, 28, 12)
SNAPSHOT = DossierSnapshot(
    Dossier(1, "Zorggroep Één", Connection.CLUSTER, Role.SUPPLIER, "dossier", date(2026, 10, 8)),
    notes={"cluster.1": "Afspraak met ‘TPM’ – geregeld"},
)


def test_the_export_is_readable_text_in_two_space_indents() -> None:
    text = export_json(SNAPSHOT, NOW)
    assert text.startswith('{\n  "format": "digid-assessment-wegwijzer/dossier",\n  "version": 6,\n')
    assert '"name": "Zorggroep Één"' in text and "‘TPM’ – geregeld" in text  # not \u escapes
    document = json.loads(text)
    assert document["app_version"] == __version__ and document["exported_at"] == "2026-11-28T12:00:00"


def with_change(subject: str, new: str, step: str | None = "register") -> bytes:
    document = json.loads(export_json(SNAPSHOT, NOW))
    document["changes"] = [
        {"at": "2026-11-01T10:00:00", "step": step, "subject": subject, "old": "", "new": new}
    ]
    return json.dumps(document).encode()


def refusal(data: bytes) -> str:
    with pytest.raises(ImportFileError) as refused:
        parse_import(data)
    return str(refused.value)


def field_says(field: str, problem: str) -> str:
    return f"Het veld ‘{field}’ in het dossierbestand {problem}."


def test_a_register_change_may_be_as_long_as_its_field() -> None:
    notes = "n" * 5_000  # a care provider's notes: far longer than a name
    snapshot = parse_import(with_change("care_provider:4:notes", notes))
    assert snapshot.changes == (
        Change(datetime(2026, 11, 1, 10), "register", "care_provider:4:notes", "", notes),
    )
    with pytest.raises(ImportFileError, match="te lang"):
        parse_import(with_change("care_provider:4:notes", notes + "n"))


def test_a_register_date_change_must_be_a_date() -> None:
    assert (
        parse_import(with_change("care_provider:4:production", "2026-10-01")).changes[0].new == "2026-10-01"
    )
    assert refusal(with_change("care_provider:4:production", "binnenkort")) == field_says(
        "changes[0].new", "is geen datum tussen 2000 en 2100"
    )


@pytest.mark.parametrize(
    "subject, step, value",
    [
        ("note", "cluster.1", "x" * 1_000),  # a note is far longer than a name
        ("cluster.1.1", "cluster.1", ""),
        ("cluster.1.1", "cluster.1", TICKED),
        ("connection", None, ""),
        ("connection", None, "direct"),
        ("role", None, ""),
        ("report_sent", None, ""),
        ("name", None, "Nieuwe naam"),
    ],
)
def test_each_kind_of_history_value_the_store_writes_is_read(
    subject: str, step: str | None, value: str
) -> None:
    assert parse_import(with_change(subject, value, step)).changes[0].new == value


@pytest.mark.parametrize(
    "subject, value, problem",
    [
        ("cluster.1.1", "ja", "heeft een onbekende waarde"),
        ("connection", "fax", "heeft een onbekende waarde"),
        ("role", "directeur", "heeft een onbekende waarde"),
        ("report_sent", "morgen", "is geen datum tussen 2000 en 2100"),
    ],
)
def test_a_history_value_the_store_never_writes_is_refused(subject: str, value: str, problem: str) -> None:
    assert refusal(with_change(subject, value, None)) == field_says("changes[0].new", problem)


def test_a_wrong_list_item_or_subject_is_named_exactly() -> None:
    document = json.loads(export_json(SNAPSHOT, NOW))
    del document["ticked"]  # a list left out is an empty one
    assert parse_import(json.dumps(document).encode()).ticked == {}
    document["ticked"] = {"cluster.1.1": NOW.isoformat()}
    assert refusal(json.dumps(document).encode()) == field_says("ticked", "is geen lijst")
    document["ticked"] = [{"item": "cluster.99.1", "at": NOW.isoformat()}]
    assert refusal(json.dumps(document).encode()) == field_says(
        "ticked[0].item", "is geen bekende stap of actiepunt"
    )
    assert refusal(with_change("colour", "")) == field_says("changes[0].subject", "is geen geldig onderwerp")
