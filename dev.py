"""Set up a private virtual environment and start the app or run the tests.

The README's two commands, on Linux, macOS and Windows alike:
    python dev.py start   [app arguments]
    python dev.py test    [pytest arguments]
    python dev.py mutate  [model module, e.g. timeline]   (mutation testing, see docs/testing.md)
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


def requirements(with_tests: bool, extras: tuple[str, ...] = ()) -> list[str]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in (("test",) if with_tests else ()) + extras:
        wanted += project["optional-dependencies"][extra]
    return wanted


def ensure_environment(with_tests: bool, extras: tuple[str, ...] = ()) -> Path:
    """Create .venv and install the dependencies unless the same set is already there."""
    wanted = requirements(with_tests, extras)
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


def mutate(modules: list[str]) -> int:
    """Mutation-test model/ (or the named modules) on two cores; results stay in mutants/."""
    python = ensure_environment(with_tests=True, extras=("mutation",))
    patterns = [f"model.{name.removeprefix('model/').removesuffix('.py')}.*" for name in modules]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    mutmut = [str(python), "-m", "mutmut"]
    code = subprocess.call([*mutmut, "run", "--max-children", "2", *patterns], cwd=ROOT, env=env)
    subprocess.call([*mutmut, "results"], cwd=ROOT, env=env)
    return code


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
    if command == "mutate":
        return mutate(rest)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
