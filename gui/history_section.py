"""A folded "Geschiedenis" section: when and what changed, shown when the user unfolds it."""

from markupsafe import Markup
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.accessibility import DISCLOSURE, EnterButton, set_role
from gui.dossier_editor import DossierEditor
from gui.page_parts import label
from model.history_text import described, history_intro
from model.summary import history_table


class HistorySection(QWidget):
    def __init__(self, editor: DossierEditor, step_id: str | None, name: str) -> None:
        super().__init__()
        self.editor, self.step_id = editor, step_id
        self._stale = False  # changed while its page was not on screen: read when shown
        self.toggle = EnterButton("Geschiedenis tonen")
        set_role(self.toggle, DISCLOSURE)
        self.toggle.setObjectName(f"historyToggle.{name}")
        self.toggle.setCheckable(True)
        self.toggle.setProperty("kind", "nav")
        self.listing = label(rich=True)
        self.listing.setObjectName(f"history.{name}")
        self.listing.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.listing)
        self.toggle.toggled.connect(self._toggled)
        editor.changed.connect(self.refresh)

    def _toggled(self, shown: bool) -> None:
        self.toggle.setText("Geschiedenis verbergen" if shown else "Geschiedenis tonen")
        self.listing.setVisible(shown)
        self.refresh()

    def refresh(self) -> None:
        if not self.toggle.isChecked():
            return
        if not self.isVisible():  # its page is behind another: read the history when it is shown
            self._stale = True
            return
        self._stale = False
        content = self.editor.content
        wording = content.general.history
        changes = self.editor.history(self.step_id)
        newest_first = reversed(described(changes, content, self.editor.providers))
        body = history_table(newest_first, wording.templates["empty"], Markup("&nbsp;&nbsp;"))
        intro = history_intro(changes, content)
        self.listing.setText(Markup("<p style='color:#4a4a4a'>{}</p>{}").format(intro, body))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
