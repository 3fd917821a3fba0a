"""Set up a private virtual environment and start the app or run the tests.

The README's two commands, on Linux, macOS and Windows alike:
    python dev.py start   [app arguments]
    python dev.py test    [pytest arguments]
    python dev.py screens OUT [--size 1366x728] [--zoom 1.5]
The environment lives in .venv/ and is only reinstalled when pyproject.toml changes.
"""

import hashlib
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYPROJECT = ROOT / "pyproject.toml"


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def requirements(with_tests: bool) -> list[str]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    if with_tests:
        wanted += project["optional-dependencies"]["test"]
    return wanted


def ensure_environment(with_tests: bool) -> Path:
    """Create .venv and install the dependencies unless the same set is already there."""
    wanted = requirements(with_tests)
    digest = hashlib.sha256("\n".join(wanted).encode()).hexdigest()[:16]
    stamp = VENV / f".installed-{digest}"
    python = venv_python()
    if not python.exists():
        print("Virtuele omgeving aanmaken in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not stamp.exists():
        print("Benodigde pakketten installeren …", flush=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", *wanted],
            check=True,
        )
        for old in VENV.glob(".installed-*"):
            old.unlink()
        stamp.touch()
    return python


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older Python
        print("Python 3.11 of nieuwer is nodig (Python 3.11 or newer is required).")
        return 2
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command == "start":
        python = ensure_environment(with_tests=False)
        return subprocess.call([str(python), str(ROOT / "main.py"), *rest])
    if command == "test":
        python = ensure_environment(with_tests=True)
        lint = subprocess.call([str(python), "-m", "ruff", "check", str(ROOT)], cwd=ROOT)
        tests = subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT)
        return tests or lint
    if command == "screens":
        python = ensure_environment(with_tests=False)
        return take_screens(python, rest)
    print(__doc__)
    return 2


def take_screens(python: Path, arguments: list[str]) -> int:
    """screens.py on a screen of --size (default 1366x728: a 1366x768 laptop minus its task bar)."""
    size = "1366x728"
    if "--size" in arguments:
        at = arguments.index("--size")
        size = arguments[at + 1]
        arguments = arguments[:at] + arguments[at + 2 :]
    command = [str(python), str(ROOT / "screens.py"), *arguments]
    if os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print(f"Er is al een scherm (DISPLAY); --size {size} wordt niet afgedwongen.", flush=True)
        return subprocess.call(command, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "xcb"})
    screen = f"-screen 0 {size}x24"
    return subprocess.call(
        ["xvfb-run", "-a", "-s", screen, *command], cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "xcb"}
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
