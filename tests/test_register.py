"""The supplier's register of care providers on a cluster connection: rules, page, timeline, roles."""

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QLineEdit, QPushButton, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from gui.day_clock import DayClock
from model.content import Connection, Role
from model.dossier import CareProvider
from model.exchange import export_json, parse_import
from model.register import (
    conditions,
    effective_dates,
    problems,
    second_production_date,
    step_count,
    t0_explanation,
)
from model.store import Store
from tests.gui_helpers import child, click, open_window, scroll_to, step_list_texts

TODAY = date(2026, 11, 28)


def provider(name: str = "Fysio Noord", kvk: str = "12345678", **dates: date) -> CareProvider:
    return CareProvider(0, name, kvk, "J. de Vries", "directeur", **dates)


@pytest.mark.parametrize(
    "entry, field, message",
    [
        (provider(kvk="1234567a"), "kvk", "precies 8 cijfers"),
        (provider(kvk="1234567"), "kvk", "precies 8 cijfers"),
        (provider(kvk="123456789"), "kvk", "precies 8 cijfers"),
        (provider(name="  "), "name", "Vul de naam"),
        (provider(contract_signed=date(2026, 12, 1)), "contract_signed", "in de toekomst"),
        (
            provider(contract_signed=date(2026, 9, 1), production=date(2026, 10, 1)),
            "production",
            "akkoordverklaring",
        ),
        (
            provider(
                contract_signed=date(2026, 10, 5),
                akkoord_signed=date(2026, 9, 1),
                production=date(2026, 10, 1),
            ),
            "production",
            "vóór ondertekening",
        ),
        (provider(akkoord_submitted=date(2026, 10, 1)), "akkoord_submitted", "pas na ondertekening"),
    ],
)
def test_bad_entries_are_refused_at_their_field(entry: CareProvider, field: str, message: str) -> None:
    found = problems(entry, TODAY)
    assert field in found and message in found[field]


def test_a_complete_entry_has_no_problems() -> None:
    entry = provider(
        contract_signed=date(2026, 9, 1),
        akkoord_signed=date(2026, 9, 2),
        akkoord_submitted=date(2026, 9, 3),
        production=date(2026, 10, 1),
    )
    assert problems(entry, TODAY) == {}


def live(name: str, day: date) -> CareProvider:
    return provider(name, contract_signed=date(2026, 9, 1), akkoord_signed=date(2026, 9, 2), production=day)


def test_t0_is_the_second_production_date() -> None:
    providers = [
        live("A", date(2026, 10, 20)),
        provider("B"),
        live("C", date(2026, 10, 5)),
        live("D", date(2026, 11, 1)),
    ]
    assert second_production_date(providers) == date(2026, 10, 20)
    assert second_production_date(providers[:2]) is None
    state = conditions(providers)
    assert (state.in_production, state.enough_in_production, state.all_signed) == (3, True, True)
    assert step_count("cluster.7", providers).__str__() == "3 van 4 akkoordverklaringen ondertekend"
    assert step_count("cluster.4", providers) is None


