"""The folder lock: only a live copy of this app blocks a start; any other lock file is taken over."""

import os
import subprocess
from pathlib import Path

import pytest

from gui.startup import LOCK_NAME, lock_data_folder, lock_in_use
from tests.app_process import run_app


@pytest.mark.parametrize("content", [b"", b"\x00\xff garbage", b"99999999\nDigiD\nhost\n", b"-1\n"])
def test_an_empty_garbled_or_dead_lock_is_taken_over(data_dir: Path, content: bytes) -> None:
    (data_dir / LOCK_NAME).write_bytes(content)
    result = run_app("--smoke-test", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr


def test_a_lock_naming_a_live_unrelated_process_is_taken_over(data_dir: Path) -> None:
    with subprocess.Popen(["sleep", "60"]) as other:
        (data_dir / LOCK_NAME).write_text(f"{other.pid}\nsleep\n{os.uname().nodename}\n")
        assert not lock_in_use(data_dir / LOCK_NAME)
        result = run_app("--smoke-test", "--data-dir", str(data_dir))
        other.kill()
    assert result.returncode == 0, result.stderr


def test_a_lock_held_by_this_app_is_in_use(data_dir: Path, qtbot: object) -> None:
    lock = lock_data_folder(data_dir)
    assert lock is not None and lock_in_use(data_dir / LOCK_NAME)
    assert lock_data_folder(data_dir) is None
    lock.unlock()

