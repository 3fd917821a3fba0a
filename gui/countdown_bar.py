"""The countdown to the next deadline, above every page of a dossier, and what to do about it now."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout

from gui.day_clock import DayClock
from gui.dossier_editor import DossierEditor
from gui.links import LinkButton
from gui.page_parts import describe, label
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
        mail = editor.content.general.timeline.threat_link
        self.advice_mail = LinkButton(mail.label, mail.url)  # a real link, not one inside the text
        self.advice_mail.setObjectName("deadlineAdviceMail")
        layout.addWidget(self.advice)
        layout.addWidget(self.advice_mail, 0, Qt.AlignmentFlag.AlignLeft)
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
        advice = shown.advice
        if advice:
            self.advice.setText(advice.html(with_mail=False))
            describe(self.advice, advice.heading, advice.text)
        self.advice.setVisible(advice is not None)
        self.advice_mail.setVisible(advice is not None and advice.mail is not None)
