"""Paints the model's summary HTML on pages with a footer, for the printer, the preview and PDF.

QTextDocument.print() has no page footer, so the pages are painted one by one: the document is
laid out for the device's page minus the footer band, and each page shows its slice of it.
Before that, the layout is checked the way a person turning the pages would: a heading never
ends a page, and a section (a step) that fits on one page is not split over two.
"""

import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextTable,
)

PAGE_MARGINS_MM = QMarginsF(18, 16, 18, 14)
PDF_RESOLUTION = 1200  # as a high-resolution printer: text wraps alike, so the PDF has the preview's pages
FOOTER_POINT_SIZE = 8.5
SECTION_LEVEL = 2  # an <h2> opens a section (a step), kept on one page when that wastes little paper
MOST_PAPER_LEFT_EMPTY = 1 / 3  # of a page, to keep a section whole; more, and it breaks after its start
SMALLEST_SCALE = 0.6  # a one-page handout is shrunk at most this far; below, it takes two pages
SCALE_STEP = 0.04


def page_layout(page_size: QPageSize | None = None) -> QPageLayout:
    """The handout's margins on `page_size` (A4 unless a printer says otherwise)."""
    return QPageLayout(
        page_size or QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        PAGE_MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def _top_of(document: QTextDocument, block: QTextBlock) -> float:
    """Where the block's first line starts, in document coordinates."""
    rect = document.documentLayout().blockBoundingRect(block)
    line = block.layout().lineAt(0)
    return rect.top() + (line.y() if line.isValid() else 0)


def _bottom_of(document: QTextDocument, block: QTextBlock) -> float:
    return document.documentLayout().blockBoundingRect(block).bottom()


def _break_before(block: QTextBlock) -> None:
    form = QTextBlockFormat()
    form.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).mergeBlockFormat(form)


def _lay_out_whole(document: QTextDocument) -> None:
    """Lay the whole document out now: after a change Qt lays out lazily, in parts, and a position
    asked for meanwhile may be one the pages will not have."""
    document.pageCount()


def _blocks(document: QTextDocument) -> list[QTextBlock]:
    blocks, block = [], document.begin()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    return blocks


