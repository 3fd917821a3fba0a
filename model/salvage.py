"""What can still be read of a damaged dossier, as an ordinary export file for whoever repairs it.

Every stored value is held to the import's own rules by asking the import about it: each value or
entry goes through `export_json` and `parse_import` on its own, and only what comes back is kept.
So the file imports again as it is, unless the organisation's name, connection type or role could
not be read: those are left out of the file, and it imports once they are filled in. Whatever is
left out is named in one Dutch sentence. Reading the dossier writes nothing.
"""

import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from model.content import Connection, Role, bundled_content
from model.dossier import CareProvider, Change, DateField, Dossier, DossierSnapshot, YearlyRound
from model.dutch import listing
from model.exchange import ImportFileError, dumped, export_json, parse_import
from model.limits import parse_date, parse_moment
from model.register import DATE_FIELDS, TEXT_FIELDS
from model.rounds import FIRST_ROUND
from model.store import START_POSITION, Store, StoreError
from model.timeline import RepairDates

REQUIRED_FIELDS = ("name", "connection", "role")  # without these a dossier can't be imported
STAND_IN = Dossier(0, "Onleesbaar", Connection.DIRECT, Role.CARE_PROVIDER, START_POSITION, None)
SHOWN_VALUE_MAX = 40
ENTRY_WORDS = {  # (one, more) of each kind of entry left out; rounds first: ticks and notes belong to one
    "rounds": ("jaarronde", "jaarrondes"),
    "ticked": ("afgevinkt actiepunt", "afgevinkte actiepunten"),
    "notes": ("notitie", "notities"),
    "changes": ("wijziging in de geschiedenis", "wijzigingen in de geschiedenis"),
    "care_providers": ("zorgaanbieder", "zorgaanbieders"),
    "annual_reports": ("datum van een jaarlijkse rapportage", "datums van jaarlijkse rapportages"),
    "annual_repairs": ("herstel van een jaarlijkse rapportage", "herstel van jaarlijkse rapportages"),
}


@dataclass(frozen=True)
class Salvage:
    text: str  # the export file
    left_out: tuple[str, ...]  # what could not be read, in Dutch
    missing: tuple[str, ...]  # the labels of required fields among them

    def sentence(self) -> str:
        """One Dutch sentence on what the file lacks, for the user and whoever repairs the dossier."""
        if not self.left_out:
            return "Alles wat in het dossier staat, is leesbaar en staat in het bestand."
        sentence = f"Niet leesbaar en daarom niet in het bestand: {listing(list(self.left_out))}"
        if self.missing:
            fields = listing([f"‘{label}’" for label in self.missing])
            verb = "is" if len(self.missing) == 1 else "zijn"
            sentence += f"; het bestand kan weer worden geïmporteerd zodra {fields} erin {verb} ingevuld"
        return sentence + "."


def salvage(store: Store, dossier_id: int, now: datetime) -> Salvage:
    """The export file of what can be read of the dossier, and what was left out."""
    rows = store.stored_rows(dossier_id)
    if not rows["dossiers"]:
        raise StoreError("Dit dossier bestaat niet meer.")
    labels = bundled_content().general.history.fields  # as the history names the fields
    stored = rows["dossiers"][0]
    header, unreadable = _header(stored, now)
    left_out = [f"‘{labels[key]}’ ({_shown(stored[key])})" for key in unreadable]
    snapshot = DossierSnapshot(header)
    for kind, entries in _entries(rows).items():  # each entry held to the rules with what is kept so far
        kept = [entry for entry in entries if _accepted(snapshot, kind, entry, now)]
        snapshot = _with(snapshot, kind, kept)
        lost = len(entries) - len(kept)
        if lost:
            one, more = ENTRY_WORDS[kind]
            left_out.append(f"{lost} {one if lost == 1 else more}")
    missing = [key for key in REQUIRED_FIELDS if key in unreadable]
    text = export_json(snapshot, now)
    if missing:
        document = json.loads(text)
        for key in missing:
            del document["dossier"][key]
        text = dumped(document)
    return Salvage(text, tuple(left_out), tuple(labels[key] for key in missing))


def _header(stored: dict[str, object], now: datetime) -> tuple[Dossier, list[str]]:
    """The dossier's own fields that can be read (a stand-in for a required one that can't), and the
    names of the fields that can't."""
    unreadable = []
    values: dict[str, Any] = {}
    for key, kind in (("connection", Connection), ("role", Role)):
        raw = stored[key]
        if isinstance(raw, str) and raw in set(kind):
            values[key] = kind(raw)
        else:
            unreadable.append(key)
    name = stored["name"]
    if isinstance(name, str) and _importable(DossierSnapshot(replace(STAND_IN, name=name)), now):
        values["name"] = name
    else:
        unreadable.insert(0, "name")
    for field in DateField:
        raw = stored[field.value]
        values[field.value] = None if raw is None else parse_date(raw)
        if raw is not None and values[field.value] is None:
            unreadable.append(field.value)
    position = stored["position"]
    values["position"] = position if isinstance(position, str) else START_POSITION
    return replace(STAND_IN, **values), unreadable


