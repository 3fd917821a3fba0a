"""The export file as a person opening it sees it, and the register's history values it may hold."""

import json
from datetime import date, datetime

import pytest

from model.content import Connection, Role
from model.dossier import Change, Dossier, DossierSnapshot
from model.exchange import ImportFileError, export_json, parse_import
from model.version import __version__

NOW = datetime(2026, 11, 28, 12)
SNAPSHOT = DossierSnapshot(
    Dossier(1, "Zorggroep Één", Connection.CLUSTER, Role.SUPPLIER, "dossier", date(2026, 10, 8)),
    notes={"cluster.1": "Afspraak met ‘TPM’ – geregeld"},
)


def test_the_export_is_readable_text_in_two_space_indents() -> None:
    text = export_json(SNAPSHOT, NOW)
    assert text.startswith('{\n  "format": "digid-assessment-wegwijzer/dossier",\n  "version": 2,\n')
    assert '"name": "Zorggroep Één"' in text and "‘TPM’ – geregeld" in text  # not \u escapes
    document = json.loads(text)
    assert document["app_version"] == __version__ and document["exported_at"] == "2026-11-28T12:00:00"


def with_change(subject: str, new: str) -> bytes:
    document = json.loads(export_json(SNAPSHOT, NOW))
    document["changes"] = [
        {"at": "2026-11-01T10:00:00", "step": "register", "subject": subject, "old": "", "new": new}
    ]
    return json.dumps(document).encode()


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
    with pytest.raises(ImportFileError) as refusal:
        parse_import(with_change("care_provider:4:production", "binnenkort"))
    assert str(refusal.value) == (
        "Het veld ‘changes[0].new’ in het dossierbestand is geen datum tussen 2000 en 2100."
    )
