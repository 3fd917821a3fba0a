"""A dossier as the rest of the app sees it: one organisation's assessment of one DigiD connection."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from model.content import Connection, Role
from model.limits import NAME_MAX_LENGTH, parse_date, text_problem
from model.timeline import RepairDates

TICKED, UNTICKED = "afgevinkt", "niet afgevinkt"  # an action item's values in the history


class DossierNameError(ValueError):
    """An organisation name that can't be used; the message says why, in Dutch."""


class DateField(StrEnum):
    """The dates a user records in a dossier; the values are the column names."""

    ACTIVATION = "activation_date"
    REPORT_SENT = "report_sent"
    LOGIUS_FIX_DEADLINE = "logius_fix_deadline"
    FINDINGS_FIXED = "findings_fixed"


@dataclass(frozen=True)
class Dossier:
    id: int
    name: str
    connection: Connection
    role: Role
    position: str
    activation_date: date | None
    report_sent: date | None = None
    logius_fix_deadline: date | None = None
    findings_fixed: date | None = None


@dataclass(frozen=True)
class DamagedDossier:
    """A stored dossier whose values the app can't use; it is listed, to be exported or deleted."""

    id: int
    name: str
    problem: str  # Dutch, for the user


def stored_dossier(values: dict[str, object]) -> Dossier:
    """A dossier row read back, held to the rules the fields enforce; ValueError saying what is wrong."""
    name, connection, role = values["name"], values["connection"], values["role"]
    if not isinstance(name, str) or not name.strip() or text_problem(name):
        raise ValueError("de naam is onleesbaar")
    if not isinstance(connection, str) or connection not in set(Connection):
        raise ValueError(f"onbekende soort aansluiting ‘{connection}’")
    if not isinstance(role, str) or role not in set(Role):
        raise ValueError(f"onbekende rol ‘{role}’")
    dates: dict[str, date | None] = {}
    for each in DateField:
        raw = values[each.value]
        dates[each.value] = parse_date(raw) if raw is not None else None
        if raw is not None and dates[each.value] is None:
            raise ValueError(f"ongeldige datum ‘{raw}’")
    position = values["position"]
    return Dossier(
        id=int(str(values["id"])),
        name=name,
        connection=Connection(connection),
        role=Role(role),
        position=position if isinstance(position, str) else "",
        **dates,
    )


def clean_name(name: str) -> str:
    """The organisation name as stored: trimmed, inner runs of white space made single."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise DossierNameError("Vul de naam van de organisatie in.")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise DossierNameError(f"De naam is te lang (hooguit {NAME_MAX_LENGTH} tekens).")
    return cleaned


@dataclass(frozen=True)
class Change:
    """One recorded edit; `subject` is an action item id, "note", a date field, "name", "connection",
    "role" or "round" (a yearly round started), `old`/`new` the values as text, `round_year` the
    round it was made in (model.rounds), `author` who made it (a shared database's user) or None."""

    at: datetime
    step_id: str | None
    subject: str
    old: str
    new: str
    round_year: int = 0
    author: str | None = None


@dataclass(frozen=True)
class CareProvider:
    id: int  # 0 until stored
    name: str
    kvk: str
    signatory_name: str = ""
    signatory_function: str = ""
    contract_signed: date | None = None
    akkoord_signed: date | None = None
    akkoord_submitted: date | None = None  # to DICTU
    production: date | None = None  # connected in production via TVS
    notes: str = ""
    # of the stored row this record was read from (0: not stored; see StaleEditError): no part of
    # what the entry holds, so two records with the same values are equal
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class YearlyRound:
    """A yearly round's own record: when it was started, its ticks and its notes."""

    started_at: datetime
    ticked: dict[str, datetime] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DossierSnapshot:
    """Everything a dossier holds, as exported to a file and imported from one; `ticked` and
    `notes` are the first assessment's, `rounds` the yearly rounds' by window year."""

    dossier: Dossier
    ticked: dict[str, datetime] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    changes: tuple[Change, ...] = ()
    care_providers: tuple[CareProvider, ...] = ()
    annual_reports: dict[int, date] = field(default_factory=dict)  # window year → day sent
    rounds: dict[int, YearlyRound] = field(default_factory=dict)
    annual_repairs: dict[int, RepairDates] = field(default_factory=dict)  # window year → its repair


@dataclass(frozen=True)
class DossierOverview:
    """What the start page's list needs of one dossier; `Store.dossier_overviews` reads all at once."""

    dossier: Dossier
    ticked: frozenset[str]  # item ids
    care_providers: tuple[CareProvider, ...]  # by id
    annual_reports: dict[int, date]  # window year → day sent
    annual_repairs: dict[int, RepairDates] = field(default_factory=dict)  # window year → its repair
    round_year: int = 0  # the current round (model.rounds; 0: the first assessment)


ANNUAL_REPORT = "annual_report"  # the history's name for a yearly report's date
ANNUAL_SUBJECT = re.compile(r"^(annual_report|logius_fix_deadline|findings_fixed)\.(?P<year>\d{4})$")


def annual_subject(year: int, name: str = ANNUAL_REPORT) -> str:
    """The history's subject for a date of the yearly report of the window of `year`: the day it
    was sent (`annual_report`) or, with a DateField's value, one of its repair's dates."""
    return f"{name}.{year}"


def parse_annual_subject(subject: object) -> int | None:
    """The window year of a yearly report's history subject (its date or one of its repair's);
    None for any other subject."""
    found = ANNUAL_SUBJECT.match(subject) if isinstance(subject, str) else None
    return int(found["year"]) if found else None
