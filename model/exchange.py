"""A dossier as one JSON file, to hand it between care provider and supplier, or keep it aside;
and copying dossiers from one store to another (a laptop's file, a shared database) the same way.

The file names its format and version. Reading checks the whole file before anything is
written, and says in Dutch what is wrong; the store then adds it in one transaction.
"""

import codecs
import json
import os
import re
import stat
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from model.content import Connection, Role, bundled_content
from model.dossier import (
    TICKED,
    UNTICKED,
    CareProvider,
    Change,
    DateField,
    Dossier,
    DossierNameError,
    DossierSnapshot,
    YearlyRound,
    clean_name,
    parse_annual_subject,
)
from model.limits import (
    AUTHOR_MAX_LENGTH,
    EARLIEST_DATE,
    LATEST_DATE,
    NAME_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    POSITION_MAX_LENGTH,
    parse_date,
    parse_moment,
    text_problem,
)
from model.register import (
    DATE_FIELDS,
    HISTORY_STEP,
    TEXT_FIELDS,
    TEXT_LIMITS,
    cleaned,
    parse_history_subject,
)
from model.rounds import FIRST_ROUND, ROUND_SUBJECT, is_round_year
from model.store import Store
from model.store.annual_reports import REPAIR_FIELDS
from model.store.names import START_POSITION
from model.system_errors import dutch_reason
from model.timeline import RepairDates
from model.typed_reader import TypedReader, Wording
from model.version import __version__

FORMAT_NAME = "digid-assessment-wegwijzer/dossier"
FORMAT_VERSION = 6  # 2: the cluster register (care_providers); 3: the yearly reports' dates; 4: yearly
# rounds; 5: the dates of fixing each yearly report's findings (annual_repairs); 6: who made a change
STEPS_MAX = 20  # steps with notes in all flows together (now 7 + 10); a test holds the content to it
JSON_BYTES_PER_CHARACTER_MAX = 6  # a control character is written as \u001f
HISTORY_NOTE_EXCERPT = 100  # characters of a note kept in an exported history entry
HISTORY_ROOM_BYTES = 8_000_000  # the register and the history: tens of thousands of changes
MAX_FILE_BYTES = STEPS_MAX * NOTE_MAX_LENGTH * JSON_BYTES_PER_CHARACTER_MAX + HISTORY_ROOM_BYTES
"""The largest file an import reads: whatever the app can write must import again.

Every step's note at its longest, in the widest JSON, is a known bound (12 MB). The history is not
bounded: each sitting of typing in a note keeps the note before and after, so 60 sittings on a long
note would alone be 12 MB. The export therefore keeps only the first HISTORY_NOTE_EXCERPT characters
of a note in a history entry (the history shows only that a note changed; the note itself is
exported whole), which leaves room for tens of thousands of changes."""
MAX_NESTING = 8  # an export nests 3 deep
TOO_BIG = "Het bestand is te groot voor een dossier."
NOT_A_FILE = "Dit is geen gewoon bestand, maar een map, apparaat of iets dergelijks; kies een dossierbestand."
POSITION_PATTERN = re.compile(rf"^[a-z0-9_.-]{{1,{POSITION_MAX_LENGTH}}}$")
DATE_SUBJECTS = frozenset(field.value for field in DateField)
FIELD_SUBJECTS = frozenset(
    {"note", "name", "connection", "role", ROUND_SUBJECT, *DATE_SUBJECTS}
)  # model.store logs
DATE_PROBLEM = f"is geen datum tussen {EARLIEST_DATE.year} en {LATEST_DATE.year}"


class ImportFileError(ValueError):
    """The file can't be imported; the message says why, in Dutch."""


class CopyRefusedError(ValueError):
    """Dossiers can't be copied, and none was; the message says which one and why, in Dutch."""


def dossiers_to_copy(source: Store, name: str | None = None) -> list[Dossier]:
    """The dossier called `name`, or (None) every dossier of `source`; a damaged one refuses the
    whole copy rather than be left behind unnoticed."""
    usable, damaged = source.dossiers_and_damaged()
    if name is not None:
        found = source.find_dossier(name)
        if found is None:
            known = ", ".join(f"‘{each.name}’" for each in usable) or "geen"
            raise CopyRefusedError(f"Er is geen dossier met de naam ‘{name}’ (aanwezig: {known}).")
        return [found]
    if damaged:
        names = ", ".join(f"‘{each.name}’" for each in damaged)
        raise CopyRefusedError(
            f"Er is niets gekopieerd: {names} is beschadigd. Exporteer of verwijder het eerst op de "
            "startpagina van de app en kopieer dan opnieuw."
        )
    return usable


