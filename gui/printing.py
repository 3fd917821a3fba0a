"""Paints the model's summary HTML on A4 pages with a footer, for the printer, the preview and PDF.

QTextDocument.print() has no page footer, so the pages are painted one by one: the document is
laid out for the printer's page minus the footer band, and each page shows its slice of it.
"""

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

PAGE_MARGINS_MM = QMarginsF(18, 16, 18, 14)
PDF_RESOLUTION = 1200  # as a high-resolution printer: text wraps alike, so the PDF has the preview's pages
FOOTER_POINT_SIZE = 8.5


def a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        PAGE_MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def paint_pages(html: str, footer: str, device: QPagedPaintDevice) -> int:
    """Lay `html` out on the device's pages with '<footer> · pagina X van Y' under each; the page count."""
    page = device.pageLayout().paintRectPixels(device.logicalDpiX())
    footer_font = QFont()
    footer_font.setPointSizeF(FOOTER_POINT_SIZE)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(QFont(QFont().family(), 10))
    document.setHtml(html)
    painter = QPainter(device)
    painter.setFont(footer_font)
    footer_height = QFontMetricsF(painter.font()).height() * 2.2
    body_height = page.height() - footer_height
    document.setPageSize(QSizeF(page.width(), body_height))
    count = document.pageCount()
    for number in range(count):
        if number:
            device.newPage()
        painter.save()
        painter.translate(0, -number * body_height)
        document.drawContents(painter, QRectF(0, number * body_height, page.width(), body_height))
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


def write_pdf(html: str, footer: str, path: Path) -> None:
    """Write the PDF next to `path` first and move it into place, so a failure leaves no partial file.

    Raises OSError with the reason when the folder can't be written to."""
    partial = path.with_name(f".{path.name}.part")
    partial.open("wb").close()  # fails here, with the reason, when the folder can't be written to
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(a4_layout())
    writer.setCreator("DigiD Assessment Wegwijzer")
    writer.setTitle(footer)
    try:
        painted = paint_pages(html, footer, writer)
        del writer  # closes the file
        if not painted or not partial.exists():
            raise OSError(f"kan niet schrijven naar {path.parent}")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
