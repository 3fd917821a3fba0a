"""The supplier's register of care providers on a cluster connection, and what follows from it.

The factsheet's conditions for a cluster (meervoudig) assessment become a live checklist: at
least two care providers in production, each of them with a signed adapted contract and
akkoordverklaring. The two-month period starts when the second one went into production, so
the register supplies the timeline's T0 as soon as it knows it.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from model.content import Connection, Role
from model.dossier import CareProvider, Change, Dossier
from model.dutch import long_date
from model.limits import (
    EARLIEST_DATE,
    KVK_INPUT_MAX_LENGTH,
    KVK_LENGTH,
    NAME_MAX_LENGTH,
    PROVIDER_NOTES_MAX_LENGTH,
    date_in_range,
    text_problem,
)
from model.timeline import DossierDates, RepairDates

KVK_PATTERN = re.compile(rf"^[0-9]{{{KVK_LENGTH}}}$")


TEXT_FIELDS = ("name", "kvk", "signatory_name", "signatory_function", "notes")
DATE_FIELDS = ("contract_signed", "akkoord_signed", "akkoord_submitted", "production")
DATE_NAMES = {  # as the table's remark names them: "Controleer: in productie"
    "contract_signed": "contract getekend",
    "akkoord_signed": "akkoord getekend",
    "akkoord_submitted": "akkoord bij DICTU",
    "production": "in productie",
}


# The change history of the register: step "register", subject "care_provider:<id>" for an entry
# added (new = ADDED) or removed (old = its name, new = REMOVED), "care_provider:<id>:<field>"
# for a field changed.
HISTORY_STEP = "register"
SUBJECT_PREFIX = "care_provider"
ADDED, REMOVED = "toegevoegd", "verwijderd"
HISTORY_SUBJECT = re.compile(rf"^{SUBJECT_PREFIX}:(?P<id>-?\d{{1,12}})(?::(?P<field>[a-z_]{{1,40}}))?$")


def history_subject(provider_id: int, field: str = "") -> str:
    return f"{SUBJECT_PREFIX}:{provider_id}" + (f":{field}" if field else "")


def parse_history_subject(subject: object) -> tuple[int, str] | None:
    """(provider id, field or "") of a register change; None for any other subject."""
    found = HISTORY_SUBJECT.match(subject) if isinstance(subject, str) else None
    field = found["field"] or "" if found else ""
    if found is None or field not in ("", *TEXT_FIELDS, *DATE_FIELDS):
        return None
    return int(found["id"]), field


def renumbered_providers(changes: Iterable[Change]) -> list[Change]:
    """An imported history with its care providers under numbers of their own (negative: the
    database never hands those out), so that none is taken for an entry of this database."""
    numbers: dict[int, int] = {}
    renumbered = []
    for change in changes:
        parsed = parse_history_subject(change.subject)
        if parsed is not None:
            provider_id, field = parsed
            number = numbers.setdefault(provider_id, -len(numbers) - 1)
            change = replace(change, subject=history_subject(number, field))
        renumbered.append(change)
    return renumbered


TEXT_LIMITS = {
    "name": NAME_MAX_LENGTH,
    "kvk": KVK_INPUT_MAX_LENGTH,  # room for a wrong number to be typed, seen and kept
    "signatory_name": NAME_MAX_LENGTH,
    "signatory_function": NAME_MAX_LENGTH,
    "notes": PROVIDER_NOTES_MAX_LENGTH,
}


def too_long(provider: CareProvider) -> dict[str, str]:
    """Texts beyond what the form lets anyone type, or that can't be stored: what an import refuses."""
    found = {
        field: f"Hooguit {limit} tekens."
        for field, limit in TEXT_LIMITS.items()
        if len(getattr(provider, field)) > limit
    }
    for field in TEXT_FIELDS:
        wrong = text_problem(getattr(provider, field))
        if wrong and field not in found:
            found[field] = f"Deze tekst {wrong}."
    return found


def missing(provider: CareProvider) -> list[str]:
    """What an entry still needs before it counts (see `counted`), in the words of "Vul nog in: …"."""
    needed = []
    if not provider.name.strip():
        needed.append("naam")
    if not KVK_PATTERN.match(provider.kvk.strip()):
        needed.append("KvK-nummer")  # a wrong one is explained at its field
    return needed


def still_to_fill(provider: CareProvider) -> str:
    """ "Vul nog in: naam, KvK-nummer", or empty when nothing is left empty; a KvK number that was
    typed but is wrong is not to fill in but to check (its field and `remark` say so)."""
    needed = [each for each in missing(provider) if each != "KvK-nummer" or not provider.kvk.strip()]
    return f"Vul nog in: {', '.join(needed)}" if needed else ""


