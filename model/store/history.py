"""A dossier's history of changes: how an edit is written into it, and reading it back."""

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.dossier import Change
from model.store.connection import Database
from model.store.schema import ChangeRow

TYPING_SITTING = timedelta(minutes=10)  # typing in one sitting is one change in the history


def as_text(value: object) -> str:
    """A stored value as the history keeps it."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def log_change(
    session: Session, at: datetime, dossier_id: int, step_id: str | None, subject: str, old: str, new: str
) -> None:
    if old != new:
        session.add(
            ChangeRow(dossier_id=dossier_id, at=at, step_id=step_id, subject=subject, old=old, new=new)
        )


def log_typing(
    session: Session, at: datetime, dossier_id: int, step_id: str | None, subject: str, old: str, new: str
) -> None:
    """Log a typed edit; typing in one sitting (same subject, latest change of its step) is one
    change from the first value to the last."""
    last = session.scalars(
        select(ChangeRow)
        .where(ChangeRow.dossier_id == dossier_id, ChangeRow.step_id.is_not_distinct_from(step_id))
        .order_by(ChangeRow.id.desc())
        .limit(1)
    ).first()
    if last is not None and last.subject == subject and at - last.at <= TYPING_SITTING:
        last.new, last.at = new, at
        if last.old == new:  # typed back to where the sitting started: nothing changed
            session.delete(last)
    else:
        log_change(session, at, dossier_id, step_id, subject, old, new)


class History(Database):
    def history(self, dossier_id: int, step_id: str | None = None) -> list[Change]:
        """The dossier's changes, oldest first; with `step_id`, only that step's."""
        query = select(ChangeRow).where(ChangeRow.dossier_id == dossier_id)
        if step_id is not None:
            query = query.where(ChangeRow.step_id == step_id)
        with self._transaction() as session:
            return [
                Change(row.at, row.step_id, row.subject, row.old, row.new)
                for row in session.scalars(query.order_by(ChangeRow.id))
            ]
