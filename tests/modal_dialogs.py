"""Answering the app's real modal dialogs the way a user would.

A dialog's exec() blocks the test until the dialog closes, so the answer is given from inside it:
a timer polls for QApplication.activeModalWidget(), notes what the dialog showed and acts on it
with qtbot (types, clicks). Dialogs asked one after another are answered in order.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

POLL_MS = 20
GIVE_UP_AFTER_S = 15  # no dialog by then: the test's assertion on what was seen fails

Answer = Callable[[QtBot, QDialog], object]


@dataclass
class SeenDialog:
    """What a dialog showed when it was answered, and what the answer reported (a page count)."""

    kind: str
    title: str
    text: str
    frame: QRect
    screen: QRect  # the available geometry of the screen it was on
    result: object = field(default=None)


def shown_text(dialog: QDialog) -> str:
    if isinstance(dialog, QMessageBox):
        return dialog.text()
    if isinstance(dialog, QInputDialog):
        return dialog.labelText()
    return "\n".join(each.text() for each in dialog.findChildren(QLabel) if each.isVisible() and each.text())


def answer_dialogs(qtbot: QtBot, *answers: Answer) -> list[SeenDialog]:
    """Answer the next modal dialogs in turn; the list fills as they are answered."""
    seen: list[SeenDialog] = []
    pending = list(answers)
    deadline = time.monotonic() + GIVE_UP_AFTER_S

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():  # an answered dialog is hidden: never seen twice
            if time.monotonic() < deadline:
                QTimer.singleShot(POLL_MS, poll)
            return
        note = SeenDialog(
            type(dialog).__name__,
            dialog.windowTitle(),
            shown_text(dialog),
            dialog.frameGeometry(),
            dialog.screen().availableGeometry(),
        )
        try:
            note.result = pending.pop(0)(qtbot, dialog)
        finally:
            if dialog.isVisible():  # the answer failed or forgot to close it: never hang the test
                dialog.reject()
                note.result = f"left open, closed by the test helper (was: {note.result!r})"
        seen.append(note)
        if pending:
            QTimer.singleShot(POLL_MS, poll)

    QTimer.singleShot(0, poll)
    return seen


def press(text: str) -> Answer:
    """Click the dialog's button labelled `text` (its & shortcut marker ignored)."""

    def answer(qtbot: QtBot, dialog: QDialog) -> None:
        buttons = [each for each in dialog.findChildren(QAbstractButton) if each.isVisible()]
        matching = [each for each in buttons if each.text().replace("&", "") == text]
        assert matching, f"no button {text!r} in {[each.text() for each in buttons]}"
        qtbot.mouseClick(matching[0], Qt.MouseButton.LeftButton)

    return answer


def type_file_name(name: str) -> Answer:
    """Type a file name into Qt's own file dialog and press Enter; reports the name it suggested.

    The name is saved in the folder the dialog shows (the test's empty home folder): there nothing
    matches what is typed, so no completion pop-up opens (a window the offscreen platform can't
    raise)."""

    def answer(qtbot: QtBot, dialog: QDialog) -> str:
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        suggested = edit.text()
        edit.selectAll()
        qtbot.keyClicks(edit, name)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        return suggested

    return answer


def pick_file(name: str) -> Answer:
    """Click the file `name` in the folder Qt's own file dialog shows, then its Open button."""

    def answer(qtbot: QtBot, dialog: QDialog) -> None:
        view = dialog.findChild(QListView, "listView")

        def shown() -> QModelIndex | None:
            model, folder = view.model(), view.rootIndex()
            rows = (model.index(row, 0, folder) for row in range(model.rowCount(folder)))
            return next((index for index in rows if index.data() == name), None)

        qtbot.waitUntil(lambda: shown() is not None)  # the folder is read in the background
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(shown()).center())
        open_button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open)
        qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)

    return answer


def type_text(text: str, then: str = "Opslaan") -> Answer:
    """Replace the input dialog's text with `text` and press the button `then`."""

    def answer(qtbot: QtBot, dialog: QDialog) -> None:
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        press(then)(qtbot, dialog)

    return answer


def choose_row(row: int, then: str) -> Answer:
    """Click row `row` (-1: the last) of the dialog's list, then the button `then`; reports the rows."""

    def answer(qtbot: QtBot, dialog: QDialog) -> list[str]:
        choices = dialog.findChild(QListWidget)
        offered = [choices.item(each).text() for each in range(choices.count())]
        rect = choices.visualItemRect(choices.item(row % choices.count()))
        qtbot.mouseClick(choices.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        press(then)(qtbot, dialog)
        return offered

    return answer


def rendered_preview(qtbot: QtBot, dialog: QDialog) -> int:
    """Wait until the print preview has rendered its pages, close it; reports the page count."""
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    pages = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: pages.pageCount() > 0, timeout=10_000)
    count = pages.pageCount()
    dialog.reject()
    return count
