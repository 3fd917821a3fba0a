"""Packaging: the app finds its files from source and inside a PyInstaller bundle, and the rules
packaging/ builds the executable with are right. PyInstaller itself never runs here (it takes a
minute); packaging/build.py runs it and smoke-tests the result in CI."""

import importlib.util
import re
import shutil
import struct
import sys
from functools import partial
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLibraryInfo
from PySide6.QtGui import QImage

from model.locations import resources_dir
from model.version import __version__

pytestmark = pytest.mark.e2e  # what goes into the shipped bundle

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def load_packaging_module(name: str) -> ModuleType:
    """packaging/ is no Python package (the name belongs to a PyPI library), so load by path."""
    spec = importlib.util.spec_from_file_location(f"wegwijzer_packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle_contents = load_packaging_module("bundle_contents")
windows_resources = load_packaging_module("windows_resources")
build = load_packaging_module("build")


# --- resources_dir(): the one way to the app's files -------------------------------------------


def test_resources_are_found_from_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    folder = resources_dir()
    assert folder == ROOT / "resources"
    assert (folder / "style.qss").is_file()
    assert sorted(path.name for path in (folder / "content").glob("*.toml"))
    assert (folder / "icons" / "app.svg").is_file()


def test_resources_are_found_inside_a_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A bundle is a folder PyInstaller names in sys._MEIPASS; the content loads from there."""
    bundle = tmp_path / "_internal"
    for source, destination in bundle_contents.resource_files(ROOT):
        shutil.copytree(source, bundle / destination)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    from model.content import bundled_content

    assert resources_dir() == bundle / "resources"
    content = bundled_content.__wrapped__()  # uncached: read from the fake bundle, not the source tree
    assert content.flows


def test_resources_land_where_the_app_looks_for_them(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    placed = [(Path(source), tmp_path / target) for source, target in bundle_contents.resource_files(ROOT)]
    assert placed == [(ROOT / "resources", resources_dir())]


def test_only_the_locations_module_works_out_where_files_are() -> None:
    """A second path computed from __file__ would work from source and break in the bundle."""
    sources = [ROOT / "main.py", *ROOT.glob("gui/*.py"), *ROOT.glob("model/*.py")]
    using_file = [path for path in sources if "__file__" in path.read_text("utf-8")]
    assert using_file == [ROOT / "model" / "locations.py"]


# --- what goes into the bundle ----------------------------------------------------------------


def qt_modules_the_app_imports() -> set[str]:
    sources = [ROOT / "main.py", *ROOT.glob("gui/*.py"), *ROOT.glob("model/*.py")]
    return {name for path in sources for name in re.findall(r"PySide6\.(Qt\w+)", path.read_text("utf-8"))}


def test_every_qt_module_the_app_imports_is_bundled() -> None:
    assert qt_modules_the_app_imports() <= bundle_contents.USED_QT_MODULES


def test_unused_qt_modules_are_excluded() -> None:
    available = ["QtCore", "QtGui", "QtNetwork", "QtPrintSupport", "QtQml", "QtSvg", "QtWidgets"]
    assert bundle_contents.excluded_qt_modules(available) == [
        "PySide6.QtNetwork",
        "PySide6.QtQml",
        "PySide6.QtSvg",
    ]


def test_available_qt_modules_are_the_binding_libraries(tmp_path: Path) -> None:
    for name in ["QtCore.abi3.so", "QtCore.pyi", "QtGui.pyd", "QtNetwork.cpython-311-x86_64-linux-gnu.so"]:
        (tmp_path / name).touch()
    (tmp_path / "Qt").mkdir()
    assert bundle_contents.available_qt_modules(tmp_path) == ["QtCore", "QtGui", "QtNetwork"]


def test_the_installed_pyside_has_every_module_the_app_uses() -> None:
    import PySide6

    available = bundle_contents.available_qt_modules(Path(PySide6.__file__).parent)
    assert set(available) >= bundle_contents.USED_QT_MODULES


@pytest.mark.parametrize(
    ("plugin_type", "file_name", "kept"),
    [
        ("platforms", "qwindows.dll", True),
        ("platforms", "libqxcb.so", True),
        ("platforms", "libqoffscreen.so", True),  # --export-pdf and the smoke test run offscreen
        ("platforms", "qminimal.dll", True),
        ("platforms", "libqwayland.so", False),
        ("platforms", "qdirect2d.dll", False),
        ("platforms", "libqeglfs.so", False),
        ("printsupport", "libcupsprintersupport.so", True),
        ("platforminputcontexts", "libcomposeplatforminputcontextplugin.so", True),
        ("imageformats", "qjpeg.dll", False),
        ("iconengines", "libqsvgicon.so", False),
        ("platformthemes", "libqgtk3.so", False),
        ("styles", "qmodernwindowsstyle.dll", False),  # the app sets the Fusion style
        ("tls", "qschannelbackend.dll", False),
        ("sqldrivers", "libqsqlite.so", False),
    ],
)
def test_only_the_qt_plugins_the_app_needs_are_kept(plugin_type: str, file_name: str, kept: bool) -> None:
    assert bundle_contents.is_kept_plugin(plugin_type, file_name) is kept


@pytest.mark.parametrize(
    ("bundle_path", "kept"),
    [
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/Qt6Gui.dll", True),
        ("PySide6/Qt/lib/libQt6Gui.so.6", True),
        ("python311.dll", True),
    ],
)
def test_the_software_opengl_renderer_is_left_out(bundle_path: str, kept: bool) -> None:
    assert bundle_contents.is_kept_binary(bundle_path) is kept


def test_the_installed_qt_has_the_offscreen_platform_the_smoke_test_needs() -> None:
    platforms = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    names = {bundle_contents.plugin_name(path.name) for path in platforms.iterdir()}
    assert {"qoffscreen", "qminimal"} <= names & bundle_contents.KEPT_PLUGINS["platforms"]


@pytest.mark.parametrize(
    ("bundle_path", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_nl.qm", True),
        ("PySide6/Qt/translations/qt_en.qm", True),
        ("PySide6/translations/qtbase_nl.qm", True),  # where the Windows wheel keeps them
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_nl.qm", False),
        ("PySide6/Qt/translations/designer_nl.qm", False),
        ("resources/translations/wegwijzer_de.qm", True),  # the app's own files are never filtered
        ("resources/content/direct.nl.toml", True),
        ("tzdata/zoneinfo/Europe/Amsterdam", True),
    ],
)
def test_only_dutch_and_english_qt_translations_are_kept(bundle_path: str, kept: bool) -> None:
    assert bundle_contents.is_kept_qt_translation(bundle_path) is kept


def test_the_kept_translations_exist_in_the_installed_qt() -> None:
    translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert all((translations / f"{name}.qm").is_file() for name in bundle_contents.KEPT_TRANSLATIONS)


# --- version resource and icon --------------------------------------------------------------


def test_the_version_comes_from_pyproject_which_reads_model_version() -> None:
    assert windows_resources.project_version(ROOT / "pyproject.toml") == __version__


def test_a_static_version_in_pyproject_is_used_as_it_is(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\nversion = "2.3.4"\n', encoding="utf-8")
    assert windows_resources.project_version(pyproject) == "2.3.4"


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("1.2.0rc1", (1, 2, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4))],
)
def test_windows_gets_four_version_numbers(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert windows_resources.version_numbers(version) == numbers


@pytest.mark.parametrize("version", ["dev", "70000.1"])
def test_a_version_windows_cannot_store_stops_the_build(version: str) -> None:
    with pytest.raises(ValueError, match="version"):
        windows_resources.version_numbers(version)


def recorded_call(name: str, *args: object, **kwargs: object) -> tuple[str, tuple, dict]:
    return name, args, kwargs


def test_the_version_resource_names_the_app_and_its_version() -> None:
    """PyInstaller evaluates the text with its own classes; stand-ins record what it would get."""
    text = windows_resources.version_resource("1.2.0rc1", "DigiD Assessment Wegwijzer", "Wegwijzer")
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"]
    record = {name: partial(recorded_call, name) for name in [*names, "VarFileInfo", "VarStruct"]}
    _, _, info = eval(text, record)

    _, _, fixed = info["ffi"]
    assert fixed["filevers"] == fixed["prodvers"] == (1, 2, 0, 0)
    (_, (tables,), _), (_, (variables,), _) = info["kids"]
    (_, (language, structs), _) = tables[0]
    strings = dict(struct_args for _, struct_args, _ in structs)
    assert language == "041304B0"
    assert strings["ProductName"] == strings["FileDescription"] == "DigiD Assessment Wegwijzer"
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.2.0rc1"
    assert strings["OriginalFilename"] == "Wegwijzer.exe"
    assert variables[0][1] == ("Translation", [0x0413, 0x04B0])


def test_the_icon_file_holds_every_size_as_png() -> None:
    images = {16: b"\x89PNG sixteen", 256: b"\x89PNG two hundred fifty-six"}
    icon = windows_resources.ico_file(images)

    reserved, kind, count = struct.unpack_from("<HHH", icon)
    assert (reserved, kind, count) == (0, 1, 2)
    entries = [struct.unpack_from("<BBBBHHII", icon, 6 + 16 * index) for index in range(count)]
    assert [(width, height) for width, height, *_ in entries] == [(16, 16), (0, 0)]  # 0 means 256
    assert [icon[offset : offset + length] for *_, length, offset in entries] == [images[16], images[256]]


def test_the_svg_icon_renders_sharp_at_each_size() -> None:
    images = windows_resources.render_icon(ROOT / "resources" / "icons" / "app.svg", sizes=(16, 256))
    for size, png in images.items():
        image = QImage.fromData(png, "PNG")
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not a transparent square


# --- the build's own checks -------------------------------------------------------------------


def test_the_smoke_test_runs_offscreen_on_linux_without_a_display(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert build.app_environment()["QT_QPA_PLATFORM"] == "offscreen"


@pytest.mark.parametrize(("platform", "display"), [("linux", ":0"), ("win32", None)])
def test_the_smoke_test_uses_the_real_screen_when_there_is_one(
    monkeypatch: pytest.MonkeyPatch, platform: str, display: str | None
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    if display:
        monkeypatch.setenv("DISPLAY", display)
    monkeypatch.setattr(sys, "platform", platform)
    assert "QT_QPA_PLATFORM" not in build.app_environment()


def test_the_bundle_size_counts_every_file_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "_internal").mkdir()
    (tmp_path / "app.exe").write_bytes(b"x" * 100)
    (tmp_path / "_internal" / "Qt6Core.dll").write_bytes(b"x" * 23)
    assert build.bundle_size(tmp_path) == 123
    assert build.bundle_size(tmp_path / "app.exe") == 100
