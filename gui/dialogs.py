"""The few dialogs the app asks, always with plain text so a name like <b>x</b> shows literally."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

from gui.window_geometry import resize_within_screen


def confirm(parent: QWidget, title: str, text: str, accept: str) -> bool:
    """Ask before something that changes or removes the user's work; Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("Annuleren", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is yes


def ask_text(parent: QWidget, title: str, prompt: str, value: str, max_length: int) -> str | None:
    """A line of text from the user, or None when they cancel."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(prompt)
    dialog.setTextValue(value)
    dialog.setOkButtonText("Opslaan")
    dialog.setCancelButtonText("Annuleren")
    dialog.findChild(QLabel).setTextFormat(Qt.TextFormat.PlainText)
    dialog.findChild(QLineEdit).setMaxLength(max_length)
    resize_within_screen(dialog, 480, dialog.sizeHint().height())
    return dialog.textValue() if dialog.exec() else None


def inform(
    parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information
) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
