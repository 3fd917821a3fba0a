"""A dossier's progress per round: ticked action items (and when) and each step's notes.

`round_year` None means the dossier's current round (the newest, model.rounds)."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.dossier import TICKED, UNTICKED
from model.store.errors import StaleEditError
from model.store.history import History, current_round, last_author, log_change
from model.store.schema import NoteRow, TickedItemRow


class TicksAndNotes(History):
    def set_item_ticked(
        self, dossier_id: int, item_id: str, ticked: bool, round_year: int | None = None
    ) -> datetime | None:
        """Record a tick (returns when it was made) or an untick (returns None)."""
        step_id = item_id.rsplit(".", 1)[0]
        now = self._clock()

        def write(session: Session) -> datetime | None:
            year = current_round(session, dossier_id) if round_year is None else round_year
            row = session.get(TickedItemRow, (dossier_id, year, item_id))
            if ticked and row is None:
                row = TickedItemRow(dossier_id=dossier_id, round_year=year, item_id=item_id, ticked_at=now)
                session.add(row)
                log_change(session, now, dossier_id, step_id, item_id, UNTICKED, TICKED, year)
                session.flush()
            elif not ticked and row is not None:
                session.delete(row)
                log_change(session, now, dossier_id, step_id, item_id, TICKED, UNTICKED, year)
                return None
            return row.ticked_at if row else None

        return self._write_once_more_if_taken(write)

    def ticked_items(self, dossier_id: int, round_year: int | None = None) -> dict[str, datetime]:
        with self._transaction() as session:
            if round_year is None:
                round_year = current_round(session, dossier_id)
            rows = session.scalars(
                select(TickedItemRow).where(
                    TickedItemRow.dossier_id == dossier_id, TickedItemRow.round_year == round_year
                )
            )
            return {row.item_id: row.ticked_at for row in rows}

    def set_note(
        self,
        dossier_id: int,
        step_id: str,
        text: str,
        round_year: int | None = None,
        version: int | None = None,
    ) -> int:
        """Store a step's note; returns the note's new version. With `version` (the one the user's
        text was typed on, 0: no note yet) a note changed since by someone else is not overwritten:
        StaleEditError says what it holds now."""
        now = self._clock()

        def write(session: Session) -> int:
            year = current_round(session, dossier_id) if round_year is None else round_year
            row = session.get(NoteRow, (dossier_id, year, step_id))
            old = row.text if row else ""
            if old == text:
                return row.version if row else 0
            if version is not None and version != (row.version if row else 0):
                raise StaleEditError(
                    old, row.version if row else 0, last_author(session, dossier_id, step_id, "note")
                )
            if row is None:
                row = NoteRow(
                    dossier_id=dossier_id, round_year=year, step_id=step_id, text=text, updated_at=now
                )
                session.add(row)
            else:
                row.text, row.updated_at = text, now
            log_change(session, now, dossier_id, step_id, "note", old, text, year, typed=True)
            session.flush()
            return row.version

        return self._write_once_more_if_taken(write)

    def versioned_notes(self, dossier_id: int, round_year: int | None = None) -> dict[str, tuple[str, int]]:
        """Each stored note of the round with its version (see `set_note`), empty ones too."""
        with self._transaction() as session:
            if round_year is None:
                round_year = current_round(session, dossier_id)
            rows = session.scalars(
                select(NoteRow).where(NoteRow.dossier_id == dossier_id, NoteRow.round_year == round_year)
            )
            return {row.step_id: (row.text, row.version) for row in rows}

    def notes(self, dossier_id: int, round_year: int | None = None) -> dict[str, str]:
        return {
            step: text
            for step, (text, _version) in self.versioned_notes(dossier_id, round_year).items()
            if text
        }
