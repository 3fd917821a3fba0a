"""A multi-line text field with a maximum length, as a line field has one."""

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolTip


class BoundedPlainTextEdit(QPlainTextEdit):
    """What the store and an import would refuse can't be typed or pasted in, and the field says so."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.textChanged.connect(self._keep_within_limit)

    def _keep_within_limit(self) -> None:
        text = self.toPlainText()
        if len(text) <= self.limit:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(len(text[: self.limit].encode("utf-16-le")) // 2)  # Qt counts UTF-16 units
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        QToolTip.showText(
            self.mapToGlobal(self.rect().bottomLeft()),
            f"Hier passen hooguit {self.limit:,} tekens.".replace(",", "."),
            self,
        )
