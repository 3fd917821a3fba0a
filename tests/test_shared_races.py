"""Two people on one shared database insert the same row at the same moment: a tick, a yearly
report's date, a repair's date. The second write runs once more, finds the first's row, and
neither is lost nor reported as a failure (issue 22)."""

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from sqlalchemy import event

from model.content import Connection, Role
from model.dossier import TICKED, UNTICKED, DateField, annual_subject
from model.store import Store


@pytest.fixture
def two_apps(database_url: str) -> Iterator[tuple[Store, Store, int]]:
    first, second = Store(database_url), Store(database_url)
    dossier = first.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 1))
    yield first, second, dossier.id
    first.close()
    second.close()


def just_before(store: Store, table: str, other_write: Callable[[], None]) -> list[str]:
    """Let `other_write` (another app's) commit just before `store` inserts into `table`, after
    `store` has seen no such row; returns the statements `store` sent from then on."""
    sent: list[str] = []

    def before(connection, cursor, statement: str, *rest) -> None:
        if statement.startswith(f"INSERT INTO {table} ") and not sent:
            other_write()
        if sent or statement.startswith(f"INSERT INTO {table} "):
            sent.append(statement)

    event.listen(store._engine, "before_cursor_execute", before)
    return sent


def test_a_yearly_report_recorded_by_two_at_once_keeps_the_later_date(two_apps) -> None:
    first, second, dossier = two_apps
    sent = just_before(
        first, "annual_reports", lambda: second.set_annual_report(dossier, 2025, date(2025, 3, 1))
    )
    first.set_annual_report(dossier, 2025, date(2025, 4, 2))
    assert sent[0].startswith("INSERT INTO annual_reports") and any(s.startswith("UPDATE") for s in sent)
    assert first.annual_reports(dossier) == second.annual_reports(dossier) == {2025: date(2025, 4, 2)}
    assert [(c.subject, c.old, c.new) for c in second.history(dossier)] == [
        (annual_subject(2025), "", "2025-03-01"),
        (annual_subject(2025), "2025-03-01", "2025-04-02"),
    ]


def test_a_repair_date_recorded_by_two_at_once_keeps_both_dates(two_apps) -> None:
    first, second, dossier = two_apps

    def other() -> None:
        second.set_annual_repair(dossier, 2025, DateField.LOGIUS_FIX_DEADLINE, date(2025, 7, 1))

    just_before(first, "annual_repairs", other)
    first.set_annual_repair(dossier, 2025, DateField.FINDINGS_FIXED, date(2025, 6, 20))
    (repair,) = second.annual_repairs(dossier).values()
    assert (repair.logius_fix_deadline, repair.findings_fixed) == (date(2025, 7, 1), date(2025, 6, 20))


def test_an_item_ticked_by_two_at_once_is_ticked_once(two_apps) -> None:
    first, second, dossier = two_apps
    just_before(first, "ticked_items", lambda: second.set_item_ticked(dossier, "direct.1.1", True))
    at = first.set_item_ticked(dossier, "direct.1.1", True)
    assert second.ticked_items(dossier) == {"direct.1.1": at}
    assert [(c.subject, c.old, c.new) for c in first.history(dossier)] == [("direct.1.1", UNTICKED, TICKED)]
