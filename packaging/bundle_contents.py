"""What goes into the executable, kept apart from the spec so the rules can be tested without PyInstaller.

PySide6-Essentials ships every Qt plugin and 200 translation files; collected as they come they
double the download and drag in system libraries (GTK, CUPS' TLS stack, Wayland) that the app
never touches. These rules name what the app does use; everything else stays out.
"""

from pathlib import Path, PurePath

# The app imports only these (grep "from PySide6" in main.py and gui/); model/ never imports Qt.
USED_QT_MODULES = frozenset({"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"})

# Plugin folders the app needs, and within them the plugins to keep (None: all of them).
# platforms: windows on Windows, xcb on a Linux desktop, offscreen for --export-pdf and the smoke
# test in CI, minimal as the last resort Qt falls back to. printsupport: printing. Input contexts:
# compose and ibus give dead keys and é/ë when typing notes on Linux.
KEPT_PLUGINS: dict[str, frozenset[str] | None] = {
    "platforms": frozenset({"qwindows", "qxcb", "qoffscreen", "qminimal"}),
    "printsupport": None,
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
}

# Mesa's software OpenGL (about 20 MB), which PyInstaller adds on Windows for machines without a
# graphics driver. The app's widgets paint without OpenGL, so it would never be loaded.
UNUSED_QT_BINARIES = frozenset({"opengl32sw.dll"})

# The app installs the Dutch Qt translation (gui/application.py); English is Qt's own fallback.
KEPT_TRANSLATIONS = frozenset({"qt_nl", "qt_en", "qtbase_nl", "qtbase_en"})

# A standard-library module PyInstaller follows from optional imports, which brings OpenSSL's
# hashing library: hashlib falls back to Python's own sha1 and sha256 without it. (Python's ssl
# module stays: psycopg's binary part imports it, although libpq brings its own TLS libraries.)
EXCLUDED_STANDARD_MODULES = ("_hashlib",)

# keyring's Linux backend (Secret Service) needs SecretStorage, which brings `cryptography` (some
# 16 MB): the Linux bundle would leave its size budget. Without it keyring finds no credential
# store there and the app asks for a shared database's password at each start. Windows keeps
# its own backend (Credential Manager, through pywin32-ctypes), macOS the Keychain.
EXCLUDED_PACKAGES = ("secretstorage", "cryptography", "jeepney")

# SQLAlchemy imports the driver of a shared PostgreSQL database by name, only when one is opened,
# so PyInstaller can't see it: psycopg, and its binary part with libpq and the libraries it links.
HIDDEN_IMPORTS = ["psycopg", "psycopg_binary", "psycopg_binary.pq", "psycopg_binary._psycopg"]


def excluded_qt_modules(available: list[str]) -> list[str]:
    """PySide6 submodules to leave out: PyInstaller's hooks would otherwise bring their Qt libraries."""
    return sorted(f"PySide6.{name}" for name in available if name not in USED_QT_MODULES)


def available_qt_modules(pyside_dir: Path) -> list[str]:
    """Names of the binding modules (QtCore, QtNetwork, ...) this PySide6 installation has."""
    binaries = [path for path in pyside_dir.glob("Qt*.*") if path.suffix in {".so", ".pyd"}]
    return sorted({path.name.split(".", 1)[0] for path in binaries})


def plugin_name(file_name: str) -> str:
    """'libqxcb.so' and 'qxcb.dll' are the same plugin; compare them by this name."""
    stem = file_name.split(".", 1)[0]
    return stem.removeprefix("lib")


def is_kept_plugin(plugin_type: str, file_name: str) -> bool:
    kept = KEPT_PLUGINS.get(plugin_type, frozenset())
    return kept is None or plugin_name(file_name) in kept


def is_kept_binary(bundle_path: str) -> bool:
    return PurePath(bundle_path).name.lower() not in UNUSED_QT_BINARIES


def is_kept_qt_translation(bundle_path: str) -> bool:
    """Whether a file PySide6's hook put in the bundle may stay: Qt's own translations only in the
    kept languages. The app's files (resources/, which may get translations of its own) always stay."""
    parts = PurePath(bundle_path).parts
    is_qt_translation = parts[0] == "PySide6" and len(parts) > 1 and parts[-2] == "translations"
    return not is_qt_translation or PurePath(bundle_path).stem in KEPT_TRANSLATIONS


def resource_files(root: Path) -> list[tuple[str, str]]:
    """The whole resources/ folder, placed where model.locations.resources_dir() looks in a bundle."""
    return [(str(root / "resources"), "resources")]
