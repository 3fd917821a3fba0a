"""Dossier → Gegevensbron: the dossiers on this computer, or in a shared database of the team.

The choice is the user's own (model.user_settings) and holds from the next start on, and at once:
the dialog opens the chosen database before it closes, so a wrong address or password is said
here, in the dialog, with everything typed still in it. The password goes to the operating
system's credential store, never to a file; where there is none, the dialog says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gui.page_parts import label
from gui.startup import DISPLAY_NAME_MAX_LENGTH, open_local
from gui.window_geometry import FRAME, TITLE_BAR, resize_within_screen
from model.store import StoreError
from model.user_settings import (
    DEFAULT_PORT,
    SettingsNotSavedError,
    SharedDatabase,
    UserSettings,
    credential_store_available,
    keep_password,
    stored_password,
)

if TYPE_CHECKING:
    from model.store import Store

KEPT_IN_CREDENTIAL_STORE = (
    "Het wachtwoord wordt bewaard in de wachtwoordkluis van deze computer, niet in een bestand."
)
NO_CREDENTIAL_STORE = (
    "Deze computer heeft geen wachtwoordkluis die de app kan gebruiken. Het wachtwoord wordt daarom "
    "nergens bewaard: de app vraagt er bij elke start om."
)
DISPLAY_NAME_NOTE = "Voor de geschiedenis van een gedeelde database: collega's zien wie wat heeft gewijzigd."
UNENCRYPTED = "Zonder versleuteling (TLS), alleen voor een server op deze computer"


DIALOG_WIDTH = 700


def stacked(*widgets: QWidget) -> QWidget:
    """A field with its notes under it, in one cell of the form (a form row of its own for a
    wrapping note is given far too much height)."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(4)
    for widget in widgets:
        column.addWidget(widget)
    return cell


