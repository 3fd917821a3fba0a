"""Where the app's files are, and file names made from a dossier's name."""

import sys
from pathlib import Path

import pytest

from model import locations
from model.locations import default_data_dir, resources_dir, safe_file_name

ROOT = Path(__file__).resolve().parent.parent


def test_resources_beside_the_source_or_inside_the_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert resources_dir() == ROOT / "resources"
    monkeypatch.setattr(sys, "_MEIPASS", "/bundle/_internal", raising=False)
    assert resources_dir() == Path("/bundle/_internal/resources")


def test_the_data_folder_is_the_users_local_app_data(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = []

    def user_data_dir(*args: object, **kwargs: object) -> str:
        asked.append((args, kwargs))
        return "/u"

    monkeypatch.setattr(locations, "user_data_dir", user_data_dir)
    assert default_data_dir() == Path("/u")
    assert asked == [(("DigiD Assessment Wegwijzer",), {"appauthor": False, "roaming": False})]


@pytest.mark.parametrize(
    "name, file_name",
    [
        ("Praktijk De Linde", "Praktijk De Linde"),
        ('a<b>c:d"e/f\\g|h?i*j', "a-b-c-d-e-f-g-h-i-j"),
        ("tab\there\nnewline\x1f", "tab-here-newline-"),
        ("  veel   ruimte  ", "veel ruimte"),
        (" . punt aan het eind. ", "punt aan het eind"),
        ("...", "dossier"),
        ("", "dossier"),
        ("~ tilde & co", "~ tilde & co"),
        ("Xander Zorg X", "Xander Zorg X"),
    ],
)
def test_a_file_name_every_system_accepts(name: str, file_name: str) -> None:
    assert safe_file_name(name) == file_name
