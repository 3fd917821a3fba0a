"""The one place that knows where the app's files are, from source and inside a PyInstaller bundle."""

import sys
from collections.abc import Iterable
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


def code_identity(sources: Iterable[Path]) -> bytes:
    """What names the code that runs, for a cache it made: the sources' bytes, or in a PyInstaller
    bundle (which keeps no sources) the executable's size and time: a new build, a new identity."""
    if getattr(sys, "frozen", False):
        built = Path(sys.executable).stat()
        return f"{built.st_size} {built.st_mtime_ns}".encode()
    return b"".join(path.read_bytes() for path in sources)


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