def problems(provider: CareProvider, today: date) -> dict[str, str]:
    """What is wrong with what was typed, per field, in Dutch. Shown at the field; never a reason
    not to store the entry: it is kept as typed and counts only as far as `counted` allows."""
    found = too_long(provider)
    kvk = provider.kvk.strip()
    if kvk and not KVK_PATTERN.match(kvk):
        found["kvk"] = f"Een KvK-nummer bestaat uit precies {KVK_LENGTH} cijfers (nu {len(kvk)} tekens)."
    for field in DATE_FIELDS:
        value = getattr(provider, field)
        if value is not None and value > today:
            found[field] = "Deze datum ligt in de toekomst; vul de datum in waarop het gebeurd is."
        elif value is not None and not date_in_range(value):
            found[field] = f"Deze datum ligt vóór {EARLIEST_DATE.year}; vul de juiste datum in."
    signed, submitted = provider.akkoord_signed, provider.akkoord_submitted
    if submitted and (signed is None or submitted < signed) and "akkoord_submitted" not in found:
        found["akkoord_submitted"] = (
            "De akkoordverklaring kan pas na ondertekening bij DICTU worden ingediend."
        )
    if provider.production and "production" not in found:
        unsigned = _unsigned_before(provider, provider.production)
        if unsigned:
            found["production"] = f"In productie vóór ondertekening: eerst {' en '.join(unsigned)} tekenen."
    return found


def _unsigned_before(provider: CareProvider, day: date) -> list[str]:
    return [
        label
        for label, value in (
            ("het aangepaste contract", provider.contract_signed),
            ("de akkoordverklaring", provider.akkoord_signed),
        )
        if value is None or value > day
    ]


def remark(provider: CareProvider, today: date) -> str:
    """One line for the register's table: what is still to fill in, or which fields to check (a
    KvK number that was typed but is wrong is to be checked, not filled in)."""
    found = problems(provider, today)
    to_fill = still_to_fill(provider)
    wrong = ["KvK-nummer"] if "kvk" in found else []
    wrong += [DATE_NAMES[field] for field in DATE_FIELDS if field in found]
    check = f"Controleer: {', '.join(wrong)}" if wrong else ""
    return "; ".join(part for part in (to_fill, check) if part)


def cleaned(provider: CareProvider) -> CareProvider:
    return replace(
        provider,
        name=" ".join(provider.name.split()),
        kvk=provider.kvk.strip(),
        signatory_name=" ".join(provider.signatory_name.split()),
        signatory_function=" ".join(provider.signatory_function.split()),
    )


def counted(providers: list[CareProvider], today: date) -> list[CareProvider]:
    """The register as the factsheet's conditions and the cluster's T0 count it.

    Everything typed is kept, but only what is complete and could be true counts:
    - an entry counts once it has a name and an 8-digit KvK number; until then it shows
      "Vul nog in: …" and is left out (a nameless row can't be a care provider in production);
    - a date in the future has not happened yet, so it counts as not filled in;
    - a production date before the signatures still counts as production: that is exactly what
      the "all signed" condition reports as not met (see `conditions`).
    """
    return [_without_future_dates(provider, today) for provider in providers if not missing(provider)]


def _without_future_dates(provider: CareProvider, today: date) -> CareProvider:
    future: dict[str, Any] = {
        field: None for field in DATE_FIELDS if (getattr(provider, field) or date.min) > today
    }
    return replace(provider, **future) if future else provider  # a copy costs 10 µs, 200 times a page


@dataclass(frozen=True)
class Conditions:
    """The factsheet's conditions for the cluster assessment, as the register shows them."""

    in_production: int
    unsigned_in_production: tuple[str, ...]  # names of those live without both signatures

    @property
    def enough_in_production(self) -> bool:
        return self.in_production >= 2

    @property
    def all_signed(self) -> bool:
        return not self.unsigned_in_production


def conditions(providers: list[CareProvider], today: date) -> Conditions:
    """Counted as `counted` says; a signature dated after going live does not count as signed."""
    live = [(each, each.production) for each in counted(providers, today) if each.production]
    unsigned = tuple(each.name for each, production in live if _unsigned_before(each, production))
    return Conditions(len(live), unsigned)


def second_production_date(providers: list[CareProvider], today: date) -> date | None:
    """T0 of a cluster connection: the day the second (counted) care provider went into production."""
    days = sorted(each.production for each in counted(providers, today) if each.production)
    return days[1] if len(days) >= 2 else None


