"""The cluster register: the care providers on a supplier's connection, saved as typed."""

from dataclasses import fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.dossier import CareProvider
from model.register import ADDED, HISTORY_STEP, REMOVED, history_subject
from model.store.errors import StaleEditError, StoreError
from model.store.history import History, as_text, last_author, log_change
from model.store.schema import CareProviderRow

CARE_PROVIDER_FIELDS = tuple(field.name for field in fields(CareProvider) if field.name != "id")
TYPED_FIELDS = tuple(field for field in CARE_PROVIDER_FIELDS if field != "version")  # what the user edits


def care_provider_record(row: CareProviderRow) -> CareProvider:
    return CareProvider(id=row.id, **{field: getattr(row, field) for field in CARE_PROVIDER_FIELDS})


def stored_values(provider: CareProvider) -> dict[str, object]:
    return {field: getattr(provider, field) for field in TYPED_FIELDS}


def first_conflict(row: CareProviderRow, shown: CareProvider, entered: CareProvider) -> str | None:
    """The first field both the user (from `shown` to `entered`) and someone else (from `shown` to
    the stored row) changed, to different values; None when the two edits can both be kept."""
    for field in TYPED_FIELDS:
        mine, theirs, before = getattr(entered, field), getattr(row, field), getattr(shown, field)
        if mine != before and theirs != before and theirs != mine:
            return field
    return None


class CareProviders(History):
    def care_providers(self, dossier_id: int) -> list[CareProvider]:
        with self._transaction() as session:
            rows = session.scalars(
                select(CareProviderRow)
                .where(CareProviderRow.dossier_id == dossier_id)
                .order_by(CareProviderRow.id)
            )
            return [care_provider_record(row) for row in rows]

    def save_care_provider(
        self, dossier_id: int, provider: CareProvider, shown: CareProvider | None = None
    ) -> CareProvider:
        """Insert (id 0) or update an entry as typed, complete or not (`model.register.counted`
        decides what counts); each changed field goes into the history.

        With `shown` (the entry as the user's form showed it) only the fields the user changed are
        written, so a colleague's edit of another field stays; one they changed too is refused with
        StaleEditError, which says what it holds now."""
        now = self._clock()

        def write(session: Session) -> CareProvider:
            row = session.get(CareProviderRow, provider.id) if provider.id else None
            if provider.id and (row is None or row.dossier_id != dossier_id):
                raise StoreError("Deze zorgaanbieder bestaat niet meer.")
            if row is None:
                before = CareProvider(0, "", "")  # as the history sees a new entry
                row = CareProviderRow(dossier_id=dossier_id, **stored_values(provider))
                session.add(row)
                session.flush()
                log_change(session, now, dossier_id, HISTORY_STEP, history_subject(row.id), "", ADDED)
            else:
                if shown is not None and row.version != shown.version:
                    field = first_conflict(row, shown, provider)
                    if field is not None:
                        subject = history_subject(row.id, field)
                        author = last_author(session, dossier_id, HISTORY_STEP, subject)
                        raise StaleEditError(as_text(getattr(row, field)), row.version, author, field)
                before = care_provider_record(row)
            # only the fields this user changed: what a colleague changed in the others stays
            changed = {
                field: value
                for field, value in stored_values(provider).items()
                if value != getattr(before, field) and (shown is None or value != getattr(shown, field))
            }
            for field, value in changed.items():  # logged first: one UPDATE, one version, after
                subject = history_subject(row.id, field)
                old, new = as_text(getattr(before, field)), as_text(value)
                log_change(session, now, dossier_id, HISTORY_STEP, subject, old, new, typed=True)
            if provider.id:
                for field, value in changed.items():
                    setattr(row, field, value)
            session.flush()
            return care_provider_record(row)

        return self._write_once_more_if_taken(write)

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
