"""The user's real start-up: the packaged one-folder executable against a bare one built the same way.

Both are built by PyInstaller from packaging/wegwijzer.spec (the same excluded modules, plugins,
translations and stripping); the bare one from benchmarks/bare_wizard.py. A build takes minutes
of CPU, so it runs under `nice` and is kept in $TMPDIR/wegwijzer-bench-packaged/<hash of its
sources>: a later run builds again only when the app (or the spec) changed.

    .venv/bin/python benchmarks/packaged.py      # build what is missing, print the build folders
"""

import hashlib
import subprocess
import sys
import tempfile
from pathlib import Path

import startup
from harness import BENCHMARKS_DIR, Row, Sample

ROOT = BENCHMARKS_DIR.parent
PACKAGING = ROOT / "packaging"
BUILDS = Path(tempfile.gettempdir()) / "wegwijzer-bench-packaged"
APP, BARE = "DigiD-Assessment-Wegwijzer", "bare-wizard"
PACKAGING_SOURCES = (PACKAGING / "wegwijzer.spec", PACKAGING / "bundle_contents.py")


def sources_hash(paths: list[Path]) -> str:
    digest = hashlib.sha1()
    for path in sorted(paths):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def app_sources(app_dir: Path) -> list[Path]:
    folders = [app_dir / name for name in ("gui", "model", "resources")]
    files = [each for folder in folders for each in folder.rglob("*") if each.is_file()]
    files = [each for each in files if "__pycache__" not in each.parts]
    return [app_dir / "main.py", *files, *PACKAGING_SOURCES]


def executable(name: str, script: Path, sources: list[Path]) -> Path:
    """The one-folder executable of `script`, built (under nice) unless the same sources were built before."""
    folder = BUILDS / f"{name}-{sources_hash(sources)}"
    built = folder / "dist" / name / name
    if built.exists():
        return built
    sys.path[:0] = [str(ROOT), str(PACKAGING)]
    from build import write_windows_resources  # the spec wants them; on Linux they are not embedded

    version_file, icon_file = write_windows_resources(folder / "resources")
    pyinstaller = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    folders = ["--distpath", str(folder / "dist"), "--workpath", str(folder / "work")]
    resources = ["--version-file", str(version_file), "--icon", str(icon_file)]
    spec = ["--name", name, *resources, "--script", str(script)]
    command = ["nice", "-n", "10", *pyinstaller, *folders, str(PACKAGING / "wegwijzer.spec"), "--", *spec]
    print(f"… building {built} (minutes of CPU, under nice)", file=sys.stderr, flush=True)
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return built


def executables(app_dir: Path) -> tuple[Path, Path]:
    """The bare wizard's and the app's one-folder executables (the app from `app_dir`)."""
    bare_script = BENCHMARKS_DIR / "bare_wizard.py"
    bare = executable(BARE, bare_script, [bare_script, *PACKAGING_SOURCES])
    return bare, executable(APP, app_dir / "main.py", app_sources(app_dir))


def measure(app_dir: Path, folder: Path, runs: int) -> dict[str, list[Sample]]:
    bare, app = executables(app_dir)
    commands = {BARE: [bare], APP: [app, "--smoke-test", "--data-dir", folder]}
    return startup.alternate(commands, runs, python=False)


def rows(samples: dict[str, list[Sample]]) -> list[Row]:
    bare, app = samples[BARE], samples[APP]
    return [
        Row(
            "4. packaged start-up, window with last dossier",
            startup.wall(app),
            "s",
            startup.wall(bare),
            note="PyInstaller one-folder executables; baseline: a bare QWizard built the same way",
        ),
        Row("4. packaged peak memory", startup.memory(app), "MB", startup.memory(bare)),
    ]


if __name__ == "__main__":
    for each in executables(ROOT):
        print(each)
