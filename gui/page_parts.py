"""The pieces every page is built from, so that all pages look and behave alike."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from markupsafe import Markup, escape
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.accessibility import DISCLOSURE, HEADING, EnterButton, announce, set_role
from gui.links import open_link, source_line
from gui.rich_text import paragraph, plain_tooltip
from model.content import CurrentNote

HEADING_KINDS = ("title", "heading", "subheading")
OPENING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class Label(QLabel):
    """A QLabel that remembers its height for each width until its text, font or style changes.
    Qt lays a wrapping label's text out anew each time a layout asks, and a page's layout asks
    each label several times (the overview page some 50 times, 50 ms): here once per width."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self._heights: dict[tuple[int, int], int] = {}

    def heightForWidth(self, width: int) -> int:
        asked = (width, self.minimumHeight())  # Qt's answer is at least the minimum height
        if asked not in self._heights:
            self._heights[asked] = super().heightForWidth(width)
        return self._heights[asked]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange):
            self._heights.clear()
        super().changeEvent(event)

    def setText(self, text: str) -> None:
        self._heights.clear()
        super().setText(text)

    def setWordWrap(self, on: bool) -> None:
        self._heights.clear()
        super().setWordWrap(on)

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:
        self._heights.clear()
        super().setTextFormat(text_format)


class RichLabel(Label):
    """Rich text that takes keyboard focus only while it holds a link (a marked term): Tab skips
    text nobody can act on. Only `Markup` is read as HTML; any other text is escaped, so it shows
    as typed. Links to web pages are LinkButtons of their own (gui/links.py), not rich text."""

    def setText(self, text: str) -> None:
        html = escape(text)
        super().setText(html)
        linked = "<a " in html
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            if linked
            else Qt.TextInteractionFlag.TextSelectableByMouse
        )
        if bool(self.property("linked")) != linked:  # style.qss draws its focus ring
            self.setProperty("linked", linked)
            self.style().unpolish(self)
            self.style().polish(self)


def label(text: str = "", kind: str = "", *, rich: bool = False) -> QLabel:
    """A wrapping label; plain text unless `rich`, and then links open through `open_link` and
    only `Markup` is read as HTML (see RichLabel).

    Selectable with the mouse (to copy a sentence into an e-mail), never a stop for Tab."""
    widget = RichLabel() if rich else Label()
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.setText(text)
    if rich:
        widget.setOpenExternalLinks(False)
        widget.linkActivated.connect(open_link)
    if kind:
        widget.setProperty("kind", kind)
    if kind in HEADING_KINDS:
        set_role(widget, HEADING)  # a screen reader lists the page's headings and jumps between them
    return widget


def show_field_error(field: QWidget, error: QLabel, message: str) -> None:
    """The problem under its field, and in the field's accessible description; a new problem is
    said aloud at once, so a screen-reader user hears it while typing."""
    if message and message != error.text():
        announce(field, message)
    error.setText(message)
    error.setVisible(bool(message))
    field.setAccessibleDescription(message)


def framed(kind: str, name: str = "", bottom: int = 10, top: int = 10) -> tuple[QFrame, QVBoxLayout]:
    """A box of `kind` (its border and colour are in style.qss) and the layout to fill it."""
    box = QFrame()
    box.setProperty("kind", kind)
    if name:
        box.setObjectName(name)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(14, top, 14, bottom)
    return box, layout


def warning_box(label_text: str, paragraphs: tuple[str, ...]) -> QFrame:
    """A "Let op"/"Belangrijk" box: a border, a sign and a bold label, so it reads in grey-scale too.
    A screen reader gets the label as its name and the whole text as its description."""
    box, layout = framed("warning")
    text = Markup("<b>⚠ {}</b>{}").format(label_text, Markup("").join(map(paragraph, paragraphs)))
    content = label(text, rich=True)
    describe(content, label_text, "\n".join(paragraphs))
    layout.addWidget(content)
    return box


