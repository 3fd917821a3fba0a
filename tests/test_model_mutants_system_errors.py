"""The reason a file operation failed, for errors that are not the system's common ones, as mutation
testing found it untested."""

import shutil

from model.store import StoreError
from model.system_errors import dutch_reason


def test_an_error_of_the_app_itself_keeps_its_dutch_message() -> None:
    """The export's `except (OSError, StoreError)` passes the store's own sentence on as it is."""
    assert dutch_reason(StoreError("Dit dossier bestaat niet meer.")) == "Dit dossier bestaat niet meer."


def test_an_os_error_without_the_systems_words_shows_its_message_as_a_system_error() -> None:
    """shutil raises OSError subclasses with only a message (no errno, no strerror)."""
    error = shutil.SameFileError("kopie.db en kopie.db zijn hetzelfde bestand")
    assert dutch_reason(error) == "systeemfout: kopie.db en kopie.db zijn hetzelfde bestand"
