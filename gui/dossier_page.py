"""The first page of a dossier: organisation, connection type, own role, production activation date.

For a new dossier nothing is stored until the form is complete and the user goes on; for an
existing one every change is saved at once (the name after a short pause in typing, as the step
notes). Mistakes are shown at the field and kept there, never in a dialog.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.date_field import OptionalDateField
from gui.dialogs import confirm
from gui.dossier_editor import DossierEditor
from gui.history_section import HistorySection
from gui.page_parts import Page, label, show_field_error, warning_box
from gui.step_page import NOTES_SAVE_DELAY_MS
from model.content import Connection, Content, Role
from model.dossier import NAME_MAX_LENGTH, DateField, Dossier, DossierNameError
from model.dutch import listing
from model.progress import flow_progress
from model.store import StoreError

if TYPE_CHECKING:
    from model.store import Store

CONNECTION_OBJECT_NAMES = {Connection.DIRECT: "connectionDirect", Connection.CLUSTER: "connectionCluster"}
ROLE_OBJECT_NAMES = {Role.CARE_PROVIDER: "roleCareProvider", Role.SUPPLIER: "roleSupplier"}


class ChoicePanel(QFrame):
    """A radio button with its explanation; a click anywhere on the panel chooses it."""

    def __init__(self, button: QRadioButton, explanation: str = "") -> None:
        super().__init__()
        self.button = button
        self.setProperty("kind", "panel")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addWidget(button)
        if explanation:
            text = label(explanation)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            text.setContentsMargins(34, 0, 0, 0)
            layout.addWidget(text)
            button.setAccessibleDescription(explanation)
        button.toggled.connect(self._show_chosen)

    def _show_chosen(self, chosen: bool) -> None:
        """The chosen panel stands out (style.qss), so the room sees which choice is made."""
        self.setProperty("chosen", chosen)
        for widget in (self, *self.findChildren(QWidget)):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.button.isEnabled():
            self.button.click()
        super().mouseReleaseEvent(event)


class DossierPage(Page):
    created = Signal(Dossier)  # a new dossier was stored
    completeChanged = Signal()

    def __init__(self, store: Store, content: Content, editor: DossierEditor | None) -> None:
        super().__init__()
        self.store, self.content, self.editor = store, content, editor
        general = content.general
        self.add_header(
            "Dossiergegevens",
            "Nieuw dossier" if editor is None else "Over dit dossier",
            "Eén dossier is het assessment van één organisatie voor één DigiD-aansluiting. "
            + general.where_saved(store.shared_address),
        )

        self.add(label("Organisatie", "heading"))
        self.name = QLineEdit()
        self.name.setObjectName("organisationName")
        self.name.setMaxLength(NAME_MAX_LENGTH)
        self.name.setPlaceholderText("Naam van de organisatie, bijvoorbeeld Huisartsenpraktijk De Linde")
        self.name.setAccessibleName("Naam van de organisatie")
        self.add(self.name)
        self.name_error = self.add(label(kind="error"))
        self.name_error.setObjectName("organisationError")
        self.name_error.hide()

        self.add(label("Type DigiD-aansluiting", "heading"))
        self.add(label(general.choice_intro))
        unsure = self.add(
            label(
                "Weet u niet welke aansluiting u heeft? Vraag het uw ICT-leverancier: die weet of uw "
                "organisatie zelf via TVS op DigiD is aangesloten of via de clusteraansluiting van de "
                "leverancier.",
                "hint",
            )
        )
        unsure.setObjectName("connectionUnsure")
        self.connections = QButtonGroup(self)
        self.connection_buttons: dict[Connection, QRadioButton] = {}
        for connection in Connection:
            kind = general.connection_types[connection]
            button = QRadioButton(kind.choice)
            button.setObjectName(CONNECTION_OBJECT_NAMES[connection])
            button.setStyleSheet("font-weight: 700;")
            self.connections.addButton(button)
            self.connection_buttons[connection] = button
            self.add(ChoicePanel(button, f"{kind.summary}\n{kind.who_does_the_work}"))
        self.add(warning_box(general.important_label, general.important))

        self.add(label("Uw rol", "heading"))
        self.add(label("Wie gebruikt dit dossier? Bij elke stap staat dan of u aan zet bent, of de ander."))
        roles_row = QHBoxLayout()
        self.roles = QButtonGroup(self)
        self.role_buttons: dict[Role, QRadioButton] = {}
        for role in Role:
            button = QRadioButton(f"Ik ben de {general.roles[role].noun}")
            button.setObjectName(ROLE_OBJECT_NAMES[role])
            button.setStyleSheet("font-weight: 700;")
            self.roles.addButton(button)
            self.role_buttons[role] = button
            roles_row.addWidget(ChoicePanel(button), 1)
        self.body.addLayout(roles_row)

        self.activation_heading = self.add(label(kind="heading"))
        self.activation_hint = self.add(label(kind="hint"))
        self.activation = self.add(
            OptionalDateField(
                "Datum van activatie in productie", "Nog niet bekend", "activationDate", "activationUnknown"
            )
        )
        self.register_t0 = self.add(label(kind="purpose"))
        self.register_t0.setObjectName("registerT0")
        self._word_activation()

        self.missing = self.add(label(kind="hint"))
        self.missing.setObjectName("dossierMissing")
        if editor is not None:
            self.add(HistorySection(editor, None, "dossier"))
            editor.changed.connect(self._word_activation)
        self._load(editor.dossier if editor else None)
        self._typing_pause = QTimer(self, singleShot=True, interval=NOTES_SAVE_DELAY_MS)
        self._typing_pause.timeout.connect(self._save_typed_name)
        self.name.textChanged.connect(self._name_edited)
        self.name.textEdited.connect(self._typing_pause.start)
        self.name.returnPressed.connect(self._name_entered)
        self.name.editingFinished.connect(self.flush)
        self.connections.buttonToggled.connect(self._connection_toggled)
        self.roles.buttonToggled.connect(self._role_toggled)
        self.activation.changed.connect(self._save_activation)
        self._show_missing()

    def _load(self, dossier: Dossier | None) -> None:
        if dossier is None:
            return
        self.name.setText(dossier.name)
        self.connection_buttons[dossier.connection].setChecked(True)
        self.role_buttons[dossier.role].setChecked(True)
        self.activation.set_value(dossier.activation_date)
        self._word_activation()

    def _word_activation(self) -> None:
        """For a cluster connection the two months start when the second care provider is live."""
        explanation = self.editor.t0_explanation() if self.editor else ""
        self.register_t0.setText(explanation)
        self.register_t0.setVisible(bool(explanation))
        self.activation.setVisible(not explanation)  # the register's date is used: no need to ask
        if self.chosen_connection() == Connection.CLUSTER:
            self.activation_heading.setText("Datum waarop de tweede zorgaanbieder in productie ging")
            self.activation_hint.setText(
                "Bij een clusteraansluiting start de termijn van twee maanden direct na het aansluiten in "
                "productie van de eerste twee zorgaanbieders. Weet u de datum nog niet, vink dan ‘Nog niet "
                "bekend’ aan."
            )
        else:
            self.activation_heading.setText("Datum van activatie in productie")
            self.activation_hint.setText(
                "De dag waarop de DigiD-aansluiting in productie is geactiveerd (u krijgt daarvan een "
                "e-mail). Vanaf die dag loopt de termijn van twee maanden voor het assessment en het "
                "rapport aan Logius. Weet u de datum nog niet, vink dan ‘Nog niet bekend’ aan."
            )

    # What the form holds

    def chosen_connection(self) -> Connection | None:
        return next((key for key, button in self.connection_buttons.items() if button.isChecked()), None)

    def chosen_role(self) -> Role | None:
        return next((key for key, button in self.role_buttons.items() if button.isChecked()), None)

    def chosen_activation_date(self) -> date | None:
        return self.activation.value()

    def missing_fields(self) -> list[str]:
        missing = []
        if not self.name.text().strip():
            missing.append("de naam van de organisatie")
        if self.chosen_connection() is None:
            missing.append("het type aansluiting")
        if self.chosen_role() is None:
            missing.append("uw rol")
        return missing

    def is_complete(self) -> bool:
        return not self.missing_fields()

    def _show_missing(self) -> None:
        missing = self.missing_fields()
        self.missing.setVisible(bool(missing))
        if missing:
            self.missing.setText(f"Vul nog in: {listing(missing)}.")
        self.completeChanged.emit()

    def _show_name_error(self, message: str) -> None:
        show_field_error(self.name, self.name_error, message)

    # Creating a new dossier

    def create(self) -> Dossier | None:
        """Store the new dossier, or show at the field why it can't be stored yet."""
        if not self.is_complete():
            self._show_missing()
            self.focus_first_field()
            return None
        try:
            dossier = self.store.create_dossier(
                self.name.text(), self.chosen_connection(), self.chosen_role(), self.chosen_activation_date()
            )
        except (DossierNameError, StoreError) as error:
            self._show_name_error(str(error))
            self.name.setFocus()
            return None
        self.created.emit(dossier)
        return dossier

    # Saving changes to an existing dossier at once

    def _name_edited(self) -> None:
        self._show_name_error("")
        self._show_missing()

    def flush(self) -> None:
        """Store the typed name now (leaving the field or the page, closing), shown as stored."""
        self._typing_pause.stop()
        if not self._save_typed_name() or self.editor is None:
            return
        if self.name.text() != self.editor.dossier.name:
            self.name.setText(self.editor.dossier.name)

    def _save_typed_name(self) -> bool:
        """Store the name as typed so far; a name that can't be used stays in the field, with why.

        The field's text is left alone here: tidying it while the user types would eat the space
        they just typed between two words."""
        if self.editor is None or self.name.text() == self.editor.dossier.name:
            return True
        try:
            self.editor.rename(self.name.text())
        except DossierNameError as error:
            self._show_name_error(f"{error} Bewaard blijft de naam ‘{self.editor.dossier.name}’.")
            return False
        return True

    def _connection_toggled(self, button: QRadioButton, checked: bool) -> None:
        self._show_missing()
        self._word_activation()
        connection = self.chosen_connection()
        if not checked or self.editor is None or connection == self.editor.dossier.connection:
            return
        if not self._confirm_switch(connection):
            self.connection_buttons[self.editor.dossier.connection].setChecked(True)
            return
        self.editor.set_connection(connection)

    def _confirm_switch(self, connection: Connection) -> bool:
        progress = flow_progress(self.editor.flow, self.editor.ticked, self.editor.dossier.role)
        if progress.done == 0:
            return True
        new_label = self.content.general.connection_types[connection].label.lower()
        question = (
            f"In dit dossier zijn {progress.ticked()}.\n\n"
            f"Wilt u overstappen naar de stappen voor een {new_label}? Uw afgevinkte "
            "actiepunten en notities blijven bewaard en komen terug als u later terugkeert."
        )
        return confirm(self, "Type aansluiting wijzigen", question, "Overstappen")

    def _role_toggled(self, button: QRadioButton, checked: bool) -> None:
        self._show_missing()
        role = self.chosen_role()
        if checked and self.editor is not None and role != self.editor.dossier.role:
            self.editor.set_role(role)

    def _save_activation(self, wanted: date | None) -> None:
        if self.editor is not None and wanted != self.editor.dossier.activation_date:
            self.editor.set_date(DateField.ACTIVATION, wanted)

    def focus_first_field(self) -> None:
        """The first field that still needs the user; the name when all is filled in."""
        missing = [
            (not self.name.text().strip(), self.name),
            (self.chosen_connection() is None, self.connection_buttons[Connection.DIRECT]),
            (self.chosen_role() is None, self.role_buttons[Role.CARE_PROVIDER]),
        ]
        field = next((widget for needed, widget in missing if needed), self.name)
        field.setFocus(Qt.FocusReason.TabFocusReason)
        self.ensureWidgetVisible(field)

    def _name_entered(self) -> None:
        """Enter in the name moves on to the connection type, as a user expects on a form."""
        chosen = self.chosen_connection()
        field = self.connection_buttons[chosen or Connection.DIRECT]
        field.setFocus(Qt.FocusReason.TabFocusReason)
        self.ensureWidgetVisible(field)
