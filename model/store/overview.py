"""The start page's list: every dossier with its ticks, register, yearly reports and their repairs,
in one query.

One SELECT however many dossiers there are (a supplier may keep hundreds), each dossier's child
rows gathered by the engine's JSON aggregates (SQLite's or PostgreSQL's), and read as the file
holds them: one odd value makes that one dossier damaged, never the whole list.
"""

import json
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import TextClause, text

from model.dossier import CareProvider, DamagedDossier, DossierOverview, stored_dossier
from model.register import DATE_FIELDS
from model.rounds import FIRST_ROUND
from model.store.care_providers import CARE_PROVIDER_FIELDS
from model.store.dossiers import DOSSIER_COLUMNS, Dossiers, by_name, damaged_dossier
from model.timeline import RepairDates

PROVIDER_COLUMNS = ("id", *CARE_PROVIDER_FIELDS)


class JsonFunctions(NamedTuple):
    """An engine's SQL for gathering child rows as JSON; ROWS stands for what is gathered."""

    array_of_rows: str
    row: str
    object_of_rows: str  # from key and value
    as_text: str  # the type the JSON is read as


JSON_FUNCTIONS = {
    # bytes, so that a stray byte in one value can't break the whole list
    "sqlite": JsonFunctions("json_group_array(ROWS)", "json_array(ROWS)", "json_group_object(ROWS)", "BLOB"),
    # an aggregate over no rows is NULL there; the server keeps to UTF-8 itself
    "postgresql": JsonFunctions(
        "COALESCE(json_agg(ROWS), '[]')",
        "json_build_array(ROWS)",
        "COALESCE(json_object_agg(ROWS), '{}')",
        "TEXT",
    ),
}


@cache
def overview_query(engine: str) -> TextClause:
    """The one SELECT of the start page's list, in the JSON functions of `engine` (a dialect name)."""
    sql = JSON_FUNCTIONS[engine]

    def gathered(function: str, rows: str) -> str:
        return function.replace("ROWS", rows)

    provider = gathered(sql.row, ", ".join(f"c.{each}" for each in PROVIDER_COLUMNS))
    repair = gathered(sql.row, "r.logius_fix_deadline, r.findings_fixed")
    child_rows = {
        "ticked": f"SELECT {gathered(sql.array_of_rows, 't.item_id')} FROM ticked_items t"
        " WHERE t.dossier_id = d.id AND t.round_year = COALESCE((SELECT MAX(r.year) FROM rounds r"
        f" WHERE r.dossier_id = d.id), {FIRST_ROUND})",  # the ticks of the current round only
        "care_providers": "SELECT "
        + gathered(sql.array_of_rows, provider)
        + " FROM care_providers c WHERE c.dossier_id = d.id",
        "annual_reports": f"SELECT {gathered(sql.object_of_rows, 'a.year, a.sent')} FROM annual_reports a"
        " WHERE a.dossier_id = d.id",
        "annual_repairs": "SELECT "
        + gathered(sql.object_of_rows, f"r.year, {repair}")
        + " FROM annual_repairs r WHERE r.dossier_id = d.id",
        "round_year": f"SELECT COALESCE(MAX(r.year), {FIRST_ROUND}) FROM rounds r WHERE r.dossier_id = d.id",
    }
    return text(
        f"SELECT {', '.join(f'd.{column}' for column in DOSSIER_COLUMNS)}, "
        + ", ".join(f"CAST(({query}) AS {sql.as_text}) AS {name}" for name, query in child_rows.items())
        + " FROM dossiers d"
    )


def _date(value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"ongeldige datum ‘{value}’")
    return date.fromisoformat(value)


def _care_provider(values: list[Any]) -> CareProvider:
    fields = dict(zip(PROVIDER_COLUMNS, values, strict=True))
    for name in DATE_FIELDS:
        fields[name] = _date(fields[name])
    return CareProvider(**fields)


def _json(value: bytes | str) -> Any:
    return json.loads(value.decode("utf-8", "replace") if isinstance(value, bytes) else value)


def overview_record(values: dict[str, Any]) -> DossierOverview:
    """ValueError when a stored value breaks the dossier."""
    providers = (_care_provider(each) for each in _json(values["care_providers"]))
    reports = {int(year): _date(sent) for year, sent in _json(values["annual_reports"]).items()}
    repairs = {
        int(year): RepairDates(_date(deadline), _date(fixed))
        for year, (deadline, fixed) in _json(values["annual_repairs"]).items()
    }
    return DossierOverview(
        stored_dossier(values),
        frozenset(_json(values["ticked"])),
        tuple(sorted(providers, key=lambda each: each.id)),
        {year: sent for year, sent in reports.items() if sent is not None},
        repairs,
        int(_json(values["round_year"])),
    )


class Overview(Dossiers):
    def dossier_overviews(self) -> tuple[list[DossierOverview], list[DamagedDossier]]:
        """Every dossier as the start page lists it, and the damaged ones apart; each by name."""
        usable, damaged = [], []
        with self._transaction() as session:
            rows = session.execute(overview_query(self._engine.dialect.name)).mappings().all()
        for values in rows:
            try:
                usable.append(overview_record(dict(values)))
            except ValueError as problem:
                damaged.append(damaged_dossier(dict(values), problem))
        return sorted(usable, key=lambda each: each.dossier.name.casefold()), by_name(damaged)
