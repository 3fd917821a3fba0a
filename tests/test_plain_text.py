"""User text is never rich text: every tooltip, title and label showing a name shows it as typed."""

from datetime import date
from pathlib import Path

from PySide6.QtGui import Qt, QTextDocument  # QtGui's Qt has mightBeRichText
from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from model.content import Connection, Role
from model.dossier import CareProvider
from model.store import Store
from tests.gui_helpers import child, open_window

IMAGE = '<img src="file:///etc/passwd">'
BOLD = "<b>x</b>"
USER_TEXTS = (f"Praktijk {IMAGE}", f"Zorg {BOLD}")


def rendered(text: str, rich: bool) -> str:
    """What the user reads: Qt's rendering of rich text, or the text itself."""
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    assert "<img" not in document.toHtml() or IMAGE not in text, "an image from user text would load"
    return document.toPlainText()


def shown_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, what the user reads) for every tooltip, window title, label and table or list item."""
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        name = widget.objectName() or type(widget).__name__
        tip = widget.toolTip()
        found.append((f"{name} tooltip", rendered(tip, Qt.mightBeRichText(tip))))
        found.append((f"{name} title", widget.windowTitle()))  # always plain in Qt
        if isinstance(widget, QLabel):
            rich = widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(widget.text())
            )
            found.append((f"{name} label", rendered(widget.text(), rich)))
        if isinstance(widget, QAbstractButton):
            found.append((f"{name} button", widget.text()))
        if isinstance(widget, QTableWidget):
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    item = widget.item(row, column)
                    if item is not None:
                        tip = item.toolTip()
                        found.append((f"{name} cell tooltip", rendered(tip, Qt.mightBeRichText(tip))))
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                tip = widget.item(row).toolTip()
                found.append((f"{name} item tooltip", rendered(tip, Qt.mightBeRichText(tip))))
    return found


def assert_user_text_shown_as_typed(window: QWidget) -> int:
    """Wherever a user text shows, its markup is there literally; returns how many places showed one."""
    places = 0
    for where, text in shown_texts(window):
        for user_text in USER_TEXTS:
            typed_part = user_text.split(" ")[0]
            if f"{typed_part} <" in text or f"{typed_part} x" in text:
                assert user_text in text, f"{where} renders {user_text!r} as {text!r}"
                places += 1
    return places


def test_names_with_markup_show_as_typed_everywhere(qtbot: QtBot, data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier(USER_TEXTS[0], Connection.CLUSTER, Role.SUPPLIER, date(2026, 10, 8))
    store.save_care_provider(
        dossier.id, CareProvider(0, USER_TEXTS[1], "12345678", USER_TEXTS[1], USER_TEXTS[1], notes=BOLD)
    )
    store.remember_last_dossier(dossier.id)
    store.close()
    window = open_window(qtbot, data_dir)  # opens the dossier: the title, the page, the countdown
    child(window, QWidget, "assessmentWizard").go_to("register")
    in_dossier = assert_user_text_shown_as_typed(window)
    window.show_start()
    on_start = assert_user_text_shown_as_typed(window)
    assert in_dossier >= 3 and on_start >= 2  # the walk did meet the names, as labels and as tooltips
