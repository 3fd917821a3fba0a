"""The open dossier: every edit of a page goes through here to the store, and the pages hear of it."""

from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from model.content import Connection, Content, Flow, Role
from model.dated_items import dated_field, items_recording
from model.dossier import CareProvider, Change, DateField, Dossier, DossierNameError
from model.register import deadline_dates, keeps_register, t0_explanation
from model.store import Store, StoreError
from model.timeline import DossierDates

POSITION_SAVE_DELAY_MS = 500


class DossierEditor(QObject):
    """Keeps the dossier's state in memory as the store last confirmed it."""

    changed = Signal()  # the dossier's fields or its ticks changed
    saveFailed = Signal(str)  # a Dutch message; the edit stays on screen

    def __init__(self, store: Store, content: Content, dossier: Dossier, today: Callable[[], date]) -> None:
        super().__init__()
        self.store, self.content, self.dossier, self.today = store, content, dossier, today
        self.ticked: dict[str, datetime] = store.ticked_items(dossier.id)
        self.notes: dict[str, str] = store.notes(dossier.id)
        self.providers: list[CareProvider] = store.care_providers(dossier.id)
        self.annual_reports: dict[int, date] = store.annual_reports(dossier.id)
        self._position = dossier.position  # as stored
        self._shown_position = dossier.position
        self._position_timer = QTimer(self, singleShot=True, interval=POSITION_SAVE_DELAY_MS)
        self._position_timer.timeout.connect(self.flush_position)

    @property
    def deadline_dates(self) -> DossierDates:
        """The dates the deadlines count from: T0 from the register once two care providers are live."""
        return deadline_dates(self.dossier, self.providers, self.today(), self.annual_reports)

    def t0_explanation(self) -> str:
        """Which T0 the deadlines use when the register supplies it; empty otherwise."""
        return t0_explanation(self.dossier, self.providers, self.today())

    @property
    def keeps_register(self) -> bool:
        return keeps_register(self.dossier)

    @property
    def flow(self) -> Flow:
        return self.content.flows[self.dossier.connection]

    def _save(self, action, *arguments) -> object:
        try:
            return action(self.dossier.id, *arguments)
        except StoreError as error:
            self.saveFailed.emit(str(error))
            raise

    def set_item_ticked(self, item_id: str, ticked: bool, day: date | None = None) -> bool:
        """Tick the item and every item that is the same task (cluster step 6 repeats step 4's).

        An item that stands for a dated event records its date too: `day`, the date already
        recorded, or today; unticking it clears the date."""
        field = dated_field(item_id)
        if field is not None:
            recorded = getattr(self.dossier, field.value)
            wanted = (day or recorded or self.today()) if ticked else None
            if wanted != recorded:
                try:
                    self.dossier = self._save(self.store.set_date, field, wanted)
                except StoreError:
                    return False
        for same in self.flow.same_task(item_id):
            if (same in self.ticked) == ticked and same != item_id:
                continue
            try:
                when = self._save(self.store.set_item_ticked, same, ticked)
            except StoreError:
                return False  # the box keeps the tick on screen, beside the message that it wasn't saved
            if when is None:
                self.ticked.pop(same, None)
            else:
                self.ticked[same] = when
        self.changed.emit()
        return True

    def set_note(self, step_id: str, text: str) -> bool:
        if self.notes.get(step_id, "") == text:
            return True
        try:
            self._save(self.store.set_note, step_id, text)
        except StoreError:
            return False
        self.notes[step_id] = text
        return True

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
        """Record the day the yearly report of `year`'s window was sent; None forgets it."""
        try:
            self._save(self.store.set_annual_report, year, sent)
        except StoreError:
            return False
        if sent is None:
            self.annual_reports.pop(year, None)
        else:
            self.annual_reports[year] = sent
        self.changed.emit()
        return True

    def set_date(self, field: DateField, value: date | None) -> bool:
        """Record the date; the action item standing for it is ticked (or unticked) with it."""
        for item_id in items_recording(field):
            if item_id in self.flow.action_item_ids and (item_id in self.ticked) != (value is not None):
                try:
                    when = self._save(self.store.set_item_ticked, item_id, value is not None)
                except StoreError:
                    return False
                if when is None:
                    self.ticked.pop(item_id, None)
                else:
                    self.ticked[item_id] = when
        return self._update(self.store.set_date, field, value)

    def _update(self, action, *values) -> bool:
        try:
            self.dossier = self._save(action, *values)
        except StoreError:
            return False
        self.changed.emit()
        return True

    def save_provider(self, provider: CareProvider) -> CareProvider | None:
        try:
            saved = self._save(self.store.save_care_provider, provider)
        except StoreError:
            return None
        self.providers = [each for each in self.providers if each.id != saved.id] + [saved]
        self.providers.sort(key=lambda each: each.id)
        self.changed.emit()
        return saved

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
        unless the user left it open: this visit counts as the first only once."""
        with suppress(StoreError):  # only the fold is not remembered
            stored = self.store.setting(self._explanation_setting(step_id))
            if stored is None:
                self.store.set_setting(self._explanation_setting(step_id), "folded")
                return True
            return stored == "open"
        return True

    def set_explanation_opened(self, step_id: str, opened: bool) -> None:
        with suppress(StoreError):
            self.store.set_setting(self._explanation_setting(step_id), "open" if opened else "folded")

    def set_position(self, position: str) -> None:
        """Remember the page shown, once the user stays on it: paging through the steps in a
        meeting waits for no disk."""
        self._shown_position = position
        self._position_timer.start()

    def flush_position(self) -> None:
        """Store the page shown now (on leaving the dossier or closing); no write when it is stored."""
        self._position_timer.stop()
        if self._shown_position == self._position:
            return
        try:
            self._save(self.store.set_position, self._shown_position)
        except StoreError:
            return
        self._position = self._shown_position
