"""Set up a private virtual environment and start the app or run the tests.

The README's two commands, on Linux, macOS and Windows alike:
    python dev.py start   [app arguments]
    python dev.py test    [pytest arguments]
    python dev.py screens OUT [--size 1366x728] [--zoom 1.5]
    python dev.py mutate  [model module, e.g. timeline]   (mutation testing, see docs/testing.md)
    python dev.py fuzz-import [N] [--seed S]   (N mutated exports through --import-json, see docs/testing.md)
and for maintainers:
    python dev.py lock    (after changing the dependencies in pyproject.toml)
The environment lives in .venv/ and is installed from the hashed lock files in requirements/,
only again when a lock file changes: every machine, CI and the Windows build get the same bytes.
"""

import contextlib
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYPROJECT = ROOT / "pyproject.toml"
APP_LOCK = ROOT / "requirements" / "app.txt"  # what the app needs to run
DEV_LOCK = ROOT / "requirements" / "dev.txt"  # that, plus tests, type checks, packaging and mutation
LOCKS = {APP_LOCK: [], DEV_LOCK: ["--all-extras"]}  # `uv pip compile` options per lock file


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def created_venv() -> Path:
    python = venv_python()
    if not python.exists():
        print("Virtuele omgeving aanmaken in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    return python


def pip_install(python: Path) -> list[str]:
    return [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]


def stamp(lock: Path) -> Path:
    """Marks that exactly this lock file's contents are installed."""
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()[:16]
    return VENV / f".installed-{lock.stem}-{digest}"


def ensure_environment(with_tests: bool) -> Path:
    """Create .venv and install a lock file unless it, or the development set around it, is there."""
    lock = DEV_LOCK if with_tests else APP_LOCK
    python = created_venv()
    if not stamp(lock).exists() and not stamp(DEV_LOCK).exists():  # dev.txt pins the app's set too
        print("Benodigde pakketten installeren …", flush=True)
        subprocess.run(
            [*pip_install(python), "--require-hashes", "--no-deps", "-r", str(lock)],
            check=True,
        )
        for old in VENV.glob(".installed-*"):
            old.unlink()
        stamp(lock).touch()
    return python


def write_locks() -> int:
    """Pin every dependency, for every platform, with hashes (uv is fetched into .venv for this)."""
    python = created_venv()
    subprocess.run([*pip_install(python), "uv"], check=True)
    compile_options = ["--quiet", "--universal", "--generate-hashes", "--python-version", "3.11"]
    for lock, options in LOCKS.items():
        output = str(lock.relative_to(ROOT))
        command = ["uv", "pip", "compile", *compile_options, *options, "pyproject.toml", "-o", output]
        subprocess.run([str(python), "-m", *command], check=True, cwd=ROOT)
    return 0


def mutate(modules: list[str]) -> int:
    """Mutation-test model/ (or the named modules) on two cores; results stay in mutants/."""
    from tests.postgres_server import RUNNING_SERVER_VARIABLE, running_server, server_programs

    python = ensure_environment(with_tests=True)  # the development lock has mutmut too
    patterns = [f"model.{name.removeprefix('model/').removesuffix('.py')}.*" for name in modules]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    mutmut = [str(python), "-m", "mutmut"]
    programs = server_programs()
    with running_server(programs) if programs else contextlib.nullcontext() as server:
        if server:
            env[RUNNING_SERVER_VARIABLE] = str(server.port)
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
        types = subprocess.call([str(python), "-m", "mypy"], cwd=ROOT)  # model/, as pyproject.toml says
        tests = subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT)
        return tests or lint or types
    if command == "mutate":
        return mutate(rest)
    if command == "fuzz-import":
        python = ensure_environment(with_tests=True)  # Hypothesis draws the files
        return subprocess.call([str(python), str(ROOT / "tools" / "fuzz_import.py"), *rest], cwd=ROOT)
    if command == "lock":
        return write_locks()
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
