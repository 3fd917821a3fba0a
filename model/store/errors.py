"""What can go wrong with the database, each as an error whose message is Dutch and fit to show."""

import errno
from pathlib import Path

from model.system_errors import dutch_reason


class StoreError(Exception):
    """A read or write failed; the message is Dutch and fit to show the user."""


class DamagedDatabaseError(StoreError):
    """The file is not a readable SQLite database; `moved_to` says where it was set aside."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"De database {path} is beschadigd of onleesbaar ({reason}).")
        self.path, self.reason = path, reason
        self.moved_to: Path | None = None


class RowTakenError(StoreError):
    """Another app inserted the same row (a tick, a note) at the same moment: a shared database."""


class StaleEditError(StoreError):
    """A save made against a text a colleague has changed since (a shared database): refused, so
    that neither text is silently lost. `theirs` is the stored text (a register date as shown in the
    history, ISO), `version` the stored row's version to save on top of, `author` who changed it
    last when known, `field` the register field ("" for a note)."""

    def __init__(self, theirs: str, version: int, author: str | None, field: str = "") -> None:
        who = author or "een collega"
        super().__init__(f"Deze tekst is intussen gewijzigd door {who}; uw tekst is nog niet bewaard.")
        self.theirs, self.version, self.author, self.field = theirs, version, author, field


class ConnectionLostError(StoreError):
    """The shared database can't be reached now; what was being saved is not stored yet."""


CONNECTION_LOST = (
    "De verbinding met de gedeelde database is verbroken. Wat u nu wijzigt, is nog niet bewaard: het "
    "blijft op het scherm staan en wordt bewaard zodra de verbinding terug is."
)


class NewerDatabaseError(StoreError):
    """Made by a newer version of the app: left untouched."""


class DatabaseInUseError(StoreError):
    """Another program holds a lock on the file."""


class ReadOnlyDatabaseError(StoreError):
    """The file or its folder can't be written: refused before SQLite touches it."""


class ForeignDatabaseError(StoreError):
    """Not this app's database (another program's, or an unknown schema version): left untouched."""


def read_only_problem(path: Path) -> str:
    return (
        f"De gegevens in {path} kunnen niet worden opgeslagen: het bestand of de map is alleen-lezen. "
        "Geef uzelf schrijfrechten, of start de app met een andere gegevensmap."
    )


def newer_problem(where: str, version: int, known: int) -> str:
    return (
        f"De gegevens in {where} zijn gemaakt met een nieuwere versie van DigiD Assessment Wegwijzer "
        f"(schema {version}; deze versie kent schema {known}). Installeer de nieuwste versie. Er is niets "
        "gewijzigd."
    )


def local_only(what: str) -> str:
    """What a feature of the local file says on a shared database, instead of pretending."""
    return (
        f"{what} kan alleen bij gegevens op deze computer. Deze gegevens staan in een gedeelde database; "
        "de beheerder van de databaseserver maakt daarvan de back-ups."
    )


# what libpq says (in English, whatever the system's language) and what it means to the user
SERVER_REASONS = (
    ("password authentication failed", "de gebruikersnaam of het wachtwoord klopt niet."),
    ("no password supplied", "er is geen wachtwoord opgegeven."),
    ("connection refused", "de server antwoordt niet op die poort. Staat hij aan, en klopt de poort?"),
    ("could not translate host name", "de naam van de server is onbekend. Klopt de servernaam?"),
    ("timeout expired", "de server antwoordt niet. Is hij bereikbaar vanaf dit netwerk?"),
    ("does not support ssl", "de server kent geen versleutelde verbinding (TLS); vraag het de beheerder."),
    ("does not exist", "die database of gebruiker bestaat niet op de server."),
)


def server_problem(where: str, error: Exception) -> str:
    """Why the shared database can't be opened, in Dutch, from the driver's error (it never holds the
    password: `where` is the address without it)."""
    reason = str(getattr(error, "orig", None) or error).strip()
    meaning = next((said for clue, said in SERVER_REASONS if clue in reason.lower()), None)
    if meaning is not None:
        return f"De gedeelde database {where} kan niet worden geopend: {meaning}"
    first = reason.splitlines()[0] if reason else "?"
    return (
        f"De gedeelde database {where} kan niet worden geopend ({first}). Controleer het adres, de "
        "gebruikersnaam en het wachtwoord, en of de databaseserver bereikbaar is."
    )


def open_problem(path: Path, error: Exception) -> str:
    """Why the database can't be opened, in one Dutch sentence, from the system's or SQLite's error."""
    reason = str(getattr(error, "orig", None) or error).lower()
    code = getattr(error, "errno", None)
    if "readonly" in reason or "read-only" in reason or code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return read_only_problem(path)
    if "disk is full" in reason or "disk full" in reason or code == errno.ENOSPC:
        return f"De schijf met de gegevens ({path}) is vol. Maak ruimte vrij en start de app opnieuw."
    if isinstance(error, OSError):
        return f"De gegevens in {path} kunnen niet worden geopend: {dutch_reason(error)}."
    if "unable to open" in reason:
        return f"De database {path} kan niet worden geopend; controleer of de map bestaat en schrijfbaar is."
    return f"De gegevens in {path} kunnen niet worden geopend ({reason.splitlines()[0] if reason else '?'})."
