"""The countdown to the next deadline, above every page of a dossier, and what to do when it threatens."""

from markupsafe import Markup
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
        wording = editor.content.general.timeline
        advice = f"{wording.threat_advice} {wording.threat_consequence}"
        self.threat = label(Markup("<b>⚠ {}:</b> {}").format(wording.threat_label, advice), rich=True)
        self.threat.setObjectName("deadlineThreat")
        describe(self.threat, wording.threat_label, advice)
        self.threat_mail = LinkButton(wording.threat_link.label, wording.threat_link.url)
        self.threat_mail.setObjectName("deadlineThreatMail")
        layout.addWidget(self.threat)
        layout.addWidget(self.threat_mail, 0, Qt.AlignmentFlag.AlignLeft)
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
        self.setProperty("state", shown.state.value if shown.state else "unknown")
        for widget in (self, self.text):  # the text's colour follows the bar's state
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.threat.setVisible(shown.threatened)
        self.threat_mail.setVisible(shown.threatened)
