"""Moving in (issue 22): copying dossiers between a laptop's data folder and a shared PostgreSQL
database, both ways, through the export file's checks, all in one transaction or none."""

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from model.content import Connection, Role
from model.dossier import CareProvider, DateField
from model.exchange import HISTORY_NOTE_EXCERPT, CopyRefusedError, copy_dossiers, dossiers_to_copy
from model.register import renumbered_providers
from model.rounds import FIRST_ROUND, RoundStart
from model.store import Store, StoreError

NOW = datetime(2026, 11, 29, 12)
DIRECTIONS = ["naar de gedeelde database", "naar deze computer"]


@pytest.fixture(params=DIRECTIONS)
def stores(request: pytest.FixtureRequest, data_dir: Path, database_url: str):
    """(from, to): the local file and the shared database, in the direction of the copy."""
    local, shared = Store(data_dir), Store(database_url)
    pair = (local, shared) if request.param == DIRECTIONS[0] else (shared, local)
    yield pair
    local.close()
    shared.close()


def filled(store: Store, name: str) -> int:
    """A cluster dossier with something of everything: two rounds with ticks and notes, a register,
    yearly reports with repair dates, and the history of it all."""
    dossier = store.create_dossier(name, Connection.CLUSTER, Role.SUPPLIER, date(2026, 3, 2))
    store.set_item_ticked(dossier.id, "cluster.1.1", True)
    store.set_item_ticked(dossier.id, "cluster.2.1", True)
    store.set_note(dossier.id, "cluster.1", "Afspraak met de ‘TPM’ & <b>RE</b>\nregel 2")
    store.set_date(dossier.id, DateField.REPORT_SENT, date(2026, 4, 20))
    store.save_care_provider(
        dossier.id, CareProvider(0, "Huisarts Zuid", "12345678", production=date(2026, 3, 2))
    )
    second = store.save_care_provider(dossier.id, CareProvider(0, "Apotheek", "87654321"))
    store.save_care_provider(dossier.id, CareProvider(second.id, "Apotheek Oost", "87654321", notes="bellen"))
    store.start_round(
        dossier.id, 2027, RoundStart({"cluster.1.1": datetime(2026, 3, 5)}, {"cluster.1": "blijft"})
    )
    store.set_item_ticked(dossier.id, "cluster.3.1", True)
    store.set_note(dossier.id, "cluster.3", "jaarronde 2027")
    store.set_annual_report(dossier.id, 2027, date(2027, 4, 1))
    store.set_annual_repair(dossier.id, 2027, DateField.LOGIUS_FIX_DEADLINE, date(2027, 6, 1))
    store.set_annual_repair(dossier.id, 2027, DateField.FINDINGS_FIXED, date(2027, 5, 20))
    return dossier.id


def contents(store: Store, dossier_id: int) -> dict:
    """What a dossier holds, without the numbers its database gave it (ids, and the register's
    count of saves, which a copy starts afresh)."""
    snapshot = store.snapshot(dossier_id)
    return {
        "dossier": snapshot.dossier.__dict__ | {"id": None},
        "rounds": {year: store.ticked_items(dossier_id, year) for year in store.rounds(dossier_id)},
        "notes": {year: store.notes(dossier_id, year) for year in store.rounds(dossier_id)},
        "started": {year: each.started_at for year, each in snapshot.rounds.items()},
        "register": [each.__dict__ | {"id": None, "version": None} for each in snapshot.care_providers],
        "reports": snapshot.annual_reports,
        "repairs": snapshot.annual_repairs,
        "history": renumbered_providers(snapshot.changes),
    }


def test_dossiers_are_copied_whole_with_a_taken_name_numbered(stores: tuple[Store, Store]) -> None:
    origin, target = stores
    first, second = filled(origin, "Praktijk Noord"), filled(origin, "Praktijk Zuid")
    target.create_dossier("praktijk noord", Connection.DIRECT, Role.CARE_PROVIDER, None)  # already there
    copies = copy_dossiers(origin, target, dossiers_to_copy(origin), NOW)
    assert [copy.name for copy in copies] == ["Praktijk Noord (2)", "Praktijk Zuid"]
    for source_id, copy in zip((first, second), copies, strict=True):
        copied = contents(target, copy.id)
        assert copied == contents(origin, source_id) | {"dossier": copied["dossier"]}
        assert copied["dossier"] == contents(origin, source_id)["dossier"] | {"name": copy.name}
    copied = contents(target, copies[1].id)  # spelled out, lest both sides lose the same thing
    assert set(copied["rounds"][FIRST_ROUND]) == {"cluster.1.1", "cluster.2.1"}
    assert set(copied["rounds"][2027]) == {"cluster.1.1", "cluster.3.1"}
    assert copied["notes"][2027] == {"cluster.1": "blijft", "cluster.3": "jaarronde 2027"}
    assert [each["name"] for each in copied["register"]] == ["Huisarts Zuid", "Apotheek Oost"]
    assert copied["reports"] == {2027: date(2027, 4, 1)}
    assert (copied["repairs"][2027].logius_fix_deadline, copied["repairs"][2027].findings_fixed) == (
        date(2027, 6, 1),
        date(2027, 5, 20),
    )
    assert len(copied["history"]) >= 12 and {each.round_year for each in copied["history"]} == {0, 2027}
    assert [each.name for each in origin.list_dossiers()] == ["Praktijk Noord", "Praktijk Zuid"]  # kept


