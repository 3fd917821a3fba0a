"""The open dossier: every edit of a page goes through here to the store, and the pages hear of it."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from model.content import Connection, Content, Flow, Role
from model.dated_items import dated_field, items_recording
from model.dossier import CareProvider, Change, DateField, Dossier, DossierNameError
from model.register import deadline_dates, keeps_register, t0_explanation
from model.rounds import FIRST_ROUND, flow_in_round, next_round_year, round_start, yearly_report_of
from model.store import StoreError
from model.store.errors import ConnectionLostError, StaleEditError
from model.timeline import DossierDates, RepairDates

if TYPE_CHECKING:
    from model.store import Store

POSITION_SAVE_DELAY_MS = 500


class DossierEditor(QObject):
    """Keeps the dossier's state in memory as the store last confirmed it.

    `ticked` and `notes` are those of the round on screen (`round_year`): the newest, unless the
    user chose an older one, which stays editable (a late correction belongs in its own year)."""

    changed = Signal()  # the dossier's fields or its ticks changed
    roundShown = Signal()  # another round's ticks and notes are on screen (after `changed`)
    saveFailed = Signal(str)  # a Dutch message; the edit stays on screen
    readFailed = Signal(str)  # reading colleagues' changes failed (the connection is lost): a Dutch message
    connectionRestored = Signal()  # it can again: pages save what is still waiting (after the ticks)

    def __init__(self, store: Store, content: Content, dossier: Dossier, today: Callable[[], date]) -> None:
        super().__init__()
        self.store, self.content, self.dossier, self.today = store, content, dossier, today
        self.rounds: list[int] = store.rounds(dossier.id)
        self.round_year = self.rounds[-1]
        self.ticked: dict[str, datetime] = store.ticked_items(dossier.id, self.round_year)
        self.notes, self.note_versions = self._read_notes(self.round_year)
        self.providers: list[CareProvider] = store.care_providers(dossier.id)
        self.annual_reports: dict[int, date] = store.annual_reports(dossier.id)
        self.annual_repairs: dict[int, RepairDates] = store.annual_repairs(dossier.id)
        self._mark: tuple[object, ...] | None = None  # store.change_mark when last read (None: not yet)
        self.offline = False  # a save or a look failed for want of the shared database
        self._unsaved_ticks: dict[tuple[str, int], bool] = {}  # (item, round): ticked, kept while offline
        self._position = dossier.position  # as stored
        self._shown_position = dossier.position
        self._position_timer = QTimer(self, singleShot=True, interval=POSITION_SAVE_DELAY_MS)
        self._position_timer.timeout.connect(self.flush_position)
        self._folds: dict[str, bool] = {}  # step: its Toelichting open, as read or set this session
        self._first_visits: set[str] = set()  # steps seen for the first time, not yet written down

    def _read_notes(self, round_year: int) -> tuple[dict[str, str], dict[str, int]]:
        """The round's notes and the version of each (a note saved on an older one is refused)."""
        stored = self.store.versioned_notes(self.dossier.id, round_year)
        return (
            {step: text for step, (text, _version) in stored.items()},
            {step: version for step, (_text, version) in stored.items()},
        )

    @property
    def current_round(self) -> int:
        return self.rounds[-1]

    def show_round(self, round_year: int) -> None:
        """Put that round's ticks and notes on screen."""
        try:
            ticked = self.store.ticked_items(self.dossier.id, round_year)
            notes, versions = self._read_notes(round_year)
        except StoreError as error:
            self.saveFailed.emit(str(error))
            return
        self.round_year, self.ticked, self.notes, self.note_versions = round_year, ticked, notes, versions
        self.changed.emit()
        self.roundShown.emit()

    def follow_colleagues(self) -> None:
        """Read the dossier again when anyone changed it since the last look (a shared database,
        polled by the main window): colleagues' ticks, notes and register entries show without a
        restart; pages keep what the user is typing (see NotesField, RegisterPage)."""
        try:
            mark = self.store.change_mark(self.dossier.id)
            if self.offline:
                self._save_what_waited()
            if mark == self._mark or self.offline:
                return
            dossier = self.store.dossier(self.dossier.id)
            if dossier is None:  # deleted or damaged meanwhile: keep showing what was there
                return
            rounds = self.store.rounds(dossier.id)
            ticked = self.store.ticked_items(dossier.id, self.round_year)
            notes, versions = self._read_notes(self.round_year)
            providers = self.store.care_providers(dossier.id)
            reports, repairs = self.store.annual_reports(dossier.id), self.store.annual_repairs(dossier.id)
        except StoreError as error:
            self.offline = self.offline or isinstance(error, ConnectionLostError)
            self.readFailed.emit(str(error))
            return
        self._mark, self.dossier, self.rounds, self.ticked = mark, dossier, rounds, ticked
        self.notes, self.note_versions, self.providers = notes, versions, providers
        self.annual_reports, self.annual_repairs = reports, repairs
        self.changed.emit()

    def _save_what_waited(self) -> None:
        """Back online: the ticks kept meanwhile, then (through the pages) the typing still waiting."""
        self.offline = False
        waiting = list(self._unsaved_ticks.items())
        for (item_id, round_year), ticked in waiting:
            self._tick(item_id, ticked, round_year)
        if waiting:
            self.changed.emit()  # the ticks now show as saved ("Afgevinkt op …")
        if not self.offline:
            self.connectionRestored.emit()

    def next_round(self) -> int | None:
        """The year of the round "Nieuwe jaarronde starten" would open; None while T0 is unknown."""
        return next_round_year(self.current_round, self.deadline_dates.activation, self.today())

    def start_round(self) -> bool:
        """Open the next yearly round and show it: what is done once carries over; the report item
        is ticked at once when that year's report date was entered on the Termijnen page already."""
        year = self.next_round()
        if year is None:
            return False
        try:
            current = self.current_round
            ticked = self.store.ticked_items(self.dossier.id, current)
            notes = self.store.notes(self.dossier.id, current)
            self._save(self.store.start_round, year, round_start(self.flow, ticked, notes))
        except StoreError:
            return False
        self.rounds.append(year)
        self.show_round(year)
        if year in self.annual_reports and self._tick_dated_items(DateField.REPORT_SENT, year, True):
            self.changed.emit()
        return True

    def _dated_items(self, field: DateField) -> tuple[str, ...]:
        """This flow's action items that stand for the date."""
        return tuple(each for each in items_recording(field) if each in self.flow.action_item_ids)

    def recorded_date(self, field: DateField, round_year: int | None = None) -> date | None:
        """The date a dated item stands for in the round on screen (or in `round_year`): in a yearly
        round the report is that year's yearly report."""
        year = yearly_report_of(field, self.round_year if round_year is None else round_year)
        return getattr(self.dossier, field.value) if year is None else self.annual_reports.get(year)

    def set_recorded_date(self, field: DateField, value: date | None) -> bool:
        """Record the date of a dated item of the round on screen (ticking or unticking it)."""
        year = yearly_report_of(field, self.round_year)
        return self.set_date(field, value) if year is None else self.set_annual_report(year, value)

    @property
    def deadline_dates(self) -> DossierDates:
        """The dates the deadlines count from: T0 from the register once two care providers are live."""
        return deadline_dates(
            self.dossier, self.providers, self.today(), self.annual_reports, self.annual_repairs
        )

    def t0_explanation(self) -> str:
        """Which T0 the deadlines use when the register supplies it; empty otherwise."""
        return t0_explanation(self.dossier, self.providers, self.today())

    @property
    def keeps_register(self) -> bool:
        return keeps_register(self.dossier)

    @property
    def flow(self) -> Flow:
        """The flow as the round on screen words it."""
        return flow_in_round(self.content.flows[self.dossier.connection], self.round_year)

    def _save(self, action, *arguments) -> object:
        """The store's answer; StoreError after the main window was told (a StaleEditError is for
        the page that saved: it asks the user which text stays)."""
        try:
            return action(self.dossier.id, *arguments)
        except StaleEditError:
            raise
        except StoreError as error:
            self.offline = self.offline or isinstance(error, ConnectionLostError)
            self.saveFailed.emit(str(error))
            raise

    def set_item_ticked(self, item_id: str, ticked: bool, day: date | None = None) -> bool:
        """Tick the item and every item that is the same task (cluster step 6 repeats step 4's).

        An item that stands for a dated event records its date too: `day`, the date already
        recorded, or today; unticking it clears the date."""
        field = dated_field(item_id)
        if field is not None:
            recorded = self.recorded_date(field)
            wanted = (day or recorded or self.today()) if ticked else None
            if wanted != recorded and not self._record_date(field, wanted):
                return False
        for same in self.flow.same_task(item_id):
            if (same in self.ticked) == ticked and same != item_id:
                continue
            if not self._tick(same, ticked, self.round_year):
                return False  # the box keeps the tick on screen, beside the message that it wasn't saved
        self.changed.emit()
        return True

    def _record_date(self, field: DateField, value: date | None) -> bool:
        """Store the date a dated item of the round on screen stands for (no tick, no signal)."""
        year = yearly_report_of(field, self.round_year)
        if year is not None:
            return self._store_annual_report(year, value)
        try:
            self.dossier = self._save(self.store.set_date, field, value)
        except StoreError:
            return False
        return True

    def _tick(self, item_id: str, ticked: bool, round_year: int) -> bool:
        """Store a tick in a round, and keep it in `ticked` when that round is on screen; a tick the
        shared database could not take is kept and saved once it can (`follow_colleagues`)."""
        try:
            when = self._save(self.store.set_item_ticked, item_id, ticked, round_year)
        except StoreError as error:
            if isinstance(error, ConnectionLostError):
                self._unsaved_ticks[item_id, round_year] = ticked
            return False
        self._unsaved_ticks.pop((item_id, round_year), None)
        if round_year == self.round_year:
            if when is None:
                self.ticked.pop(item_id, None)
            else:
                self.ticked[item_id] = when
        return True

    def set_note(self, step_id: str, text: str, version: int) -> int | None:
        """Store a note typed on `version` of it; its new version, or None when it could not be
        saved (the main window says why). StaleEditError: a colleague changed it since."""
        try:
            saved = self._save(self.store.set_note, step_id, text, self.round_year, version)
        except StaleEditError:
            raise
        except StoreError:
            return None
        self.note_stored(step_id, text, saved)
        return saved

    def note_stored(self, step_id: str, text: str, version: int) -> None:
        """What the store holds now for a note (saved here, or a colleague's text taken over)."""
        self.notes[step_id], self.note_versions[step_id] = text, version

    def rename(self, name: str) -> None:
        """Raises DossierNameError with the reason when the name can't be used."""
        try:
            self.dossier = self._save(self.store.rename_dossier, name)
        except StoreError as error:
            raise DossierNameError(str(error)) from error
        self.changed.emit()

    def set_connection(self, connection: Connection) -> bool:
        return self._update(self.store.set_connection, connection)

    def set_role(self, role: Role) -> bool:
        return self._update(self.store.set_role, role)

    def set_annual_report(self, year: int, sent: date | None) -> bool:
        """Record the day the yearly report of `year`'s window was sent; None forgets it. In the
        yearly round of that year the report item is ticked (or unticked) with it."""
        ticked = sent is not None
        if year in self.rounds and not self._tick_dated_items(DateField.REPORT_SENT, year, ticked):
            return False
        if not self._store_annual_report(year, sent):
            return False
        self.changed.emit()
        return True

    def _store_annual_report(self, year: int, sent: date | None) -> bool:
        try:
            self._save(self.store.set_annual_report, year, sent)
        except StoreError:
            return False
        if sent is None:
            self.annual_reports.pop(year, None)
        else:
            self.annual_reports[year] = sent
        return True

    def set_annual_repair(self, year: int, field: DateField, value: date | None) -> bool:
        """Record the deadline in Logius's letter or the day the findings were fixed, for the
        yearly report of `year`'s window."""
        try:
            self._save(self.store.set_annual_repair, year, field, value)
        except StoreError:
            return False
        repair = replace(self.annual_repairs.get(year, RepairDates()), **{field.value: value})
        self.annual_repairs[year] = repair
        self.changed.emit()
        return True

    def _tick_dated_items(self, field: DateField, round_year: int, ticked: bool) -> bool:
        """Tick (or untick) the items standing for the date in a round (the store skips what is so)."""
        for item_id in self._dated_items(field):
            if round_year == self.round_year and (item_id in self.ticked) == ticked:
                continue
            if not self._tick(item_id, ticked, round_year):
                return False
        return True

    def set_date(self, field: DateField, value: date | None) -> bool:
        """Record the date; the action item standing for it in the first assessment is ticked (or
        unticked) with it."""
        if not self._tick_dated_items(field, FIRST_ROUND, value is not None):
            return False
        return self._update(self.store.set_date, field, value)

    def _update(self, action, *values) -> bool:
        try:
            self.dossier = self._save(action, *values)
        except StoreError:
            return False
        self.changed.emit()
        return True

    def save_provider(self, provider: CareProvider, shown: CareProvider) -> CareProvider | None:
        """Store what the user changed from `shown` (the entry as the form showed it); None when it
        could not be saved. StaleEditError: a colleague changed one of the same fields since."""
        try:
            saved = self._save(self.store.save_care_provider, provider, shown)
        except StaleEditError:
            raise
        except StoreError:
            return None
        self.providers = [each for each in self.providers if each.id != saved.id] + [saved]
        self.providers.sort(key=lambda each: each.id)
        self.changed.emit()
        return saved

    def stored_provider(self, provider_id: int) -> CareProvider | None:
        """The entry as the store holds it now (after a colleague's edit), or None when it is gone."""
        try:
            self.providers = self.store.care_providers(self.dossier.id)
        except StoreError as error:
            self.saveFailed.emit(str(error))
            return None
        self.changed.emit()
        return next((each for each in self.providers if each.id == provider_id), None)

    def delete_provider(self, provider_id: int) -> bool:
        try:
            self._save(self.store.delete_care_provider, provider_id)
        except StoreError:
            return False
        self.providers = [each for each in self.providers if each.id != provider_id]
        self.changed.emit()
        return True

    def history(self, step_id: str | None) -> list[Change]:
        """The changes of one step, or with None those of the dossier itself (dates, name, …)."""
        try:
            changes = self.store.history(self.dossier.id)
        except StoreError as error:
            self.saveFailed.emit(str(error))
            return []
        return [change for change in changes if change.step_id == step_id]

    def _explanation_setting(self, step_id: str) -> str:
        return f"explanation.{self.dossier.id}.{step_id}"

    def explanation_opened(self, step_id: str) -> bool:
        """A step's "Toelichting" is open on its first visit in this dossier, folded on later ones
        unless the user left it open: this visit counts as the first only once. Read once a
        session, and the first visit written down after the page is painted: a page switch waits
        for no disk."""
        if step_id not in self._folds:
            try:
                stored = self.store.setting(self._explanation_setting(step_id))
            except StoreError:
                return True  # only the fold is not remembered
            if stored is None:
                self._folds[step_id] = False
                self._first_visits.add(step_id)
                QTimer.singleShot(0, self, self._write_first_visits)
                return True
            self._folds[step_id] = stored == "open"
        return self._folds[step_id]

    def set_explanation_opened(self, step_id: str, opened: bool) -> None:
        self._folds[step_id] = opened
        self._first_visits.discard(step_id)
        self._write_fold(step_id)

    def _write_first_visits(self) -> None:
        while self._first_visits:
            self._write_fold(self._first_visits.pop())

    def _write_fold(self, step_id: str) -> None:
        state = "open" if self._folds[step_id] else "folded"
        with suppress(StoreError):
            self.store.set_setting(self._explanation_setting(step_id), state)

    def set_position(self, position: str) -> None:
        """Remember the page shown, once the user stays on it: paging through the steps in a
        meeting waits for no disk."""
        self._shown_position = position
        self._position_timer.start()

    def flush_position(self) -> None:
        """Store the page shown now (on leaving the dossier or closing); no write when it is stored."""
        self._write_first_visits()
        self._position_timer.stop()
        if self._shown_position == self._position:
            return
        try:
            self._save(self.store.set_position, self._shown_position)
        except StoreError:
            return
        self._position = self._shown_position
