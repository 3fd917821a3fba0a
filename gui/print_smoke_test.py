"""--smoke-test-print: open the real print preview, let it render and close it, unattended.

A preview that crashes takes the whole app with it (it once did, on every click, while every test
passed), so packaging/build.py runs this inside the built executable: the whole dossier, then one
step, each through the same call as the menu and the step's button.
"""

import sys
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow

POLL_MS = 50
RENDER_TIMEOUT_S = 60  # a cold start of a one-file bundle on a slow laptop


class PreviewCloser(QObject):
    """While in use, closes the print preview once it shows rendered pages and remembers how many."""

    def __init__(self) -> None:
        super().__init__()
        self.pages = 0
        self._deadline = 0.0
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)

    def __enter__(self) -> "PreviewCloser":
        self._deadline = time.monotonic() + RENDER_TIMEOUT_S
        self._timer.start()
        return self

    def __exit__(self, *_exception: object) -> None:
        self._timer.stop()

    def _poll(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        dialog = QApplication.activeModalWidget()
        preview = dialog.findChild(QPrintPreviewWidget) if dialog is not None else None
        if preview is not None and preview.pageCount() > 0:
            self.pages = preview.pageCount()
            dialog.reject()
        elif dialog is not None and time.monotonic() > self._deadline:
            dialog.reject()  # nothing rendered in time: self.pages stays 0


def check_print_previews(window: MainWindow) -> int:
    """0 when the preview of the open dossier and of its first step both showed pages; else 1,
    with one Dutch line on stderr."""
    dossier = window.open_dossier_record()
    if dossier is None:
        print("Er is geen dossier om een afdrukvoorbeeld van te maken.", file=sys.stderr)
        return 1
    first_step = window.dossier_view.editor.flow.steps[0]
    for step_id, what in ((None, "het dossier"), (first_step.id, f"stap {first_step.number}")):
        with PreviewCloser() as closer:
            window.preview_summary(step_id)
        if not closer.pages:
            print(f"Het afdrukvoorbeeld van {what} toonde geen pagina's.", file=sys.stderr)
            return 1
    return 0
