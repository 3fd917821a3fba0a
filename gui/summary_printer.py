"""Print preview, printing and saving the summary as PDF, for the whole dossier or one step."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QRegion
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from gui.day_clock import DayClock
from gui.printing import page_layout, paint_pages, write_pdf
from gui.timeline_widget import TimelineWidget
from gui.window_geometry import resize_within_screen
from model.content import Content
from model.dossier import Dossier
from model.dutch import long_date
from model.locations import safe_file_name
from model.summary import (
    TIMELINE_WIDTH_PX,
    SummaryInput,
    footer_text,
    load_summary_input,
    summary_html,
    timeline_entries,
)
from model.timeline import Milestone

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from model.store import Store


PREVIEW_SIZE = (1000, 1400)  # an A4 page at a readable width and the toolbar; never beyond the screen
TIMELINE_IMAGE = "timeline.png"
PICTURE_SHARPNESS = 4  # pixels per screen pixel: the timeline stays sharp on a 600 dpi printer


def timeline_picture(entries: list[tuple[Milestone, str, str]], today: date) -> QImage:
    """The deadlines page's timeline, painted black on white as a picture for paper."""
    widget = TimelineWidget()
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    widget.setPalette(palette)
    widget.set_milestones(entries, today)
    widget.resize(TIMELINE_WIDTH_PX, widget.sizeHint().height())
    image = QImage(widget.size() * PICTURE_SHARPNESS, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(PICTURE_SHARPNESS)
    image.fill(QColor("white"))
    widget.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)  # on white, not grey
    return image


@dataclass(frozen=True)
class Handout:
    """One printable document: the HTML, the pictures it names, and its footer."""

    html: str
    footer: str
    images: dict[str, QImage] = field(default_factory=dict)
    one_page: bool = False  # a single step: shrunk to fit one sheet

    @classmethod
    def of(cls, data: SummaryInput, step_id: str | None = None, with_explanation: bool = False) -> Handout:
        entries = timeline_entries(data) if step_id is None else []
        images = {TIMELINE_IMAGE: timeline_picture(entries, data.today)} if entries else {}
        html = summary_html(data, step_id, with_explanation, TIMELINE_IMAGE if images else "")
        return cls(html, footer_text(data.dossier), images, one_page=step_id is not None)

    def paint(self, device: QPrinter) -> int:
        return paint_pages(self.html, self.footer, device, self.images, self.one_page)

    def write_pdf(self, path: Path) -> None:
        write_pdf(self.html, self.footer, path, self.images, self.one_page)


def make_preview_readable(dialog: QPrintPreviewDialog) -> None:
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
        self.with_explanation = False
        self.round_year: int | None = None  # the round to print; None: the current one

    def handout(self, dossier: Dossier, step_id: str | None = None) -> Handout:
        data = load_summary_input(
            self.store, self.content, dossier, self.clock.today(), self.with_history, self.round_year
        )
        return Handout.of(data, step_id, self.with_explanation)

    def _printer(self) -> QPrinter:
        """A printer with the handout's margins on the paper the system's printer has (A4 when
        it says nothing), so Letter paper prints on Letter."""
        from PySide6.QtPrintSupport import QPrinter  # loaded when printing, not at start-up

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        size = printer.pageLayout().pageSize()
        printer.setPageLayout(page_layout(size if size.isValid() else None))
        return printer

    def preview(self, dossier: Dossier, step_id: str | None = None) -> None:
        """The handout as it will print; for the whole dossier with the menu's choice 'Toelichting
        in samenvatting' in the toolbar too ('Met toelichting'), to switch it on the spot."""
        from PySide6.QtGui import QAction
        from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
        from PySide6.QtWidgets import QToolBar

        # The dialog only points at the printer: `printer` must outlive it, so it is a local of
        # this frame and the dialog is deleted inside exec() (WA_DeleteOnClose), before we return.
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Afdrukvoorbeeld")
        dialog.paintRequested.connect(lambda device: self.handout(dossier, step_id).paint(device))
        resize_within_screen(dialog, *PREVIEW_SIZE)
        make_preview_readable(dialog)
        choice = self.parent.findChild(QAction, "actionSummaryExplanation")
        if choice is not None and not step_id:  # one step always has its explanation
            switch = QAction("Met toelichting", dialog)  # short: the toolbar has room for no more
            switch.setObjectName("previewWithExplanation")
            switch.setCheckable(True)
            switch.setChecked(choice.isChecked())
            switch.toggled.connect(choice.setChecked)
            dialog.findChild(QToolBar).insertAction(dialog.findChild(QAction, "closePreview"), switch)
            repaint = dialog.findChild(QPrintPreviewWidget).updatePreview
            choice.toggled.connect(repaint)
            dialog.finished.connect(lambda _result: choice.toggled.disconnect(repaint))
        dialog.exec()

    def print(self, dossier: Dossier) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._printer()  # outlives the dialog, which is deleted inside exec()
        dialog = QPrintDialog(printer, self.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Afdrukken")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.handout(dossier).paint(printer)

    def suggested_pdf_name(self, dossier: Dossier) -> str:
        return f"DigiD-assessment {safe_file_name(dossier.name)} {long_date(self.clock.today())}.pdf"

    def save_pdf(self, dossier: Dossier) -> Path | None:
        """Ask where, write the PDF; returns the file, or None when cancelled. Raises OSError on failure."""
        suggested = str(Path.home() / self.suggested_pdf_name(dossier))
        chosen, _ = QFileDialog.getSaveFileName(self.parent, "Opslaan als PDF", suggested, "PDF (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(f"{chosen}.pdf")
        self.handout(dossier).write_pdf(path)
        return path
