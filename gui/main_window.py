"""The main window: the start page or one dossier, the menus, and a bar that says when saving failed."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLockFile, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.data_actions import DataActions
from gui.day_clock import DayClock
from gui.dialogs import confirm, inform
from gui.dossier_editor import DossierEditor
from gui.dossier_view import GLOSSARY, DossierView
from gui.elided_label import TITLE_MAX_LENGTH, shortened
from gui.menus import MENUS, MenuEntry
from gui.start_page import StartPage
from gui.window_geometry import encoded_geometry, place_main_window
from gui.yearly_round import start_next_round
from gui.zoom import PRESENTATION_FACTOR, apply_zoom, next_level
from model.content import Content
from model.dossier import Dossier
from model.locations import APP_NAME
from model.store import StoreError
from model.system_errors import dutch_reason
from model.user_settings import SettingsNotSavedError, UserSettings
from model.version import __version__

if TYPE_CHECKING:
    from gui.summary_printer import SummaryPrinter
    from model.store import Store

BACKUP_DELAY_MS = 1500  # after the first paint: start-up stays quick
STATUS_MESSAGE_MS = 20_000  # long enough to read a backup's path aloud in a meeting
LIVE_REFRESH_MS = 3000  # how often an app on a shared database looks for colleagues' changes


def stored_zoom(value: str | None) -> float:
    try:
        return next_level(float(value or 1.0), 0)
    except ValueError:
        return 1.0


class MainWindow(QMainWindow):
    def __init__(
        self, store: Store, content: Content, clock: DayClock | None = None, user: UserSettings | None = None
    ) -> None:
        super().__init__()
        self.store, self.content = store, content
        self.user = user or UserSettings.of(store)  # zoom, window, last dossier: the person's own
        self.folder_lock: QLockFile | None = None  # the local data folder's, while working there
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        place_main_window(self, self.user.window_geometry(store))
        self.dossier_view: DossierView | None = None
        self.presenting = False
        self._state_before_presentation = Qt.WindowState.WindowNoState
        self.zoom = stored_zoom(self.user.zoom(store))
        self.clock = clock or DayClock()

        self.save_error = QFrame()
        self.save_error.setObjectName("saveError")
        self.save_error_text = QLabel()
        self.save_error_text.setObjectName("saveErrorText")
        self.save_error_text.setTextFormat(Qt.TextFormat.PlainText)
        self.save_error_text.setWordWrap(True)
        error_layout = QHBoxLayout(self.save_error)
        error_layout.setContentsMargins(16, 8, 16, 8)
        error_layout.addWidget(self.save_error_text)
        self.save_error.hide()

        self.pages = QStackedWidget()
        self._start_page: StartPage | None = None
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.save_error)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.statusBar()  # where a hovered link shows its address (page_parts.RichLabel)
        self._printer: SummaryPrinter | None = None
        self.data_actions = DataActions(store, self)
        self.data_actions.aboutToReplaceData.connect(self.show_start)
        self.data_actions.dataReplaced.connect(self.show_start)
        self.data_actions.dossierImported.connect(self.open_dossier)
        self.data_actions.message.connect(self.show_message)
        self.data_actions.failed.connect(self.show_failure)  # a method: queued from the backup thread
        self._build_menus()
        self._apply_zoom()
        self._reopen_last_dossier()
        if self.dossier_view is None:
            self.show_start()
        QTimer.singleShot(BACKUP_DELAY_MS, self, self.data_actions.backup_on_start)
        self.live_refresh = QTimer(self, interval=LIVE_REFRESH_MS)
        self.live_refresh.timeout.connect(self._follow_colleagues)
        self._suit_data_source()

    def _build_menus(self) -> None:
        """One action per row of MENUS; those that need an open dossier are kept in `dossier_actions`."""
        self.dossier_actions: list[QAction] = []
        self.shared_only_actions: list[QAction] = []
        for title, entries in MENUS:
            menu = self.menuBar().addMenu(title) if title else None
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                    continue
                action = self._action(entry)
                self.addAction(action)  # its shortcut works with the menu bar hidden (presentation)
                if menu is not None:
                    menu.addAction(action)
                if entry.needs_dossier:
                    self.dossier_actions.append(action)
                if entry.shared_only:
                    self.shared_only_actions.append(action)
        self._enable_dossier_actions()
        self.leave_presentation = QShortcut(QKeySequence("Esc"), self, lambda: self.set_presentation(False))
        self.leave_presentation.setEnabled(False)

    def _action(self, entry: MenuEntry) -> QAction:
        action = QAction(entry.text, self)
        action.setObjectName(entry.name)
        action.setShortcut(QKeySequence(entry.shortcut))
        slot = getattr(self, entry.slot)
        if entry.checkable:
            action.setCheckable(True)
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda: slot())  # not slot(checked)
        return action

    def show_glossary(self) -> None:
        if self.dossier_view is not None and self.dossier_view.editor is not None:
            self.dossier_view.wizard.go_to(GLOSSARY)

    def about(self) -> None:
        inform(self, f"Over {APP_NAME}", f"{APP_NAME} {__version__}\n\n{self.content.general.welcome}")

    # Zoom and presentation

    def _apply_zoom(self) -> None:
        if self.dossier_view is not None:
            self.dossier_view.before_restyle()
        apply_zoom(self.zoom * (PRESENTATION_FACTOR if self.presenting else 1))

    def _set_zoom(self, level: float) -> None:
        self.zoom = level
        self._apply_zoom()
        try:
            self.user.set_zoom(level)
        except SettingsNotSavedError as error:
            self.show_failure(str(error))

    def zoom_in(self) -> None:
        self._set_zoom(next_level(self.zoom, 1))

    def zoom_out(self) -> None:
        self._set_zoom(next_level(self.zoom, -1))

    def zoom_reset(self) -> None:
        self._set_zoom(1.0)

    def toggle_presentation(self) -> None:
        self.set_presentation(not self.presenting)

    def set_presentation(self, on: bool) -> None:
        """Full screen and larger, the current step with the countdown and the step list; Esc leaves."""
        if on == self.presenting or (on and self.open_dossier_record() is None):
            return
        self.presenting = on
        self.leave_presentation.setEnabled(on)
        self.menuBar().setVisible(not on)
        self.statusBar().setVisible(not on)
        self.dossier_view.set_presentation(on)
        self._apply_zoom()
        if on:
            self._state_before_presentation = self.windowState()
            self.showFullScreen()
        else:
            self.setWindowState(self._state_before_presentation)

    def include_history_in_summary(self, included: bool) -> None:
        self.printer.with_history = included

    def include_explanation_in_summary(self, included: bool) -> None:
        self.printer.with_explanation = included

    @property
    def printer(self) -> SummaryPrinter:
        """Made when first used: printing is not needed to show the window."""
        if self._printer is None:
            from gui.summary_printer import SummaryPrinter

            self._printer = SummaryPrinter(self, self.store, self.content, self.clock)
        return self._printer

    @property
    def start_page(self) -> StartPage:
        """Built when first shown: a reopened dossier needs no start page at start-up."""
        if self._start_page is None:
            self._start_page = StartPage(self.store, self.content, self.clock)
            self._start_page.newRequested.connect(self.new_dossier)
            self._start_page.openRequested.connect(self.open_dossier)
            self._start_page.exportDamagedRequested.connect(self.data_actions.export_damaged)
            self._start_page.saveFailed.connect(self.show_save_error)
            self.pages.addWidget(self._start_page)
        return self._start_page

    def _enable_dossier_actions(self) -> None:
        for action in self.dossier_actions:
            action.setEnabled(self.open_dossier_record() is not None)

    def open_dossier_record(self) -> Dossier | None:
        view = self.dossier_view
        return view.editor.dossier if view is not None and view.editor is not None else None

    def _with_open_dossier(self, act: Callable[[Dossier], None]) -> None:
        """Run a menu action on the open dossier, its pending edits saved first; without one, nothing."""
        dossier = self.open_dossier_record()
        if dossier is not None:
            self.dossier_view.flush_notes()
            self.printer.round_year = self.dossier_view.editor.round_year  # print the round on screen
            act(dossier)

    def preview_summary(self, step_id: str | None = None) -> None:
        self._with_open_dossier(lambda dossier: self.printer.preview(dossier, step_id))

    def print_summary(self) -> None:
        self._with_open_dossier(self.printer.print)

    def export_pdf(self) -> None:
        self._with_open_dossier(self._save_pdf)

    def _save_pdf(self, dossier: Dossier) -> None:
        try:
            path = self.printer.save_pdf(dossier)
        except OSError as error:
            self.show_failure(f"Het PDF-bestand kon niet worden opgeslagen: {dutch_reason(error)}.")
            return
        if path is not None:
            self.show_message(f"PDF opgeslagen: {path}")

    def start_round(self) -> None:
        self._with_open_dossier(lambda _dossier: self._start_round())

    def _start_round(self) -> None:
        year = start_next_round(self, self.dossier_view.editor)
        if year is not None:
            self.show_message(f"Jaarronde {year} gestart. Eerdere rondes kiest u bovenaan bij ‘Ronde’.")

    def export_dossier(self) -> None:
        self._with_open_dossier(self.data_actions.export_dossier)

    def import_dossier(self) -> None:
        self.data_actions.import_dossier()

    def restore_backup(self) -> None:
        self.data_actions.restore_backup()

    def copy_dossiers_to_shared(self) -> None:
        self.data_actions.copy_dossiers(to_this_computer=False, folder=self.user.folder)

    def copy_dossiers_to_this_computer(self) -> None:
        self.data_actions.copy_dossiers(to_this_computer=True, folder=self.user.folder)

    # The data source (issue 22)

    def choose_data_source(self) -> None:
        from gui.data_source_dialog import DataSourceDialog

        if self.dossier_view is not None:
            self.dossier_view.flush_notes()
        chosen = DataSourceDialog.choose(self, self.user, self.store)
        if chosen is not None:
            self.switch_to(*chosen)

    def switch_to(self, store: Store, lock: QLockFile | None) -> None:
        """Work on another database from now on: the old one closed, the start page shown."""
        self.close_dossier()
        old, self.store = self.store, store
        self.data_actions.store = store
        self._printer = None
        if self._start_page is not None:
            self.pages.removeWidget(self._start_page)
            self._start_page.deleteLater()
            self._start_page = None
        old.close()
        if self.folder_lock is not None and self.folder_lock is not lock:
            self.folder_lock.unlock()
        self.folder_lock = lock
        self._suit_data_source()
        self.show_start()

    def _suit_data_source(self) -> None:
        """What differs on a shared database: the history names who made a change, the app looks
        for colleagues' changes (a local file is locked to one app) and offers copying dossiers."""
        shared = self.store.shared
        self.store.author = (self.user.display_name() or None) if shared else None
        if shared:
            self.live_refresh.start()
        else:
            self.live_refresh.stop()
        for action in self.shared_only_actions:
            action.setVisible(shared)

    def _reopen_last_dossier(self) -> None:
        last = self.user.last_dossier_id(self.store)
        if last is not None and self.store.dossier(last) is not None:
            self.open_dossier(last)

    def _show_view(self, view: DossierView) -> None:
        self.close_dossier()
        self.dossier_view = view
        view.closeRequested.connect(self.show_start)
        view.printStepRequested.connect(self.preview_summary)
        view.startRoundRequested.connect(self.start_round)
        self.pages.addWidget(view)
        self.pages.setCurrentWidget(view)
        self._enable_dossier_actions()

    def close_dossier(self) -> None:
        """Take the open dossier off the screen, its notes saved."""
        self.set_presentation(False)
        if self.dossier_view is not None:
            self.dossier_view.flush_notes()
            self.pages.removeWidget(self.dossier_view)
            self.dossier_view.deleteLater()
            self.dossier_view = None

    def show_start(self) -> None:
        self.close_dossier()
        self._show_window_title()
        self._remember(None)
        self._enable_dossier_actions()
        built = self._start_page is not None
        page = self.start_page  # filled when it is built
        if built:
            page.refresh()  # the dossiers may have changed since it was last shown
        self.pages.setCurrentWidget(page)
        page.page_shown()  # focus where the closed dossier's widgets were: on the heading

    def new_dossier(self) -> None:
        view = DossierView(self.store, self.content, None, self.clock)
        view.created.connect(self._created)
        self._show_view(view)
        view.wizard.page("dossier").focus_first_field()

    def _created(self, dossier: Dossier) -> None:
        self.open_dossier(dossier.id)
        self.dossier_view.first_step()

    def open_dossier(self, dossier_id: int) -> None:
        dossier = self.store.dossier(dossier_id)
        if dossier is None:
            self.show_start()
            return
        try:
            editor = DossierEditor(self.store, self.content, dossier, self.clock.today)
            view = DossierView(self.store, self.content, editor, self.clock)
        except (StoreError, ValueError, KeyError, OverflowError) as error:  # an odd stored value
            self.show_start()
            self.show_save_error(f"Het dossier ‘{dossier.name}’ kan niet worden geopend: {error}", False)
            return
        editor.saveFailed.connect(self.show_save_error)
        editor.readFailed.connect(self.show_failure)
        editor.connectionRestored.connect(self._connection_restored)
        editor.changed.connect(self.save_error.hide)
        editor.changed.connect(self._show_window_title)
        self._show_view(view)
        self._show_window_title()
        self._remember(dossier_id)

    def _follow_colleagues(self) -> None:
        """Show colleagues' changes to the open dossier; not while a dialog waits for an answer."""
        view = self.dossier_view
        if view is not None and view.editor is not None and QApplication.activeModalWidget() is None:
            view.editor.follow_colleagues()

    def _connection_restored(self) -> None:
        self.dossier_view.flush_notes()  # what was typed while the database could not be reached
        if not self.dossier_view.editor.offline:
            self.save_error.hide()
            self.show_message("De verbinding met de gedeelde database is terug; uw wijzigingen zijn bewaard.")

    def _may_close(self) -> bool:
        """Yes, unless ticks or typing still wait for the shared database: then one more try to
        save them, and when the line is still down, only if the user gives them up."""
        editor = self.dossier_view.editor if self.dossier_view is not None else None
        if editor is None or not editor.offline:
            return True
        editor.follow_colleagues()  # the connection may be back: then it is saved now
        if not editor.offline:
            return True
        return confirm(
            self,
            "Wijzigingen nog niet bewaard",
            "De verbinding met de gedeelde database is verbroken. Wat u sindsdien hebt afgevinkt of "
            "getypt, is nog niet bewaard en gaat verloren als u nu afsluit.\n\nLaat de wegwijzer "
            "open tot de verbinding terug is: dan wordt het vanzelf bewaard.",
            "Toch afsluiten",
        )

    def _show_window_title(self) -> None:
        """The open dossier's name first, as the task bar shows it; a long name is cut short."""
        dossier = self.open_dossier_record()
        name = f"{shortened(dossier.name, TITLE_MAX_LENGTH)} — " if dossier is not None else ""
        self.setWindowTitle(name + APP_NAME)

    def _remember(self, dossier_id: int | None) -> None:
        """The dossier to reopen at the next start; a read, not a committed write, when it is the one
        remembered already (every start: the window can be painted before the database is open)."""
        try:
            if dossier_id != self.user.last_dossier_id(self.store):
                self.user.remember_last_dossier(self.store, dossier_id)
        except (StoreError, SettingsNotSavedError) as error:
            self.show_save_error(str(error))

    def show_save_error(self, message: str, kept_on_screen: bool = True) -> None:
        kept = (
            "\nUw laatste wijziging staat nog op het scherm maar is niet bewaard." if kept_on_screen else ""
        )
        self.save_error_text.setText(message + kept)
        self.save_error.show()

    def show_failure(self, message: str) -> None:
        """An action that changed nothing failed: say why (no edit of the user's is at stake)."""
        self.show_save_error(message, kept_on_screen=False)

    def show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MESSAGE_MS)

    def changeEvent(self, event: QEvent) -> None:
        """Back from sleep past midnight: the timer may not have run, so look at the date now."""
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.clock.check()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dossier_view is not None:
            self.dossier_view.flush_notes()
            if not self._may_close():
                event.ignore()
                return
        self.live_refresh.stop()  # a look after the store is closed would open a new connection
        geometry = encoded_geometry(self)
        with suppress(SettingsNotSavedError):  # only the window's place is lost; the next start picks one
            if geometry != self.user.window_geometry(self.store):
                self.user.set_window_geometry(geometry)
        self.store.close()
        if self.folder_lock is not None:  # the folder is free for the next start at once
            self.folder_lock.unlock()
        super().closeEvent(event)
