"""The supplier's register of care providers on the cluster connection: a table and a form beside it.

The form saves as you type, like the step notes: after a short pause, when focus leaves a field,
when a date is picked, and when the page is left or the app closed (`flush`). The first thing
typed into an empty form makes a new entry. Nothing typed is refused: an incomplete entry is kept
and says what it still needs ("Vul nog in: …"), a doubtful value is kept and explained at its
field, and `model.register.counted` decides what the checklist and the deadlines count.
"""

from dataclasses import replace
from datetime import date

from markupsafe import Markup
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.bounded_text import BoundedPlainTextEdit
from gui.conflict_dialog import keep_mine
from gui.date_field import OptionalDateField
from gui.day_clock import DayClock
from gui.dialogs import confirm
from gui.dossier_editor import DossierEditor
from gui.history_section import HistorySection
from gui.page_parts import ROW_KEY_ROLE, Page, RowTable, TableRow, label, show_field_error
from gui.step_page import NOTES_SAVE_DELAY_MS
from model.dossier import CareProvider
from model.dutch import long_date, short_date
from model.limits import parse_date
from model.register import HISTORY_STEP, TEXT_LIMITS, cleaned, problems, remark, still_to_fill
from model.store.errors import StaleEditError
from model.summary import REGISTER_TITLES, register_checklist_html

TEXT_FIELDS = {
    "name": ("Naam zorgaanbieder", "providerName"),
    "kvk": ("KvK-nummer (8 cijfers)", "providerKvk"),
    "signatory_name": ("Naam ondertekenaar", "providerSignatory"),
    "signatory_function": ("Functie ondertekenaar", "providerFunction"),
}
DATE_FIELDS = {
    "contract_signed": ("Aangepast contract getekend op", "providerContractSigned"),
    "akkoord_signed": ("Akkoordverklaring getekend op", "providerAkkoordSigned"),
    "akkoord_submitted": ("Akkoordverklaring ingediend bij DICTU op", "providerAkkoordSubmitted"),
    "production": ("In productie via TVS op", "providerProduction"),
}
FIELD_TITLES = {
    **{field: title for field, (title, _name) in (*TEXT_FIELDS.items(), *DATE_FIELDS.items())},
    "notes": "Notities",
}
SIGNATORY_COLUMN = 2
FIRST_DATE_COLUMN = 3
UNNAMED = "(nog zonder naam)"
NOTHING, NOTHING_SPOKEN = "—", "nog niet ingevuld"  # an empty cell as shown, and as read aloud
BLANK = CareProvider(id=0, name="", kvk="")


def _day(value) -> str:
    return short_date(value) if value else NOTHING


def _shown_value(value: object) -> str:
    """A field's value as the "both texts" dialog shows it."""
    if isinstance(value, date):
        return long_date(value)
    return str(value) if value else "(niet ingevuld)"


def _say_nothing(item: QTableWidgetItem, _row: int, _column: int) -> None:
    """A screen reader would read the dash of an empty cell as a value."""
    if item.text() == NOTHING:
        item.setData(Qt.ItemDataRole.AccessibleTextRole, NOTHING_SPOKEN)


