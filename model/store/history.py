"""A dossier's history of changes: how an edit is written into it, and reading it back."""

from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.dossier import Change
from model.rounds import FIRST_ROUND
from model.store.connection import Database
from model.store.schema import CareProviderRow, ChangeRow, DossierRow, NoteRow, RoundRow

TYPING_SITTING = timedelta(minutes=10)  # typing in one sitting is one change in the history


def as_text(value: object) -> str:
    """A stored value as the history keeps it."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def current_round(session: Session, dossier_id: int) -> int:
    """The newest round of the dossier: the one its work goes on in."""
    newest = session.scalar(select(func.max(RoundRow.year)).where(RoundRow.dossier_id == dossier_id))
    return newest if newest is not None else FIRST_ROUND


def log_change(
    session: Session,
    at: datetime,
    dossier_id: int,
    step_id: str | None,
    subject: str,
    old: str,
    new: str,
    round_year: int | None = None,
    typed: bool = False,
) -> None:
    """Add a change to the history, in `round_year` (by default the current round), by the
    session's author (model.store.connection.Database._transaction). A `typed` edit in one sitting
    (same subject, round and author, latest change of its step) is one change from the first value
    to the last."""
    if old == new:
        return
    if round_year is None:
        round_year = current_round(session, dossier_id)
    author = session.info.get("author")
    last = typed and session.scalars(
        select(ChangeRow)
        .where(ChangeRow.dossier_id == dossier_id, ChangeRow.step_id.is_not_distinct_from(step_id))
        .order_by(ChangeRow.id.desc())
        .limit(1)
    ).first()
    if last and (last.subject, last.round_year, last.author) == (subject, round_year, author) and (
        at - last.at <= TYPING_SITTING
    ):
        last.new, last.at = new, at
        if last.old == new:  # typed back to where the sitting started: nothing changed
            session.delete(last)
    else:
        session.add(
            ChangeRow(
                dossier_id=dossier_id,
                at=at,
                step_id=step_id,
                subject=subject,
                old=old,
                new=new,
                round_year=round_year,
                author=author,
            )
        )


def last_author(session: Session, dossier_id: int, step_id: str, subject: str) -> str | None:
    """Who made the latest change of `subject` (None: unknown, as on a laptop of one's own)."""
    return session.scalar(
        select(ChangeRow.author)
        .where(ChangeRow.dossier_id == dossier_id, ChangeRow.step_id == step_id, ChangeRow.subject == subject)
        .order_by(ChangeRow.id.desc())
        .limit(1)
    )


class History(Database):
    def change_mark(self, dossier_id: int) -> tuple[object, ...]:
        """A cheap fingerprint of the dossier (one query): it differs once anyone changed anything
        in it, so an app on a shared database knows when to read a colleague's changes."""
        counts = (
            select(func.count()).select_from(ChangeRow).where(ChangeRow.dossier_id == dossier_id),
            select(func.max(ChangeRow.id)).where(ChangeRow.dossier_id == dossier_id),
            select(func.sum(NoteRow.version)).where(NoteRow.dossier_id == dossier_id),
            select(func.sum(CareProviderRow.version)).where(CareProviderRow.dossier_id == dossier_id),
            select(DossierRow.updated_at).where(DossierRow.id == dossier_id),
        )
        query = select(*(each.scalar_subquery() for each in counts))
        with self._transaction() as session:
            return tuple(session.execute(query).one())

    def history(self, dossier_id: int, step_id: str | None = None) -> list[Change]:
        """The dossier's changes, oldest first; with `step_id`, only that step's."""
        query = select(ChangeRow).where(ChangeRow.dossier_id == dossier_id)
        if step_id is not None:
            query = query.where(ChangeRow.step_id == step_id)
        with self._transaction() as session:
            return [
                Change(row.at, row.step_id, row.subject, row.old, row.new, row.round_year, row.author)
                for row in session.scalars(query.order_by(ChangeRow.id))
            ]
