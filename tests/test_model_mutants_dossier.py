"""A dossier row read back is held to the fields' rules, and what is wrong is said in the words the
start page shows beside a damaged dossier; the organisation name as stored; a yearly report's
history subject."""

from datetime import date

import pytest

from model.content import Connection, Role
from model.dossier import (
    NAME_MAX_LENGTH,
    Dossier,
    DossierNameError,
    annual_subject,
    clean_name,
    parse_annual_subject,
    stored_dossier,
)


def row(**changed: object) -> dict[str, object]:
    """A dossiers row as SQLite gives it back: dates as ISO text."""
    values: dict[str, object] = {
        "id": 7,
        "name": "Praktijk De Linde",
        "connection": "cluster",
        "role": "supplier",
        "position": "cluster.3",
        "activation_date": "2026-12-31",
        "report_sent": "2027-02-20",
        "logius_fix_deadline": "2027-05-01",
        "findings_fixed": "2027-04-02",
    }
    return values | changed


def test_a_good_row_reads_back_as_the_dossier_it_holds() -> None:
    assert stored_dossier(row()) == Dossier(
        7,
        "Praktijk De Linde",
        Connection.CLUSTER,
        Role.SUPPLIER,
        "cluster.3",
        date(2026, 12, 31),
        report_sent=date(2027, 2, 20),
        logius_fix_deadline=date(2027, 5, 1),
        findings_fixed=date(2027, 4, 2),
    )


def test_dates_not_entered_and_a_position_that_is_no_text_read_as_nothing() -> None:
    empty = stored_dossier(
        row(activation_date=None, report_sent=None, logius_fix_deadline=None, findings_fixed=None, position=3)
    )
    assert (empty.activation_date, empty.report_sent, empty.logius_fix_deadline, empty.findings_fixed) == (
        None,
        None,
        None,
        None,
    )
    assert empty.position == ""
    assert stored_dossier(row(id="12", activation_date=date(2026, 1, 5))).id == 12


@pytest.mark.parametrize(
    "changed, problem",
    [
        ({"name": ""}, "de naam is onleesbaar"),
        ({"name": "   "}, "de naam is onleesbaar"),
        ({"name": b"Praktijk"}, "de naam is onleesbaar"),
        ({"name": "Prak\x00tijk"}, "de naam is onleesbaar"),
        ({"connection": "fax"}, "onbekende soort aansluiting ‘fax’"),
        ({"connection": None}, "onbekende soort aansluiting ‘None’"),
        ({"role": "directeur"}, "onbekende rol ‘directeur’"),
        ({"role": 1}, "onbekende rol ‘1’"),
        ({"activation_date": "morgen"}, "ongeldige datum ‘morgen’"),
        ({"report_sent": "1999-12-31"}, "ongeldige datum ‘1999-12-31’"),
        ({"logius_fix_deadline": "2027-02-30"}, "ongeldige datum ‘2027-02-30’"),
        ({"findings_fixed": "9999-12-31"}, "ongeldige datum ‘9999-12-31’"),
    ],
)
def test_a_damaged_row_says_what_is_wrong(changed: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError) as raised:
        stored_dossier(row(**changed))
    assert str(raised.value) == problem


def test_the_name_is_stored_trimmed_with_single_spaces() -> None:
    assert clean_name("  Praktijk \t De   Linde\n") == "Praktijk De Linde"
    longest = "Zorggroep " + "x" * (NAME_MAX_LENGTH - len("Zorggroep "))
    assert clean_name(f" {longest} ") == longest  # exactly as long as allowed


@pytest.mark.parametrize(
    "name, problem",
    [
        (" \t ", "Vul de naam van de organisatie in."),
        ("x" * (NAME_MAX_LENGTH + 1), f"De naam is te lang (hooguit {NAME_MAX_LENGTH} tekens)."),
    ],
)
def test_a_name_that_cannot_be_stored_says_why(name: str, problem: str) -> None:
    with pytest.raises(DossierNameError) as raised:
        clean_name(name)
    assert str(raised.value) == problem


def test_a_yearly_report_s_history_subject_names_its_window_year() -> None:
    assert parse_annual_subject(annual_subject(2026)) == 2026
    assert parse_annual_subject(annual_subject(2027, "findings_fixed")) == 2027
    assert parse_annual_subject("logius_fix_deadline.2100") == 2100
    for other in (
        "annual_report",
        "annual_report.26",
        "annual_report.2026x",
        "report_sent.2026",
        "note",
        None,
        2026,
    ):
        assert parse_annual_subject(other) is None
