"""Beside an action item that stands for a dated event (the report sent to Logius): its date,
editable in place, and after an untick a short-lived "Ongedaan maken" that brings tick and date back."""

from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, QSize, QTimer
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QPushButton, QWidget

from gui.date_field import NOT_SET
from gui.dossier_editor import DossierEditor
from gui.page_parts import label
from gui.wheel_guard import wheel_only_when_focused
from model.dossier import DateField
from model.dutch import long_date

UNDO_SHOWN_MS = 10_000
DATE_LABELS = {DateField.REPORT_SENT: "Ingediend bij Logius op"}


class DatedItemLine(QWidget):
    """Shows the recorded date while the item is ticked (its line keeps its height without); the date
    field saves at once."""

    def __init__(self, item_id: str, field: DateField, editor: DossierEditor) -> None:
        super().__init__()
        self.item_id, self.field, self.editor = item_id, field, editor
        self.cleared: date | None = None  # the date an untick cleared, while it can be undone
        self.caption = label(DATE_LABELS[field], "hint")
        self.edit = QDateEdit()
        self.edit.setObjectName(f"{item_id}.date")
        self.edit.setAccessibleName(DATE_LABELS[field])
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMMM yyyy")
        self.edit.setDateRange(NOT_SET.addDays(1), QDate.currentDate().addYears(5))
        wheel_only_when_focused(self.edit)
        self.edit.dateChanged.connect(self._date_edited)
        self.undo_text = label(kind="hint")
        self.undo = QPushButton("Ongedaan maken")
        self.undo.setObjectName(f"{item_id}.undo")
        self.undo.clicked.connect(self._undo)
        self.undo_timer = QTimer(self, singleShot=True, interval=UNDO_SHOWN_MS)
        self.undo_timer.timeout.connect(self._forget_undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption.setWordWrap(False)  # a short caption: the date field goes beside it, not under
        layout.addWidget(self.caption)
        layout.addWidget(self.edit)
        layout.addWidget(self.undo_text, 1)
        layout.addWidget(self.undo)
        layout.addStretch(1)
        self.refresh()

    def unticked(self, cleared: date | None) -> None:
        """The user took the tick away: offer to bring it back with its date for a few seconds."""
        self.cleared = cleared
        if cleared is not None:
            self.undo_timer.start()
        self.refresh()

    def refresh(self) -> None:
        recorded = self.editor.recorded_date(self.field)
        if recorded is not None:
            self.cleared = None
            with QSignalBlocker(self.edit):
                self.edit.setDate(QDate(recorded))
        for widget in (self.caption, self.edit):
            widget.setVisible(recorded is not None)
        if self.cleared is not None:
            self.undo_text.setText(f"Vinkje weggehaald; de datum {long_date(self.cleared)} is gewist.")
        for widget in (self.undo_text, self.undo):
            widget.setVisible(self.cleared is not None)

    def sizeHint(self) -> QSize:
        """As tall with the date as without: a tick must not move the items below it."""
        return super().sizeHint().expandedTo(QSize(0, self.edit.sizeHint().height()))

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(QSize(0, self.edit.sizeHint().height()))

    def _date_edited(self, value: QDate) -> None:
        day = value.toPython()
        if self.editor.recorded_date(self.field) != day:
            self.editor.set_recorded_date(self.field, day)

    def _undo(self) -> None:
        cleared, self.cleared = self.cleared, None
        self.undo_timer.stop()
        self.editor.set_item_ticked(self.item_id, True, cleared)
        self.refresh()

    def _forget_undo(self) -> None:
        self.cleared = None
        self.refresh()
