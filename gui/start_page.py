"""The start page: the dossiers with New, Open, Rename and Delete, and what the assessment is."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableWidgetItem,
)

from gui.day_clock import DayClock
from gui.dialogs import ask_text, confirm
from gui.page_parts import Page, RowTable, label, sized_after_filling, warning_box
from gui.rich_text import blocks_html, bold_heading, paragraph, plain_tooltip
from model.content import Content
from model.deadline_text import next_deadline_in_brief
from model.dossier import NAME_MAX_LENGTH, DamagedDossier, Dossier, DossierNameError
from model.progress import flow_progress
from model.register import deadline_dates
from model.store import Store, StoreError

DOSSIER_ID_ROLE = Qt.ItemDataRole.UserRole
DEADLINE_COLUMN = 4
COLUMNS = ("Organisatie", "Aansluiting", "Uw rol", "Voortgang", "Volgende termijn")
DAMAGED = "Beschadigd"


class StartPage(Page):
    newRequested = Signal()
    openRequested = Signal(int)
    saveFailed = Signal(str)

    def __init__(self, store: Store, content: Content, clock: DayClock) -> None:
        super().__init__(wide=True)
        self.store, self.content, self.clock = store, content, clock
        clock.dayChanged.connect(self.refresh)
        general = content.general
        self.add_header("", "DigiD Assessment Wegwijzer")
        self.add(label(general.welcome, "purpose"))

        self.add(label("Uw dossiers", "heading"))
        self.table = RowTable(COLUMNS, "dossierList", "Uw dossiers")
        self.table.setMinimumHeight(200)
        self.table.rowActivated.connect(lambda _row: self._open())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add(self.table)
        self.empty = self.add(label("Nog geen dossiers. Klik op ‘Nieuw dossier’ om te beginnen.", "hint"))

        buttons = QHBoxLayout()
        self.new_button = QPushButton("Nieuw dossier")
        self.new_button.setObjectName("newDossierButton")
        self.new_button.setProperty("kind", "primary")
        self.open_button = QPushButton("Openen")
        self.open_button.setObjectName("openDossierButton")
        self.rename_button = QPushButton("Naam wijzigen …")
        self.rename_button.setObjectName("renameDossierButton")
        self.delete_button = QPushButton("Verwijderen …")
        self.delete_button.setObjectName("deleteDossierButton")
        for button in (self.new_button, self.open_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self._open)
        self.rename_button.clicked.connect(self._rename)
        self.delete_button.clicked.connect(self._delete)

        self.add(label("Welke aansluiting heeft u?", "heading"))
        self.add(label(general.choice_intro))
        for kind in general.connection_types.values():
            self.add(
                label(
                    bold_heading(kind.choice, paragraph(kind.summary) + paragraph(kind.who_does_the_work)),
                    rich=True,
                )
            )
        self.add(warning_box(general.important_label, general.important))
        self.add(label(general.title, "heading"))
        for section in general.sections:
            self.add(label(bold_heading(section.title, blocks_html(section.blocks)), rich=True))
        self.refresh()

    def refresh(self) -> None:
        usable, damaged = self.store.dossiers_and_damaged()
        rows = [(each.id, *self._shown(each)) for each in usable]
        rows += [(each.id, _damaged_cells(each), False) for each in damaged]
        dossiers = [row[0] for row in rows]
        self.damaged_ids = {row[0] for row in rows if row[1][1].startswith(DAMAGED)}
        with sized_after_filling(self.table):
            self.table.setRowCount(len(rows))
            for row, (dossier_id, cells, urgent) in enumerate(rows):
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setToolTip(plain_tooltip(text))
                    item.setData(DOSSIER_ID_ROLE, dossier_id)
                    if urgent and column == DEADLINE_COLUMN:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    self.table.setItem(row, column, item)
        self.table.setVisible(bool(dossiers))
        self.empty.setVisible(not dossiers)
        if dossiers:
            self.table.selectRow(0)
        self._selection_changed()

    def _shown(self, dossier: Dossier) -> tuple[tuple[str, ...], bool]:
        """The row, or a damaged one when a stored value breaks it: one dossier never stops the list."""
        try:
            return self._cells(dossier)
        except (StoreError, ValueError, KeyError, OverflowError) as error:
            return _damaged_cells(DamagedDossier(dossier.id, dossier.name, str(error))), False

    def _cells(self, dossier: Dossier) -> tuple[tuple[str, ...], bool]:
        """The row's texts, and whether its deadline is near or past (shown in bold, with ⚠)."""
        general = self.content.general
        flow = self.content.flows[dossier.connection]
        progress = flow_progress(flow, self.store.ticked_items(dossier.id), dossier.role)
        today = self.clock.today()
        deadline = next_deadline_in_brief(
            deadline_dates(dossier, self.store.care_providers(dossier.id), today), today
        )
        cells = (
            dossier.name,
            general.connection_types[dossier.connection].label,
            general.roles[dossier.role].name,
            progress.counted(),
            deadline.text,
        )
        return cells, deadline.threatened

    def selected_dossier(self) -> Dossier | None:
        items = self.table.selectedItems()
        return self.store.dossier(items[0].data(DOSSIER_ID_ROLE)) if items else None

    def _selection_changed(self) -> None:
        items = self.table.selectedItems()
        usable = bool(items) and items[0].data(DOSSIER_ID_ROLE) not in self.damaged_ids
        for button in (self.open_button, self.rename_button):
            button.setEnabled(usable)
        self.delete_button.setEnabled(bool(items))

    def _open(self) -> None:
        dossier = self.selected_dossier()
        if dossier:
            self.openRequested.emit(dossier.id)

    def _rename(self) -> None:
        dossier = self.selected_dossier()
        if dossier is None:
            return
        name, problem = dossier.name, ""
        while True:
            prompt = (f"{problem}\n\n" if problem else "") + "Nieuwe naam van de organisatie:"
            name = ask_text(self, "Naam wijzigen", prompt, name, NAME_MAX_LENGTH)
            if name is None:
                return
            try:
                self.store.rename_dossier(dossier.id, name)
            except DossierNameError as error:
                problem = str(error)
                continue
            except StoreError as error:
                self.saveFailed.emit(str(error))
                return
            break
        self.refresh()

    def _delete(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        dossier_id, name = items[0].data(DOSSIER_ID_ROLE), items[0].text()
        question = (
            f"Het dossier ‘{name}’ verwijderen, met alle afgevinkte actiepunten en "
            "notities? Dit kan niet ongedaan worden gemaakt."
        )
        if not confirm(self, "Dossier verwijderen", question, "Verwijderen"):
            return
        try:
            self.store.delete_dossier(dossier_id)
        except StoreError as error:
            self.saveFailed.emit(str(error))
        self.refresh()


def _damaged_cells(dossier: DamagedDossier) -> tuple[str, ...]:
    """A dossier the app can't show: its name, and why; it can be deleted, and the others work."""
    return (dossier.name, f"{DAMAGED}: {dossier.problem}", "—", "—", "—")
