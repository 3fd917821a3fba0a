"""What every window of the app expects of the QApplication: Dutch, named, styled."""

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from model.locations import APP_NAME, resources_dir
from model.version import __version__

BASE_POINT_SIZE = 11  # readable from the back of a meeting room
TRANSLATOR_NAME = "wegwijzerTranslator"  # its presence marks the application as prepared
DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def prepare_application() -> None:
    """Install the Dutch Qt translation, the locale and the style sheet, once per application."""
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
    font = app.font()
    font.setPointSizeF(max(font.pointSizeF(), BASE_POINT_SIZE))
    app.setFont(font)
    app.setStyleSheet((resources_dir() / "style.qss").read_text(encoding="utf-8"))
