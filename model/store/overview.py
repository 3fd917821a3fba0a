"""The start page's list: every dossier with its ticks, register, yearly reports and their repairs,
in one query.

One SELECT however many dossiers there are (a supplier may keep hundreds), each dossier's child
rows gathered by SQLite's JSON aggregates, and read as the file holds them: one odd value makes
that one dossier damaged, never the whole list.
"""

import json
from datetime import date
from typing import Any

from sqlalchemy import text

from model.dossier import CareProvider, DamagedDossier, DossierOverview, stored_dossier
from model.register import DATE_FIELDS
from model.rounds import FIRST_ROUND
from model.store.annual_reports import AnnualReports
from model.store.care_providers import CARE_PROVIDER_FIELDS, CareProviders
from model.store.dossiers import DOSSIER_COLUMNS, Dossiers, by_name, damaged_dossier
from model.store.rounds import Rounds
from model.timeline import RepairDates

PROVIDER_COLUMNS = ("id", *CARE_PROVIDER_FIELDS)
CHILD_ROWS = {  # as JSON; bytes, so that a stray byte in one value can't break the whole list
    "ticked": "SELECT json_group_array(t.item_id) FROM ticked_items t WHERE t.dossier_id = d.id"
    " AND t.round_year = COALESCE((SELECT MAX(r.year) FROM rounds r WHERE r.dossier_id = d.id),"
    f" {FIRST_ROUND})",  # the ticks of the current round only
    "care_providers": "SELECT json_group_array(json_array("
    + ", ".join(f"c.{each}" for each in PROVIDER_COLUMNS)
    + ")) FROM care_providers c WHERE c.dossier_id = d.id",
    "annual_reports": "SELECT json_group_object(a.year, a.sent) FROM annual_reports a"
    " WHERE a.dossier_id = d.id",
    "annual_repairs": "SELECT json_group_object(r.year, json_array(r.logius_fix_deadline, r.findings_fixed))"
    " FROM annual_repairs r WHERE r.dossier_id = d.id",
    "round_year": f"SELECT COALESCE(MAX(r.year), {FIRST_ROUND}) FROM rounds r WHERE r.dossier_id = d.id",
}
OVERVIEW = text(
    f"SELECT {', '.join(f'd.{column}' for column in DOSSIER_COLUMNS)}, "
    + ", ".join(f"CAST(({query}) AS BLOB) AS {name}" for name, query in CHILD_ROWS.items())
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


def _json(value: bytes) -> Any:
    return json.loads(value.decode("utf-8", "replace"))


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


class Overview(Dossiers, Rounds, CareProviders, AnnualReports):
    def dossier_overviews(self) -> tuple[list[DossierOverview], list[DamagedDossier]]:
        """Every dossier as the start page lists it, and the damaged ones apart; each by name."""
        if self.place.shared:  # the one query is SQLite's JSON: a shared server is read per dossier
            dossiers, damaged_ones = self.dossiers_and_damaged()
            return [
                DossierOverview(
                    dossier,
                    frozenset(self.ticked_items(dossier.id)),
                    tuple(self.care_providers(dossier.id)),
                    self.annual_reports(dossier.id),
                    self.annual_repairs(dossier.id),
                    self.current_round(dossier.id),
                )
                for dossier in dossiers
            ], damaged_ones
        usable, damaged = [], []
        with self._transaction() as session:
            rows = session.execute(OVERVIEW).mappings().all()
        for values in rows:
            try:
                usable.append(overview_record(dict(values)))
            except ValueError as problem:
                damaged.append(damaged_dossier(dict(values), problem))
        return sorted(usable, key=lambda each: each.dossier.name.casefold()), by_name(damaged)
