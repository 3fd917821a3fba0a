"""What every window of the app expects of the QApplication: Dutch, named, styled."""

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from gui import accessibility
from gui.main_thread_collector import collect_on_gui_thread
from gui.zoom import apply_zoom
from model.locations import APP_NAME, resources_dir
from model.version import __version__

LINK_COLOUR = "#0b4f9c"  # 8:1 on white; Fusion's default link blue falls short of WCAG AA
TRANSLATOR_NAME = "wegwijzerTranslator"  # its presence marks the application as prepared
DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def prepare_application() -> None:
    """Install the Dutch Qt translation, the locale and the style sheet, and collect Python's
    garbage on the GUI thread only, once per application."""
    app = QApplication.instance()
    if app.findChild(QTranslator, TRANSLATOR_NAME) is not None:
        return
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    QLocale.setDefault(DUTCH)
    translator = QTranslator(app)
    translator.setObjectName(TRANSLATOR_NAME)
    if translator.load(DUTCH, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.png")))  # rendered from app.svg
    app.setStyle("Fusion")
    accessibility.install()
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Link, QColor(LINK_COLOUR))
    app.setPalette(palette)
    apply_zoom(1.0)
    collect_on_gui_thread(app)
