"""The lock files say what pyproject.toml asks for, and `pip install .` gives a working app."""

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import dev

ROOT = Path(__file__).resolve().parent.parent


def pinned_lines(lock: Path) -> list[tuple[str, list[str]]]:
    """Each pin of a `uv pip compile --generate-hashes` file with the lines that continue it."""
    found: list[tuple[str, list[str]]] = []
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            found.append((line, []))
        elif found and line.strip():
            found[-1][1].append(line.strip())
    return found


def pins(lock: Path) -> dict[str, str]:
    """Package name → pinned version."""
    pinned = {}
    for line, _ in pinned_lines(lock):
        name, version = line.split(";")[0].rstrip(" \\").split("==")
        pinned[canonicalize_name(name)] = version
    return pinned


def wanted(extras: bool) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = list(project["dependencies"])
    if extras:
        listed += [each for group in project["optional-dependencies"].values() for each in group]
    return [Requirement(each) for each in listed]


@pytest.mark.parametrize(("lock", "extras"), [(dev.APP_LOCK, False), (dev.DEV_LOCK, True)])
def test_every_dependency_is_pinned_within_its_range(lock: Path, extras: bool) -> None:
    pinned = pins(lock)
    for requirement in wanted(extras):
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement} is not in {lock.name}: run `python dev.py lock`"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"{lock.name} pins {name}=={pinned[name]}, outside {requirement}: run `python dev.py lock`"
        )


def test_every_pin_has_a_hash() -> None:
    for lock in (dev.APP_LOCK, dev.DEV_LOCK):
        for line, continued in pinned_lines(lock):
            assert any(each.startswith("--hash=sha256:") for each in continued), f"{line} has no hash"


def test_the_development_set_pins_the_app_the_same_way() -> None:
    """So that `dev.py start` after `dev.py test` needs no second install."""
    app, development = pins(dev.APP_LOCK), pins(dev.DEV_LOCK)
    assert {name: development.get(name) for name in app} == app


@pytest.mark.e2e
def test_pip_install_builds_an_app_with_its_content_and_command(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the work tree
    skipped = shutil.ignore_patterns(".*", "build", "dist", "__pycache__", "*.egg-info")
    shutil.copytree(ROOT, source, ignore=skipped)
    wheels = tmp_path / "wheels"
    offline = ["--no-deps", "--no-build-isolation"]  # the lock's setuptools builds it
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", *offline, "-q", "-w", str(wheels), "."],
        cwd=source,
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(archive.read(each) for each in names if each.endswith("entry_points.txt"))
    resources = (ROOT / "resources").rglob("*")
    content = {path.relative_to(ROOT).as_posix() for path in resources if path.is_file()}
    assert content <= names
    assert {"main.py", "model/store/__init__.py", "gui/main_window.py"} <= names
    assert b"digid-assessment-wegwijzer = main:main" in entry_points
