"""The floor of a longer summary: a bare PySide6 process that writes a PDF of one table like the
handout's register (name and KvK, signatory, four dates) with ROWS rows, as --export-pdf does
(QTextDocument, QPdfWriter at the handout's resolution, A4, one drawContents per page).

    bare_register_pdf.py ROWS OUT.pdf

Its 200-row run against its 1-row run is what Qt alone needs for 199 more care providers.
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

RESOLUTION = 1200  # gui.printing.PDF_RESOLUTION
HEADER = "<tr><th>Zorgaanbieder</th><th>Ondertekenaar</th>" + "<th>Datum</th>" * 4 + "</tr>"


def row(number: int) -> str:
    dates = "".join(f"<td>{1 + number % 28}-10-2026</td>" for _ in range(4))
    name = f"<b>Praktijk {number:03d}</b><br>KvK {10_000_000 + number}"
    return f"<tr><td>{name}</td><td>A. Jansen</td>{dates}</tr>"


def main() -> None:
    rows, out = int(sys.argv[1]), sys.argv[2]
    _app = QApplication(sys.argv[:1])
    writer = QPdfWriter(out)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    body = "".join(row(number) for number in range(rows))
    document.setHtml(f"<table border='1' cellpadding='3'><thead>{HEADER}</thead>{body}</table>")
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    document.setPageSize(QSizeF(page.width(), page.height()))
    painter = QPainter(writer)
    for number in range(document.pageCount()):
        if number:
            writer.newPage()
        painter.save()
        painter.translate(0, -number * page.height())
        document.drawContents(painter, QRectF(0, number * page.height(), page.width(), page.height()))
        painter.restore()
    painter.end()


if __name__ == "__main__":
    main()
