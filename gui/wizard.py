"""The wizard: one page at a time with Back and Next, built when first shown.

Not a QWizard: its history-based Back goes to the page visited before a jump, while here Back
and Next always mean the previous and next step, wherever the user jumped from.
"""

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

NEXT_TEXT = "Volgende ›"


class AssessmentWizard(QWidget):
    positionChanged = Signal(str)

    def __init__(self, build_page: Callable[[str], QWidget], keys: list[str]) -> None:
        super().__init__()
        self.setObjectName("assessmentWizard")
        self._build_page = build_page
        self._pages: dict[str, QWidget] = {}
        self.keys: list[str] = []
        self.beyond_last: Callable[[], None] | None = None  # what Next does on the last page
        self.stack = QStackedWidget()
        self.back_button = QPushButton("‹ Vorige")
        self.back_button.setObjectName("backButton")
        self.next_button = QPushButton(NEXT_TEXT)
        self.next_button.setObjectName("nextButton")
        self.next_button.setProperty("kind", "primary")
        self.position = QLabel()
        self.position.setTextFormat(Qt.TextFormat.PlainText)
        self.position.setProperty("kind", "hint")
        self.buttons = QWidget()
        bar = QHBoxLayout(self.buttons)
        bar.setContentsMargins(16, 8, 16, 12)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.position)
        bar.addStretch(1)
        bar.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.set_keys(keys)

    def set_keys(self, keys: list[str], keep: str | None = None) -> None:
        """Replace the pages (after a change of flow) but `keep`; the rest are built when shown."""
        for key in [key for key in self._pages if key != keep]:
            page = self._pages.pop(key)
            self.stack.removeWidget(page)
            page.deleteLater()
        self.keys = list(keys)

    def forget_hidden_pages(self) -> None:
        """Delete the pages not on screen, at once; each is built again when next shown. Before a
        new style sheet (zoom, presentation): Qt restyles every widget there is, and with every
        page built that took seconds."""
        current = self.stack.currentWidget()
        for key, page in list(self._pages.items()):
            if page is not current:
                del self._pages[key]
                self.stack.removeWidget(page)
                shiboken6.delete(page)  # not deleteLater: gone before the style sheet is set

    def page(self, key: str) -> QWidget:
        if key not in self._pages:
            self._pages[key] = self._build_page(key)
            self.stack.addWidget(self._pages[key])
        return self._pages[key]

    def has_page(self, key: str) -> bool:
        return key in self._pages

    def built_pages(self) -> list[QWidget]:
        return list(self._pages.values())

    @property
    def current_key(self) -> str:
        current = self.stack.currentWidget()
        return next((key for key, page in self._pages.items() if page is current), self.keys[0])

    def go_to(self, key: str) -> None:
        if key not in self.keys:
            key = self.keys[0]
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        index = self.keys.index(key)
        self.back_button.setEnabled(index > 0)
        self.back_button.setVisible(len(self.keys) > 1)  # a lone page (a new dossier) has no way back
        self.next_button.setEnabled(index < len(self.keys) - 1 or self.beyond_last is not None)
        self.positionChanged.emit(key)

    def back(self) -> None:
        index = self.keys.index(self.current_key)
        if index > 0:
            self.go_to(self.keys[index - 1])

    def next(self) -> None:
        index = self.keys.index(self.current_key)
        if index < len(self.keys) - 1:
            self.go_to(self.keys[index + 1])
        elif self.beyond_last is not None:
            self.beyond_last()
