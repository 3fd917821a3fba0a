"""A dossier on screen: its name, the step list beside the wizard, and the wizard's pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.accessibility import TAB, set_role
from gui.countdown_bar import CountdownBar
from gui.day_clock import DayClock
from gui.dossier_editor import DossierEditor
from gui.dossier_page import DossierPage
from gui.elided_label import ElidedLabel
from gui.info_page import DONE_BUTTON, InfoPage
from gui.page_parts import Page, label
from gui.step_list import StepList, compact_width
from gui.step_page import StepPage
from gui.wheel_guard import wheel_only_when_focused
from gui.wizard import NEXT_TEXT, AssessmentWizard
from gui.zoom import BASE_POINT_SIZE
from model.content import Content
from model.dossier import Dossier
from model.rounds import round_label
from model.store import START_POSITION

if TYPE_CHECKING:
    from model.store import Store

PREPARE_DELAY_MS = 300  # pages not yet visited are built after the first paint
DEADLINES = "deadlines"
REGISTER = "register"
OVERVIEW = "overview"
GLOSSARY = "glossary"
INFO = "info"
SIDEBAR_WIDTH = 320  # at 100 %
SIDEBAR_SHARE = 0.3  # wider than this share of the window, the step list folds to numbers
NAV_LABELS = {  # the side page's name, and the short one of a folded side bar
    START_POSITION: ("Dossiergegevens", "Dossier"),
    DEADLINES: ("Termijnen", "Termijnen"),
    REGISTER: ("Deelnemende zorgaanbieders", "Deelnemers"),
    OVERVIEW: ("Overzicht", "Overzicht"),
    GLOSSARY: ("Begrippen", "Begrippen"),
    INFO: ("Meer informatie", "Meer info"),
}
RESIZING_EVENTS = (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange, QEvent.Type.StyleChange)
TEXT_FIELDS = (QPlainTextEdit, QLineEdit, QAbstractSpinBox)  # where PageDown and Alt+arrows edit text


class DossierView(QWidget):
    """Shows one dossier, or the form for a new one when there is no editor yet."""

    created = Signal(Dossier)
    closeRequested = Signal()
    printStepRequested = Signal(str)
    startRoundRequested = Signal()  # "Nieuwe jaarronde starten" on the Termijnen page

    def __init__(self, store: Store, content: Content, editor: DossierEditor | None, clock: DayClock) -> None:
        super().__init__()
        self.store, self.content, self.editor, self.clock = store, content, editor, clock
        self.presenting = False
        self.sidebar: QWidget | None = None  # with the step list, once built (events come earlier)
        self._shape = self._pages_shape()

        header = QHBoxLayout()
        header.setContentsMargins(16, 10, 16, 6)
        self.all_dossiers = QPushButton("‹ Alle dossiers")
        self.all_dossiers.setObjectName("allDossiers")
        self.all_dossiers.clicked.connect(self.closeRequested)
        self.title = ElidedLabel()
        self.title.setObjectName("dossierTitle")
        self.title.setProperty("kind", "heading")
        header.addWidget(self.all_dossiers)
        header.addSpacing(12)
        header.addWidget(self.title, 1)
        self.round_caption = label("Ronde", "hint")
        self.round_caption.setWordWrap(False)
        self.round_selector = QComboBox()
        self.round_selector.setObjectName("roundSelector")
        self.round_selector.setAccessibleName("Ronde")
        wheel_only_when_focused(self.round_selector)
        self.round_selector.activated.connect(self._round_chosen)
        self.round_caption.setBuddy(self.round_selector)
        header.addWidget(self.round_caption)
        header.addWidget(self.round_selector)
        self.round_hint = label(
            "U bekijkt een eerdere ronde. Wat u hier afvinkt of noteert, wordt bij die ronde bewaard.",
            "hint",
        )
        self.round_hint.setObjectName("roundHint")
        self.round_hint.setContentsMargins(16, 0, 16, 6)
        self.presentation_hint = label("Presentatie · PageDown: volgende stap · Esc of F11: stoppen", "hint")
        self.presentation_hint.setObjectName("presentationHint")
        self.presentation_hint.setWordWrap(False)
        self.presentation_hint.hide()
        header.addWidget(self.presentation_hint)

        self.wizard = AssessmentWizard(self._build_page, self._keys())
        self.wizard.positionChanged.connect(self._position_changed)
        body = QHBoxLayout()
        body.setSpacing(0)
        if editor is None:
            self.title.setText("Nieuw dossier")
            self.wizard.beyond_last = lambda: self.wizard.page(START_POSITION).create()
        else:
            body.addWidget(self._sidebar(editor))
            editor.changed.connect(self._dossier_changed)
            self.wizard.beyond_last = self.closeRequested.emit  # "Klaar" on the last page
        body.addWidget(self.wizard, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = QWidget()
        self.header.setLayout(header)
        layout.addWidget(self.header)
        layout.addWidget(self.round_hint)
        if editor is not None:
            layout.addWidget(CountdownBar(editor, clock))
            for keys, move in (
                (("PgDown", "Alt+Right"), self.wizard.next),
                (("PgUp", "Alt+Left"), self.wizard.back),
            ):
                for key in keys:  # a presenter's remote sends PageDown and PageUp
                    shortcut = QShortcut(QKeySequence(key), self)
                    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                    shortcut.activated.connect(lambda key=key, move=move: self._step_or_type(key, move))
        layout.addLayout(body, 1)
        self._dossier_changed()
        self.wizard.go_to(editor.dossier.position if editor else START_POSITION)
        if editor is not None:  # after the first paint, in idle moments, one page at a time
            QTimer.singleShot(PREPARE_DELAY_MS, self, self._prepare_next_page)

    def before_restyle(self) -> None:
        """Before a zoom: only the page on screen stays built (its typing saved); the others are
        built again when shown or, one at a time, in idle moments."""
        self.flush_notes()
        self.wizard.forget_hidden_pages()
        if self.editor is not None:
            QTimer.singleShot(PREPARE_DELAY_MS, self, self._prepare_next_page)

    def _prepare_next_page(self) -> None:
        """Build one page not shown yet and, in the next idle moment, render it, so that its first
        visit is quick: two short steps rather than one long one, so a click meanwhile waits less."""
        waiting = [key for key in self.wizard.keys if not self.wizard.has_page(key)]
        if not waiting or not self.isVisible():
            return
        self.wizard.page(waiting[0]).resize(self.wizard.stack.size())
        QTimer.singleShot(0, self, lambda: self._render_prepared(waiting[0]))

    def _render_prepared(self, key: str) -> None:
        if self.isVisible() and self.wizard.has_page(key):  # a zoom may have dropped it meanwhile
            self.wizard.page(key).grab()  # laid out and painted off screen once: fonts, wrapped text, styles
        QTimer.singleShot(0, self, self._prepare_next_page)

    def _fit_sidebar(self) -> None:
        """The step list grows with the zoom up to 30 % of the window; beyond that it folds to
        numbers and status icons and the side pages to short names, so the page keeps the room."""
        if self.sidebar is None:
            return
        zoom = QApplication.font().pointSizeF() / BASE_POINT_SIZE
        full = round(SIDEBAR_WIDTH * zoom)
        compact = full > self.width() * SIDEBAR_SHARE
        self.step_list.set_compact(compact)
        self._show_nav_buttons()
        for key, button in self.nav_buttons.items():
            full_name, short_name = NAV_LABELS[key]
            button.setText(short_name if compact else full_name)
            button.setToolTip(full_name if compact else "")
            button.setProperty("compact", compact)
            button.style().unpolish(button)
            button.style().polish(button)
        if compact:
            buttons = max(button.sizeHint().width() for button in self.nav_buttons.values())
            self.sidebar.setFixedWidth(max(buttons, compact_width(QApplication.font())))
        else:
            self.sidebar.setFixedWidth(full)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_sidebar()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in RESIZING_EVENTS:
            self._fit_sidebar()

    def _step_or_type(self, key: str, move: Callable[[], None]) -> None:
        """Move to another step, unless the user is typing: then the key is the text field's."""
        focused = QApplication.focusWidget()
        if isinstance(focused, TEXT_FIELDS):
            sequence = QKeySequence(key)[0]
            # Straight to the widget: sending the event would run it through the shortcuts again.
            press = QKeyEvent(QEvent.Type.KeyPress, sequence.key(), sequence.keyboardModifiers())
            focused.keyPressEvent(press)
            return
        move()

    def set_presentation(self, on: bool) -> None:
        """In a meeting: only the countdown, the step list and the page; nothing else to look at."""
        self.presenting = on
        self.all_dossiers.setVisible(not on)  # the dossier's name stays: whose assessment is on screen
        self.presentation_hint.setVisible(on)
        self.wizard.buttons.setVisible(not on)
        self._show_nav_buttons()
        for page in self.wizard.built_pages():
            if isinstance(page, StepPage):
                page.print_button.setHidden(on)

    def _show_nav_buttons(self) -> None:
        """None while presenting; the register only for whoever keeps it; Begrippen not in a folded
        side bar, where the step list needs the height (Help → Begrippen and Next still reach it)."""
        if self.sidebar is None:
            return
        compact = self.step_list.compact
        for key, button in self.nav_buttons.items():
            shown = {REGISTER: self.editor.keeps_register, GLOSSARY: not compact}.get(key, True)
            button.setVisible(not self.presenting and shown)

    def first_step(self) -> None:
        """The first step, with focus on its first action item: where a new dossier's work starts."""
        first = self.editor.flow.steps[0].id
        self.wizard.go_to(first)
        self.wizard.page(first).focus_first_open_item()

    def _sidebar(self, editor: DossierEditor) -> QWidget:
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        layout = QVBoxLayout(sidebar)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav_buttons = {key: QPushButton(full_name) for key, (full_name, _) in NAV_LABELS.items()}
        self.step_list = StepList(editor)
        self.step_list.stepChosen.connect(self.wizard.go_to)
        for key, button in self.nav_buttons.items():
            button.setObjectName(f"nav.{key}")
            button.setProperty("kind", "nav")
            set_role(button, TAB)  # not the check box Qt makes of a checkable button
            button.setCheckable(True)
            button.clicked.connect(lambda _checked, key=key: self.wizard.go_to(key))
        for key in (START_POSITION, DEADLINES, REGISTER):
            layout.addWidget(self.nav_buttons[key])
        layout.addWidget(self.step_list, 1)
        layout.addWidget(self.nav_buttons[OVERVIEW])
        layout.addWidget(self.nav_buttons[GLOSSARY])
        layout.addWidget(self.nav_buttons[INFO])
        self.sidebar = sidebar
        return sidebar

    def _pages_shape(self) -> tuple[object, bool]:
        """What decides which pages there are and what they say: the flow as the round on screen
        words it, and whether this reader keeps the register."""
        return (self.editor.flow, self.editor.keeps_register) if self.editor else (None, False)

    def _keys(self) -> list[str]:
        if self.editor is None:
            return [START_POSITION]
        register = [REGISTER] if self.editor.keeps_register else []
        return [
            START_POSITION,
            DEADLINES,
            *register,
            *(step.id for step in self.editor.flow.steps),
            OVERVIEW,
            GLOSSARY,
            INFO,
        ]

    def _build_page(self, key: str) -> QWidget:
        """The page for `key`; the side pages' modules are loaded with their page, after start-up."""
        if key == START_POSITION:
            page = DossierPage(self.store, self.content, self.editor)
            if self.editor is None:
                page.created.connect(self.created)
                page.completeChanged.connect(lambda: self._show_what_is_missing(page))
                self.wizard.next_button.setText("Dossier aanmaken ›")
            return page
        if key == OVERVIEW:
            from gui.overview_page import OverviewPage

            return OverviewPage(self.editor)
        if key == DEADLINES:
            from gui.deadlines_page import DeadlinesPage

            page = DeadlinesPage(self.editor, self.clock)
            page.start_round_button.clicked.connect(self.startRoundRequested)
            return page
        if key == REGISTER:
            from gui.register_page import RegisterPage

            return RegisterPage(self.editor, self.clock)
        if key == INFO:
            return InfoPage(self.content, self.editor)
        if key == GLOSSARY:
            from gui.glossary_page import GlossaryPage

            return GlossaryPage(self.content)
        page = StepPage(self.editor.flow.step(key), self.editor)
        page.printRequested.connect(self.printStepRequested)
        page.print_button.setHidden(self.presenting)  # a page first shown during a meeting
        return page

    def _show_what_is_missing(self, page: DossierPage) -> None:
        """Beside the disabled button, so the user sees why it can't be pressed yet (and only there:
        the same sentence twice on one screen reads as two problems)."""
        why = page.missing.text() if not page.is_complete() else ""
        self.wizard.next_button.setEnabled(page.is_complete())
        self.wizard.next_button.setAccessibleDescription(why)  # a disabled button can say why
        self.wizard.position.setText(why)
        page.missing.hide()

    def _position_changed(self, key: str) -> None:
        self._flush_pages()
        page = self.wizard.page(key)
        if isinstance(page, Page):
            page.page_shown()
        if self.editor is None:
            self._show_what_is_missing(self.wizard.page(START_POSITION))
            return
        steps = self.editor.flow.steps
        step_ids = [step.id for step in steps]
        if key in step_ids:
            self.wizard.position.setText(f"Stap {step_ids.index(key) + 1} van {len(steps)}")
        else:
            self.wizard.position.setText(NAV_LABELS[key][0])
        last = key == self.wizard.keys[-1]
        self.wizard.next_button.setText(DONE_BUTTON if last else NEXT_TEXT)
        self.step_list.select_step(key)
        for nav_key, button in self.nav_buttons.items():
            button.setChecked(nav_key == key)
        self.editor.set_position(key)

    def _round_chosen(self, index: int) -> None:
        """Show the chosen round's ticks and notes, after saving typing still waiting."""
        self.flush_notes()
        self.editor.show_round(self.round_selector.itemData(index))

    def _show_rounds(self) -> None:
        """The round selector, once a yearly round was started; a hint while an older round is shown."""
        editor = self.editor
        rounds = editor.rounds if editor is not None else []
        listed = [self.round_selector.itemData(index) for index in range(self.round_selector.count())]
        if listed != rounds[::-1]:
            self.round_selector.clear()
            for year in reversed(rounds):  # newest first: the current round is the one to work in
                self.round_selector.addItem(round_label(year), year)
        if editor is not None:
            self.round_selector.setCurrentIndex(self.round_selector.findData(editor.round_year))
        for widget in (self.round_caption, self.round_selector):
            widget.setVisible(len(rounds) > 1)
        self.round_hint.setVisible(editor is not None and editor.round_year != editor.current_round)

    def _dossier_changed(self) -> None:
        self._show_rounds()
        if self.editor is None:
            return
        self.title.setText(self.editor.dossier.name)
        self._show_nav_buttons()
        self._follow_pages_shape()

    def _follow_pages_shape(self) -> None:
        """Build the pages anew when the flow, its wording or the register changed."""
        if self._pages_shape() != self._shape:
            self._shape = self._pages_shape()
            current = self.wizard.current_key
            self.wizard.set_keys(self._keys(), keep=START_POSITION)  # the other pages follow the flow
            self.wizard.go_to(current)

    def flush_notes(self) -> None:
        """Save typing still waiting for its pause, in the organisation name, the step notes and the
        register's form, and the page shown (before leaving the dossier, printing, or closing)."""
        self._flush_pages()
        if self.editor is not None:
            self.editor.flush_position()

    def _flush_pages(self) -> None:
        """Save typing still waiting for its pause (also before leaving a page)."""
        for page in self.wizard.built_pages():
            if isinstance(page, StepPage):
                page.notes.flush()
            elif hasattr(page, "flush"):  # the dossier's form and the register's
                page.flush()
