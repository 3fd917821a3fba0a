"""A whole dossier at once, for export and import."""

from collections.abc import Sequence

from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from model.dossier import DateField, Dossier, DossierSnapshot
from model.register import renumbered_providers
from model.rounds import FIRST_ROUND
from model.store.annual_reports import AnnualReports
from model.store.care_providers import TYPED_FIELDS, CareProviders
from model.store.dossiers import Dossiers, dossier_record
from model.store.errors import StoreError
from model.store.rounds import Rounds
from model.store.schema import (
    AnnualRepairRow,
    AnnualReportRow,
    CareProviderRow,
    ChangeRow,
    DossierRow,
    NoteRow,
    RoundRow,
    TickedItemRow,
)

DOSSIER_TABLES = (
    *("rounds", "ticked_items", "notes", "changes"),
    *("care_providers", "annual_reports", "annual_repairs"),
)


class Snapshots(Dossiers, Rounds, CareProviders, AnnualReports):
    def stored_rows(self, dossier_id: int) -> dict[str, list[dict[str, object]]]:
        """Every row of a dossier by table, each value as the file holds it (no type read into it), in
        the order it was written: what a damaged dossier still has (model.salvage). Reads only."""
        order = "" if self.place.shared else " ORDER BY rowid"  # SQLite's write order; a server has none
        queries = {"dossiers": "SELECT * FROM dossiers WHERE id = :dossier"} | {
            table: f"SELECT * FROM {table} WHERE dossier_id = :dossier{order}" for table in DOSSIER_TABLES
        }
        with self._transaction() as session:
            return {
                table: [dict(row) for row in session.execute(text(query), {"dossier": dossier_id}).mappings()]
                for table, query in queries.items()
            }

    def snapshot(self, dossier_id: int) -> DossierSnapshot:
        dossier = self.dossier(dossier_id)
        if dossier is None:
            raise StoreError("Dit dossier bestaat niet meer.")
        return DossierSnapshot(
            dossier,
            self.ticked_items(dossier_id, FIRST_ROUND),
            self.notes(dossier_id, FIRST_ROUND),
            tuple(self.history(dossier_id)),
            tuple(self.care_providers(dossier_id)),
            self.annual_reports(dossier_id),
            self.yearly_rounds(dossier_id),
            self.annual_repairs(dossier_id),
        )

    def add_snapshot(self, snapshot: DossierSnapshot, name: str, replace: Dossier | None = None) -> Dossier:
        """Store an imported dossier under `name` in one transaction, replacing `replace` if given."""
        cleaned = self.check_name(name, replace.id if replace else None)
        with self._transaction() as session:
            if replace is not None:
                session.execute(delete(DossierRow).where(DossierRow.id == replace.id))
            return self._insert_snapshot(session, snapshot, cleaned)

    def add_snapshots(self, snapshots: Sequence[DossierSnapshot]) -> list[Dossier]:
        """Store several dossiers in one transaction, all or none, each under its own name or, when
        that is taken (here or by one added before it), a free one as `free_name` gives."""
        names: list[str] = []
        for snapshot in snapshots:
            names.append(self.free_name(snapshot.dossier.name, also_taken=names))
        with self._transaction() as session:
            return [
                self._insert_snapshot(session, snapshot, name)
                for snapshot, name in zip(snapshots, names, strict=True)
            ]

    def _insert_snapshot(self, session: Session, snapshot: DossierSnapshot, name: str) -> Dossier:
        source, now = snapshot.dossier, self._clock()
        row = DossierRow(
            name=name,
            connection=source.connection.value,
            role=source.role.value,
            position=source.position,
            created_at=now,
            updated_at=now,
            **{each.value: getattr(source, each.value) for each in DateField},
        )
        session.add(row)
        session.flush()
        rounds = {FIRST_ROUND: (snapshot.ticked, snapshot.notes)}
        rounds |= {year: (each.ticked, each.notes) for year, each in snapshot.rounds.items()}
        session.add_all(
            RoundRow(dossier_id=row.id, year=year, started_at=each.started_at)
            for year, each in snapshot.rounds.items()
        )
        for year, (ticked, notes) in rounds.items():
            session.add_all(
                TickedItemRow(dossier_id=row.id, round_year=year, item_id=item, ticked_at=at)
                for item, at in ticked.items()
            )
            session.add_all(
                NoteRow(dossier_id=row.id, round_year=year, step_id=step, text=text, updated_at=now)
                for step, text in notes.items()
            )
        session.add_all(
            ChangeRow(
                dossier_id=row.id,
                at=c.at,
                step_id=c.step_id,
                subject=c.subject,
                old=c.old,
                new=c.new,
                round_year=c.round_year,
                author=c.author,
            )
            for c in renumbered_providers(snapshot.changes)
        )
        session.add_all(
            CareProviderRow(dossier_id=row.id, **{field: getattr(p, field) for field in TYPED_FIELDS})
            for p in snapshot.care_providers
        )
        session.add_all(
            AnnualReportRow(dossier_id=row.id, year=year, sent=sent)
            for year, sent in snapshot.annual_reports.items()
        )
        session.add_all(
            AnnualRepairRow(
                dossier_id=row.id,
                year=year,
                logius_fix_deadline=repair.logius_fix_deadline,
                findings_fixed=repair.findings_fixed,
            )
            for year, repair in snapshot.annual_repairs.items()
            if repair.logius_fix_deadline or repair.findings_fixed
        )
        session.flush()
        return dossier_record(row)
