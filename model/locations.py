"""The one place that knows where the app's files are, from source and inside a PyInstaller bundle."""

import sys
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

APP_NAME = "DigiD Assessment Wegwijzer"


def resources_dir() -> Path:
    """The `resources/` folder; PyInstaller unpacks it below `sys._MEIPASS`."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base / "resources"


def model_dir() -> Path:
    """The model's sources, when run from source (a PyInstaller bundle keeps none)."""
    return Path(__file__).resolve().parent


def default_data_dir() -> Path:
    """The user's own data folder (e.g. %LOCALAPPDATA%\\DigiD Assessment Wegwijzer on Windows)."""
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def cache_dir() -> Path:
    """Where the app keeps what it can make again (the parsed content): nothing lost if removed."""
    return Path(user_cache_dir(APP_NAME, appauthor=False))


def safe_file_name(text: str) -> str:
    """A file name Windows, macOS and Linux all accept, made from a dossier's name."""
    cleaned = "".join("-" if char in '<>:"/\\|?*' or ord(char) < 32 else char for char in text)
    return " ".join(cleaned.split()).strip(" .") or "dossier"
