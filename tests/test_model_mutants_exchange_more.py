"""More of the import's rules that mutation testing found untested: each refusal says what is wrong
in the user's words, and what the app itself writes is read."""

import json
from datetime import date
from pathlib import Path

from model.content import Connection, Role
from model.exchange import DATE_PROBLEM, MAX_FILE_BYTES, MAX_NESTING, export_json, parse_import
from model.limits import NAME_MAX_LENGTH
from model.rounds import ROUND_SUBJECT, RoundStart
from model.store import Store
from tests.test_model_exchange import NOW, SNAPSHOT, field_says, refusal, with_change

NOT_A_FILE_OF_OURS = "Dit is geen dossierbestand van de wegwijzer (het formaat ontbreekt of klopt niet)."
TOO_DEEP = "Dit is geen dossierbestand van de wegwijzer (te diep genest)."


def with_name(name: str) -> bytes:
    document = json.loads(export_json(SNAPSHOT, NOW))
    document["dossier"]["name"] = name
    return json.dumps(document).encode()


def test_an_empty_dossier_name_is_named_as_the_field_that_needs_a_text() -> None:
    assert refusal(with_name("")) == field_says("dossier.name", "is geen geldige tekst")


def test_a_dossier_name_too_long_for_the_app_says_why_it_cant_be_used() -> None:
    assert refusal(with_name("Zorggroep " * 15)) == (
        "De naam van het dossier in het bestand is niet bruikbaar: De naam is te lang (hooguit 120 tekens)."
    )


def test_an_empty_author_of_a_change_is_refused() -> None:
    """The store writes no author (a laptop) or a user's name; never an empty one."""
    document = json.loads(with_change("note", "x", "cluster.1"))
    document["changes"][0]["author"] = ""
    assert refusal(json.dumps(document).encode()) == field_says("changes[0].author", "is geen geldige tekst")


def test_a_yearly_reports_date_in_the_history_must_be_a_date() -> None:
    assert parse_import(with_change("annual_report.2027", "2027-03-01", None)).changes[0].new == "2027-03-01"
    refused = refusal(with_change("annual_report.2027", "in maart", None))
    assert refused == field_says("changes[0].new", DATE_PROBLEM)


def nested(depth: int) -> bytes:
    """A JSON object holding arrays, `depth` levels in all."""
    return ('{"format": "iets anders", "a": ' + "[" * (depth - 1) + "1" + "]" * (depth - 1) + "}").encode()


def test_a_file_nested_to_the_limit_is_parsed_and_one_level_more_is_not() -> None:
    assert refusal(nested(MAX_NESTING)) == NOT_A_FILE_OF_OURS  # read, then found to be no export
    assert refusal(nested(MAX_NESTING + 1)) == TOO_DEEP


def test_brackets_inside_a_text_are_no_nesting() -> None:
    """Not even after a quote inside the text (written \\" in the file), which does not end it."""
    document = json.loads(export_json(SNAPSHOT, NOW))
    note = 'Scherm van 24" ' + "[" * (MAX_NESTING + 2) + "{" * (MAX_NESTING + 2)
    document["notes"] = [{"step": "cluster.1", "text": note}]
    assert parse_import(json.dumps(document).encode()).notes == {"cluster.1": note}


def test_nesting_after_a_text_with_a_quote_in_it_is_still_counted() -> None:
    deep = ('{"format": "24\\" scherm", "a": ' + "[" * MAX_NESTING + "1" + "]" * MAX_NESTING + "}").encode()
    assert refusal(deep) == TOO_DEEP


def test_a_deep_list_after_a_shallow_one_beside_it_is_counted_from_where_it_starts() -> None:
    """{ [ [1], [[[[[[[1]]]]]]] ] }: the second list's innermost value is 9 levels deep."""
    deep = '{"a": [[1], ' + "[" * (MAX_NESTING - 1) + "1" + "]" * (MAX_NESTING - 1) + "]}"
    assert refusal(deep.encode()) == TOO_DEEP


def test_a_text_file_that_is_no_json_is_called_that_whatever_its_letters() -> None:
    """The nesting is counted before parsing; letters outside a text are no brackets."""
    assert refusal(b"XXXXXXXXXXXX") == "Dit is geen dossierbestand van de wegwijzer (geen geldige JSON)."
    assert refusal(b"[X" * (MAX_NESTING + 1)) == TOO_DEEP


def with_note(text: str) -> bytes:
    document = json.loads(export_json(SNAPSHOT, NOW))
    document["notes"] = [{"step": "cluster.1", "text": text}]
    return json.dumps(document).encode()


def test_a_text_the_store_cant_keep_is_refused_with_the_reason() -> None:
    assert refusal(with_note("a\x00b")) == field_says("notes[0].text", "bevat een nul-teken")
    assert refusal(with_note("a\ud800b")) == field_says("notes[0].text", "bevat een ongeldig teken")


def test_a_yearly_round_in_the_history_must_be_one_of_the_files_rounds(data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 10, 8))
    store.start_round(dossier.id, 2028, RoundStart({}, {}))
    document = json.loads(export_json(store.snapshot(dossier.id), NOW))
    store.close()
    [started] = [change for change in document["changes"] if change["subject"] == ROUND_SUBJECT]
    assert (started["old"], started["new"]) == ("0", "2028")  # from the first assessment to 2028
    assert [change.new for change in parse_import(json.dumps(document).encode()).changes] == ["2028"]
    started["new"] = "2029"
    index = document["changes"].index(started)
    refused = refusal(json.dumps(document).encode())
    assert refused == field_says(f"changes[{index}].new", "heeft een onbekende waarde")


def test_bytes_over_the_limit_are_refused_as_too_big_without_being_read() -> None:
    assert refusal(b" " * (MAX_FILE_BYTES + 1)) == "Het bestand is te groot voor een dossier."


def test_bytes_that_are_no_utf_8_are_no_json() -> None:
    assert (
        refusal(b'{"format": "\xff"}') == "Dit is geen dossierbestand van de wegwijzer (geen geldige JSON)."
    )


def test_a_version_that_is_no_whole_number_from_1_is_refused() -> None:
    exported = json.loads(export_json(SNAPSHOT, NOW))
    for version in (True, 0, "4", 4.0, None):
        assert refusal(json.dumps({**exported, "version": version}).encode()) == (
            "Het dossierbestand heeft geen geldige versie."
        )


def test_a_dossier_name_is_measured_before_its_spaces_are_taken_together() -> None:
    """A name of NAME_MAX_LENGTH letters may come with as many spaces; more is no name."""
    name = "Zorggroep" + " " * (2 * NAME_MAX_LENGTH) + "Oost"
    assert refusal(with_name(name)) == field_says(
        "dossier.name", f"is te lang (hooguit {2 * NAME_MAX_LENGTH} tekens)"
    )


def test_a_yearly_report_without_its_date_names_the_field() -> None:
    exported = json.loads(export_json(SNAPSHOT, NOW))
    for report in ({"year": 2027, "sent": None}, {"year": 2027}):
        document = {**exported, "annual_reports": [report]}
        assert refusal(json.dumps(document).encode()) == field_says("annual_reports[0].sent", DATE_PROBLEM)
