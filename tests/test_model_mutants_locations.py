"""Where the app keeps what it can make again: the user's own cache folder, named for the app."""

from pathlib import Path

import pytest

from model import locations
from model.locations import cache_dir


def test_the_cache_folder_is_the_users_own_for_this_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows platformdirs puts an `appauthor` folder above the app's: none is wanted."""
    asked = []

    def user_cache_dir(*args: object, **kwargs: object) -> str:
        asked.append((args, kwargs))
        return "/cache/DigiD Assessment Wegwijzer"

    monkeypatch.setattr(locations, "user_cache_dir", user_cache_dir)
    assert cache_dir() == Path("/cache/DigiD Assessment Wegwijzer")
    assert asked == [(("DigiD Assessment Wegwijzer",), {"appauthor": False})]