def keep_headings_with_their_text(document: QTextDocument, page_height: float) -> None:
    """Move a heading to the next page when the text under it starts there (a section so breaks
    after its heading and first block at the earliest), and a section that fits on one page but
    would run over two to a page of its own when that leaves at most a third of a page empty.
    Laid out again after each move, so every later decision sees the pages as they will be."""
    _lay_out_whole(document)
    blocks = _blocks(document)
    for index, block in enumerate(blocks):
        level = block.blockFormat().headingLevel()
        if (
            not level
            or block.blockFormat().pageBreakPolicy() & QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore
        ):
            continue
        page = int(_top_of(document, block) // page_height)
        following = next(
            (each for each in blocks[index + 1 :] if not each.blockFormat().headingLevel()), None
        )
        if following is not None and int(_top_of(document, following) // page_height) != page:
            _break_before(block)
            _lay_out_whole(document)
            continue
        if level == SECTION_LEVEL:
            end = next(
                (
                    each
                    for each in blocks[index + 1 :]
                    if 0 < each.blockFormat().headingLevel() <= SECTION_LEVEL
                ),
                None,
            )
            last = end.previous() if end is not None else blocks[-1]
            top, bottom = _top_of(document, block), _bottom_of(document, last)
            left_empty = (page + 1) * page_height - top
            if (
                bottom - top <= page_height
                and int(bottom // page_height) != page
                and left_empty <= page_height * MOST_PAPER_LEFT_EMPTY
            ):
                _break_before(block)
                _lay_out_whole(document)
    for table in _tables(document.rootFrame()):
        _keep_rows_whole(document, table, page_height)


def _tables(frame: QTextFrame) -> list[QTextTable]:
    tables = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            tables.append(child)
        tables += _tables(child)
    return tables


def _pixels_per_css_pixel(document: QTextDocument) -> float:
    """Qt scales a cell's padding by the device's resolution against the screen's 96 dpi."""
    device = document.documentLayout().paintDevice()
    return device.logicalDpiY() / 96 if device is not None else 1.0


def _keep_rows_whole(document: QTextDocument, table: QTextTable, page_height: float) -> None:
    """A table row that would run over two pages starts on the next one (under the repeated
    header row), so a care provider's name and dates are never torn apart. Qt moves a row whose
    first line does not fit; so such a row's cells get just enough room above that line to push
    it past the page's end. (A page break inside a cell makes Qt start a page twice.)"""
    for row in range(table.format().headerRowCount() + 1, table.rows()):
        cells = [table.cellAt(row, column) for column in range(table.columns())]
        firsts = [cell.firstCursorPosition().block() for cell in cells]
        top = min(_top_of(document, block) for block in firsts)
        bottom = max(_bottom_of(document, cell.lastCursorPosition().block()) for cell in cells)
        page_end = (int(top // page_height) + 1) * page_height
        if bottom > page_end and bottom - top < page_height:
            first_line = min(block.layout().lineAt(0).height() for block in firsts)
            room = (page_end - top - first_line + 1) / _pixels_per_css_pixel(document)
            edit = QTextCursor(document)
            edit.beginEditBlock()  # the table is laid out again once per row, not once per cell
            for cell in cells:
                form = cell.format().toTableCellFormat()
                form.setTopPadding(form.topPadding() + room)
                cell.setFormat(form)
            edit.endEditBlock()
            _lay_out_whole(document)


def paint_pages(
    html: str,
    footer: str,
    device: QPagedPaintDevice,
    images: Mapping[str, QImage] | None = None,
    one_page: bool = False,
) -> int:
    """Lay `html` out on the device's pages with '<footer> · pagina X van Y' under each; the page count.

    `images` are the pictures the HTML names in <img src>; `one_page` shrinks the text (not below
    SMALLEST_SCALE) until it fits one page."""
    page = device.pageLayout().paintRectPixels(device.logicalDpiX())
    footer_font = QFont()
    footer_font.setPointSizeF(FOOTER_POINT_SIZE)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(QFont(QFont().family(), 10))
    for name, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    painter = QPainter(device)
    painter.setFont(footer_font)
    footer_height = QFontMetricsF(painter.font()).height() * 2.2
    body_height = page.height() - footer_height
    scale = 1.0
    document.setPageSize(QSizeF(page.width(), body_height))
    while one_page and document.pageCount() > 1 and scale - SCALE_STEP >= SMALLEST_SCALE:
        scale -= SCALE_STEP
        document.setPageSize(QSizeF(page.width() / scale, body_height / scale))
    keep_headings_with_their_text(document, body_height / scale)
    count = document.pageCount()
    for number in range(count):
        if number:
            device.newPage()
        painter.save()
        painter.scale(scale, scale)
        painter.translate(0, -number * body_height / scale)
        document.drawContents(
            painter, QRectF(0, number * body_height / scale, page.width() / scale, body_height / scale)
        )
        painter.restore()
        painter.setFont(footer_font)
        painter.drawLine(
            0, int(body_height + footer_height * 0.25), page.width(), int(body_height + footer_height * 0.25)
        )
        painter.drawText(
            QRectF(0, body_height + footer_height * 0.3, page.width(), footer_height * 0.7),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{footer} · pagina {number + 1} van {count}",
        )
    painter.end()
    return count


def write_pdf(
    html: str,
    footer: str,
    path: Path,
    images: Mapping[str, QImage] | None = None,
    one_page: bool = False,
    page_size: QPageSize | None = None,
) -> None:
    """Write the PDF next to `path` first and move it into place, so a failure leaves no partial file.

    Raises OSError with the reason when the folder can't be written to."""
    partial = path.with_name(f".{path.name}.part")
    partial.open("wb").close()  # fails here, with the reason, when the folder can't be written to
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(page_size))
    writer.setCreator("DigiD Assessment Wegwijzer")
    writer.setTitle(footer)
    try:
        painted = paint_pages(html, footer, writer, images, one_page)
        del writer  # closes the file
        if not painted or not partial.exists():
            raise OSError(f"kan niet schrijven naar {path.parent}")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
