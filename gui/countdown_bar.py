"""The countdown to the next deadline, above every page of a dossier, and what to do about it now."""

from PySide6.QtWidgets import QFrame, QVBoxLayout

from gui.day_clock import DayClock
from gui.dossier_editor import DossierEditor
from gui.page_parts import label
from model.deadline_text import countdown


class CountdownBar(QFrame):
    def __init__(self, editor: DossierEditor, clock: DayClock) -> None:
        super().__init__()
        self.editor, self.clock = editor, clock
        self.setProperty("kind", "countdown")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(4)
        self.text = label(kind="countdown-text")
        self.text.setObjectName("countdown")
        layout.addWidget(self.text)
        self.advice = label(rich=True)
        self.advice.setObjectName("deadlineAdvice")
        layout.addWidget(self.advice)
        editor.changed.connect(self.refresh)
        clock.dayChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        dossier = self.editor.dossier
        shown = countdown(
            dossier.connection,
            self.editor.deadline_dates,
            self.clock.today(),
            self.editor.content.general.timeline,
        )
        self.text.setText(shown.text)
        state = shown.state.value if shown.state else "unknown"
        if self.property("state") != state:  # restyling on every tick would cost a frame
            self.setProperty("state", state)
            for widget in (self, self.text):  # the text's colour follows the bar's state
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        if shown.advice:
            self.advice.setText(shown.advice.html())
        self.advice.setVisible(shown.advice is not None)
