"""The pieces every page is built from, so that all pages look and behave alike."""

from collections.abc import Iterator
from contextlib import contextmanager

from markupsafe import Markup, escape
from PySide6.QtCore import QCoreApplication, Qt, SignalInstance
from PySide6.QtGui import QKeyEvent, QShowEvent, QStatusTipEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from gui.links import link_address, open_link
from gui.rich_text import paragraph, sources_html
from model.content import CurrentNote


class RichLabel(QLabel):
    """Rich text that takes keyboard focus only while it holds a link: Tab skips text nobody can act on.

    Only `Markup` is read as HTML; any other text is escaped, so it shows as typed. A link shows
    only its label; the address it leads to appears in the tooltip and, through a status tip event
    that climbs to the main window, in the status bar while the mouse is on it."""

    def __init__(self) -> None:
        super().__init__()
        self.linkHovered.connect(self._show_address)

    def _show_address(self, url: str) -> None:
        address = link_address(url) if url else ""
        self.setToolTip(address)
        QCoreApplication.sendEvent(self, QStatusTipEvent(address))

    def setText(self, text: str) -> None:
        html = escape(text)
        super().setText(html)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            if "<a " in html
            else Qt.TextInteractionFlag.TextSelectableByMouse
        )


def label(text: str = "", kind: str = "", *, rich: bool = False) -> QLabel:
    """A wrapping label; plain text unless `rich`, and then links open through `open_link` and
    only `Markup` is read as HTML (see RichLabel).

    Selectable with the mouse (to copy a sentence into an e-mail), never a stop for Tab."""
    widget = RichLabel() if rich else QLabel()
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.setText(text)
    if rich:
        widget.setOpenExternalLinks(False)
        widget.linkActivated.connect(open_link)
    if kind:
        widget.setProperty("kind", kind)
    return widget


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
    """A "Let op"/"Belangrijk" box: a border, a sign and a bold label, so it reads in grey-scale too."""
    box, layout = framed("warning")
    text = Markup("<b>⚠ {}</b>{}").format(label_text, Markup("").join(map(paragraph, paragraphs)))
    content = label(text, rich=True)
    content.setAccessibleName(label_text)
    layout.addWidget(content)
    return box


class FoldButton(QPushButton):
    """A header that opens and closes `content`: a click, Space or Enter toggles it."""

    def __init__(self, content: QWidget, text: str, opened_text: str = "") -> None:
        super().__init__()
        self.content = content
        self._texts = (text, opened_text or text)
        self.setProperty("kind", "fold")
        self.setCheckable(True)
        self.setAutoDefault(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggled.connect(self._show)
        self._show(False)

    def _show(self, opened: bool) -> None:
        self.setText(f"{'▾' if opened else '▸'} {self._texts[opened]}")
        self.content.setVisible(opened)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            return
        super().keyPressEvent(event)


class CurrentNoteBox(QFrame):
    """Today's rule beside the factsheet's text, in one line: "Actueel" and its title; "meer"
    unfolds the rule and its sources. Its own colour, so it never passes for the factsheet."""

    def __init__(self, note: CurrentNote) -> None:
        super().__init__()
        self.setProperty("kind", "current")
        self.setObjectName(f"current.{note.id}")
        self.details = label(paragraph(note.text) + sources_html(note.sources), rich=True)
        self.details.setObjectName(f"currentText.{note.id}")
        title = label(Markup("<b>Actueel:</b> {}").format(note.title), rich=True)
        title.setAccessibleName(f"Actueel: {note.title}")
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


def row_table(columns: tuple[str, ...], name: str, accessible_name: str) -> QTableWidget:
    """A read-only table of whole rows, one selectable at a time; the first column takes the room."""
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setAccessibleName(accessible_name)
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    _size_columns(table)
    return table


def _size_columns(table: QTableWidget) -> None:
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, table.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


@contextmanager
def sized_after_filling(table: QTableWidget) -> Iterator[None]:
    """Fill a row_table with its columns fixed, then size them once: a shown table with
    ResizeToContents columns measures every row again for each item set (seconds for 200 rows)."""
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    try:
        yield
    finally:
        _size_columns(table)


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