class RegisterPage(Page):
    def __init__(self, editor: DossierEditor, clock: DayClock) -> None:
        super().__init__(wide=True)
        self.editor, self.clock = editor, clock
        self.editing_id = 0
        self.shown = BLANK  # the entry as stored when the form was filled: what the user edits from
        self._asking = False  # the "both texts" dialog is open: no second save meanwhile
        self.add_header(
            "Clusteraansluiting",
            "Deelnemende zorgaanbieders",
            "Houd hier bij welke zorgaanbieders via uw clusteraansluiting meedoen, wie namens hen "
            "tekent en wanneer zij het aangepaste contract en de akkoordverklaring tekenden en in "
            "productie gingen. Wat u invult, wordt meteen bewaard.",
        )
        self.checklist = self.add(label(rich=True))
        self.checklist.setObjectName("registerConditions")

        self.table = RowTable(
            REGISTER_TITLES, "careProviderTable", "Deelnemende zorgaanbieders", _say_nothing, fit_rows=True
        )
        for column, (title, _name) in enumerate(DATE_FIELDS.values(), start=FIRST_DATE_COLUMN):
            self.table.horizontalHeaderItem(column).setToolTip(title)
        self.table.setMinimumHeight(240)
        self.table.setWordWrap(False)  # a second line says what an entry still needs; the rest elides
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.rowActivated.connect(lambda _row: self.texts["name"].setFocus())  # the entry's form
        self.add(self.table)
        self.empty = self.add(label("Nog geen zorgaanbieders. Vul hieronder de eerste in.", "hint"))

        self.form_title = self.add(label(kind="heading"))
        self.form_title.setObjectName("providerFormTitle")
        self.still_to_fill = self.add(label(kind="error"))
        self.still_to_fill.setObjectName("providerStillToFill")
        self._typing_pause = QTimer(self, singleShot=True, interval=NOTES_SAVE_DELAY_MS)
        self._typing_pause.timeout.connect(self.flush)
        self.add(self._form())
        buttons = QHBoxLayout()
        self.new_button = QPushButton("Nieuwe zorgaanbieder")
        self.new_button.setObjectName("newProvider")
        self.delete_button = QPushButton("Verwijderen …")
        self.delete_button.setObjectName("deleteProvider")
        for button in (self.new_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.result = self.add(label(kind="hint"))
        self.result.setObjectName("providerResult")
        self.history = self.add(HistorySection(editor, HISTORY_STEP, "register"))
        self.new_button.clicked.connect(self.start_new)
        self.delete_button.clicked.connect(self.delete)
        self.follow(editor.changed)
        self.refresh()
        self.show_provider(BLANK)

    def _form(self) -> QWidget:
        """A grid rather than a QFormLayout: its rows grow with a wrapped message under a field."""
        form_widget = QWidget()
        self._grid = QGridLayout(form_widget)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self.texts: dict[str, QLineEdit] = {}
        self.dates: dict[str, OptionalDateField] = {}
        self.errors: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}  # where each field's problem is described
        for field, (title, name) in TEXT_FIELDS.items():
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setAccessibleName(title)
            edit.setMaxLength(TEXT_LIMITS[field])
            edit.textEdited.connect(self._typing_pause.start)
            edit.installEventFilter(self)
            self.texts[field] = edit
            self._add_row(title, self._with_error(field, edit))
        for field, (title, name) in DATE_FIELDS.items():
            widget = OptionalDateField(title, "Nog niet", name, f"{name}Unknown")
            widget.changed.connect(self.flush)
            self.dates[field] = widget
            self._add_row(title, self._with_error(field, widget))
            self.inputs[field] = widget.edit
        self.notes = BoundedPlainTextEdit(TEXT_LIMITS["notes"])
        self.notes.setObjectName("providerNotes")
        self.notes.setAccessibleName("Notities bij deze zorgaanbieder")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.notes.textChanged.connect(self._typing_pause.start)
        self.notes.installEventFilter(self)
        self._add_row("Notities", self._with_error("notes", self.notes))
        return form_widget

    def _add_row(self, title: str, field: QWidget) -> None:
        row = self._grid.rowCount()
        name = label(title)
        name.setWordWrap(False)
        name.setContentsMargins(0, 5, 0, 0)  # level with the text in the field beside it
        self._grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(field, row, 1)

    def _with_error(self, field: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = label(kind="error")
        error.setObjectName(f"{field}Error")
        error.hide()
        layout.addWidget(error)
        self.errors[field] = error
        self.inputs[field] = widget
        return holder

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.flush()
        return super().eventFilter(watched, event)

    # Showing

    def refresh(self) -> None:
        providers = self.editor.providers
        today = self.clock.today()
        t0 = self.editor.t0_explanation()
        self.checklist.setText(
            register_checklist_html(providers, today) + (Markup("<p>{}</p>").format(t0) if t0 else "")
        )
        self.empty.setVisible(not providers)
        rows = []
        for provider in providers:
            signatory = ", ".join(
                part for part in (provider.signatory_name, provider.signatory_function) if part
            )
            to_do = remark(provider, today)
            cells = (
                f"{provider.name or UNNAMED}\n{to_do}" if to_do else provider.name,
                provider.kvk,
                provider.signatory_name or NOTHING,  # the function is in the tooltip: the name needs room
                _day(provider.contract_signed),
                _day(provider.akkoord_signed),
                _day(provider.akkoord_submitted),
                _day(provider.production),
            )
            rows.append(TableRow(provider.id, cells, {SIGNATORY_COLUMN: signatory}))
        with QSignalBlocker(self.table):
            self.table.fill(rows)
            self._select_row(self.editing_id)
        self.follow_store()
        self._show_state(self._stored())

    def _select_row(self, provider_id: int) -> None:
        with QSignalBlocker(self.table):
            self.table.clearSelection()
            ids = [each.id for each in self.editor.providers]
            if provider_id in ids:
                self.table.selectRow(ids.index(provider_id))

    def _selection_changed(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        chosen_id = items[0].data(ROW_KEY_ROLE)
        self.flush()  # what was still waiting for its pause belongs to the entry shown until now
        chosen = next((each for each in self.editor.providers if each.id == chosen_id), None)
        if chosen is not None:
            self.show_provider(chosen)

    def show_provider(self, provider: CareProvider) -> None:
        self.editing_id, self.shown = provider.id, provider
        self._select_row(provider.id)
        self._fill(provider)
        self._show_state(provider)

    def _fill(self, provider: CareProvider, only_changed: bool = False) -> None:
        """Put the entry's values in the form; `only_changed`: leave the fields that hold them (as
        typed, spaces and all) and the cursor in them alone."""
        typed = cleaned(self.entered())
        for field, edit in self.texts.items():
            if not only_changed or getattr(typed, field) != getattr(provider, field):
                edit.setText(getattr(provider, field))
        for field, widget in self.dates.items():
            if not only_changed or getattr(typed, field) != getattr(provider, field):
                widget.set_value(getattr(provider, field))
        if not only_changed or typed.notes != provider.notes:
            with QSignalBlocker(self.notes):
                self.notes.setPlainText(provider.notes)

    def follow_store(self) -> None:
        """A colleague's edit of the entry on screen shows in the form, unless the user has typed
        something not yet saved: then the next save says which field both changed."""
        stored = self._stored()
        if self._asking or stored.version == self.shown.version or not self.editing_id:
            return
        if cleaned(self.entered()) == cleaned(self.shown):
            self.shown = stored
            self._fill(stored, only_changed=True)

    def _show_state(self, provider: CareProvider) -> None:
        """The form's title, what the entry still needs, and what is doubtful at each field."""
        if not provider.id:
            self.form_title.setText("Nieuwe zorgaanbieder")
        else:
            self.form_title.setText(f"Gegevens van {provider.name or 'een zorgaanbieder zonder naam'}")
        to_fill = still_to_fill(provider) if provider.id else ""
        self.still_to_fill.setText(to_fill)
        self.still_to_fill.setVisible(bool(to_fill))
        self.delete_button.setEnabled(bool(provider.id))
        found = problems(provider, self.clock.today())
        for field, error in self.errors.items():
            show_field_error(self.inputs[field], error, found.get(field, ""))

    def start_new(self) -> None:
        self.flush()
        self.show_provider(BLANK)
        self.texts["name"].setFocus()

    # Saving

    def _stored(self) -> CareProvider:
        return next((each for each in self.editor.providers if each.id == self.editing_id), BLANK)

    def entered(self) -> CareProvider:
        return CareProvider(
            id=self.editing_id,
            notes=self.notes.toPlainText(),
            **{field: edit.text() for field, edit in self.texts.items()},
            **{field: widget.value() for field, widget in self.dates.items()},
        )

    def flush(self) -> None:
        """Store what the user changed in the form; an empty new form stays empty. On a failure
        the main window says so and the text stays in the form."""
        self._typing_pause.stop()
        entered = cleaned(self.entered())
        if self._asking or entered == cleaned(self.shown):
            return
        try:
            saved = self.editor.save_provider(entered, self.shown)
        except StaleEditError as stale:
            self._choose(entered, stale)
            return
        if saved is None:
            return
        self._fill(saved, only_changed=True)  # a colleague's edit of another field shows too
        self.editing_id, self.shown = saved.id, saved
        self._select_row(saved.id)
        self._show_state(saved)

    def _choose(self, entered: CareProvider, stale: StaleEditError) -> None:
        """Both values of the field a colleague changed too; the user's other changes are kept either way."""
        mine = getattr(entered, stale.field)
        self._asking = True
        try:
            keep = keep_mine(
                self.window(),
                f"‘{FIELD_TITLES[stale.field]}’ van deze zorgaanbieder",
                _shown_value(mine),
                _shown_value(parse_date(stale.theirs) if stale.field in DATE_FIELDS else stale.theirs),
                stale.author,
            )
        finally:
            self._asking = False
        on_top = self.editor.stored_provider(entered.id)
        if on_top is None:
            return
        mine_changed = {
            field: getattr(entered, field)
            for field in FIELD_TITLES
            if getattr(entered, field) != getattr(self.shown, field) and (keep or field != stale.field)
        }
        self.shown = on_top
        self._fill(replace(on_top, **mine_changed))
        self.flush()  # the user's changes on top of the colleague's entry

    def delete(self) -> None:
        self.flush()
        provider = self._stored()
        if not provider.id:
            return
        name = f"‘{provider.name}’" if provider.name else "Deze zorgaanbieder zonder naam"
        question = f"{name} uit het register verwijderen, met alle datums en notities?"
        if confirm(
            self, "Zorgaanbieder verwijderen", question, "Verwijderen"
        ) and self.editor.delete_provider(provider.id):
            self.show_provider(BLANK)
            self.result.setText(f"{name} is verwijderd.")