def test_the_register_date_wins_and_the_difference_is_said(data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Leverancier", Connection.CLUSTER, Role.SUPPLIER, date(2026, 9, 30))
    providers = [live("A", date(2026, 10, 1)), live("B", date(2026, 10, 8))]
    assert effective_dates(dossier, providers).activation == date(2026, 10, 8)
    assert effective_dates(dossier, providers[:1]).activation == date(2026, 9, 30)
    text = t0_explanation(dossier, providers)
    assert "8 oktober 2026" in text and "30 september 2026" in text and "niet meer gebruikt" in text
    store.close()


@pytest.fixture
def supplier_window(qtbot: QtBot, data_dir: Path) -> QWidget:
    store = Store(data_dir)
    dossier = store.create_dossier("ZorgSoft", Connection.CLUSTER, Role.SUPPLIER, None)
    store.remember_last_dossier(dossier.id)
    store.close()
    window = open_window(qtbot, data_dir, DayClock(lambda: TODAY))
    child(window, QWidget, "assessmentWizard").go_to("register")
    return window


def fill(qtbot: QtBot, window: QWidget, name: str, kvk: str, production: date | None = None) -> None:
    click(qtbot, child(window, QPushButton, "newProvider"))
    qtbot.keyClicks(child(window, QLineEdit, "providerName"), name)
    qtbot.keyClicks(child(window, QLineEdit, "providerKvk"), kvk)
    for name_prefix, day in (
        ("providerContractSigned", date(2026, 9, 1)),
        ("providerAkkoordSigned", date(2026, 9, 2)),
    ):
        unknown = child(window, QCheckBox, f"{name_prefix}Unknown")
        scroll_to(unknown)
        click(qtbot, unknown)
        child(window, QDateEdit, name_prefix).setDate(day)
    if production:
        unknown = child(window, QCheckBox, "providerProductionUnknown")
        scroll_to(unknown)
        click(qtbot, unknown)
        child(window, QDateEdit, "providerProduction").setDate(production)
    save = child(window, QPushButton, "saveProvider")
    scroll_to(save)
    click(qtbot, save)


def table_names(window: QWidget) -> list[str]:
    table = child(window, QTableWidget, "careProviderTable")
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_the_supplier_adds_care_providers_and_the_deadline_follows(
    qtbot: QtBot, supplier_window: QWidget
) -> None:
    window = supplier_window
    checklist = child(window, QLabel, "registerConditions")
    assert "nog niet" in checklist.text() and "(nu 0)" in checklist.text()
    fill(qtbot, window, "Fysio <b>Noord</b>", "12345678", date(2026, 10, 1))
    fill(qtbot, window, "Tandarts Zuid", "87654321", date(2026, 10, 8))
    assert table_names(window) == ["Fysio <b>Noord</b>", "Tandarts Zuid"]
    assert "(nu 2)" in checklist.text() and "voldaan" in checklist.text()
    assert child(window, QLabel, "countdown").text() == (
        "Nog 10 dagen tot de uiterste datum voor het auditrapport bij Logius (8 december 2026)"
    )
    saved = window.store.care_providers(window.store.list_dossiers()[0].id)
    assert [each.kvk for each in saved] == ["12345678", "87654321"]
    child(window, QWidget, "assessmentWizard").go_to("cluster.7")
    assert child(window, QLabel, "registerCount.cluster.7").text() == (
        "Volgens het register: 2 van 2 akkoordverklaringen ondertekend"
    )


def test_a_wrong_kvk_number_is_shown_at_the_field_and_not_saved(
    qtbot: QtBot, supplier_window: QWidget
) -> None:
    fill(qtbot, supplier_window, "Apotheek Oost", "12ab5678")
    error = child(supplier_window, QLabel, "kvkError")
    assert error.isVisible() and "8 cijfers" in error.text()
    assert child(supplier_window, QLineEdit, "providerName").text() == "Apotheek Oost"  # the input stays
    assert table_names(supplier_window) == []
    assert supplier_window.store.care_providers(supplier_window.store.list_dossiers()[0].id) == []


def test_edit_and_remove_a_care_provider(
    qtbot: QtBot, supplier_window: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(qtbot, supplier_window, "Fysio Noord", "12345678")
    table = child(supplier_window, QTableWidget, "careProviderTable")
    table.selectRow(0)
    name = child(supplier_window, QLineEdit, "providerName")
    name.clear()
    qtbot.keyClicks(name, "Fysio Noord-Oost")
    click(qtbot, child(supplier_window, QPushButton, "saveProvider"))
    assert table_names(supplier_window) == ["Fysio Noord-Oost"]
    asked: list[str] = []
    monkeypatch.setattr("gui.register_page.confirm", lambda _p, _t, text, _ok: asked.append(text) or True)
    table.selectRow(0)
    click(qtbot, child(supplier_window, QPushButton, "deleteProvider"))
    assert "‘Fysio Noord-Oost’" in asked[0]
    assert table_names(supplier_window) == []


def test_fifty_care_providers_all_show(qtbot: QtBot, data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Grote leverancier", Connection.CLUSTER, Role.SUPPLIER, None)
    for number in range(50):
        store.save_care_provider(
            dossier.id, live(f"Zorgaanbieder {number:02d}", date(2026, 10, 1 + number % 28))
        )
    store.remember_last_dossier(dossier.id)
    store.close()
    window = open_window(qtbot, data_dir, DayClock(lambda: TODAY))
    child(window, QWidget, "assessmentWizard").go_to("register")
    assert len(table_names(window)) == 50
    assert "(nu 50)" in child(window, QLabel, "registerConditions").text()


def test_a_care_provider_on_a_cluster_sees_no_register(qtbot: QtBot, data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Fysio Noord", Connection.CLUSTER, Role.CARE_PROVIDER, None)
    store.remember_last_dossier(dossier.id)
    store.close()
    window = open_window(qtbot, data_dir)
    wizard = child(window, QWidget, "assessmentWizard")
    assert "register" not in wizard.keys
    assert not child(window, QPushButton, "nav.register").isVisible()
    rows = step_list_texts(window)
    assert rows[0].endswith(" | Doet uw ICT-leverancier")
    assert rows[4].endswith(" | U bent aan zet · Nog niet begonnen")
    wizard.go_to("cluster.1")
    assert child(window, QLabel, "bySupplier.cluster.1").isVisible()
    wizard.go_to("cluster.5")
    assert not child(window, QLabel, "bySupplier.cluster.5").isVisible()


def test_the_register_travels_with_the_exported_dossier(data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("ZorgSoft", Connection.CLUSTER, Role.SUPPLIER, None)
    store.save_care_provider(dossier.id, live("Fysio Noord", date(2026, 10, 1)))
    snapshot = parse_import(export_json(store.snapshot(dossier.id), datetime(2026, 11, 28)).encode())
    assert [(each.name, each.production) for each in snapshot.care_providers] == [
        ("Fysio Noord", date(2026, 10, 1))
    ]
    copy = store.add_snapshot(snapshot, "ZorgSoft kopie")
    assert [each.name for each in store.care_providers(copy.id)] == ["Fysio Noord"]
    store.close()


def test_the_summary_counts_from_the_register_and_shows_it(data_dir: Path) -> None:
    from model.content import bundled_content
    from model.summary import load_summary_input, summary_html

    store = Store(data_dir)
    dossier = store.create_dossier("ZorgSoft", Connection.CLUSTER, Role.SUPPLIER, date(2026, 10, 1))
    store.save_care_provider(dossier.id, live("Fysio Noord", date(2026, 10, 1)))
    store.save_care_provider(dossier.id, live("Tandarts <Zuid>", date(2026, 10, 2)))
    html = summary_html(load_summary_input(store, bundled_content(), dossier, TODAY))
    store.close()
    assert "uiterlijk 2 december 2026" in html and "uiterlijk 1 december 2026" not in html
    assert "<h2>Deelnemende zorgaanbieders</h2>" in html and "Tandarts &lt;Zuid&gt;" in html
