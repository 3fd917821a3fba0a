"""Every test runs offscreen with its own data folder; nothing touches the real user folder."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt loads, or pytest-qt aborts without a screen

from pathlib import Path

import pytest


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture(autouse=True)
def no_real_user_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A test that forgets --data-dir writes below its temporary folder, not the user's."""
    monkeypatch.setattr("model.locations.user_data_dir", lambda *args, **kwargs: str(tmp_path / "user"))
