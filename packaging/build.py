"""Build the app into an executable with PyInstaller, prove that it starts, and report its size.

    python packaging/build.py             one folder: dist/onedir/DigiD-Assessment-Wegwijzer/
    python packaging/build.py --onefile   one file:   dist/onefile/DigiD-Assessment-Wegwijzer(.exe)

Any Python 3.11 or newer will do: the build runs in dev.py's .venv, installed from the
development lock file (requirements/dev.txt), which pins PyInstaller too. It builds for the system it runs on;
the Windows executable is built on Windows (see .github/workflows/windows.yml). The build fails
when the executable does not start, cannot export a PDF, crashes in the print preview, or
outgrows its size budget, so a broken spec is noticed here and not on a user's laptop.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
sys.path[:0] = [str(ROOT), str(PACKAGING)]

import dev  # noqa: E402  (standard library only: usable before the .venv exists)

EXECUTABLE_NAME = "DigiD-Assessment-Wegwijzer"
SPEC = PACKAGING / "wegwijzer.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
ICON_SOURCE = ROOT / "resources" / "icons" / "app.svg"
MEGABYTE = 1024 * 1024
# A slim build of this stack measured 138 MB as a folder and 59 MB as one file on Linux; Windows
# is held to the same. A budget that is exceeded means something unused crept into the bundle.
SIZE_BUDGET = {"onedir": 138 * MEGABYTE, "onefile": 59 * MEGABYTE}
SMOKE_TEST_TIMEOUT = 120  # seconds; a windowed exe that shows an error dialog would wait for ever
SAMPLE_DOSSIER = "Proefpraktijk Bundel"


class BuildError(Exception):
    pass


def running_in_project_environment() -> bool:
    return Path(sys.prefix).resolve() == dev.VENV.resolve()


def write_windows_resources(folder: Path) -> tuple[Path, Path]:
    """The version file and .ico the spec embeds; generated, so they never go stale or into git."""
    from windows_resources import ico_file, project_version, render_icon, version_resource

    from model.locations import APP_NAME

    folder.mkdir(parents=True, exist_ok=True)
    version_file = folder / "version_info.txt"
    version = project_version(dev.PYPROJECT)
    version_file.write_text(version_resource(version, APP_NAME, EXECUTABLE_NAME), encoding="utf-8")
    icon_file = folder / "app.ico"
    icon_file.write_bytes(ico_file(render_icon(ICON_SOURCE)))
    return version_file, icon_file


def run_pyinstaller(mode: str, version_file: Path, icon_file: Path) -> Path:
    """Build in `mode` ('onedir' or 'onefile') and return the executable that was made."""
    pyinstaller = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    folders = ["--distpath", str(DIST / mode), "--workpath", str(WORK / f"pyinstaller-{mode}")]
    resources = ["--version-file", str(version_file), "--icon", str(icon_file)]
    spec_arguments = ["--name", EXECUTABLE_NAME, *resources, *(["--onefile"] if mode == "onefile" else [])]
    subprocess.run([*pyinstaller, *folders, str(SPEC), "--", *spec_arguments], check=True, cwd=ROOT)
    file_name = EXECUTABLE_NAME + (".exe" if os.name == "nt" else "")
    return DIST / mode / file_name if mode == "onefile" else DIST / mode / EXECUTABLE_NAME / file_name


def app_environment() -> dict[str, str]:
    """Without a display (CI on Linux) Qt can only start on its offscreen platform."""
    environment = dict(os.environ)
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not has_display:
        environment["QT_QPA_PLATFORM"] = "offscreen"
    return environment


def run_app(executable: Path, *arguments: str | Path) -> None:
    command = [str(part) for part in (executable, *arguments)]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, env=app_environment(), timeout=SMOKE_TEST_TIMEOUT
        )
    except subprocess.TimeoutExpired as error:
        raise BuildError(f"{' '.join(command)} did not finish within {SMOKE_TEST_TIMEOUT} s") from error
    if result.returncode != 0:
        raise BuildError(f"{' '.join(command)} exited with {result.returncode}:\n{result.stderr}")


def create_sample_dossier(data_dir: Path) -> None:
    """A dossier made by the source app, so the bundle must open a real database and export it."""
    from model.content import Connection, Role
    from model.store import Store

    store = Store(data_dir)
    try:
        dossier = store.create_dossier(SAMPLE_DOSSIER, Connection.DIRECT, Role.CARE_PROVIDER, date.today())
        store.remember_last_dossier(dossier.id)
    finally:
        store.close()


def smoke_test(executable: Path) -> None:
    """Start on an empty data folder, reopen a dossier, export it to PDF, preview it: the paths a
    user takes first, through every part of the bundle (Qt platform, SQLite, content files,
    printing, fonts)."""
    with tempfile.TemporaryDirectory(prefix="wegwijzer-smoke-") as folder:
        data_dir = Path(folder) / "data"
        run_app(executable, "--smoke-test", "--data-dir", data_dir)
        create_sample_dossier(data_dir)
        run_app(executable, "--smoke-test", "--data-dir", data_dir)
        pdf = Path(folder) / "samenvatting.pdf"
        run_app(executable, "--data-dir", data_dir, "--dossier", SAMPLE_DOSSIER, "--export-pdf", pdf)
        check_pdf(pdf)
        run_app(executable, "--smoke-test-print", "--data-dir", data_dir)  # the preview once crashed
    check_database_driver(executable)


def check_database_driver(executable: Path) -> None:
    """The shared-database driver is in the bundle: a server that isn't there is reported by libpq
    ("connection refused", said in Dutch by the app), which only a loaded driver can say."""
    with socket.socket() as probe:  # a port on this machine that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"postgresql+psycopg://rooktest@127.0.0.1:{port}/wegwijzer"
    command = [str(executable), "--smoke-test", "--database-url", address]
    result = subprocess.run(
        command, capture_output=True, text=True, env=app_environment(), timeout=SMOKE_TEST_TIMEOUT
    )
    if result.returncode != 1 or "de server antwoordt niet op die poort" not in result.stderr:
        raise BuildError(f"{' '.join(command)} did not reach the PostgreSQL driver:\n{result.stderr}")


def check_pdf(pdf: Path) -> None:
    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
        raise BuildError(f"--export-pdf did not write a PDF to {pdf}")
    if shutil.which("pdftotext"):  # poppler-utils, installed by .ci/run; proves the fonts were found
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        if SAMPLE_DOSSIER not in text:
            raise BuildError(f"the exported PDF does not contain the dossier's name ({pdf})")


def bundle_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file() and not file.is_symlink())


def build(mode: str) -> Path:
    version_file, icon_file = write_windows_resources(WORK / "windows-resources")
    executable = run_pyinstaller(mode, version_file, icon_file)
    print(f"Smoke-testing {executable} …", flush=True)
    smoke_test(executable)
    bundle = executable if mode == "onefile" else executable.parent
    size = bundle_size(bundle)
    print(f"{mode}: {bundle} is {size / MEGABYTE:.1f} MB (budget {SIZE_BUDGET[mode] / MEGABYTE:.0f} MB)")
    if size > SIZE_BUDGET[mode]:
        raise BuildError(f"the {mode} bundle is over its size budget; see packaging/bundle_contents.py")
    return bundle


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--onefile", action="store_true", help="one executable file instead of a folder")
    options = parser.parse_args(argv)
    # The same set `dev.py test` installs, so the two never reinstall each other's packages.
    python = dev.ensure_environment(with_tests=True)
    if not running_in_project_environment():
        return subprocess.call([str(python), __file__, *argv])
    try:
        build("onefile" if options.onefile else "onedir")
    except BuildError as error:
        print(f"Build failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
