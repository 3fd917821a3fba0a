"""A date the user may not know yet: a Dutch date field with a "not yet" box beside it."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from gui.wheel_guard import wheel_only_when_focused

NOT_SET = QDate(2014, 12, 31)  # the field's minimum, shown as NO_DATE; real dates start in 2015
NO_DATE = "geen datum"  # words, not "—": a screen reader reads the field's text as its value


class OptionalDateField(QWidget):
    changed = Signal(object)  # the date, or None when "not yet" is ticked

    def __init__(
        self,
        accessible_name: str,
        unknown_text: str,
        date_name: str,
        unknown_name: str,
        suggestion: Callable[[], date | None] | None = None,
    ) -> None:
        """`suggestion`: the date shown when "not yet" is unticked, where today would mislead (a
        deadline); today when it gives none."""
        super().__init__()
        self.suggestion = suggestion
        self.edit = QDateEdit()
        self.edit.setObjectName(date_name)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMMM yyyy")
        self.edit.setDateRange(NOT_SET, QDate.currentDate().addYears(5))
        self.edit.setSpecialValueText(NO_DATE)  # shown instead of a date while "not yet" is ticked
        self.edit.setDate(NOT_SET)
        self.edit.setMinimumWidth(220)
        wheel_only_when_focused(self.edit)
        self.unknown = QCheckBox(unknown_text)
        self.unknown.setObjectName(unknown_name)
        self.unknown.setAccessibleName(f"{accessible_name}: {unknown_text.lower()}")  # one of several
        self.unknown.setChecked(True)
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addSpacing(16)
        layout.addWidget(self.unknown)
        layout.addStretch(1)
        self.edit.dateChanged.connect(lambda: self.changed.emit(self.value()))
        self.unknown.toggled.connect(self._unknown_toggled)

    def value(self) -> date | None:
        if self.unknown.isChecked() or self.edit.date() == NOT_SET:
            return None
        return self.edit.date().toPython()

    def set_value(self, value: date | None) -> None:
        """Show a stored value without announcing it as a change."""
        self.blockSignals(True)
        self.unknown.setChecked(value is None)
        self.edit.setDate(NOT_SET if value is None else QDate(value))
        self.blockSignals(False)

    def _unknown_toggled(self, unknown: bool) -> None:
        self.edit.setEnabled(not unknown)
        with QSignalBlocker(self.edit):
            suggested = self.suggestion() if self.suggestion is not None else None
            self.edit.setDate(NOT_SET if unknown else QDate(suggested) if suggested else QDate.currentDate())
        self.changed.emit(self.value())
