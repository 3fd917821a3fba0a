"""Dossiers: listing (the damaged ones apart), names, making, changing and deleting them."""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import delete, text

from model.content import Connection, Role
from model.dossier import (
    NAME_MAX_LENGTH,
    DamagedDossier,
    DateField,
    Dossier,
    DossierNameError,
    clean_name,
    stored_dossier,
)
from model.store.connection import Database
from model.store.errors import StoreError
from model.store.history import as_text, log_change
from model.store.names import START_POSITION
from model.store.schema import DossierRow

DOSSIER_COLUMNS = ("id", "name", "connection", "role", "position", *(each.value for each in DateField))
# Read as the file holds them, so that one odd value makes one dossier damaged, not the whole list.
RAW_DOSSIERS = text(f"SELECT {', '.join(DOSSIER_COLUMNS)} FROM dossiers")
ONE_RAW_DOSSIER = text(f"SELECT {', '.join(DOSSIER_COLUMNS)} FROM dossiers WHERE id = :id")
Listed = TypeVar("Listed", Dossier, DamagedDossier)


def dossier_record(row: DossierRow) -> Dossier:
    return Dossier(
        id=row.id,
        name=row.name,
        connection=Connection(row.connection),
        role=Role(row.role),
        position=row.position,
        **{each.value: getattr(row, each.value) for each in DateField},
    )


def damaged_dossier(values: Mapping[str, Any], problem: ValueError) -> DamagedDossier:
    """A dossier row the app can't use, listed under a printable name to be exported or deleted."""
    name = values["name"] if isinstance(values["name"], str) else ""
    shown = name.encode("utf-8", "replace").decode().replace("\x00", "")
    return DamagedDossier(values["id"], shown or f"Dossier {values['id']}", str(problem))


def by_name(records: list[Listed]) -> list[Listed]:
    return sorted(records, key=lambda each: each.name.casefold())


def numbered_name(name: str, number: int) -> str:
    """ "name (number)", within the name's maximum length."""
    suffix = f" ({number})"
    if len(name) + len(suffix) <= NAME_MAX_LENGTH:
        return name + suffix
    return name[: NAME_MAX_LENGTH - len(suffix) - 1].rstrip() + "…" + suffix


class Dossiers(Database):
    def dossiers_and_damaged(self) -> tuple[list[Dossier], list[DamagedDossier]]:
        """The usable dossiers and the damaged ones, each by name."""
        usable, damaged = [], []
        with self._transaction() as session:
            rows = session.execute(RAW_DOSSIERS).mappings().all()
        for values in rows:
            try:
                usable.append(stored_dossier(dict(values)))
            except ValueError as problem:
                damaged.append(damaged_dossier(dict(values), problem))
        return by_name(usable), by_name(damaged)

    def list_dossiers(self) -> list[Dossier]:
        """The dossiers that can be used; `damaged_dossiers` has the others."""
        return self.dossiers_and_damaged()[0]

    def damaged_dossiers(self) -> list[DamagedDossier]:
        """Dossiers whose stored values break the app's rules (an old or edited file), to export or delete."""
        return self.dossiers_and_damaged()[1]

    def dossier(self, dossier_id: int) -> Dossier | None:
        """The dossier, or None when it is gone or damaged."""
        with self._transaction() as session:
            values = session.execute(ONE_RAW_DOSSIER, {"id": dossier_id}).mappings().first()
        try:
            return stored_dossier(dict(values)) if values is not None else None
        except ValueError:
            return None

    def find_dossier(self, name: str) -> Dossier | None:
        wanted = " ".join(name.split()).casefold()
        return next((each for each in self.list_dossiers() if each.name.casefold() == wanted), None)

    def check_name(self, name: str, dossier_id: int | None = None) -> str:
        """The cleaned name, or DossierNameError when it is empty, too long or taken."""
        cleaned = clean_name(name)
        existing = self.find_dossier(cleaned)
        if existing and existing.id != dossier_id:
            raise DossierNameError(f"Er is al een dossier met de naam ‘{existing.name}’.")
        return cleaned

    def free_name(self, name: str, also_taken: Iterable[str] = ()) -> str:
        """`name`, or the first of "name (2)", "name (3)" … not taken by a dossier (nor in
        `also_taken`): an import that keeps both.

        A name too long to take the number is shortened, marked with "…", so the result fits."""
        taken = {" ".join(each.split()).casefold() for each in also_taken}
        taken |= {each.name.casefold() for each in self.list_dossiers()}
        candidate, number = name, 2
        while " ".join(candidate.split()).casefold() in taken:
            candidate, number = numbered_name(name, number), number + 1
        return candidate

    def create_dossier(
        self, name: str, connection: Connection, role: Role, activation_date: date | None
    ) -> Dossier:
        cleaned = self.check_name(name)
        now = self._clock()
        with self._transaction() as session:
            row = DossierRow(
                name=cleaned,
                connection=connection.value,
                role=role.value,
                activation_date=activation_date,
                position=START_POSITION,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            return dossier_record(row)

    def _update(self, dossier_id: int, **values: object) -> Dossier:
        """Change dossier fields, each change recorded in the history (but the position)."""
        now = self._clock()
        with self._transaction() as session:
            row = session.get(DossierRow, dossier_id)
            if row is None:
                raise StoreError("Dit dossier bestaat niet meer.")
            for key, value in values.items():
                if key != "position":
                    old, new = as_text(getattr(row, key)), as_text(value)
                    typed = key == "name"  # the name is saved while typed
                    log_change(session, now, dossier_id, None, key, old, new, typed=typed)
                setattr(row, key, value)
            row.updated_at = now
            return dossier_record(row)

    def rename_dossier(self, dossier_id: int, name: str) -> Dossier:
        return self._update(dossier_id, name=self.check_name(name, dossier_id))

    def set_connection(self, dossier_id: int, connection: Connection) -> Dossier:
        return self._update(dossier_id, connection=connection.value, position=START_POSITION)

    def set_role(self, dossier_id: int, role: Role) -> Dossier:
        return self._update(dossier_id, role=role.value)

    def set_date(self, dossier_id: int, field: DateField, value: date | None) -> Dossier:
        return self._update(dossier_id, **{field.value: value})

    def set_position(self, dossier_id: int, position: str) -> None:
        with self._transaction() as session:
            row = session.get(DossierRow, dossier_id)
            if row is not None:
                row.position = position

    def delete_dossier(self, dossier_id: int) -> None:
        with self._transaction() as session:
            session.execute(delete(DossierRow).where(DossierRow.id == dossier_id))
