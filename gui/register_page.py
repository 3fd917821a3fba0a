"""The supplier's register of care providers on the cluster connection: a table and a form beside it.

Editing happens in the form under the table, not in a dialog; a mistake is shown at its field and
nothing invalid is stored. The factsheet's conditions above the table follow every save.
"""

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.date_field import OptionalDateField
from gui.day_clock import DayClock
from gui.dialogs import confirm
from gui.dossier_editor import DossierEditor
from gui.page_parts import Page, label, row_table, sized_after_filling
from gui.rich_text import plain_tooltip
from model.dossier import CareProvider
from model.dutch import long_date, short_date
from model.limits import KVK_LENGTH, NAME_MAX_LENGTH
from model.register import cleaned, conditions, problems, second_production_date

COLUMNS = (
    "Zorgaanbieder",
    "KvK",
    "Ondertekenaar",
    "Contract getekend",
    "Akkoord getekend",
    "Akkoord bij DICTU",
    "In productie",
)
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
PROVIDER_ID_ROLE = Qt.ItemDataRole.UserRole
SIGNATORY_COLUMN = 2


def _day(value: date | None) -> str:
    return short_date(value) if value else "—"


class RegisterPage(Page):
    def __init__(self, editor: DossierEditor, clock: DayClock) -> None:
        super().__init__(wide=True)
        self.editor, self.clock = editor, clock
        self.editing_id = 0
        self.add(label("Clusteraansluiting", "eyebrow"))
        self.add(label("Deelnemende zorgaanbieders", "title"))
        self.add(
            label(
                "Houd hier bij welke zorgaanbieders via uw clusteraansluiting meedoen, wie namens hen "
                "tekent en wanneer zij het aangepaste contract en de akkoordverklaring tekenden en in "
                "productie gingen."
            )
        )
        self.checklist = self.add(label(rich=True))
        self.checklist.setObjectName("registerConditions")

        self.table = row_table(COLUMNS, "careProviderTable", "Deelnemende zorgaanbieders")
        self.table.setMinimumHeight(240)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add(self.table)
        self.empty = self.add(
            label("Nog geen zorgaanbieders. Vul hieronder de eerste in en klik op ‘Opslaan’.", "hint")
        )

        self.form_title = self.add(label(kind="heading"))
        self.form_title.setObjectName("providerFormTitle")
        self.add(self._form())
        buttons = QHBoxLayout()
        self.save_button = QPushButton("Opslaan")
        self.save_button.setObjectName("saveProvider")
        self.save_button.setProperty("kind", "primary")
        self.new_button = QPushButton("Nieuwe zorgaanbieder")
        self.new_button.setObjectName("newProvider")
        self.delete_button = QPushButton("Verwijderen …")
        self.delete_button.setObjectName("deleteProvider")
        for button in (self.save_button, self.new_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.result = self.add(label(kind="hint"))
        self.result.setObjectName("providerResult")
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.start_new)
        self.delete_button.clicked.connect(self.delete)
        editor.changed.connect(self.refresh)
        self.refresh()
        self.start_new()

    def _form(self) -> QWidget:
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.texts: dict[str, QLineEdit] = {}
        self.dates: dict[str, OptionalDateField] = {}
        self.errors: dict[str, QWidget] = {}
        for field, (title, name) in TEXT_FIELDS.items():
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setAccessibleName(title)
            edit.setMaxLength(KVK_LENGTH if field == "kvk" else NAME_MAX_LENGTH)
            self.texts[field] = edit
            form.addRow(title, self._with_error(field, edit))
        for field, (title, name) in DATE_FIELDS.items():
            widget = OptionalDateField(title, "Nog niet", name, f"{name}Unknown")
            self.dates[field] = widget
            form.addRow(title, self._with_error(field, widget))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("providerNotes")
        self.notes.setAccessibleName("Notities bij deze zorgaanbieder")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        form.addRow("Notities", self._with_error("notes", self.notes))
        return form_widget

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
        return holder

    # Showing

    def refresh(self) -> None:
        providers = self.editor.providers
        state = conditions(providers)
        unsigned = ", ".join(state.unsigned_in_production)
        signed = (
            "Elke zorgaanbieder in productie heeft het aangepaste contract en de akkoordverklaring getekend"
        )
        rows = [
            (
                "✔ voldaan" if state.enough_in_production else "✘ nog niet",
                f"Minstens twee zorgaanbieders in productie (nu {state.in_production}).",
            ),
            (
                "– nog niet van toepassing"
                if not state.in_production
                else "✔ voldaan"
                if state.all_signed
                else "✘ nog niet",
                signed + (f" (nog niet: {unsigned})." if unsigned else "."),
            ),
        ]
        lines = "".join(f"<p><b>{verdict}</b>: {escape(text)}</p>" for verdict, text in rows)
        t0 = second_production_date(providers)
        if t0:
            lines += (
                f"<p>De termijn van twee maanden loopt vanaf {long_date(t0)}, de dag waarop de tweede "
                "zorgaanbieder in productie ging.</p>"
            )
        self.checklist.setText(lines)
        self.empty.setVisible(not providers)
        with sized_after_filling(self.table):
            self.table.setRowCount(len(providers))
            for row, provider in enumerate(providers):
                signatory = ", ".join(
                    part for part in (provider.signatory_name, provider.signatory_function) if part
                )
                cells = (
                    provider.name,
                    provider.kvk,
                    provider.signatory_name or "—",  # the function is in the tooltip: the name needs the room
                    _day(provider.contract_signed),
                    _day(provider.akkoord_signed),
                    _day(provider.akkoord_submitted),
                    _day(provider.production),
                )
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setToolTip(plain_tooltip(signatory if column == SIGNATORY_COLUMN else text))
                    item.setData(PROVIDER_ID_ROLE, provider.id)
                    self.table.setItem(row, column, item)

    def _selection_changed(self) -> None:
        items = self.table.selectedItems()
        if items:
            chosen = next(
                each for each in self.editor.providers if each.id == items[0].data(PROVIDER_ID_ROLE)
            )
            self.show_provider(chosen)

    def show_provider(self, provider: CareProvider) -> None:
        self.editing_id = provider.id
        self.form_title.setText(f"Gegevens van {provider.name}" if provider.id else "Nieuwe zorgaanbieder")
        for field, edit in self.texts.items():
            edit.setText(getattr(provider, field))
        for field, widget in self.dates.items():
            widget.set_value(getattr(provider, field))
        self.notes.setPlainText(provider.notes)
        self.delete_button.setEnabled(bool(provider.id))
        self._show_problems({})

    def start_new(self) -> None:
        self.table.clearSelection()
        self.show_provider(CareProvider(id=0, name="", kvk=""))
        self._tell("")

    def _show_problems(self, found: dict[str, str]) -> None:
        for field, error in self.errors.items():
            error.setText(found.get(field, ""))
            error.setVisible(field in found)

    # Saving

    def _tell(self, text: str, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setProperty("kind", "error" if error else "hint")
        self.result.style().polish(self.result)

    def entered(self) -> CareProvider:
        return CareProvider(
            id=self.editing_id,
            notes=self.notes.toPlainText(),
            **{field: edit.text() for field, edit in self.texts.items()},
            **{field: widget.value() for field, widget in self.dates.items()},
        )

    def save(self) -> CareProvider | None:
        provider = cleaned(self.entered())
        found = problems(provider, self.clock.today())
        self._show_problems(found)
        if found:
            self._tell("Niet opgeslagen: verbeter eerst wat bij de velden staat.", error=True)
            return None
        saved = self.editor.save_provider(provider)
        if saved is not None:
            self._tell(f"‘{saved.name}’ is opgeslagen.")
            self.show_provider(saved)
        return saved

    def delete(self) -> None:
        provider = next((each for each in self.editor.providers if each.id == self.editing_id), None)
        if provider is None:
            return
        question = f"‘{provider.name}’ uit het register verwijderen, met alle datums en notities?"
        if confirm(
            self, "Zorgaanbieder verwijderen", question, "Verwijderen"
        ) and self.editor.delete_provider(provider.id):
            self.start_new()
            self._tell(f"‘{provider.name}’ is verwijderd.")
