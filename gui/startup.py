"""Opening the data: one app per data folder, and what to do when the database can't be used.

A damaged database has already been set aside, untouched, by the store; here the user chooses
between the newest backup and a fresh start. A shared database that can't be reached is not the
end of the day: the user may try again or work on this computer's database meanwhile. Without a
user (--smoke-test) nothing is asked: the store is opened without setting anything aside, and
any problem is one line on stderr.

A data folder's database is opened after the window's first paint when the answers the window
needs were kept at the last close (`model.first_paint`): the window is there before SQLAlchemy.
"""

from __future__ import annotations

import builtins
import contextlib
import importlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLockFile, QObject, Qt, QTimer
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMessageBox, QWidget

from gui.dialogs import ask_text, inform
from model.backups import Backup, list_backups
from model.dutch import date_and_time
from model.first_paint import FirstPaintStore, file_state, forget_answers, kept_answers
from model.locations import cache_dir
from model.store import DATABASE_NAME, DamagedDatabaseError, StoreError
from model.system_errors import dutch_reason
from model.user_settings import (
    SettingsNotSavedError,
    SharedDatabase,
    UserSettings,
    credential_store_available,
    stored_password,
)

if TYPE_CHECKING:
    from gui.main_window import MainWindow
    from model.store import Store

LOCK_NAME = "wegwijzer.lock"
DISPLAY_NAME_PROMPT = "Uw naam, voor de geschiedenis van een gedeelde database:"
DISPLAY_NAME_MAX_LENGTH = 80
RETRY, WORK_LOCALLY, QUIT = "retry", "local", "quit"  # answers when the shared database can't be opened


class FolderInUseError(StoreError):
    """Another copy of the app works in this data folder."""


