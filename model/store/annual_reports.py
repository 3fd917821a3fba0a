"""The yearly reports a dossier sent to Logius: one date per window year, in the history too."""

from datetime import date

from sqlalchemy import select

from model.dossier import annual_subject
from model.store.history import History, as_text, log_change
from model.store.schema import AnnualReportRow


class AnnualReports(History):
    def set_annual_report(self, dossier_id: int, year: int, sent: date | None) -> None:
        """Record (or with None forget) the day the report for the window of `year` was sent."""
        now = self._clock()
        with self._transaction() as session:
            row = session.get(AnnualReportRow, (dossier_id, year))
            old = row.sent if row else None
            if old == sent:
                return
            if sent is None:
                session.delete(row)
            elif row is None:
                session.add(AnnualReportRow(dossier_id=dossier_id, year=year, sent=sent))
            else:
                row.sent = sent
            log_change(session, now, dossier_id, None, annual_subject(year), as_text(old), as_text(sent))

    def annual_reports(self, dossier_id: int) -> dict[int, date]:
        with self._transaction() as session:
            rows = session.scalars(select(AnnualReportRow).where(AnnualReportRow.dossier_id == dossier_id))
            return {row.year: row.sent for row in rows}
