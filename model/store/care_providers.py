"""The cluster register: the care providers on a supplier's connection, saved as typed."""

from dataclasses import fields

from sqlalchemy import select

from model.dossier import CareProvider
from model.register import ADDED, HISTORY_STEP, REMOVED, TEXT_FIELDS, history_subject
from model.store.errors import StoreError
from model.store.history import History, as_text, log_change, log_typing
from model.store.schema import CareProviderRow

CARE_PROVIDER_FIELDS = tuple(field.name for field in fields(CareProvider) if field.name != "id")


def care_provider_record(row: CareProviderRow) -> CareProvider:
    return CareProvider(id=row.id, **{field: getattr(row, field) for field in CARE_PROVIDER_FIELDS})


class CareProviders(History):
    def care_providers(self, dossier_id: int) -> list[CareProvider]:
        with self._transaction() as session:
            rows = session.scalars(
                select(CareProviderRow)
                .where(CareProviderRow.dossier_id == dossier_id)
                .order_by(CareProviderRow.id)
            )
            return [care_provider_record(row) for row in rows]

    def save_care_provider(self, dossier_id: int, provider: CareProvider) -> CareProvider:
        """Insert (id 0) or update an entry as typed, complete or not (`model.register.counted`
        decides what counts); each changed field goes into the history."""
        values = {field: getattr(provider, field) for field in CARE_PROVIDER_FIELDS}
        now = self._clock()
        with self._transaction() as session:
            row = session.get(CareProviderRow, provider.id) if provider.id else None
            if provider.id and (row is None or row.dossier_id != dossier_id):
                raise StoreError("Deze zorgaanbieder bestaat niet meer.")
            if row is None:
                row = CareProviderRow(dossier_id=dossier_id, **dict.fromkeys(TEXT_FIELDS, ""))
                session.add(row)
                session.flush()
                log_change(session, now, dossier_id, HISTORY_STEP, history_subject(row.id), "", ADDED)
            for field, value in values.items():
                subject = history_subject(row.id, field)
                old, new = as_text(getattr(row, field)), as_text(value)
                if old != new:
                    log_typing(session, now, dossier_id, HISTORY_STEP, subject, old, new)
                setattr(row, field, value)
            session.flush()
            return care_provider_record(row)

    def delete_care_provider(self, dossier_id: int, provider_id: int) -> None:
        now = self._clock()
        with self._transaction() as session:
            row = session.get(CareProviderRow, provider_id)
            if row is None or row.dossier_id != dossier_id:
                return
            log_change(
                session, now, dossier_id, HISTORY_STEP, history_subject(provider_id), row.name, REMOVED
            )
            session.delete(row)