def test_a_long_note_in_the_history_is_shortened_as_an_export_does(stores: tuple[Store, Store]) -> None:
    origin, target = stores
    dossier = origin.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    origin.set_note(dossier.id, "direct.1", "x" * 500)
    (copy,) = copy_dossiers(origin, target, dossiers_to_copy(origin), NOW)
    assert target.notes(copy.id) == {"direct.1": "x" * 500}  # the note itself whole
    (change,) = target.history(copy.id)
    assert change.new == "x" * HISTORY_NOTE_EXCERPT + "…"


def refuse_name(store: Store, name: str) -> None:
    """Make the database itself refuse a dossier called `name`, as a server's rule might."""
    with store._transaction() as session:
        if store.shared:
            session.execute(text(f"ALTER TABLE dossiers ADD CONSTRAINT refused CHECK (name <> '{name}')"))
        else:
            session.execute(
                text(
                    "CREATE TRIGGER refused BEFORE INSERT ON dossiers"
                    f" WHEN NEW.name = '{name}' BEGIN SELECT RAISE(ABORT, 'geweigerd'); END"
                )
            )


def everything(store: Store) -> dict:
    return {each.name: contents(store, each.id) for each in store.list_dossiers()}


def test_a_dossier_refused_halfway_leaves_the_target_unchanged(stores: tuple[Store, Store]) -> None:
    origin, target = stores
    for name in ("Praktijk A", "Praktijk B", "Praktijk C"):
        filled(origin, name)
    filled(target, "Al aanwezig")
    before = everything(target)
    refuse_name(target, "Praktijk B")  # A is written in the transaction before B fails
    with pytest.raises(StoreError):
        copy_dossiers(origin, target, dossiers_to_copy(origin), NOW)
    assert everything(target) == before


def test_a_dossier_that_no_export_file_could_hold_is_refused_before_anything_is_written(
    stores: tuple[Store, Store],
) -> None:
    origin, target = stores
    filled(origin, "Praktijk A")
    odd = origin.create_dossier("Praktijk B", Connection.DIRECT, Role.CARE_PROVIDER, None)
    origin.set_item_ticked(odd.id, "direct.99.9", True)  # an action item no content has (any more)
    with pytest.raises(CopyRefusedError) as refused:
        copy_dossiers(origin, target, dossiers_to_copy(origin), NOW)
    assert "Er is niets gekopieerd" in str(refused.value) and "‘Praktijk B’" in str(refused.value)
    assert target.list_dossiers() == []


def test_a_damaged_dossier_refuses_the_copy_of_all_but_not_of_another(
    data_dir: Path, database_url: str
) -> None:
    local, shared = Store(data_dir), Store(database_url)
    filled(local, "Praktijk A")
    broken = local.create_dossier("Praktijk B", Connection.DIRECT, Role.CARE_PROVIDER, None)
    with local._transaction() as session:
        session.execute(
            text("UPDATE dossiers SET connection = 'satelliet' WHERE id = :id"), {"id": broken.id}
        )
    with pytest.raises(CopyRefusedError) as refused:
        dossiers_to_copy(local)
    assert "‘Praktijk B’ is beschadigd" in str(refused.value)
    with pytest.raises(CopyRefusedError, match="geen dossier met de naam ‘Praktijk C’"):
        dossiers_to_copy(local, "Praktijk C")
    (copy,) = copy_dossiers(local, shared, dossiers_to_copy(local, "praktijk a"), NOW)
    assert [each.name for each in shared.list_dossiers()] == [copy.name] == ["Praktijk A"]
    local.close()
    shared.close()


def test_the_command_line_copies_to_the_shared_database_and_back(
    data_dir: Path, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import main
    from tests.postgres_server import PASSWORD

    local = Store(data_dir)
    original = filled(local, "Praktijk Noord")
    local.close()
    assert main.main(["--data-dir", str(data_dir), "--copy-to", database_url]) == 0
    assert capsys.readouterr() == ("Praktijk Noord\n", "")
    back = tmp_path / "laptop"
    assert (
        main.main(["--data-dir", str(back), "--copy-from", database_url, "--dossier", "Praktijk Noord"]) == 0
    )
    assert capsys.readouterr() == ("Praktijk Noord\n", "")
    first, returned = Store(data_dir), Store(back)
    assert contents(returned, returned.list_dossiers()[0].id) == contents(first, original)
    first.close()
    returned.close()
    shared = Store(database_url)
    refuse_name(shared, "Praktijk Noord (2)")
    shared.close()
    assert main.main(["--database-url", database_url, "--copy-from", str(data_dir)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("Er is niets gekopieerd: ") and err.count("\n") == 1
    assert PASSWORD not in err
    shared = Store(database_url)
    assert [each.name for each in shared.list_dossiers()] == ["Praktijk Noord"]
    shared.close()
    assert main.main(["--data-dir", str(data_dir), "--copy-to", str(data_dir)]) == 1
    assert "dezelfde" in capsys.readouterr().err
