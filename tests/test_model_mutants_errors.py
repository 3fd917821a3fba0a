"""What the store says went wrong, in Dutch: the rules that mutation testing found untested."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import InvalidRequestError, OperationalError

from model.content import Connection, Role
from model.store import Store
from model.store.errors import StaleEditError, server_problem
from tests.test_concurrent_edits import colleagues

WHERE = "postgresql+psycopg://jan@db.leverancier.nl:5432/wegwijzer"
CANNOT_OPEN = f"De gedeelde database {WHERE} kan niet worden geopend"
CHECK = ". Controleer het adres, de gebruikersnaam en het wachtwoord, en of de databaseserver bereikbaar is."


def driver_error(said: str) -> OperationalError:
    """The error SQLAlchemy raises when psycopg can't connect: libpq's text is in `orig`."""
    return OperationalError("SELECT 1", {}, Exception(said))


@pytest.mark.parametrize(
    ("libpq", "meaning"),
    [
        (
            'connection failed: FATAL:  password authentication failed for user "jan"',
            "de gebruikersnaam of het wachtwoord klopt niet.",
        ),
        ("connection failed: fe_sendauth: no password supplied", "er is geen wachtwoord opgegeven."),
        (
            'connection failed: connection to server at "10.0.0.5", port 5433 failed: Connection refused\n'
            "\tIs the server running on that host and accepting TCP/IP connections?",
            "de server antwoordt niet op die poort. Staat hij aan, en klopt de poort?",
        ),
        (
            'connection failed: could not translate host name "db.leverancier.nl" to address: Name or '
            "service not known",
            "de naam van de server is onbekend. Klopt de servernaam?",
        ),
        ("connection timeout expired", "de server antwoordt niet. Is hij bereikbaar vanaf dit netwerk?"),
        (
            "connection failed: server does not support SSL, but SSL was required",
            "de server kent geen versleutelde verbinding (TLS); vraag het de beheerder.",
        ),
        (
            'connection failed: FATAL:  database "wegwijzer" does not exist',
            "die database of gebruiker bestaat niet op de server.",
        ),
    ],
)
def test_what_the_server_said_is_told_in_dutch(libpq: str, meaning: str) -> None:
    assert server_problem(WHERE, driver_error(libpq)) == f"{CANNOT_OPEN}: {meaning}"


def test_an_unknown_server_problem_shows_the_first_line_of_what_the_driver_said() -> None:
    said = "connection failed: FATAL:  sorry, too many clients already\nDETAIL:  see the log"
    assert server_problem(WHERE, driver_error(said)) == (
        f"{CANNOT_OPEN} (connection failed: FATAL:  sorry, too many clients already){CHECK}"
    )


def test_a_server_problem_without_words_is_a_question_mark() -> None:
    assert server_problem(WHERE, driver_error("  ")) == f"{CANNOT_OPEN} (?){CHECK}"


def test_a_problem_that_is_not_the_drivers_is_told_in_its_own_words() -> None:
    """SQLAlchemy's own errors (a bad option in the address) have no driver error inside."""
    assert server_problem(WHERE, InvalidRequestError("Unknown PG numeric type: 1234")) == (
        f"{CANNOT_OPEN} (Unknown PG numeric type: 1234){CHECK}"
    )


@pytest.fixture
def two(store_source: Path | str) -> Iterator[tuple[Store, Store]]:
    anna, bram = colleagues(store_source)
    yield anna, bram
    anna.close()
    bram.close()


def test_a_note_changed_meanwhile_says_who_changed_it(two: tuple[Store, Store]) -> None:
    anna, bram = two
    dossier_id = anna.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None).id
    anna.set_note(dossier_id, "direct.1", "Anna's tekst", version=0)
    with pytest.raises(StaleEditError) as refused:
        bram.set_note(dossier_id, "direct.1", "Bram's tekst", version=0)
    assert str(refused.value) == "Deze tekst is intussen gewijzigd door Anna; uw tekst is nog niet bewaard."
    assert refused.value.field == ""  # a note, not a register field


def test_a_note_changed_meanwhile_by_an_older_app_says_a_colleague_changed_it(
    two: tuple[Store, Store],
) -> None:
    """An app from before schema 7 recorded no author."""
    anna, bram = two
    anna.author = None
    dossier_id = anna.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None).id
    anna.set_note(dossier_id, "direct.1", "Anna's tekst", version=0)
    with pytest.raises(StaleEditError) as refused:
        bram.set_note(dossier_id, "direct.1", "Bram's tekst", version=0)
    assert str(refused.value) == (
        "Deze tekst is intussen gewijzigd door een collega; uw tekst is nog niet bewaard."
    )
    assert refused.value.author is None