def copy_dossiers(source: Store, target: Store, dossiers: list[Dossier], now: datetime) -> list[Dossier]:
    """Copy `dossiers` from `source` into `target`, all in one transaction or none; each travels as
    an export file would (the same checks, the history's notes shortened alike) and a taken name
    becomes "NAME (2)", as an import that keeps both. Returns the copies, in the same order.

    CopyRefusedError when one can't be exported as a valid file; StoreError when `target` refuses
    to store them: either way `target` is unchanged."""
    snapshots = []
    for dossier in dossiers:
        try:
            snapshots.append(parse_import(export_json(source.snapshot(dossier.id), now).encode("utf-8")))
        except ImportFileError as problem:
            raise CopyRefusedError(
                f"Er is niets gekopieerd: het dossier ‘{dossier.name}’ kan niet worden gekopieerd. {problem}"
            ) from None
    return target.add_snapshots(snapshots)


def export_json(snapshot: DossierSnapshot, now: datetime) -> str:
    dossier = snapshot.dossier
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": now.isoformat(timespec="seconds"),
        "dossier": {
            "name": dossier.name,
            "connection": dossier.connection.value,
            "role": dossier.role.value,
            "position": dossier.position,
            **{field.value: _date_text(getattr(dossier, field.value)) for field in DateField},
        },
        **_round_record(snapshot.ticked, snapshot.notes),  # the first assessment's
        "rounds": [
            {
                "year": year,
                "started_at": each.started_at.isoformat(),
                **_round_record(each.ticked, each.notes),
            }
            for year, each in sorted(snapshot.rounds.items())
        ],
        "changes": [
            {
                "at": c.at.isoformat(),
                "step": c.step_id,
                "subject": c.subject,
                "old": _history_value(c.subject, c.old),
                "new": _history_value(c.subject, c.new),
                "round": c.round_year,
                "author": c.author,
            }
            for c in snapshot.changes
        ],
        "care_providers": [
            {
                **{key: getattr(provider, key) for key in TEXT_FIELDS},
                **{key: _date_text(getattr(provider, key)) for key in DATE_FIELDS},
            }
            for provider in snapshot.care_providers
        ],
        "annual_reports": [
            {"year": year, "sent": sent.isoformat()} for year, sent in sorted(snapshot.annual_reports.items())
        ],
        "annual_repairs": [
            {
                "year": year,
                **{field.value: _date_text(getattr(repair, field.value)) for field in REPAIR_FIELDS},
            }
            for year, repair in sorted(snapshot.annual_repairs.items())
        ],
    }
    return dumped(document)


def dumped(document: dict[str, Any]) -> str:
    """An export document as the file holds it: readable, non-ASCII letters as they are."""
    return json.dumps(document, ensure_ascii=False, indent=2)


