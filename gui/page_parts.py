"""The pieces every page is built from, so that all pages look and behave alike."""

from collections.abc import Iterator
from contextlib import contextmanager
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from gui.links import open_link
from gui.rich_text import paragraph, sources_html
from model.content import CurrentNote


class RichLabel(QLabel):
    """Rich text that takes keyboard focus only while it holds a link: Tab skips text nobody can act on."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            if "<a " in text
            else Qt.TextInteractionFlag.TextSelectableByMouse
        )


def label(text: str = "", kind: str = "", *, rich: bool = False) -> QLabel:
    """A wrapping label; plain text unless `rich`, and then links open through `open_link`.

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


def warning_box(label_text: str, paragraphs: tuple[str, ...]) -> QFrame:
    """A "Let op"/"Belangrijk" box: a border, a sign and a bold label, so it reads in grey-scale too."""
    box = QFrame()
    box.setProperty("kind", "warning")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(14, 10, 14, 10)
    text = f"<b>⚠ {escape(label_text)}</b>" + "".join(paragraph(each) for each in paragraphs)
    content = label(text, rich=True)
    content.setAccessibleName(label_text)
    layout.addWidget(content)
    return box


def current_note_box(note: CurrentNote) -> QFrame:
    """Today's rule beside the factsheet's text: its own colour, an "Actueel" label and its sources."""
    box = QFrame()
    box.setProperty("kind", "current")
    box.setObjectName(f"current.{note.id}")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(14, 10, 14, 10)
    text = f"<b>Actueel: {escape(note.title)}</b>" + paragraph(note.text) + sources_html(note.sources)
    content = label(text, rich=True)
    content.setAccessibleName(f"Actueel: {note.title}")
    layout.addWidget(content)
    return box


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
    """A scrolling page with a centred column of readable width."""

    def __init__(self, wide: bool = False) -> None:
        super().__init__()
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
