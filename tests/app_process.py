"""Running main.py as its own process, the way a user, a packager or a scheduled task would."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_app(*arguments: str, **environment_variables: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **environment_variables}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
        check=False,
    )


def own_data_folder() -> Path:
    """The local data folder (and so the user's settings) of an app process started by `run_app`
    without --data-dir: below the test's own home folder, asked of such a process itself."""
    found = subprocess.run(
        [sys.executable, "-c", "from model.locations import default_data_dir; print(default_data_dir())"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=True,
    )
    return Path(found.stdout.strip())