def _round_record(ticked: dict[str, datetime], notes: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    """A round's ticks and notes as the file holds them."""
    return {
        "ticked": [{"item": item, "at": at.isoformat()} for item, at in sorted(ticked.items())],
        "notes": [{"step": step, "text": text} for step, text in sorted(notes.items())],
    }


def _history_value(subject: str, value: str) -> str:
    """A history entry's value as exported: a long note shortened (see MAX_FILE_BYTES)."""
    if subject != "note" or len(value) <= HISTORY_NOTE_EXCERPT:
        return value
    return value[:HISTORY_NOTE_EXCERPT] + "…"


def _date_text(value: date | None) -> str | None:
    return value.isoformat() if value else None


def read_import(path: Path) -> DossierSnapshot:
    """The dossier in the export file at `path`.

    Only a regular file is opened (a pipe would wait for a writer forever), its size is checked
    first, and no more than MAX_FILE_BYTES + 1 bytes are read: a file that grows, or a device
    that never ends, can't hang the app or fill its memory."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise ImportFileError(NOT_A_FILE)
        if status.st_size > MAX_FILE_BYTES:
            raise ImportFileError(TOO_BIG)
        with path.open("rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise ImportFileError(NOT_A_FILE)
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ImportFileError(f"Het bestand kan niet worden gelezen: {dutch_reason(error)}.") from None
    return parse_import(data)


def parse_import(data: bytes) -> DossierSnapshot:
    """The dossier in an export file, or ImportFileError naming the first thing wrong with it.

    No other exception leaves this function, whatever the bytes: the last `except` is the net
    under the checks, so a case they miss is still a refusal and never a crash."""
    try:
        return _parse(data)
    except ImportFileError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError, RecursionError):
        raise ImportFileError("Dit dossierbestand bevat waarden die de wegwijzer niet kan lezen.") from None


def _parse(data: bytes) -> DossierSnapshot:
    if not isinstance(data, bytes | bytearray) or len(data) > MAX_FILE_BYTES:
        raise ImportFileError(TOO_BIG)
    try:
        text = bytes(data).removeprefix(codecs.BOM_UTF8).decode("utf-8")  # as Windows Notepad saves it
    except UnicodeDecodeError:
        raise ImportFileError("Dit is geen dossierbestand van de wegwijzer (geen geldige JSON).") from None
    if _nesting_depth(text) > MAX_NESTING:
        raise ImportFileError("Dit is geen dossierbestand van de wegwijzer (te diep genest).")
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, ValueError, RecursionError):
        raise ImportFileError("Dit is geen dossierbestand van de wegwijzer (geen geldige JSON).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportFileError(
            "Dit is geen dossierbestand van de wegwijzer (het formaat ontbreekt of klopt niet)."
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportFileError("Het dossierbestand heeft geen geldige versie.")
    if version > FORMAT_VERSION:
        raise ImportFileError(
            f"Het dossierbestand is gemaakt met een nieuwere versie van de wegwijzer (formaat {version}; "
            f"deze versie leest formaat {FORMAT_VERSION}). Installeer de nieuwste versie."
        )
    known = _known_ids()
    reader = _Fields(document)
    raw = reader.table("dossier")
    dossier = Dossier(
        id=0,
        name=_name(raw.text("name", NAME_MAX_LENGTH * 2)),
        connection=raw.choice("connection", Connection),
        role=raw.choice("role", Role),
        position=raw.position("position"),
        **{field.value: raw.optional_date(field.value) for field in DateField},
    )
    ticked, notes = _round_contents(reader, known)
    rounds: dict[int, YearlyRound] = {}
    for entry in reader.tables("rounds"):  # absent in files before format 4
        year = entry.integer("year")
        if not is_round_year(year) or year in rounds:
            raise entry.fail("heeft een jaar dat niet kan of dubbel staat")
        rounds[year] = YearlyRound(entry.moment("started_at"), *_round_contents(entry, known))
    changes = tuple(_change(entry, known, {FIRST_ROUND, *rounds}) for entry in reader.tables("changes"))
    providers = []
    for entry in reader.tables("care_providers"):  # texts checked as the form checks them
        fields: dict[str, Any] = {
            key: entry.text(key, limit, allow_empty=True) for key, limit in TEXT_LIMITS.items()
        }
        fields |= {key: entry.optional_date(key) for key in DATE_FIELDS}
        providers.append(cleaned(CareProvider(id=0, **fields)))  # an incomplete entry is kept, as in the app
    annual_reports: dict[int, date] = {}
    for entry in reader.tables("annual_reports"):  # absent in files of format 2
        year = _window_year(entry, annual_reports)
        sent = entry.optional_date("sent")
        if sent is None:
            raise entry.child("sent", required=False).fail(DATE_PROBLEM)
        annual_reports[year] = sent
    annual_repairs: dict[int, RepairDates] = {}
    for entry in reader.tables("annual_repairs"):  # absent in files before format 5
        year = _window_year(entry, annual_repairs)
        annual_repairs[year] = RepairDates(
            **{field.value: entry.optional_date(field.value) for field in REPAIR_FIELDS}
        )
    return DossierSnapshot(
        dossier, ticked, notes, changes, tuple(providers), annual_reports, rounds, annual_repairs
    )


def _window_year(entry: "_Fields", seen: dict[int, Any]) -> int:
    """A yearly report's window year: within the dates the app keeps, and once in its list."""
    year = entry.integer("year")
    if not EARLIEST_DATE.year <= year <= LATEST_DATE.year or year in seen:
        raise entry.fail("heeft een jaar dat niet kan of dubbel staat")
    return year


def _nesting_depth(text: str) -> int:
    """How deep the JSON's arrays and objects nest, counted before parsing (which recurses)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_NESTING:
                return deepest
        elif char in "]}":
            depth -= 1
    return deepest


class _KnownIds(NamedTuple):
    items: frozenset[str]
    steps: frozenset[str]


@cache
def _known_ids() -> _KnownIds:
    """The action items and steps of every flow in the bundled content."""
    flows = bundled_content().flows.values()
    return _KnownIds(
        frozenset(item for flow in flows for item in flow.action_item_ids),
        frozenset(step.id for flow in flows for step in flow.steps),
    )


def _round_contents(entry: "_Fields", known: _KnownIds) -> tuple[dict[str, datetime], dict[str, str]]:
    """The ticks and notes of one round: the document's own (the first assessment) or a yearly round's."""
    ticked = {}
    for each in entry.tables("ticked"):
        ticked[each.identifier("item", known.items)] = each.moment("at")
    notes = {}
    for each in entry.tables("notes"):
        notes[each.identifier("step", known.steps)] = each.text("text", NOTE_MAX_LENGTH, allow_empty=True)
    return ticked, notes


def _change(entry: "_Fields", known: _KnownIds, rounds: set[int]) -> Change:
    """A history entry; its round (absent before format 4: the first) must be one of the file's."""
    subject = entry.subject("subject", known.items)
    old, new = (_change_value(entry, key, subject, known, rounds) for key in ("old", "new"))
    round_year = entry.integer("round") if "round" in entry.data else FIRST_ROUND
    if round_year not in rounds:
        raise entry.child("round").fail("is geen ronde van dit dossier")
    return Change(
        at=entry.moment("at"),
        step_id=entry.optional_identifier("step", known.steps | {HISTORY_STEP}),
        subject=subject,
        old=old,
        new=new,
        round_year=round_year,
        author=entry.optional_text("author", AUTHOR_MAX_LENGTH),  # absent before format 6
    )


def _change_value(entry: "_Fields", key: str, subject: str, known: _KnownIds, rounds: set[int]) -> str:
    """A history value as the store writes it for that subject."""
    if subject == "note":
        return entry.text(key, NOTE_MAX_LENGTH, allow_empty=True)
    register_subject = parse_history_subject(subject)
    if register_subject is not None:
        return _register_change_value(entry, key, register_subject[1])
    value = entry.text(key, NAME_MAX_LENGTH, allow_empty=True)
    if subject in known.items:
        allowed: set[str] | None = {"", TICKED, UNTICKED}
    elif subject == "connection":
        allowed = {"", *Connection}
    elif subject == "role":
        allowed = {"", *Role}
    elif subject == ROUND_SUBJECT:
        allowed = {str(each) for each in rounds}
    else:
        allowed = None
    if allowed is not None and value not in allowed:
        raise entry.child(key).fail(_Fields.WORDING.unknown_choice)
    dated = subject in DATE_SUBJECTS or parse_annual_subject(subject) is not None
    if dated and value and parse_date(value) is None:
        raise entry.child(key).fail(DATE_PROBLEM)
    return value


def _register_change_value(entry: "_Fields", key: str, field: str) -> str:
    """A register field's old or new value; for an entry added or removed, its name or the marker."""
    value = entry.text(key, TEXT_LIMITS.get(field, NAME_MAX_LENGTH), allow_empty=True)
    if field in DATE_FIELDS and value and parse_date(value) is None:
        raise entry.child(key).fail(DATE_PROBLEM)
    return value


def _name(text: str) -> str:
    try:
        return clean_name(text)
    except DossierNameError as error:
        raise ImportFileError(f"De naam van het dossier in het bestand is niet bruikbaar: {error}") from None


class _Fields(TypedReader):
    """Checked access to one JSON object; each failure names the field, in Dutch."""

    WORDING = Wording(
        not_table="is geen object",
        not_list="is geen lijst",
        not_text="is geen geldige tekst",
        not_integer="is geen geheel getal",
        unknown_choice="heeft een onbekende waarde",
        not_date=DATE_PROBLEM,
    )

    def fail(self, problem: str) -> ImportFileError:
        return ImportFileError(f"Het veld ‘{self.path}’ in het dossierbestand {problem}.")

    def text(self, key: str, limit: int, allow_empty: bool = False) -> str:
        node = self.child(key)
        value = node.string(allow_empty)
        if len(value) > limit:
            raise node.fail(f"is te lang (hooguit {limit} tekens)")
        wrong = text_problem(value)
        if wrong:
            raise node.fail(wrong)
        return value

    def position(self, key: str) -> str:
        """Where the user was; anything odd starts at the beginning (it is no user data)."""
        value = self.data.get(key)
        return value if isinstance(value, str) and POSITION_PATTERN.match(value) else START_POSITION

    def moment(self, key: str) -> datetime:
        node = self.child(key)
        moment = parse_moment(node.data)
        if moment is None:
            raise node.fail(f"is geen tijdstip tussen {EARLIEST_DATE.year} en {LATEST_DATE.year}")
        return moment

    def identifier(self, key: str, known: frozenset[str]) -> str:
        node = self.child(key)
        if not isinstance(node.data, str) or node.data not in known:
            raise node.fail("is geen bekende stap of actiepunt")
        return node.data

    def optional_text(self, key: str, limit: int) -> str | None:
        return None if self.data.get(key) is None else self.text(key, limit)

    def optional_identifier(self, key: str, known: frozenset[str]) -> str | None:
        return None if self.data.get(key) is None else self.identifier(key, known)

    def subject(self, key: str, items: frozenset[str]) -> str:
        node = self.child(key)
        value = node.data
        if not isinstance(value, str) or not (
            value in items
            or value in FIELD_SUBJECTS
            or parse_history_subject(value) is not None
            or parse_annual_subject(value) is not None
        ):
            raise node.fail("is geen geldig onderwerp")
        return value
