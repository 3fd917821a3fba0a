"""One step of the flow: who acts and the action items first, then the factsheet's explanation,
today's rules and the notes."""

from collections import Counter
from datetime import date

from PySide6.QtCore import QEvent, QObject, QRect, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.bounded_text import BoundedPlainTextEdit
from gui.conflict_dialog import keep_mine
from gui.content_notes import FactsheetText, deviation_note, flow_intro
from gui.dated_item import DatedItemLine
from gui.dossier_editor import DossierEditor
from gui.history_section import HistorySection
from gui.links import link_line
from gui.page_parts import CurrentNoteBox, FoldButton, Label, Page, label, warning_box
from gui.rich_text import blocks_html
from gui.term_explanations import explain_terms
from model.content import ActionItem, Step
from model.dated_items import dated_field
from model.dutch import local_date, long_date
from model.limits import NOTE_MAX_LENGTH
from model.progress import Progress, done_by_supplier, step_progress
from model.register import step_count
from model.store.errors import StaleEditError

NOTES_SAVE_DELAY_MS = 600
PAGE_MARGINS = 64  # the page's left and right margins around its column (Page)
ACTOR_GAP = 12  # between who acts and the step's count
TICK_DATE_SHARE = 0.2  # of the page's width, at most, for the tick's day beside an item


def explanation_header(step: Step) -> str:
    """ "Toelichting", with its warnings counted: a folded "Let op" must not go unnoticed."""
    counts = Counter(warning.label.lower() for warning in step.warnings)
    warnings = [name if count == 1 else f"{count} × {name}" for name, count in counts.items()]
    return " · ".join(["Toelichting", *(f"⚠ {each}" for each in warnings)])


class ItemText(Label):
    """The action item's text; a click on it ticks the box, as a checkbox's own text would."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class SteadyLabel(QLabel):
    """A label as large as the longest text it will show, whatever it shows now: a label that may
    change size makes Qt lay the page out again, and then repaint all of it; this one repaints alone
    when a tick changes its text. One that `wraps` takes the width it is given (`fit_within`), as a
    wrapping label would, and the height of its longest text wrapped at that width."""

    def __init__(self, longest: str, wraps: bool = False) -> None:
        super().__init__()
        self.setProperty("kind", "hint")
        self.setWordWrap(wraps)
        self.longest = longest
        self._room = 1 << 24  # the width it may take: all it needs until told otherwise
        self._fit()

    def fit_within(self, width: int) -> None:
        """As wide as `width` allows, between its widest word and all of its text on one line."""
        self._room = width
        self._fit()

    def narrowest(self) -> int:
        """Its width with its longest text wrapped at every space."""
        return max(self._width_for(word) for word in self.longest.split())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # a zoom
            self._fit()

    def _width_for(self, text: str) -> int:
        """The width of this label with `text` on one line (+1: no rounding wraps it)."""
        return self.fontMetrics().horizontalAdvance(text) + 1 + self._frame()[0]

    def _frame(self) -> tuple[int, int]:
        """What the label adds around its text: across, and down."""
        self.ensurePolished()
        margins, margin = self.contentsMargins(), 2 * self.margin()
        return margins.left() + margins.right() + margin, margins.top() + margins.bottom() + margin

    def _fit(self) -> None:
        across, down = self._frame()
        width = self._width_for(self.longest)
        if self.wordWrap():
            width = min(width, max(self._room, self.narrowest()))
        wrapped = self.fontMetrics().boundingRect(
            QRect(0, 0, width - across, 10_000), Qt.TextFlag.TextWordWrap, self.longest
        )
        self.setFixedSize(width, wrapped.height() + down)


class TickDate(SteadyLabel):
    """The day an item was ticked, beside it; as wide without a date as with the widest one, so that
    a tick neither moves the items below nor rewraps the item's text."""

    WIDEST = long_date(date(2026, 9, 30))

    def __init__(self) -> None:
        super().__init__(self.WIDEST)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

    def show_day(self, day: date | None) -> None:
        self.setText(long_date(day) if day else "")
        said = f"Afgevinkt op {long_date(day)}" if day else ""
        self.setToolTip(said)
        self.setAccessibleName(said)


