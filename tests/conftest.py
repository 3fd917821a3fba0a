"""Every test runs offscreen with its own data folder; nothing touches the real user folder."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads, or pytest-qt aborts without a screen

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

# Qt's own file dialog, the same on every system, so a test can type a path into it; a native
# one (GTK, Windows) is another process's window that no test can reach.
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture(autouse=True)
def no_real_user_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A test that forgets --data-dir writes below its temporary folder, not the user's."""
    monkeypatch.setattr("model.locations.user_data_dir", lambda *args, **kwargs: str(tmp_path / "user"))


@pytest.fixture(autouse=True)
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty home folder, where the file dialogs open: what a test saves lands in its own folder."""
    folder = tmp_path / "home"
    folder.mkdir()
    for variable in ("HOME", "USERPROFILE"):  # what Path.home() reads on Unix and on Windows
        monkeypatch.setenv(variable, str(folder))
    return folder
