"""A dossier's rounds: the first assessment and the yearly rounds started after it."""

from sqlalchemy import select

from model.dossier import YearlyRound
from model.rounds import FIRST_ROUND, ROUND_SUBJECT, RoundStart, is_round_year
from model.store.errors import StoreError
from model.store.history import current_round, log_change
from model.store.schema import NoteRow, RoundRow, TickedItemRow
from model.store.ticks_and_notes import TicksAndNotes


class Rounds(TicksAndNotes):
    def rounds(self, dossier_id: int) -> list[int]:
        """Every round of the dossier, oldest first: FIRST_ROUND, then the yearly rounds' years."""
        with self._transaction() as session:
            years = session.scalars(
                select(RoundRow.year).where(RoundRow.dossier_id == dossier_id).order_by(RoundRow.year)
            )
            return [FIRST_ROUND, *years]

    def current_round(self, dossier_id: int) -> int:
        with self._transaction() as session:
            return current_round(session, dossier_id)

    def start_round(self, dossier_id: int, year: int, start: RoundStart) -> None:
        """Open the yearly round of `year` after the current one, with what carries over; one
        transaction, one change in the history."""
        now = self._clock()
        with self._transaction() as session:
            previous = current_round(session, dossier_id)
            if not is_round_year(year) or year <= previous:
                raise StoreError(f"Een jaarronde {year} kan na deze ronde niet meer worden gestart.")
            session.add(RoundRow(dossier_id=dossier_id, year=year, started_at=now))
            session.add_all(
                TickedItemRow(dossier_id=dossier_id, round_year=year, item_id=item, ticked_at=at)
                for item, at in start.ticked.items()
            )
            session.add_all(
                NoteRow(dossier_id=dossier_id, round_year=year, step_id=step, text=text, updated_at=now)
                for step, text in start.notes.items()
            )
            log_change(session, now, dossier_id, None, ROUND_SUBJECT, str(previous), str(year), year)

    def yearly_rounds(self, dossier_id: int) -> dict[int, YearlyRound]:
        """Each yearly round's record, for an export."""
        with self._transaction() as session:
            started = session.execute(
                select(RoundRow.year, RoundRow.started_at).where(RoundRow.dossier_id == dossier_id)
            ).all()
        return {
            year: YearlyRound(at, self.ticked_items(dossier_id, year), self.notes(dossier_id, year))
            for year, at in sorted(started)
        }