def _entries(rows: dict[str, list[dict[str, object]]]) -> dict[str, list[Any]]:
    """Each table's rows as the snapshot holds them, ticks and notes with their round; a row whose
    time or date is unreadable is None or holds None. An emptied note is no entry: the export leaves
    it out too."""
    return {
        "rounds": [(row["year"], _moment(row["started_at"])) for row in rows["rounds"]],
        "ticked": [
            (row["round_year"], row["item_id"], _moment(row["ticked_at"]))
            for row in rows["ticked_items"]
        ],
        "notes": [
            (row["round_year"], row["step_id"], row["text"]) for row in rows["notes"] if row["text"] != ""
        ],
        "changes": [
            Change(
                moment, row["step_id"], row["subject"], row["old"], row["new"],  # type: ignore[arg-type]
                row["round_year"], row["author"],  # type: ignore[arg-type]
            )
            if (moment := _moment(row["at"]))
            else None
            for row in rows["changes"]
        ],
        "care_providers": [_care_provider(row) for row in rows["care_providers"]],
        "annual_reports": [(row["year"], parse_date(row["sent"])) for row in rows["annual_reports"]],
        "annual_repairs": [_repair(row) for row in rows["annual_repairs"]],
    }


def _repair(row: dict[str, object]) -> tuple[object, RepairDates] | None:
    raw = (row["logius_fix_deadline"], row["findings_fixed"])
    dates = [parse_date(value) for value in raw]
    if any(value is not None and day is None for value, day in zip(raw, dates, strict=True)):
        return None
    return row["year"], RepairDates(*dates)


def _care_provider(row: dict[str, object]) -> CareProvider | None:
    dates = {key: parse_date(row[key]) for key in DATE_FIELDS}
    if any(row[key] is not None and dates[key] is None for key in DATE_FIELDS):
        return None
    return CareProvider(id=0, **{key: row[key] for key in TEXT_FIELDS}, **dates)  # type: ignore[arg-type]


def _with(snapshot: DossierSnapshot, kind: str, entries: list[Any]) -> DossierSnapshot:
    """The snapshot with `entries` as its entries of `kind`; a tick or note of a round the snapshot
    lacks is a KeyError."""
    if kind == "rounds":
        return replace(snapshot, rounds={year: YearlyRound(started) for year, started in entries})
    if kind in ("ticked", "notes"):
        by_round: dict[int, dict[str, Any]] = {year: {} for year in (FIRST_ROUND, *snapshot.rounds)}
        for year, key, value in entries:
            by_round[year][key] = value
        rounds = {year: _round_with(each, kind, by_round[year]) for year, each in snapshot.rounds.items()}
        values: dict[str, Any] = {kind: by_round[FIRST_ROUND], "rounds": rounds}
        return replace(snapshot, **values)
    values = {kind: dict(entries) if kind in ("annual_reports", "annual_repairs") else tuple(entries)}
    return replace(snapshot, **values)


def _round_with(yearly: YearlyRound, kind: str, entries: dict[str, Any]) -> YearlyRound:
    return replace(yearly, ticked=entries) if kind == "ticked" else replace(yearly, notes=entries)


def _accepted(snapshot: DossierSnapshot, kind: str, entry: Any, now: datetime) -> bool:
    """Whether the import takes the snapshot with this one entry of `kind`."""
    try:
        return _importable(_with(snapshot, kind, [entry]), now)
    except (KeyError, TypeError, ValueError):
        return False


def _importable(snapshot: DossierSnapshot, now: datetime) -> bool:
    """Whether the import takes the snapshot as exported; an unreadable value (None) never is."""
    try:
        parse_import(export_json(snapshot, now).encode("utf-8"))
    except (ImportFileError, TypeError, ValueError, AttributeError):
        return False
    return True


def _moment(value: object) -> datetime | None:
    """A stored moment: text in a SQLite file, a datetime from PostgreSQL's driver; None when unreadable."""
    return parse_moment(value.isoformat() if isinstance(value, datetime) else value)


def _shown(value: object) -> str:
    """A stored value as the sentence shows it: printable and short."""
    text = "".join(char if char.isprintable() else "�" for char in str(value))
    return text if len(text) <= SHOWN_VALUE_MAX else text[: SHOWN_VALUE_MAX - 1] + "…"
