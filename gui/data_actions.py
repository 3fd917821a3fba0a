"""The safety net in the menu: back-ups on start and restoring one, exporting and importing a dossier,
and copying the dossiers between this computer and a shared database (moving in)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs import confirm, inform
from gui.page_parts import label
from gui.window_geometry import resize_within_screen
from model.backups import Backup, backup_if_changed
from model.dossier import Dossier, DossierNameError
from model.dutch import date_and_time
from model.locations import safe_file_name
from model.store import DATABASE_NAME, StoreError
from model.system_errors import dutch_reason

if TYPE_CHECKING:
    from model.store import Store

BACKUP_REASONS = {
    "": "bij het starten",
    "voor-terugzetten": "voor het terugzetten van een back-up",
}


def backup_description(backup: Backup) -> str:
    reason = BACKUP_REASONS.get(backup.reason)
    if reason is None and backup.reason.startswith("voor-upgrade-v"):
        reason = "voor het bijwerken naar een nieuwe versie"
    return f"{date_and_time(backup.made_at)} — {reason or backup.reason}"


def choose_backup(parent: QWidget, backups: list[Backup]) -> Backup | None:
    """The backup the user picks from a list, newest first; None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Back-up terugzetten")
    layout = QVBoxLayout(dialog)
    layout.addWidget(
        label(
            "Kies de back-up die u wilt terugzetten. Uw huidige gegevens worden eerst zelf als back-up "
            "bewaard, zodat u dit ongedaan kunt maken."
        )
    )
    choices = QListWidget()
    choices.setObjectName("backupList")
    for backup in backups:
        item = QListWidgetItem(backup_description(backup))
        item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
        choices.addItem(item)
    choices.setCurrentRow(0)
    layout.addWidget(choices)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    buttons.addButton("Terugzetten", QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    choices.itemDoubleClicked.connect(dialog.accept)
    layout.addWidget(buttons)
    resize_within_screen(dialog, 560, 420)
    if dialog.exec() != QDialog.DialogCode.Accepted or choices.currentRow() < 0:
        return None
    return backups[choices.currentRow()]


def ask_name_clash(parent: QWidget, name: str) -> str | None:
    """'replace', 'both' or None (cancel) when an imported dossier's name is taken."""
    box = QMessageBox(
        QMessageBox.Icon.Question, "Dossier bestaat al", "", QMessageBox.StandardButton.NoButton, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        f"Er is al een dossier met de naam ‘{name}’. Wilt u het bestaande dossier vervangen door het "
        "geïmporteerde, of beide houden?"
    )
    replace = box.addButton("Vervangen", QMessageBox.ButtonRole.DestructiveRole)
    both = box.addButton("Beide houden", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("Annuleren", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return {replace: "replace", both: "both"}.get(box.clickedButton())


class StartBackup(QRunnable):
    """The start-up backup, off the GUI thread: comparing and copying 500 dossiers takes most of a
    second. It opens its own SQLite connections (model.backups), never the store's."""

    def __init__(self, database: Path, failed: SignalInstance) -> None:
        super().__init__()
        self.database, self.failed = database, failed

    def run(self) -> None:
        try:
            backup_if_changed(self.database, datetime.now())
        except (OSError, sqlite3.Error) as error:
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody to tell
                self.failed.emit(f"De automatische back-up kon niet worden gemaakt: {dutch_reason(error)}")


class DataActions(QObject):
    """Backups, restore, export and import, as a controller: it is handed the store and a parent for
    its dialogs, and says by signals what the window should show; it knows nothing of the window."""

    aboutToReplaceData = Signal()  # take the open dossier off the screen (its edits saved) first
    dataReplaced = Signal()  # a backup is back in place: show the dossiers afresh
    dossierImported = Signal(int)  # open this dossier
    message = Signal(str)  # a short confirmation for the status bar
    failed = Signal(str)  # nothing was changed; say why (queued: may come from the backup thread)

    def __init__(self, store: Store, parent: QWidget) -> None:
        super().__init__(parent)
        self.store, self.parent_widget = store, parent
        self.backup_pool = QThreadPool()  # its own: deleting it waits for a backup under way
        self.backup_pool.setMaxThreadCount(1)

    def backup_on_start(self) -> None:
        """A copy of the data as they were when the app started, when anything changed since the last.

        Not of a shared database: its server's administrator makes its backups."""
        if self.store.shared:
            return
        self.backup_pool.start(StartBackup(self.store.path, self.failed))

    def restore_backup(self) -> None:
        try:
            backups = self.store.backups()
        except StoreError as error:  # a shared database has no backup files
            inform(self.parent_widget, "Back-up terugzetten", str(error))
            return
        if not backups:
            inform(self.parent_widget, "Back-up terugzetten", "Er zijn nog geen back-ups.")
            return
        chosen = choose_backup(self.parent_widget, backups)
        if chosen is None:
            return
        self.aboutToReplaceData.emit()
        try:
            kept = self.store.restore_backup(chosen)
        except (OSError, StoreError) as error:
            self.failed.emit(f"De back-up kon niet worden teruggezet: {error}")
            return
        self.dataReplaced.emit()
        self.message.emit(
            f"Back-up van {date_and_time(chosen.made_at)} teruggezet. "
            f"De gegevens van daarvoor staan in {kept}."
        )

    def export_dossier(self, dossier: Dossier) -> None:
        """Write the dossier as stored to a file the user picks; pending edits must be saved first."""
        from model.exchange import export_json  # loaded when first used, not at start-up

        chosen = self._write_export(
            dossier.name, lambda: export_json(self.store.snapshot(dossier.id), datetime.now())
        )
        if chosen:
            self.message.emit(f"Dossier geëxporteerd: {chosen}")

    def export_damaged(self, dossier_id: int, name: str) -> None:
        """Write what can be read of a damaged dossier, for whoever repairs it, and say what could not."""
        from model.salvage import Salvage, salvage  # loaded when first used, not at start-up

        salvaged: list[Salvage] = []  # read once the file is chosen, as an ordinary export is

        def text() -> str:
            salvaged.append(salvage(self.store, dossier_id, datetime.now()))
            return salvaged[0].text

        chosen = self._write_export(name, text)
        if chosen:
            inform(
                self.parent_widget,
                "Beschadigd dossier exporteren",
                f"Wat leesbaar is van het dossier ‘{name}’ staat in {chosen}. {salvaged[0].sentence()}",
            )

    def _write_export(self, name: str, text: Callable[[], str]) -> str | None:
        """Ask where, write `text()` there and return the file; None when cancelled or failed (said)."""
        suggested = str(Path.home() / f"DigiD-assessment {safe_file_name(name)}.wegwijzer.json")
        chosen, _ = QFileDialog.getSaveFileName(
            self.parent_widget, "Dossier exporteren", suggested, "Dossierbestand (*.json)"
        )
        if not chosen:
            return None
        try:
            Path(chosen).write_text(text(), encoding="utf-8")
        except (OSError, StoreError) as error:
            self.failed.emit(f"Het dossier kon niet worden geëxporteerd: {dutch_reason(error)}")
            return None
        return chosen

    def import_dossier(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.parent_widget,
            "Dossier importeren",
            str(Path.home()),
            "Dossierbestand (*.json);;Alle bestanden (*)",
        )
        if not chosen:
            return
        from model.exchange import ImportFileError, read_import  # loaded when first used

        try:
            snapshot = read_import(Path(chosen))
        except ImportFileError as problem:
            inform(
                self.parent_widget,
                "Dossier importeren",
                f"Dit bestand kan niet worden geïmporteerd. {problem}",
            )
            return
        name, replace = snapshot.dossier.name, self.store.find_dossier(snapshot.dossier.name)
        if replace is not None:
            answer = ask_name_clash(self.parent_widget, replace.name)
            if answer is None:
                return
            if answer == "both":
                name, replace = self.store.free_name(name), None
        self.aboutToReplaceData.emit()
        try:
            imported = self.store.add_snapshot(snapshot, name, replace)
        except (DossierNameError, StoreError) as error:
            self.failed.emit(f"Het dossier kon niet worden geïmporteerd: {error}")
            return
        self.dossierImported.emit(imported.id)
        self.message.emit(f"Dossier ‘{imported.name}’ geïmporteerd.")

    def copy_dossiers(self, to_this_computer: bool, folder: Path) -> None:
        """Copy every dossier from the open shared database to this computer's own data `folder`, or
        from there to the shared database: after a confirmation naming them, all or none."""
        from model.exchange import CopyRefusedError, copy_dossiers, dossiers_to_copy  # when first used
        from model.store import Store

        title = f"Dossiers kopiëren naar {'deze computer' if to_this_computer else 'de gedeelde database'}"
        if not to_this_computer and not (folder / DATABASE_NAME).exists():
            inform(self.parent_widget, title, f"Op deze computer staan geen dossiers (in {folder}).")
            return
        try:
            local = Store(folder, set_aside_damaged=False, read_only=not to_this_computer)
        except StoreError as error:
            inform(self.parent_widget, title, str(error))
            return
        origin, target = (self.store, local) if to_this_computer else (local, self.store)
        try:
            chosen = dossiers_to_copy(origin)
            if not chosen:
                inform(self.parent_widget, title, "Er zijn geen dossiers om te kopiëren.")
                return
            if not confirm(self.parent_widget, title, copy_question(chosen, origin, target), "Kopiëren"):
                return
            self.aboutToReplaceData.emit()  # the open dossier's last edits saved, and copied with it
            copies = copy_dossiers(origin, target, chosen, datetime.now())
        except CopyRefusedError as problem:
            inform(self.parent_widget, title, str(problem))
            return
        except StoreError as error:  # a server's reason may go on with details on further lines
            self.failed.emit(f"Er is niets gekopieerd: {str(error).splitlines()[0]}")
            return
        finally:
            local.close()
        self.dataReplaced.emit()
        copied = "1 dossier" if len(copies) == 1 else f"{len(copies)} dossiers"
        self.message.emit(f"{copied} gekopieerd naar {place(target)}.")


COPY_LISTED = 12  # dossiers named in the question; the rest counted


def copy_question(dossiers: list[Dossier], origin: Store, target: Store) -> str:
    named = [f"• {each.name}" for each in dossiers[:COPY_LISTED]]
    if len(dossiers) > COPY_LISTED:
        named.append(f"en nog {len(dossiers) - COPY_LISTED} andere")
    lines = "\n".join(named)
    what = "Dit dossier wordt" if len(dossiers) == 1 else f"Deze {len(dossiers)} dossiers worden"
    return (
        f"{what} gekopieerd\nvan {place(origin)}\nnaar {place(target)}:\n\n{lines}\n\n"
        "Alles wordt in één keer gekopieerd, of niets. Een naam die daar al bestaat, krijgt een nummer, "
        "zoals ‘Naam (2)’. Hier blijft alles zoals het is."
    )


def place(store: Store) -> str:
    """Where a store's data are, as the user knows the place."""
    return f"{'de gedeelde database' if store.shared else 'deze computer'} ({store.where})"
