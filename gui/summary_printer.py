"""Print preview, printing and saving the summary as PDF, for the whole dossier or one step."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from gui.day_clock import DayClock
from gui.printing import a4_layout, paint_pages, write_pdf
from gui.window_geometry import resize_within_screen
from model.content import Content
from model.dossier import Dossier
from model.dutch import long_date
from model.locations import safe_file_name
from model.store import Store
from model.summary import footer_text, load_summary_input, summary_html

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog


PREVIEW_SIZE = (1000, 1400)  # an A4 page at a readable width and the toolbar; never beyond the screen


def make_preview_readable(dialog: "QPrintPreviewDialog") -> None:
    """Qt's preview opens at a zoom where the text can't be read, and its toolbar has icons only,
    with no way out that says so: show the page at the window's width (PageDown then reads on, as
    in a PDF reader) and add 'Sluiten' (Esc closes too)."""
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QToolBar

    preview = dialog.findChild(QPrintPreviewWidget)
    preview.fitToWidth()
    toolbar = dialog.findChild(QToolBar)
    close = QAction("Sluiten", dialog)
    close.setObjectName("closePreview")
    close.triggered.connect(dialog.reject)
    toolbar.addSeparator()
    toolbar.addAction(close)


class SummaryPrinter:
    def __init__(self, parent: QWidget, store: Store, content: Content, clock: DayClock) -> None:
        self.parent, self.store, self.content, self.clock = parent, store, content, clock
        self.with_history = False
        self.round_year: int | None = None  # the round to print; None: the current one

    def html(self, dossier: Dossier, step_id: str | None = None) -> str:
        today = self.clock.today()
        data = load_summary_input(
            self.store, self.content, dossier, today, self.with_history, self.round_year
        )
        return summary_html(data, step_id)

    def _printer(self) -> "QPrinter":
        from PySide6.QtPrintSupport import QPrinter  # loaded when printing, not at start-up

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(a4_layout())
        return printer

    def preview(self, dossier: Dossier, step_id: str | None = None) -> None:
        html = self.html(dossier, step_id)
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        # The dialog only points at the printer: `printer` must outlive it, so it is a local of
        # this frame and the dialog is deleted inside exec() (WA_DeleteOnClose), before we return.
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Afdrukvoorbeeld")
        dialog.paintRequested.connect(lambda painted: paint_pages(html, footer_text(dossier), painted))
        resize_within_screen(dialog, *PREVIEW_SIZE)
        make_preview_readable(dialog)
        dialog.exec()

    def print(self, dossier: Dossier) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._printer()  # outlives the dialog, which is deleted inside exec()
        dialog = QPrintDialog(printer, self.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Afdrukken")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            paint_pages(self.html(dossier), footer_text(dossier), printer)

    def suggested_pdf_name(self, dossier: Dossier) -> str:
        return f"DigiD-assessment {safe_file_name(dossier.name)} {long_date(self.clock.today())}.pdf"

    def save_pdf(self, dossier: Dossier) -> Path | None:
        """Ask where, write the PDF; returns the file, or None when cancelled. Raises OSError on failure."""
        suggested = str(Path.home() / self.suggested_pdf_name(dossier))
        chosen, _ = QFileDialog.getSaveFileName(self.parent, "Opslaan als PDF", suggested, "PDF (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(f"{chosen}.pdf")
        write_pdf(self.html(dossier), footer_text(dossier), path)
        return path
