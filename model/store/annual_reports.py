"""The yearly reports a dossier sent to Logius: one date per window year, and the dates of fixing
each report's findings; in the history too. Two people on a shared database may record the same
year's first date at once: the second write then runs again and finds the first's row."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.dossier import DateField, annual_subject
from model.store.history import History, as_text, log_change
from model.store.schema import AnnualRepairRow, AnnualReportRow
from model.timeline import RepairDates

REPAIR_FIELDS = (DateField.LOGIUS_FIX_DEADLINE, DateField.FINDINGS_FIXED)  # the columns of annual_repairs


class AnnualReports(History):
    def set_annual_report(self, dossier_id: int, year: int, sent: date | None) -> None:
        """Record (or with None forget) the day the report for the window of `year` was sent."""
        now = self._clock()

        def write(session: Session) -> None:
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

        self._write_once_more_if_taken(write)

    def annual_reports(self, dossier_id: int) -> dict[int, date]:
        with self._transaction() as session:
            rows = session.scalars(select(AnnualReportRow).where(AnnualReportRow.dossier_id == dossier_id))
            return {row.year: row.sent for row in rows}

    def set_annual_repair(self, dossier_id: int, year: int, field: DateField, value: date | None) -> None:
        """Record (or with None forget) the deadline in Logius's letter or the day the findings
        were fixed, for the yearly report of `year`'s window."""
        if field not in REPAIR_FIELDS:
            raise ValueError(f"{field} is no date of a repair")
        now = self._clock()

        def write(session: Session) -> None:
            row = session.get(AnnualRepairRow, (dossier_id, year))
            old = getattr(row, field.value) if row else None
            if old == value:
                return
            if row is None:
                row = AnnualRepairRow(dossier_id=dossier_id, year=year)
                session.add(row)
            setattr(row, field.value, value)
            if row.logius_fix_deadline is None and row.findings_fixed is None:
                session.delete(row)
            subject = annual_subject(year, field.value)
            log_change(session, now, dossier_id, None, subject, as_text(old), as_text(value))

        self._write_once_more_if_taken(write)

    def annual_repairs(self, dossier_id: int) -> dict[int, RepairDates]:
        with self._transaction() as session:
            rows = session.scalars(select(AnnualRepairRow).where(AnnualRepairRow.dossier_id == dossier_id))
            return {row.year: RepairDates(row.logius_fix_deadline, row.findings_fixed) for row in rows}
