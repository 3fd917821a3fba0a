"""The countdown to the next deadline, above every page of a dossier, and what to do about it now."""

from math import ceil

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from gui.day_clock import DayClock
from gui.dossier_editor import DossierEditor
from gui.links import LinkButton
from gui.page_parts import describe, label
from model.deadline_text import countdown, every_advice, every_countdown_text

RESTYLING_EVENTS = (QEvent.Type.StyleChange, QEvent.Type.FontChange)
MARGIN, SPACING = 16, 12
ADVICE_MOST_LINES = (
    3  # more, at a projector's zoom: the advice only on the Termijnen page, not above each page
)


def tallest(shown: QLabel, texts: list[str], width: int) -> int:
    """The height the label needs for the longest of `texts` at `width` (rich text or plain)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(shown.font())
    document.setTextWidth(width)
    heights = [0]
    for text in texts:
        if shown.textFormat() == Qt.TextFormat.RichText:
            document.setHtml(text)
        else:
            document.setPlainText(text)
        heights.append(ceil(document.size().height()))
    return max(heights)


class CountdownBar(QFrame):
    """Its height follows the window's width and the zoom, never the deadline's state: a tick that
    moves the countdown to the next deadline must not move the page under the user's mouse. Where
    the advice would need more than a few lines (a projector's zoom), the bar leaves it out."""

    def __init__(self, editor: DossierEditor, clock: DayClock) -> None:
        super().__init__()
        self.editor, self.clock = editor, clock
        self._measured_for: tuple[object, ...] | None = None  # what the room was last measured for
        self.setObjectName("countdownBar")
        self.setProperty("kind", "countdown")
        wording = editor.content.general.timeline
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 8, MARGIN, 8)
        layout.setSpacing(4)
        self.text = label(kind="countdown-text")
        self.text.setObjectName("countdown")
        layout.addWidget(self.text)
        advice_row = QHBoxLayout()
        advice_row.setSpacing(SPACING)
        self.advice = label(rich=True)
        self.advice.setObjectName("deadlineAdvice")
        mail = wording.threat_link
        self.advice_mail = LinkButton(mail.label, mail.url)  # a real link, not one inside the text
        self.advice_mail.setObjectName("deadlineAdviceMail")
        advice_row.addWidget(self.advice, 1)
        advice_row.addWidget(self.advice_mail, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(advice_row)
        editor.changed.connect(self.refresh)
        clock.dayChanged.connect(self.refresh)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_room()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in RESTYLING_EVENTS:  # zoom: other fonts, other heights
            self._keep_room()

    def _keep_room(self) -> None:
        """Room for the longest sentence and the longest advice at the present width. Measured again
        only when what it depends on changed: a tick changes none of it, and measuring every
        possible text costs a tick most of its frame."""
        dossier, wording = self.editor.dossier, self.editor.content.general.timeline
        dates, today = self.editor.deadline_dates, self.clock.today()
        measured_for = (dossier.connection, dates, today, self.width(), self.text.width(), self.font().key())
        if measured_for == self._measured_for:
            return
        self._measured_for = measured_for
        texts = every_countdown_text(dossier.connection, dates, today, wording)
        self.text.setMinimumHeight(tallest(self.text, texts, self.text.width()))
        advice = [each.html(with_mail=False) for each in every_advice(dates, wording)]
        width = self.width() - 2 * MARGIN - self.advice_mail.sizeHint().width() - SPACING
        needed = tallest(self.advice, advice, width)
        fits = needed <= ADVICE_MOST_LINES * self.advice.fontMetrics().lineSpacing()
        self.advice.setMinimumHeight(needed if fits else 0)
        self.advice.setVisible(bool(advice) and fits)  # none before the activation date is known
        keep_room = self.advice_mail.sizePolicy()  # the mail link's room too, once it may come
        keep_room.setRetainSizeWhenHidden(bool(advice))
        self.advice_mail.setSizePolicy(keep_room)

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
        self.advice.setText(advice.html(with_mail=False) if advice else "")  # empty, it keeps its room
        describe(self.advice, advice.heading if advice else "", advice.text if advice else "")
        self.advice_mail.setVisible(advice is not None and advice.mail is not None)
        self._keep_room()  # the activation date or the day may have changed