def keeps_register(dossier: Dossier) -> bool:
    """Only the supplier of a cluster connection keeps the register of its care providers."""
    return dossier.connection == Connection.CLUSTER and dossier.role == Role.SUPPLIER


def deadline_dates(
    dossier: Dossier,
    providers: list[CareProvider],
    today: date,
    annual_reports: Mapping[int, date] | None = None,
    annual_repairs: Mapping[int, RepairDates] | None = None,
) -> DossierDates:
    """The dates a dossier's deadlines count from: those recorded in it, with T0 from the register
    once two care providers are live. Every deadline on screen and on paper comes from here."""
    return DossierDates(
        second_production_date(providers, today) or dossier.activation_date,
        dossier.report_sent,
        dossier.logius_fix_deadline,
        dossier.findings_fixed,
        annual_reports or {},
        annual_repairs or {},
    )


MET, NOT_MET, NOT_APPLICABLE = "✔ voldaan", "✘ nog niet", "– nog niet van toepassing"
ALL_SIGNED = "Elke zorgaanbieder in productie heeft het aangepaste contract en de akkoordverklaring getekend"
UNCOUNTED = "Zorgaanbieders bij wie ‘Vul nog in’ staat, tellen nog niet mee."


@dataclass(frozen=True)
class CheckedCondition:
    verdict: str  # MET, NOT_MET or NOT_APPLICABLE
    text: str


def checklist(providers: list[CareProvider], today: date) -> list[CheckedCondition]:
    """The factsheet's conditions, each with its verdict: on the register page and in the summary."""
    state = conditions(providers, today)
    unsigned = ", ".join(state.unsigned_in_production)
    signed = NOT_APPLICABLE if not state.in_production else MET if state.all_signed else NOT_MET
    return [
        CheckedCondition(
            MET if state.enough_in_production else NOT_MET,
            f"Minstens twee zorgaanbieders in productie (nu {state.in_production}).",
        ),
        CheckedCondition(signed, ALL_SIGNED + (f" (nog niet: {unsigned})." if unsigned else ".")),
    ]


def uncounted_note(providers: list[CareProvider]) -> str:
    """Said under the checklist while an entry still lacks what it needs to count; else empty."""
    return UNCOUNTED if any(still_to_fill(each) for each in providers) else ""


NONE_COUNTED = "nog geen zorgaanbieders die meetellen"  # not "0 van 0 …"


@dataclass(frozen=True)
class StepCount:
    done: int
    total: int  # the entries that count
    what: str  # "akkoordverklaringen ondertekend"
    incomplete: int = 0  # entries that don't count yet ("Vul nog in")

    def __str__(self) -> str:
        text = (
            f"{self.done} van {self.total} {self.what}"
            if self.total
            else "nog geen zorgaanbieders die meetellen"
        )
        if self.incomplete:
            text += f" ({self.incomplete} {'zorgaanbieder' if self.incomplete == 1 else 'zorgaanbieders'}"
            text += " in het register nog onvolledig)"
        return text


# The care providers' own steps in the cluster flow, and what the supplier counts for each.
STEP_COUNTS = {
    "cluster.5": ("contract_signed", "aangepaste contracten ondertekend"),
    "cluster.7": ("akkoord_signed", "akkoordverklaringen ondertekend"),
    "cluster.9": ("production", "zorgaanbieders in productie"),
}


def step_count(step_id: str, providers: list[CareProvider], today: date) -> StepCount | None:
    """How many of the entries that count (see `counted`) have done this step; the incomplete ones
    are named apart, so "0 van 1" never counts an entry the register says does not count yet."""
    if step_id not in STEP_COUNTS or not providers:
        return None
    field, what = STEP_COUNTS[step_id]
    complete = counted(providers, today)
    done = sum(getattr(each, field) is not None for each in complete)
    return StepCount(done, len(complete), what, len(providers) - len(complete))


def t0_explanation(dossier: Dossier, providers: list[CareProvider], today: date) -> str:
    """Which T0 the deadlines use, when the register supplies it; empty otherwise."""
    from_register = second_production_date(providers, today)
    if from_register is None:
        return ""
    text = (
        f"Volgens het register ging de tweede zorgaanbieder op {long_date(from_register)} in productie; "
        "de termijnen worden vanaf die datum berekend."
    )
    manual = dossier.activation_date
    if manual and manual != from_register:
        text += f" De eerder ingevulde datum ({long_date(manual)}) wordt niet meer gebruikt."
    return text
