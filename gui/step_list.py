"""The list beside the wizard: every step with who acts and its status; a click jumps there."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from gui.dossier_editor import DossierEditor
from gui.status_icons import status_icon
from model.progress import step_status

STEP_ID_ROLE = Qt.ItemDataRole.UserRole


class StepList(QListWidget):
    stepChosen = Signal(str)  # step id

    def __init__(self, editor: DossierEditor) -> None:
        super().__init__()
        self.editor = editor
        self.setObjectName("stepList")
        self.setAccessibleName("Stappen")
        self.setIconSize(QSize(22, 22))
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemClicked.connect(lambda item: self.stepChosen.emit(item.data(STEP_ID_ROLE)))
        self.itemActivated.connect(lambda item: self.stepChosen.emit(item.data(STEP_ID_ROLE)))
        editor.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        content, dossier = self.editor.content, self.editor.dossier
        steps = self.editor.flow.steps
        if self.count() != len(steps) or self.item(0).data(STEP_ID_ROLE) != steps[0].id:
            self.clear()
            for step in steps:
                item = QListWidgetItem()
                item.setData(STEP_ID_ROLE, step.id)
                self.addItem(item)
        for row, step in enumerate(steps):
            status = step_status(step, self.editor.ticked)
            actor = "U" if step.actor == dossier.role else content.general.roles[step.actor].name
            status_label = content.general.status_labels[status]
            item = self.item(row)
            item.setText(f"{step.number}. {step.short_title}\n{actor} · {status_label}")
            item.setIcon(status_icon(status))
            item.setToolTip(f"Stap {step.number}: {step.title}")
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"Stap {step.number}, {step.short_title}. Aan zet: {actor}. Status: {status_label}.",
            )

    def select_step(self, step_id: str | None) -> None:
        """Highlight the step being shown, or nothing on the other pages."""
        self.blockSignals(True)
        self.clearSelection()
        for row in range(self.count()):
            if self.item(row).data(STEP_ID_ROLE) == step_id:
                self.setCurrentRow(row)
        self.blockSignals(False)
