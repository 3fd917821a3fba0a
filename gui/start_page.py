"""The start page: the dossiers with New, Open, Rename and Delete, and what the assessment is."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeGuard

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableWidgetItem,
)

from gui.day_clock import DayClock
from gui.dialogs import ask_text, confirm
from gui.page_parts import ROW_KEY_ROLE, Page, RowTable, TableRow, label, warning_box
from gui.rich_text import blocks_html, bold_heading, paragraph
from model.content import Content
from model.deadline_text import Urgency, dossier_urgency
from model.dossier import NAME_MAX_LENGTH, DamagedDossier, Dossier, DossierNameError, DossierOverview
from model.progress import flow_progress
from model.register import deadline_dates
from model.rounds import FIRST_ROUND, round_name
from model.store import StoreError
from model.timeline import State

if TYPE_CHECKING:
    from model.store import Store

DEADLINE_COLUMN = 4
COLUMNS = ("Organisatie", "Aansluiting", "Uw rol", "Voortgang", "Volgende termijn")
# The state of a dossier's next deadline repeated in colour (the words say it): the countdown bar's.
URGENCY_COLOURS = {
    State.OVERDUE: ("#fbe3e5", "#a4000f"),
    State.TODAY: ("#fff4d6", "#1a1a1a"),
    State.DUE_SOON: ("#fff4d6", "#1a1a1a"),
}
DAMAGED = "Beschadigd"


class StartPage(Page):
    newRequested = Signal()
    openRequested = Signal(int)
    exportDamagedRequested = Signal(int, str)  # a damaged dossier's id and name: export what can be read
    saveFailed = Signal(str)

    def __init__(self, store: Store, content: Content, clock: DayClock) -> None:
        super().__init__(wide=True)
        self.store, self.content, self.clock = store, content, clock
        clock.dayChanged.connect(self.refresh)
        general = content.general
        self.add_header("", "DigiD Assessment Wegwijzer")
        saved = general.where_saved(store.shared_address)
        self.add(label(f"{general.welcome} {saved}", "purpose"))

        self.add(label("Uw dossiers", "heading"))
        self.urgencies: list[Urgency | None] = []  # per row of the list: its next deadline's
        self.table = RowTable(COLUMNS, "dossierList", "Uw dossiers", self._show_urgency)
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
        self.export_damaged_button = QPushButton("Exporteren …")
        self.export_damaged_button.setObjectName("exportDamagedButton")
        self.export_damaged_button.setToolTip("Wat leesbaar is van dit dossier in een bestand opslaan")
        for button in (
            self.new_button,
            self.open_button,
            self.rename_button,
            self.export_damaged_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self._open)
        self.rename_button.clicked.connect(self._rename)
        self.delete_button.clicked.connect(self._delete)
        self.export_damaged_button.clicked.connect(self._export_damaged)

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
        usable, damaged = self.store.dossier_overviews()  # one query, however many dossiers
        shown = [(each.dossier.id, *self._shown(each)) for each in usable]
        rows = sorted((row for row in shown if row[2]), key=lambda row: row[2].sort_key)  # most urgent first
        rows += [row for row in shown if not row[2]]  # damaged ones last
        rows += [(each.id, _damaged_cells(each), None) for each in damaged]
        dossiers = [row[0] for row in rows]
        self.damaged_ids = {row[0] for row in rows if row[1][1].startswith(DAMAGED)}
        self.urgencies = [row[2] for row in rows]
        self.table.fill(
            [
                TableRow(dossier_id, cells, bold=frozenset({DEADLINE_COLUMN} if _pressing(urgency) else ()))
                for dossier_id, cells, urgency in rows
            ]
        )
        self.table.setVisible(bool(dossiers))
        self.empty.setVisible(not dossiers)
        if dossiers:
            self.table.selectRow(0)
        self._selection_changed()

    def _shown(self, overview: DossierOverview) -> tuple[tuple[str, ...], Urgency | None]:
        """The row, or a damaged one when a stored value breaks it: one dossier never stops the list."""
        try:
            return self._cells(overview)
        except (ValueError, KeyError, OverflowError) as error:
            dossier = overview.dossier
            return _damaged_cells(DamagedDossier(dossier.id, dossier.name, str(error))), None

    def _cells(self, overview: DossierOverview) -> tuple[tuple[str, ...], Urgency]:
        """The row's texts, and its most pressing deadline (the list is sorted by it)."""
        general, dossier = self.content.general, overview.dossier
        flow = self.content.flows[dossier.connection]
        progress = flow_progress(flow, overview.ticked, dossier.role)
        today = self.clock.today()
        urgency = dossier_urgency(
            dossier.name,
            dossier.connection,
            deadline_dates(
                dossier,
                list(overview.care_providers),
                today,
                overview.annual_reports,
                overview.annual_repairs,
            ),
            today,
            general.timeline,
        )
        cells = (
            dossier.name,
            general.connection_types[dossier.connection].label,
            general.roles[dossier.role].name,
            progress.counted() + _round_note(overview.round_year),
            urgency.text,
        )
        return cells, urgency

    def _show_urgency(self, item: QTableWidgetItem, row: int, column: int) -> None:
        """A deadline near or past (in bold: `_pressing`) on the countdown bar's colour for its state."""
        urgency = self.urgencies[row]
        if column == DEADLINE_COLUMN and _pressing(urgency):
            background, text = URGENCY_COLOURS[urgency.state]
            item.setBackground(QColor(background))
            item.setForeground(QColor(text))

    def selected_dossier(self) -> Dossier | None:
        items = self.table.selectedItems()
        return self.store.dossier(items[0].data(ROW_KEY_ROLE)) if items else None

    def _selection_changed(self) -> None:
        items = self.table.selectedItems()
        usable = bool(items) and items[0].data(ROW_KEY_ROLE) not in self.damaged_ids
        for button in (self.open_button, self.rename_button):
            button.setEnabled(usable)
        self.delete_button.setEnabled(bool(items))
        self.export_damaged_button.setVisible(bool(self.damaged_ids))  # there only when it is needed
        self.export_damaged_button.setEnabled(bool(items) and not usable)

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

    def _export_damaged(self) -> None:
        items = self.table.selectedItems()
        if items and items[0].data(ROW_KEY_ROLE) in self.damaged_ids:
            self.exportDamagedRequested.emit(items[0].data(ROW_KEY_ROLE), items[0].text())

    def _delete(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        dossier_id, name = items[0].data(ROW_KEY_ROLE), items[0].text()
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


def _pressing(urgency: Urgency | None) -> TypeGuard[Urgency]:
    """A deadline near or past: shown in bold, on its state's colour."""
    return urgency is not None and urgency.state in URGENCY_COLOURS


def _damaged_cells(dossier: DamagedDossier) -> tuple[str, ...]:
    """A dossier the app can't show: its name, and why; it can be deleted, and the others work."""
    return (dossier.name, f"{DAMAGED}: {dossier.problem}", "—", "—", "—")


def _round_note(round_year: int) -> str:
    """Which round the progress counts, once it is not the first: ' (jaarronde 2028)'."""
    return "" if round_year == FIRST_ROUND else f" ({round_name(round_year).lower()})"
