"""Opening the data folder: one app per folder, and what to do when the database can't be used.

A damaged database has already been set aside, untouched, by the store; here the user chooses
between the newest backup and a fresh start. Without a user (--smoke-test) nothing is asked:
the store is opened without setting anything aside, and any problem is one line on stderr.
"""

from pathlib import Path

from PySide6.QtCore import QLockFile, Qt
from PySide6.QtWidgets import QMessageBox

from gui.dialogs import inform
from model.backups import Backup, list_backups
from model.dutch import date_and_time
from model.store import DATABASE_NAME, DamagedDatabaseError, Store, StoreError

LOCK_NAME = "wegwijzer.lock"


def lock_data_folder(folder: Path) -> QLockFile | None:
    """Hold the folder's lock for as long as the app runs; None when another app holds it.

    A lock left by a crashed app is stale: QLockFile sees its process is gone and takes it over."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"De gegevens in {folder} kunnen niet worden geopend: {error}") from error
    lock = QLockFile(str(folder / LOCK_NAME))
    lock.setStaleLockTime(0)  # judge staleness by the process, not by age
    return lock if lock.tryLock(100) else None


def already_open_message(folder: Path) -> str:
    return (
        "DigiD Assessment Wegwijzer is al geopend met deze gegevens. Gebruik het venster dat al open is "
        f"(gegevensmap: {folder})."
    )


def ask_restore_after_damage(damaged: DamagedDatabaseError, newest: Backup | None) -> bool:
    """Tell where the damaged file went; True when the user wants the newest backup back."""
    text = (
        f"{damaged}\n\nHet bestand is niet gewijzigd of verwijderd; het staat apart als:\n"
        f"{damaged.moved_to}\n\n"
    )
    box = QMessageBox(QMessageBox.Icon.Warning, "Gegevens beschadigd", "")
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = None
    if newest is not None:
        made = date_and_time(newest.made_at)
        text += f"U kunt de nieuwste back-up (van {made}) terugzetten, of opnieuw beginnen met lege gegevens."
        restore = box.addButton(f"Back-up van {made} terugzetten", QMessageBox.ButtonRole.AcceptRole)
    else:
        text += "Er is geen back-up. U kunt opnieuw beginnen met lege gegevens."
    fresh = box.addButton("Opnieuw beginnen", QMessageBox.ButtonRole.DestructiveRole)
    box.setText(text)
    box.setDefaultButton(restore or fresh)
    box.exec()
    return restore is not None and box.clickedButton() is restore


def open_store_interactively(folder: Path) -> Store:
    """The store, after asking what to do if the database was damaged; StoreError when it can't open."""
    try:
        return Store(folder)
    except DamagedDatabaseError as damaged:
        backups = list_backups(folder / DATABASE_NAME)
        newest = backups[0] if backups else None
        wants_backup = ask_restore_after_damage(damaged, newest)
        store = Store(folder)
        if wants_backup and newest is not None:
            store.restore_backup(newest)
        return store
    except StoreError as error:
        inform(None, "Gegevens kunnen niet worden geopend", str(error), QMessageBox.Icon.Critical)
        raise
