"""The supplier's register of care providers on a cluster connection, and what follows from it.

The factsheet's conditions for a cluster (meervoudig) assessment become a live checklist: at
least two care providers in production, each of them with a signed adapted contract and
akkoordverklaring. The two-month period starts when the second one went into production, so
the register supplies the timeline's T0 as soon as it knows it.
"""

import re
from dataclasses import dataclass, replace
from datetime import date

from model.content import Connection, Role
from model.dossier import CareProvider, Dossier
from model.dutch import long_date
from model.limits import (
    EARLIEST_DATE,
    KVK_LENGTH,
    NAME_MAX_LENGTH,
    PROVIDER_NOTES_MAX_LENGTH,
    date_in_range,
    text_problem,
)
from model.timeline import DossierDates

KVK_PATTERN = re.compile(rf"^[0-9]{{{KVK_LENGTH}}}$")


TEXT_FIELDS = ("name", "kvk", "signatory_name", "signatory_function", "notes")
DATE_FIELDS = ("contract_signed", "akkoord_signed", "akkoord_submitted", "production")


def problems(provider: CareProvider, today: date) -> dict[str, str]:
    """What is wrong with an entry, per field, in Dutch; empty when it may be saved."""
    found: dict[str, str] = {}
    if not provider.name.strip():
        found["name"] = "Vul de naam van de zorgaanbieder in."
    elif len(provider.name.strip()) > NAME_MAX_LENGTH:
        found["name"] = f"De naam is te lang (hooguit {NAME_MAX_LENGTH} tekens)."
    if not KVK_PATTERN.match(provider.kvk.strip()):
        found["kvk"] = f"Een KvK-nummer bestaat uit precies {KVK_LENGTH} cijfers."
    for field in ("signatory_name", "signatory_function"):
        if len(getattr(provider, field)) > NAME_MAX_LENGTH:
            found[field] = f"Hooguit {NAME_MAX_LENGTH} tekens."
    if len(provider.notes) > PROVIDER_NOTES_MAX_LENGTH:
        found["notes"] = f"Hooguit {PROVIDER_NOTES_MAX_LENGTH} tekens."
    for field in TEXT_FIELDS:
        wrong = text_problem(getattr(provider, field))
        if wrong:
            found[field] = f"Deze tekst {wrong}."
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
        missing = [
            label
            for label, value in (
                ("het aangepaste contract", provider.contract_signed),
                ("de akkoordverklaring", provider.akkoord_signed),
            )
            if value is None or value > provider.production
        ]
        if missing:
            found["production"] = f"In productie vóór ondertekening: eerst {' en '.join(missing)} tekenen."
    return found


def cleaned(provider: CareProvider) -> CareProvider:
    return replace(
        provider,
        name=" ".join(provider.name.split()),
        kvk=provider.kvk.strip(),
        signatory_name=" ".join(provider.signatory_name.split()),
        signatory_function=" ".join(provider.signatory_function.split()),
    )


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


def conditions(providers: list[CareProvider]) -> Conditions:
    live = [each for each in providers if each.production]
    unsigned = tuple(each.name for each in live if not (each.contract_signed and each.akkoord_signed))
    return Conditions(len(live), unsigned)


def second_production_date(providers: list[CareProvider]) -> date | None:
    """T0 of a cluster connection: the day the second care provider went into production."""
    days = sorted(each.production for each in providers if each.production)
    return days[1] if len(days) >= 2 else None


def keeps_register(dossier: Dossier) -> bool:
    """Only the supplier of a cluster connection keeps the register of its care providers."""
    return dossier.connection == Connection.CLUSTER and dossier.role == Role.SUPPLIER


def effective_dates(dossier: Dossier, providers: list[CareProvider]) -> DossierDates:
    """The dossier's dates with T0 from the register once two care providers are live."""
    from_register = second_production_date(providers)
    dates = dossier.dates
    return replace(dates, activation=from_register) if from_register else dates


@dataclass(frozen=True)
class StepCount:
    done: int
    total: int
    what: str  # "akkoordverklaringen ondertekend"

    def __str__(self) -> str:
        return f"{self.done} van {self.total} {self.what}"


# The care providers' own steps in the cluster flow, and what the supplier counts for each.
STEP_COUNTS = {
    "cluster.5": ("contract_signed", "aangepaste contracten ondertekend"),
    "cluster.7": ("akkoord_signed", "akkoordverklaringen ondertekend"),
    "cluster.9": ("production", "zorgaanbieders in productie"),
}


def step_count(step_id: str, providers: list[CareProvider]) -> StepCount | None:
    if step_id not in STEP_COUNTS or not providers:
        return None
    field, what = STEP_COUNTS[step_id]
    return StepCount(sum(getattr(each, field) is not None for each in providers), len(providers), what)


def t0_explanation(dossier: Dossier, providers: list[CareProvider]) -> str:
    """Which T0 the deadlines use, when the register supplies it; empty otherwise."""
    from_register = second_production_date(providers)
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