class DataSourceDialog(QDialog):
    """Where the dossiers are; `store`/`lock` hold what was opened once the dialog is accepted."""

    def __init__(self, parent: QWidget, user: UserSettings, current: Store) -> None:
        super().__init__(parent)
        self.user, self.current = user, current
        self.store: Store | None = None
        self.lock: QLockFile | None = None
        self.setObjectName("dataSourceDialog")
        self.setWindowTitle("Gegevensbron")
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                "Waar staan de dossiers? Op deze computer werkt alleen u ermee. In een gedeelde database "
                "(PostgreSQL) van uw organisatie werken collega's met dezelfde dossiers."
            )
        )
        self.local = QRadioButton("Op deze computer")
        self.local.setObjectName("dataSourceLocal")
        layout.addWidget(self.local)
        where = label(f"In de map {user.folder}", "hint")
        where.setContentsMargins(24, 0, 0, 0)
        layout.addWidget(where)
        self.shared = QRadioButton("Gedeelde database")
        self.shared.setObjectName("dataSourceShared")
        layout.addWidget(self.shared)
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.setContentsMargins(24, 0, 0, 0)
        self.host = self._line("dataSourceHost", "bijvoorbeeld db.uwleverancier.nl")
        self.port = QSpinBox()
        self.port.setObjectName("dataSourcePort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setAccessibleName("Poort")
        self.database = self._line("dataSourceDatabase", "bijvoorbeeld wegwijzer")
        self.user_name = self._line("dataSourceUser", "uw gebruikersnaam op de databaseserver")
        self.password = self._line("dataSourcePassword", "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.display_name = self._line("dataSourceDisplayName", "bijvoorbeeld Jan de Vries")
        self.display_name.setMaxLength(DISPLAY_NAME_MAX_LENGTH)
        self.unencrypted = QCheckBox(UNENCRYPTED)
        self.unencrypted.setObjectName("dataSourceUnencrypted")
        password_note = label(
            KEPT_IN_CREDENTIAL_STORE if credential_store_available() else NO_CREDENTIAL_STORE, "hint"
        )
        password_note.setObjectName("dataSourcePasswordNote")
        rows: tuple[tuple[str, QWidget], ...] = (
            ("Server", self.host),
            ("Poort", self.port),
            ("Database", self.database),
            ("Gebruiker", self.user_name),
            ("Wachtwoord", stacked(self.password, password_note, self.unencrypted)),
            ("Uw naam", stacked(self.display_name, label(DISPLAY_NAME_NOTE, "hint"))),
        )
        for text, field in rows:
            form.addRow(text, field)
        for name, field in (
            ("Server", self.host),
            ("Database", self.database),
            ("Gebruiker", self.user_name),
            ("Wachtwoord", self.password),
            ("Uw naam", self.display_name),
        ):
            field.setAccessibleName(name)  # a field with notes under it is no label's buddy
        self.password.setAccessibleDescription(password_note.text())
        self.display_name.setAccessibleDescription(DISPLAY_NAME_NOTE)
        layout.addWidget(self.fields)
        self.status = label()
        self.status.setObjectName("dataSourceStatus")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.test_button = QPushButton("Verbinding testen")
        self.test_button.setObjectName("dataSourceTest")
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.use_button = buttons.addButton("Gebruiken", QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_button.setObjectName("dataSourceUse")
        buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole).setObjectName(
            "dataSourceCancel"
        )
        layout.addWidget(buttons)

        self._fill_in()
        self.local.toggled.connect(self._show_choice)
        self.host.textChanged.connect(self._show_choice)
        self.test_button.clicked.connect(self.test_connection)
        buttons.accepted.connect(self.use)
        buttons.rejected.connect(self.reject)
        self._show_choice()
        width = max(DIALOG_WIDTH, self.minimumSizeHint().width())
        resize_within_screen(self, width, self.layout().heightForWidth(width))

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        return field

    def _fill_in(self) -> None:
        chosen = self.user.data_source()
        if chosen is not None:
            self.host.setText(chosen.host)
            self.port.setValue(chosen.port)
            self.database.setText(chosen.database)
            self.user_name.setText(chosen.user)
            self.unencrypted.setChecked(not chosen.encrypted)
            self.password.setText(stored_password(chosen) or "")
        self.display_name.setText(self.user.display_name())
        (self.shared if self.current.shared else self.local).setChecked(True)

    def _show_choice(self) -> None:
        self.fields.setEnabled(self.shared.isChecked())
        self.test_button.setEnabled(self.shared.isChecked())
        on_this_computer = SharedDatabase(self.host.text().strip() or "-", "-", "-").on_this_computer
        self.unencrypted.setEnabled(on_this_computer)
        if not on_this_computer:
            self.unencrypted.setChecked(False)

    def chosen_database(self) -> SharedDatabase | None:
        """The shared database as filled in; None (and said at the dialog's foot) while incomplete."""
        missing = [
            name
            for name, field in (
                ("de server", self.host),
                ("de database", self.database),
                ("de gebruiker", self.user_name),
            )
            if not field.text().strip()
        ]
        if missing:
            self.say(f"Vul nog in: {', '.join(missing)}.")
            return None
        return SharedDatabase(
            self.host.text().strip(),
            self.database.text().strip(),
            self.user_name.text().strip(),
            self.port.value(),
            encrypted=not self.unencrypted.isChecked(),
        )

    def say(self, text: str) -> None:
        """A message under the fields; the dialog grows for it rather than squash the fields."""
        self.status.setText(text)
        needed = self.layout().heightForWidth(self.width())
        if needed > self.height():
            area = self.screen().availableGeometry()
            self.resize(self.width(), min(needed, area.height() - TITLE_BAR - FRAME))

    def _open_shared(self) -> Store | None:
        chosen = self.chosen_database()
        if chosen is None:
            return None
        self.say("Verbinding maken …")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from model.store import Store

            return Store(chosen.address(self.password.text()))
        except StoreError as error:
            self.say(str(error))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()

    def test_connection(self) -> None:
        store = self._open_shared()
        if store is not None:
            store.close()
            self.say("De verbinding werkt.")

    def use(self) -> None:
        """Open the chosen database and remember the choice; on any problem the dialog stays open."""
        try:
            if self.local.isChecked():
                self._use_local()
            else:
                self._use_shared()
        except SettingsNotSavedError as error:
            self.say(str(error))

    def _use_local(self) -> None:
        self.user.choose_data_source(None)
        if self.current.shared:
            try:
                self.store, self.lock = open_local(Path(self.user.folder))
            except StoreError as error:
                self.say(str(error))
                return
        self.accept()

    def _use_shared(self) -> None:
        if not self.display_name.text().strip():
            self.say("Vul uw naam in: collega's zien in de geschiedenis wie wat heeft gewijzigd.")
            self.display_name.setFocus()
            return
        chosen = self.chosen_database()
        store = self._open_shared() if chosen is not None else None
        if chosen is None or store is None:
            return
        self.user.set_display_name(self.display_name.text())
        self.user.choose_data_source(chosen)
        keep_password(chosen, self.password.text())
        self.store = store
        self.accept()

    @classmethod
    def choose(
        cls, parent: QWidget, user: UserSettings, current: Store
    ) -> tuple[Store, QLockFile | None] | None:
        """The newly opened database and its folder lock, or None when the user keeps the current one."""
        dialog = cls(parent, user, current)
        if not dialog.exec() or dialog.store is None:
            return None
        return dialog.store, dialog.lock
