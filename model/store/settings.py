"""Values the app remembers between runs in the database itself.

What belongs to a person rather than to the data (the dossier used last, zoom, the window's place)
is in `model.user_settings` since a database may be shared (issue 22); the local database's
values under the keys below are read from there when its file has none yet, so an existing
user's last dossier still opens. Tests and tools write them to prepare such a database.
"""

from sqlalchemy.orm import Session

from model.store.connection import Database
from model.store.names import LAST_DOSSIER
from model.store.schema import SettingRow


class Settings(Database):
    def setting(self, key: str) -> str | None:
        with self._transaction() as session:
            row = session.get(SettingRow, key)
            return row.value if row else None

    def set_setting(self, key: str, value: str) -> None:
        def write(session: Session) -> None:
            session.merge(SettingRow(key=key, value=value))
            session.flush()

        self._write_once_more_if_taken(write)

    def last_dossier_id(self) -> int | None:
        value = self.setting(LAST_DOSSIER)
        return int(value) if value and value.isdigit() else None

    def remember_last_dossier(self, dossier_id: int | None) -> None:
        self.set_setting(LAST_DOSSIER, str(dossier_id or ""))
