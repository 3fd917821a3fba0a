"""One typed reader for the content files and the dossier export: each failure names the field's
path and is the caller's own exception, in the caller's own words."""

from datetime import date
from typing import Any

import pytest

from model.content import Role
from model.typed_reader import TypedReader


class RefusedError(Exception):
    pass


class Reader(TypedReader):
    """In the default words, as the content files are read; the import's own words are in test_bad_data."""

    def fail(self, problem: str) -> RefusedError:
        return RefusedError(f"{self.path}: {problem}")


DATA: dict[str, Any] = {
    "name": "Praktijk",
    "blank": " ",
    "count": 3,
    "flag": True,
    "role": "supplier",
    "day": "2026-11-30",
    "steps": [{"id": "a"}, {"id": 7}],
    "mixed": [{"id": "a"}, "b"],
    "table": {"inner": {"deep": None}},
}


def refusal(read) -> str:
    with pytest.raises(RefusedError) as refused:
        read(Reader(DATA))
    return str(refused.value)


def test_values_are_read_typed() -> None:
    reader = Reader(DATA)
    assert reader.child("name").string() == "Praktijk"
    assert reader.child("blank").string(allow_empty=True) == " "
    assert reader.integer("count") == 3
    assert reader.choice("role", Role) is Role.SUPPLIER
    assert reader.optional_date("day") == date(2026, 11, 30)
    assert reader.optional_date("absent") is None
    assert reader.items("absent") == [] and reader.tables("absent") == []
    assert [step.child("id").data for step in reader.tables("steps")] == ["a", 7]
    assert reader.table("table").table("inner").child("deep").path == "table.inner.deep"
    assert reader.child("absent", required=False).data is None


@pytest.mark.parametrize(
    "read, said",
    [
        (lambda r: r.child("absent"), "absent: ontbreekt"),
        (lambda r: r.table("name"), "name: hier wordt een tabel verwacht"),
        (lambda r: r.child("name").child("x"), "name: hier wordt een tabel verwacht"),
        (lambda r: r.items("name"), "name: hier wordt een lijst verwacht"),
        (lambda r: r.items("absent", required=True), "absent: ontbreekt"),
        (lambda r: r.tables("mixed"), "mixed[1]: hier wordt een tabel verwacht"),
        (lambda r: r.child("blank").string(), "blank: hier wordt een niet-lege tekst verwacht"),
        (lambda r: r.child("count").string(), "count: hier wordt een niet-lege tekst"),
        (lambda r: r.integer("flag"), "flag: hier wordt een geheel getal verwacht"),
        (
            lambda r: r.choice("name", Role),
            "name: onbekende waarde 'Praktijk' (toegestaan: care_provider, supplier)",
        ),
        (lambda r: r.choice("steps", Role), "steps: onbekende waarde"),
        (lambda r: r.optional_date("name"), "name: hier wordt een datum verwacht"),
        (lambda r: r.tables("steps")[1].child("id").string(), "steps[1].id: hier wordt een niet-lege tekst"),
        (lambda r: r.table("table").table("inner").table("deep"), "table.inner.deep: hier wordt een tabel"),
    ],
)
def test_a_failure_names_the_path_in_the_callers_words(read, said: str) -> None:
    assert refusal(read).startswith(said)
