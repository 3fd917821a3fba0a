"""A dossier as one JSON file, to hand it between care provider and supplier, or keep it aside.

The file names its format and version. Reading checks the whole file before anything is
written, and says in Dutch what is wrong; the store then adds it in one transaction.
"""

import json
import re
from datetime import UTC, date, datetime
from typing import Any

from model.content import Connection, Role
from model.dossier import (
    NAME_MAX_LENGTH,
    CareProvider,
    Change,
    DateField,
    Dossier,
    DossierNameError,
    DossierSnapshot,
    clean_name,
)
from model.register import DATE_FIELDS, HISTORY_STEP, TEXT_FIELDS, cleaned, too_long
from model.schema import START_POSITION
from model.version import __version__

FORMAT_NAME = "digid-assessment-wegwijzer/dossier"
FORMAT_VERSION = 2  # 2: with the cluster register (care_providers)
MAX_FILE_BYTES = 10_000_000
MAX_TEXT = 100_000
ID_PATTERN = re.compile(r"^(direct|cluster)\.\d{1,3}(\.\d{1,3})?$")
HISTORY_STEP_PATTERN = re.compile(rf"{ID_PATTERN.pattern}|^{HISTORY_STEP}$")
SUBJECT_PATTERN = re.compile(
    r"^[a-z_]{1,40}$|^(direct|cluster)\.\d{1,3}\.\d{1,3}$|^care_provider:-?\d{1,12}(:[a-z_]{1,40})?$"
)


class ImportFileError(ValueError):
    """The file can't be imported; the message says why, in Dutch."""


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
        "ticked": [{"item": item, "at": at.isoformat()} for item, at in sorted(snapshot.ticked.items())],
        "notes": [{"step": step, "text": text} for step, text in sorted(snapshot.notes.items())],
        "changes": [
            {"at": c.at.isoformat(), "step": c.step_id, "subject": c.subject, "old": c.old, "new": c.new}
            for c in snapshot.changes
        ],
        "care_providers": [
            {
                **{key: getattr(provider, key) for key in TEXT_FIELDS},
                **{key: _date_text(getattr(provider, key)) for key in DATE_FIELDS},
            }
            for provider in snapshot.care_providers
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _date_text(value: date | None) -> str | None:
    return value.isoformat() if value else None


def parse_import(data: bytes) -> DossierSnapshot:
    """The dossier in an export file, or ImportFileError naming the first thing wrong with it."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError("Het bestand is te groot voor een dossier.")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
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
    reader = _Fields(document)
    raw = reader.table("dossier")
    dossier = Dossier(
        id=0,
        name=_name(raw.text("name", NAME_MAX_LENGTH * 2)),
        connection=raw.choice("connection", Connection),
        role=raw.choice("role", Role),
        position=raw.optional_text("position", 64) or START_POSITION,
        **{field.value: raw.optional_date(field.value) for field in DateField},
    )
    ticked = {}
    for entry in reader.entries("ticked"):
        ticked[entry.identifier("item")] = entry.moment("at")
    notes = {}
    for entry in reader.entries("notes"):
        notes[entry.identifier("step")] = entry.text("text", MAX_TEXT, allow_empty=True)
    changes = tuple(
        Change(
            at=entry.moment("at"),
            step_id=entry.optional_identifier("step", HISTORY_STEP_PATTERN),
            subject=entry.subject("subject"),
            old=entry.text("old", MAX_TEXT, allow_empty=True),
            new=entry.text("new", MAX_TEXT, allow_empty=True),
        )
        for entry in reader.entries("changes")
    )
    providers = []
    for index, entry in enumerate(reader.entries("care_providers")):
        fields: dict[str, Any] = {key: entry.text(key, MAX_TEXT, allow_empty=True) for key in TEXT_FIELDS}
        fields |= {key: entry.optional_date(key) for key in DATE_FIELDS}
        provider = CareProvider(id=0, **fields)
        wrong = too_long(provider)  # an incomplete or implausible entry is kept, as in the app
        if wrong:
            field, problem = next(iter(wrong.items()))
            raise ImportFileError(
                f"Zorgaanbieder {index + 1} in het dossierbestand, veld ‘{field}’: {problem}"
            )
        providers.append(cleaned(provider))
    return DossierSnapshot(dossier, ticked, notes, changes, tuple(providers))


def _name(text: str) -> str:
    try:
        return clean_name(text)
    except DossierNameError as error:
        raise ImportFileError(f"De naam van het dossier in het bestand is niet bruikbaar: {error}") from None


class _Fields:
    """Checked access to one JSON object; each failure names the field."""

    def __init__(self, data: Any, where: str = "") -> None:
        self.data, self.where = data, where

    def _fail(self, key: str, problem: str) -> ImportFileError:
        return ImportFileError(f"Het veld ‘{self.where}{key}’ in het dossierbestand {problem}.")

    def _get(self, key: str) -> Any:
        if key not in self.data:
            raise self._fail(key, "ontbreekt")
        return self.data[key]

    def table(self, key: str) -> "_Fields":
        value = self._get(key)
        if not isinstance(value, dict):
            raise self._fail(key, "is geen object")
        return _Fields(value, f"{self.where}{key}.")

    def entries(self, key: str) -> list["_Fields"]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise self._fail(key, "is geen lijst")
        for index, entry in enumerate(value):
            if not isinstance(entry, dict):
                raise self._fail(f"{key}[{index}]", "is geen object")
        return [_Fields(entry, f"{self.where}{key}[{index}].") for index, entry in enumerate(value)]

    def text(self, key: str, limit: int, allow_empty: bool = False) -> str:
        value = self._get(key)
        if not isinstance(value, str) or len(value) > limit or (not allow_empty and not value.strip()):
            raise self._fail(key, "is geen geldige tekst")
        return value

    def optional_text(self, key: str, limit: int) -> str | None:
        return None if self.data.get(key) is None else self.text(key, limit)

    def choice(self, key: str, kind: type[Connection] | type[Role]) -> Any:
        value = self._get(key)
        try:
            return kind(value)
        except ValueError:
            raise self._fail(key, "heeft een onbekende waarde") from None

    def optional_date(self, key: str) -> date | None:
        value = self.data.get(key)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise self._fail(key, "is geen datum") from None

    def moment(self, key: str) -> datetime:
        value = self._get(key)
        try:
            moment = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise self._fail(key, "is geen tijdstip") from None
        return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment

    def identifier(self, key: str, pattern: re.Pattern[str] = ID_PATTERN) -> str:
        value = self._get(key)
        if not isinstance(value, str) or not pattern.match(value):
            raise self._fail(key, "is geen geldige stap of actiepunt")
        return value

    def optional_identifier(self, key: str, pattern: re.Pattern[str] = ID_PATTERN) -> str | None:
        return None if self.data.get(key) is None else self.identifier(key, pattern)

    def subject(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str) or not SUBJECT_PATTERN.match(value):
            raise self._fail(key, "is geen geldig onderwerp")
        return value