def describe(widget: QWidget, name: str, text: str) -> QWidget:
    """What assistive technology reads of a box: its heading as name, its whole text as description."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(text)
    return widget


class FoldButton(EnterButton):
    """A header that opens and closes `content`: a click, Space or Enter toggles it; a screen
    reader hears a button that is expanded or collapsed."""

    def __init__(self, content: QWidget, text: str, opened_text: str = "") -> None:
        super().__init__()
        self.content = content
        self._texts = (text, opened_text or text)
        self.setProperty("kind", "fold")
        set_role(self, DISCLOSURE)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggled.connect(self._show)
        self._show(False)

    def _show(self, opened: bool) -> None:
        self.setText(f"{'▾' if opened else '▸'} {self._texts[opened]}")
        self.content.setVisible(opened)


class CurrentNoteBox(QFrame):
    """Today's rule beside the factsheet's text, in one line: "Actueel" and its title; "meer"
    unfolds the rule and its sources. Its own colour, so it never passes for the factsheet."""

    def __init__(self, note: CurrentNote) -> None:
        super().__init__()
        self.setProperty("kind", "current")
        self.setObjectName(f"current.{note.id}")
        self.details = QWidget()
        self.details.setObjectName(f"currentText.{note.id}")
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(describe(label(note.text), f"Actueel: {note.title}", note.text))
        for source in note.sources:
            details.addWidget(source_line(source))
        title = label(Markup("<b>Actueel:</b> {}").format(note.title), rich=True)
        describe(title, f"Actueel: {note.title}", note.text)
        self.more = FoldButton(self.details, "meer", "minder")
        self.more.setProperty("kind", "more")
        self.more.setObjectName(f"currentMore.{note.id}")
        self.more.setAccessibleName(f"Meer over: {note.title}")
        line = QHBoxLayout()
        line.addWidget(title, 1)
        line.addWidget(self.more, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 4, 8, 4)
        layout.setSpacing(0)
        layout.addLayout(line)
        layout.addWidget(self.details)


ROW_KEY_ROLE = Qt.ItemDataRole.UserRole  # on a row's first cell: the id of what the row shows
MADE_BEFORE_PAINT = 40  # rows a table makes before its first paint: more than it shows at once


@dataclass(frozen=True)
class TableRow:
    """A row's texts, and the id of what it shows. `tooltips` (per column) say more than a cell
    shows; a cell without one has its own text as its tooltip."""

    key: int
    texts: tuple[str, ...]
    tooltips: Mapping[int, str] = field(default_factory=dict)
    bold: frozenset[int] = frozenset()  # the columns shown in bold


class RowTable(QTableWidget):
    """A read-only table of whole rows, one selectable at a time. The arrow keys move between rows,
    Tab leaves the table, and Enter, Space or a double click opens the row (`rowActivated`)."""

    rowActivated = Signal(int)

    def __init__(
        self,
        columns: tuple[str, ...],
        name: str,
        accessible_name: str,
        style_cell: Callable[[QTableWidgetItem, int, int], None] | None = None,
        fit_rows: bool = False,
    ) -> None:
        """`style_cell(item, row, column)` gives a page's cells what only that page's rows have;
        `fit_rows`: a row is as high as its text (a cell may have a second line)."""
        super().__init__(0, len(columns))
        self.setObjectName(name)
        self.setAccessibleName(accessible_name)
        self.setHorizontalHeaderLabels(columns)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.doubleClicked.connect(lambda index: self.rowActivated.emit(index.row()))
        self._style_cell, self._fit_rows = style_cell, fit_rows
        self._sized_for = ""  # the font the columns were sized for
        self._painted = False
        self._rows: Sequence[TableRow] = ()
        self._unmade: list[int] = []  # rows whose cells wait for the first paint
        self.viewport().installEventFilter(self)
        self.size_columns()

    def fill(self, rows: Sequence[TableRow]) -> None:
        """Show these rows. Until the table is first painted it makes only what that paint shows:
        the first rows, and per column the row with the widest text (the column is sized by it);
        the other rows are made as soon as the paint is done. So a window with 200 rows appears as
        soon as one with a single row. Once painted, a table makes every row at once."""
        self._rows = rows
        self.setRowCount(len(rows))
        if self._painted:
            now, self._unmade = list(range(len(rows))), []
        else:
            first = set(range(min(len(rows), MADE_BEFORE_PAINT))) | self._widest_rows(rows)
            now = sorted(first)
            self._unmade = [row for row in range(len(rows)) if row not in first]
        self._make(now)

    def _widest_rows(self, rows: Sequence[TableRow]) -> set[int]:
        width = self._text_width()
        if not rows:
            return set()
        return {
            max(range(len(rows)), key=lambda row: width(rows[row].texts[column], column in rows[row].bold))
            for column in range(1, self.columnCount())
        }

    def _text_width(self) -> Callable[[str, bool], int]:
        """The width of a text's widest line in the table's font, plain or bold; each different text
        is measured once (a column of 200 rows holds a few dozen)."""
        self.ensurePolished()  # the style sheet's font, also before the table is shown
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = {False: QFontMetrics(self.font()), True: QFontMetrics(bold)}

        @cache
        def text_width(text: str, is_bold: bool) -> int:
            return max(metrics[is_bold].horizontalAdvance(line) for line in text.split("\n"))

        return text_width

    def _make(self, numbers: Sequence[int]) -> None:
        for row in numbers:
            shown = self._rows[row]
            for column, text in enumerate(shown.texts):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(shown.tooltips.get(column, text)))
                if column == 0:
                    item.setData(ROW_KEY_ROLE, shown.key)
                if column in shown.bold:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if self._style_cell is not None:
                    self._style_cell(item, row, column)
                self.setItem(row, column, item)
        self.size_columns()
        if self._fit_rows and self._unmade:  # only the rows just made: the others have no text yet
            for row in numbers:
                self.resizeRowToContents(row)
        elif self._fit_rows:
            self.resizeRowsToContents()

    def _make_the_rest(self) -> None:
        if not self._unmade:
            return
        if not self.isVisible():  # closed or left at once: the rest is made when it is painted again
            self._painted = False
            self.viewport().installEventFilter(self)
            return
        unmade, self._unmade = self._unmade, []
        with QSignalBlocker(self):
            self._make(unmade)
        chosen = self.currentRow()
        if chosen in unmade:  # chosen meanwhile (a key pressed at once): the page hears of it now
            self.scrollToItem(self.item(chosen, 0))
            self.itemSelectionChanged.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.viewport().removeEventFilter(self)
            QTimer.singleShot(0, self, self._make_the_rest)  # not once the table is gone
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        resized = event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange)
        if resized and self.font().toString() != self._sized_for:  # a zoom
            self.size_columns()

    def size_columns(self) -> None:
        """The first column takes the room left; every other one is as wide as its widest cell or its
        title. Qt's ResizeToContents would ask the item delegate about every cell at each layout (some
        50 ms for 200 rows): here the texts are measured in the table's font, and only the widest cell
        of a column is asked."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        text_width = self._text_width()
        for column in range(1, self.columnCount()):
            width = header.sectionSizeHint(column)
            items = [(row, self.item(row, column)) for row in range(self.rowCount())]
            cells = [(text_width(item.text(), item.font().bold()), row) for row, item in items if item]
            if cells:
                cell = self.sizeHintForIndex(self.model().index(max(cells)[1], column)).width()
                width = max(width, cell + self.showGrid())  # the grid line, as sizeHintForColumn adds
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self._sized_for = self.font().toString()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in OPENING_KEYS and self.currentRow() >= 0:
            self.selectRow(self.currentRow())
            self.rowActivated.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class Page(QScrollArea):
    """A scrolling page with a centred column of readable width.

    A page that shows the dossier's state follows the signals that change it (`follow`) and
    shows that state in `refresh`."""

    def __init__(self, wide: bool = False) -> None:
        super().__init__()
        self._stale = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        outer = QWidget()
        outer.setObjectName("page")
        outer_layout = QVBoxLayout(outer)
        outer_layout.setContentsMargins(32, 24, 32, 32)
        self.column = QWidget()
        self.column.setObjectName("pageColumnWide" if wide else "pageColumn")  # widths in style.qss
        self.body = QVBoxLayout(self.column)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(10)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.column, 100)
        centred.addStretch(1)
        outer_layout.addLayout(centred)
        outer_layout.addStretch(1)
        self.setWidget(outer)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what is on the page, not the page
        self.heading: QLabel | None = None  # where focus goes when the page is shown (page_shown)

    def add_header(self, eyebrow: str, title: str, intro: str = "") -> QLabel:
        """The page's eyebrow, its title (the heading a screen reader hears when the page opens)
        and an optional introduction under it."""
        if eyebrow:
            self.add(label(eyebrow, "eyebrow"))
        self.heading = self.add(label(title, "title"))
        if intro:
            self.add(label(intro))
        return self.heading

    def page_shown(self) -> None:
        """Keyboard focus on the page's heading, so a screen reader says which page this is; the
        heading is no Tab stop, and Tab goes on from there."""
        if self.heading is not None:
            self.heading.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(self.heading)

    def add(self, widget: QWidget) -> QWidget:
        self.body.addWidget(widget)
        return widget

    def follow(self, *signals: SignalInstance) -> None:
        """Refresh on each of `signals`; while hidden behind another page of the wizard only
        remember to, and refresh when shown again: a tick then refreshes one page, not every page
        built so far."""
        for signal in signals:
            signal.connect(self._changed)

    def refresh(self) -> None:
        """Show the dossier as it is now (pages that `follow` it say how)."""

    def _changed(self) -> None:
        if self.isHidden() and self.parentWidget() is not None:  # a page on its own refreshes at once
            self._stale = True
        else:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)