def lock_data_folder(folder: Path) -> QLockFile | None:
    """Hold the folder's lock for as long as the app runs; None when another copy of the app holds it.

    A lock is only in use when the process it names is alive and is this app; an empty or garbled
    lock (a power cut), or one naming a dead or an unrelated process, is taken over."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = dutch_reason(error)
        raise StoreError(f"De gegevens in {folder} kunnen niet worden geopend: {reason}.") from error
    path = folder / LOCK_NAME
    if path.exists() and not path.is_file():
        raise StoreError(
            f"In de gegevensmap {folder} staat een map of ander item met de naam ‘{LOCK_NAME}’, waar de app "
            "een eigen bestand nodig heeft. Verwijder of hernoem het en start de app opnieuw."
        )
    if not lock_in_use(path):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # judge staleness by the process, not by age
    if lock.tryLock(100):
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError or not _writable(folder):
        raise StoreError(read_only_folder_message(folder))
    return None


def _writable(folder: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def read_only_folder_message(folder: Path) -> str:
    return (
        f"In de gegevensmap {folder} mag niet worden geschreven. Geef uzelf schrijfrechten op die map, "
        "of start de app met een andere map."
    )


def lock_in_use(path: Path) -> bool:
    """Whether the lock file names a live process of this app (QLockFile's first line is the pid)."""
    try:
        first = path.read_bytes()[:64].split(b"\n", 1)[0].strip()
    except OSError:
        return False
    if not first.isdigit():
        return False
    return process_is_this_app(int(first))


def process_is_this_app(pid: int) -> bool:
    """Alive and this app: on Linux judged from /proc/<pid>/cmdline (our executable, or main.py).

    Elsewhere there is no portable way to read another process's command line; QLockFile's own
    check (the process is alive and has the name the lock records) then decides."""
    if pid == os.getpid():
        return True
    proc = Path("/proc")
    if not proc.is_dir():
        return True  # not decided here: tryLock asks the system
    try:
        arguments = (proc / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return False  # gone
    names = [Path(os.fsdecode(each)).name for each in arguments if each]
    return bool(names) and (names[0] == Path(sys.executable).name or "main.py" in names)


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


def open_store_interactively(source: Path | str) -> Store:
    """The store, after asking what to do if the database was damaged; StoreError when it can't open."""
    from model.store import Store

    try:
        return Store(source)
    except DamagedDatabaseError as damaged:  # only a local file can be damaged
        backups = list_backups(damaged.path)
        newest = backups[0] if backups else None
        wants_backup = ask_restore_after_damage(damaged, newest)
        store = Store(source)
        if wants_backup and newest is not None:
            store.restore_backup(newest)
        return store
    except StoreError as error:
        inform(None, "Gegevens kunnen niet worden geopend", str(error), QMessageBox.Icon.Critical)
        raise


def open_local(folder: Path, interactive: bool = True) -> tuple[FirstPaintStore, QLockFile]:
    """The database in a data folder, with the folder's lock held; FolderInUseError when another copy
    of the app has it, StoreError when the database can't be opened.

    With the answers kept at the last close still fitting the file, it is opened only when the
    window was painted (`open_when_painted`) or something else is asked of it."""
    lock = lock_data_folder(folder)
    if lock is None:
        raise FolderInUseError(already_open_message(folder))

    def open_store() -> Store:
        from model.store import Store

        return open_store_interactively(folder) if interactive else Store(folder, set_aside_damaged=False)

    database, cache = folder / DATABASE_NAME, cache_dir()
    answers = kept_answers(cache, database)
    if answers is not None:
        return FirstPaintStore(database, cache, open_store, answers), lock
    try:
        store = open_store()
    except StoreError:
        lock.unlock()
        raise
    return FirstPaintStore.around(store, cache), lock


def open_data(
    source: Path | str, local_folder: Path, interactive: bool
) -> tuple[Store | FirstPaintStore, QLockFile | None]:
    """The store to work on and, for a data folder, its lock. A shared database that can't be opened
    lets the user try again, work in `local_folder` instead, or quit (StoreError)."""
    while isinstance(source, str):
        from model.store import Store

        try:
            return Store(source), None
        except StoreError as error:
            if not interactive:
                raise
            choice = ask_when_server_fails(error, local_folder)
            if choice == QUIT:
                raise
            if choice == WORK_LOCALLY:
                source = local_folder
    return open_local(source, interactive)


def ask_when_server_fails(error: StoreError, local_folder: Path) -> str:
    """RETRY, WORK_LOCALLY or QUIT: what to do now that the shared database can't be opened."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Gedeelde database niet te openen", "")
    box.setObjectName("sharedDatabaseProblem")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        f"{error}\n\nEr gaat niets verloren: wat in de gedeelde database staat, blijft daar staan. U kunt "
        "het opnieuw proberen, of nu op deze computer werken met de dossiers die hier staan "
        f"({local_folder}). Via Dossier → Gegevensbron kiest u later weer de gedeelde database."
    )
    buttons = {
        RETRY: box.addButton("Opnieuw proberen", QMessageBox.ButtonRole.AcceptRole),
        WORK_LOCALLY: box.addButton("Op deze computer werken", QMessageBox.ButtonRole.ActionRole),
        QUIT: box.addButton("Afsluiten", QMessageBox.ButtonRole.RejectRole),
    }
    box.setDefaultButton(buttons[RETRY])
    box.exec()
    return next((choice for choice, button in buttons.items() if box.clickedButton() is button), QUIT)


def remembered_address(choice: SharedDatabase) -> str:
    """The remembered shared database's address, with its password from the credential store, or
    else as the user types it (kept nowhere); without either libpq looks for one itself
    (PGPASSWORD, a pgpass file)."""
    return choice.address(stored_password(choice) or ask_password(choice))


def ask_password(choice: SharedDatabase) -> str | None:
    dialog = QInputDialog()
    dialog.setObjectName("passwordPrompt")
    dialog.setWindowTitle("Wachtwoord voor de gedeelde database")
    where = (
        "Het staat niet in de wachtwoordkluis van deze computer; via Dossier → Gegevensbron komt het daarin."
        if credential_store_available()
        else "Deze computer heeft geen wachtwoordkluis; het wachtwoord wordt nergens bewaard."
    )
    dialog.setLabelText(
        f"Het wachtwoord van {choice.user} voor de database {choice.database} op {choice.host}:\n({where})"
    )
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setOkButtonText("Verbinden")
    dialog.setCancelButtonText("Zonder wachtwoord")
    dialog.findChild(QLabel).setTextFormat(Qt.TextFormat.PlainText)
    return dialog.textValue() if dialog.exec() else None


def ask_display_name_once(parent: QWidget, store: Store, user: UserSettings) -> None:
    """On a shared database the history says who changed what: ask the name the first time."""
    if not store.shared or user.display_name_asked():
        return
    name = ask_text(parent, "Uw naam", DISPLAY_NAME_PROMPT, "", DISPLAY_NAME_MAX_LENGTH)
    try:
        user.set_display_name(name or "")
    except SettingsNotSavedError as error:
        inform(parent, "Uw naam", str(error), QMessageBox.Icon.Warning)
    store.author = user.display_name() or None


class _FirstPaint(QObject):
    """Calls `act` once, as soon as the event loop is free after `widget`'s first paint."""

    def __init__(self, widget: QWidget, act: Callable[[], None]) -> None:
        super().__init__(widget)
        self.act = act
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.act)
        return False


def after_first_paint(widget: QWidget, act: Callable[[], None]) -> None:
    _FirstPaint(widget, act)


@contextlib.contextmanager
def python_import() -> Iterator[None]:
    """Python's own import for SQLAlchemy's 150 modules after the paint. PySide6 replaces `import`
    with a hook (PYSIDE-2029) that reads the whole source of every module imported after PySide6,
    looking for a `from __feature__` that SQLAlchemy never has: some 20 MB and 0.3 s."""
    hooked = builtins.__import__
    builtins.__import__ = importlib.__import__
    try:
        yield
    finally:
        builtins.__import__ = hooked


def open_when_painted(window: MainWindow) -> None:
    """Open a store the window was painted from right after that paint, before the user can act.

    Should it fail now (the file was readable at the last close), the user is told why, the kept
    answers are forgotten and the app closes: the next start opens the database first. Should the
    file prove damaged, the user chooses a backup or a fresh start as at any start, and the window
    shows the start page of what the database holds then."""

    def open_store() -> None:
        store = window.store
        if not isinstance(store, FirstPaintStore) or store.opened or not window.isVisible():
            return  # a window closed at once needs no database
        painted_from = file_state(store.path)
        try:
            with python_import():
                store.open()  # asks, or says why not, as at any start (open_store_interactively)
        except StoreError:
            forget_answers(cache_dir(), store.path)
            window.close()
            return
        if file_state(store.path) != painted_from:  # damaged, and set aside for a backup or a fresh start
            window.show_start()  # not what was painted: the list as the database has it now

    after_first_paint(window, open_store)