class ActionItemRow(QWidget):
    """A checkbox with a wrapping text beside it (a QCheckBox's own text can't wrap)."""

    def __init__(self, item: ActionItem, editor: DossierEditor) -> None:
        super().__init__()
        self.item, self.editor = item, editor
        self.setProperty("kind", "action-item")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.checkbox = QCheckBox()
        self.checkbox.installEventFilter(self)
        self.checkbox.setObjectName(item.id)
        self.checkbox.setAccessibleName(item.text)
        self.checkbox.setChecked(item.id in editor.ticked)
        self.text = ItemText(item.text)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setCursor(Qt.CursorShape.PointingHandCursor)
        self.text.clicked.connect(self.checkbox.toggle)
        field = dated_field(item.id)
        self.dated = DatedItemLine(item.id, field, editor) if field else None  # its date, under it
        self.when = None if self.dated else TickDate()  # the day of the tick, beside it
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.text)
        if self.dated:
            texts.addWidget(self.dated)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.checkbox, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        if self.when:
            layout.addWidget(self.when, 0, Qt.AlignmentFlag.AlignTop)
        self._show_when()
        self.checkbox.toggled.connect(self._toggled)

    def fit(self, room: int) -> None:
        """The tick's day beside the item only while it leaves the text most of the width."""
        if self.when is not None:
            self.when.setVisible(self.when.minimumWidth() <= room * TICK_DATE_SHARE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Light the whole row up while its box has keyboard focus: the bare box shows too little."""
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.setProperty("focused", event.type() == QEvent.Type.FocusIn)
            self.style().unpolish(self)
            self.style().polish(self)
        return super().eventFilter(watched, event)

    def _toggled(self, ticked: bool) -> None:
        recorded = self.dated and self.editor.recorded_date(self.dated.field)
        self.editor.set_item_ticked(self.item.id, ticked)
        if self.dated and not ticked:
            self.dated.unticked(recorded)
        self._show_when()

    def follow_store(self) -> None:
        """A tick made elsewhere (the same task on another step) shows here too."""
        ticked = self.item.id in self.editor.ticked
        if self.checkbox.isChecked() != ticked:
            self.checkbox.blockSignals(True)
            self.checkbox.setChecked(ticked)
            self.checkbox.blockSignals(False)
        self._show_when()

    def _show_when(self) -> None:
        if self.dated:  # the date of the event, not of the tick
            self.dated.refresh()
        elif self.when:
            ticked_at = self.editor.ticked.get(self.item.id)
            self.when.show_day(local_date(ticked_at) if ticked_at else None)


class NotesField(BoundedPlainTextEdit):
    """Notes saved while typing (after a short pause), when focus leaves, and on `flush`.

    The field remembers the stored text it was typed on and its version: a colleague's newer note
    (a shared database) replaces the text only while nothing unsaved is typed here; otherwise the
    next save is refused and the user chooses between both texts (gui/conflict_dialog)."""

    saved = Signal()

    def __init__(self, step: Step, editor: DossierEditor) -> None:
        super().__init__(NOTE_MAX_LENGTH)
        self.step, self.editor = step, editor
        self.setObjectName(f"notes.{step.id}")
        self.setAccessibleName(f"Notities bij stap {step.number}")
        self.setPlaceholderText("Afspraken, wie doet wat, datums, namen …")
        self.setTabChangesFocus(True)
        self.setMinimumHeight(140)
        self._asking = False  # the "both texts" dialog is open: no second save meanwhile
        self._show_stored()
        self._timer = QTimer(self, singleShot=True, interval=NOTES_SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)
        editor.roundShown.connect(self._show_stored)  # its own typing was saved before the switch

    def _show_stored(self) -> None:
        """The note as the editor last read it from the store, the cursor where it was."""
        self._base = self.editor.notes.get(self.step.id, "")
        self._version = self.editor.note_versions.get(self.step.id, 0)
        if self.toPlainText() == self._base:
            return
        cursor = self.textCursor().position()
        with QSignalBlocker(self):
            self.setPlainText(self._base)
        moved = self.textCursor()
        moved.setPosition(min(cursor, len(self._base)))
        self.setTextCursor(moved)

    def follow_store(self) -> None:
        """A colleague's newer note shows here, unless the user has typed something not yet saved."""
        newer = self.editor.note_versions.get(self.step.id, 0) != self._version
        if newer and self.toPlainText() == self._base and not self._asking:
            self._show_stored()

    def flush(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if self._asking or text == self._base:
            return
        try:
            version = self.editor.set_note(self.step.id, text, self._version)
        except StaleEditError as stale:
            self._choose(text, stale)
            return
        if version is not None:
            self._base, self._version = text, version
            self.saved.emit()  # only a note that was stored changes the history

    def _choose(self, mine: str, stale: StaleEditError) -> None:
        """Both texts side by side; the one chosen is saved on top of the colleague's version."""
        self._asking = True
        try:
            keep = keep_mine(
                self.window(), f"de notities bij stap {self.step.number}", mine, stale.theirs, stale.author
            )
        finally:
            self._asking = False
        self.editor.note_stored(self.step.id, stale.theirs, stale.version)
        self._base, self._version = stale.theirs, stale.version
        if keep:
            self.flush()  # on top of theirs (asks again if yet another edit came in meanwhile)
        else:
            self._show_stored()
            self.saved.emit()

    def focusOutEvent(self, event) -> None:
        self.flush()
        super().focusOutEvent(event)


class StepPage(Page):
    """What to do comes first: title, who acts and the action items; then the factsheet's
    explanation under "Toelichting" (open on the first visit, folded after), notes and history."""

    printRequested = Signal(str)  # step id

    def __init__(self, step: Step, editor: DossierEditor) -> None:
        super().__init__()
        self.step, self.editor = step, editor
        total = len(editor.flow.steps)
        self.add(label(f"Stap {step.number} van {total}", "eyebrow"))
        self.heading = self.add(label(step.title, "title"))
        self.heading.setAccessibleName(f"Stap {step.number} van {total}: {step.title}")
        self.print_button = QPushButton("Deze stap afdrukken …")
        self.print_button.setObjectName(f"printStep.{step.id}")
        self.print_button.clicked.connect(lambda: self.printRequested.emit(step.id))
        first = step == editor.flow.steps[0]
        corrections = step.corrections + (editor.flow.intro_corrections if first else ())
        self.factsheet = FactsheetText(step.id, corrections)

        self.badges = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # who acts, then the buttons
        who = QHBoxLayout()
        self.actor = label(kind=f"actor-{step.actor.value}")
        self.actor.setWordWrap(False)
        everything = Progress(len(step.action_items), len(step.action_items))
        self.status = SteadyLabel(everything.ticked(), wraps=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # as any label
        who.addWidget(self.actor)
        who.addSpacing(ACTOR_GAP)
        who.addWidget(self.status)
        who.addStretch(1)  # the badge as wide as its text
        self.badges.addLayout(who, 1)
        self.body.addLayout(self.badges)
        self.add(self.factsheet.text)

        self.by_supplier = self.add(
            label(
                "Deze stap voert uw ICT-leverancier uit voor alle zorgaanbieders op de clusteraansluiting. "
                "U hoeft hier niets af te vinken; lees mee, zodat u weet wat er gebeurt.",
                "hint",
            )
        )
        self.by_supplier.setObjectName(f"bySupplier.{step.id}")
        self.addressed = self.add(label(kind="hint"))
        self.addressed.setObjectName(f"addressed.{step.id}")
        self.register_count = self.add(label(kind="purpose"))
        self.register_count.setObjectName(f"registerCount.{step.id}")

        self.add(label("Actiepunten", "heading"))
        if step.action_items_intro:
            self.add(label(step.action_items_intro))
        self.rows = [ActionItemRow(item, editor) for item in step.action_items]
        for row in self.rows:
            self.add(row)
        # Beside who acts, not on a row of their own (the items need the height), but added after
        # the items: Tab goes from the heading (focused when the page opens) to the first item.
        buttons = QHBoxLayout()
        buttons.addWidget(self.factsheet.button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        self.badges.addLayout(buttons)
        if step.deviation_note:  # below the items it speaks of, which stay on the first screen
            self.add(deviation_note(step))

        explanation = self._explanation(first)
        self.explanation_toggle = self.add(FoldButton(explanation, explanation_header(step)))
        self.explanation_toggle.setObjectName(f"explanation.{step.id}")
        self.explanation_toggle.setProperty("warns", bool(step.warnings))
        self.explanation_toggle.clicked.connect(lambda opened: editor.set_explanation_opened(step.id, opened))
        self.add(explanation)
        for note in editor.content.notes_for(step.id):
            self.add(CurrentNoteBox(note))

        self.add(label("Notities", "heading"))
        self.notes = self.add(NotesField(step, editor))
        self.history = self.add(HistorySection(editor, step.id, step.id))
        self.notes.saved.connect(self.history.refresh)
        self.follow(editor.changed)
        self.refresh()

    def _explanation(self, first: bool) -> QWidget:
        """The factsheet's text: purpose, body, every warning and the links; on the flow's first
        step its introduction too (who stays responsible, what may be delegated)."""
        step = self.step
        explanation = QWidget()
        explanation.setObjectName(f"explanationText.{step.id}")
        layout = QVBoxLayout(explanation)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.body.spacing())
        layout.addWidget(label(step.purpose, "purpose"))
        glossary, terms_seen = self.editor.content.glossary, set[str]()  # each term marked once per page
        if step.blocks:
            body = label(blocks_html(step.blocks, glossary, terms_seen), rich=True)
            layout.addWidget(explain_terms(body, glossary))
        if first:
            layout.addWidget(flow_intro(self.editor.flow, glossary, terms_seen))
        for warning in step.warnings:
            layout.addWidget(warning_box(warning.label, (warning.text,)))
        if step.links:
            layout.addWidget(label("Meer informatie", "subheading"))
        for link in step.links:
            layout.addWidget(link_line(link))
        return explanation

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # a zoom: once all is restyled
            QTimer.singleShot(0, self, self._arrange)

    def _arrange(self) -> None:
        """Narrow for its zoom (a projector): the buttons under who acts, the count wrapped and no
        tick dates beside the items, so that nothing runs off the page's right edge."""
        room = min(self.viewport().width() - PAGE_MARGINS, self.column.maximumWidth())  # style.qss caps it
        who, buttons_row = (self.badges.itemAt(index).layout() for index in (0, 1))
        actor = self.actor.sizeHint().width() + ACTOR_GAP + who.spacing()  # and the gap before the count
        buttons = buttons_row.sizeHint().width() + self.badges.spacing()
        beside = actor + self.status.narrowest() + buttons <= room
        self.status.fit_within(room - actor - (buttons if beside else 0))  # as a wrapping label would
        self.badges.setDirection(
            QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        )
        for row in self.rows:
            row.fit(room)

    def showEvent(self, event: QShowEvent) -> None:
        """Each visit: the Toelichting as this dossier last had it (open the first time)."""
        if not event.spontaneous():
            self.explanation_toggle.setChecked(self.editor.explanation_opened(self.step.id))
        super().showEvent(event)

    def focus_first_open_item(self) -> None:
        """Keyboard focus on the first action item not ticked yet: where the user starts."""
        row = next((row for row in self.rows if not row.checkbox.isChecked()), None)
        if row is not None:
            row.checkbox.setFocus(Qt.FocusReason.TabFocusReason)
            self.ensureWidgetVisible(row)

    def refresh(self) -> None:
        dossier = self.editor.dossier
        self.actor.setText(self.editor.content.actor_wording(self.step.actor, dossier.role))
        self.actor.setAccessibleName(f"Wie is aan zet: {self.actor.text()}")
        progress = step_progress(self.step, self.editor.ticked)
        self.status.setText(progress.ticked())
        by_supplier = done_by_supplier(self.editor.flow, self.step, dossier.role)
        self.by_supplier.setVisible(by_supplier)
        other = self.editor.content.general.roles[self.step.actor].noun
        self.addressed.setText(
            f"De tekst van deze stap is geschreven voor de {other}: ‘u’ is daar de {other}."
        )
        self.addressed.setVisible(self.step.actor != dossier.role and not by_supplier)
        editor = self.editor
        count = step_count(self.step.id, editor.providers, editor.today()) if editor.keeps_register else None
        self.register_count.setText(f"Volgens het register: {count}" if count else "")
        self.register_count.setVisible(count is not None)
        for row in self.rows:
            row.follow_store()
        self.notes.follow_store()
