"""The supplier's register of care providers on a cluster connection: rules, page, timeline, roles."""

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.day_clock import DayClock
from model.content import Connection, Role
from model.dossier import CareProvider
from model.exchange import export_json, parse_import
from model.register import (
    conditions,
    counted,
    deadline_dates,
    problems,
    remark,
    second_production_date,
    step_count,
    still_to_fill,
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
        (provider(kvk="1234567"), "kvk", "precies 8 cijfers (nu 7 tekens)"),
        (provider(kvk="123456789"), "kvk", "precies 8 cijfers (nu 9 tekens)"),
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
def test_doubtful_entries_are_explained_at_their_field(entry: CareProvider, field: str, message: str) -> None:
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
    assert still_to_fill(entry) == "" and remark(entry, TODAY) == ""


def test_an_incomplete_entry_says_what_it_still_needs() -> None:
    assert still_to_fill(provider(name=" ", kvk="")) == "Vul nog in: naam, KvK-nummer"
    assert still_to_fill(provider(kvk="")) == "Vul nog in: KvK-nummer"
    assert still_to_fill(provider(kvk="1234")) == ""  # typed but wrong: to check, not to fill in
    assert problems(provider(name="", kvk=""), TODAY) == {}  # nothing wrong, only not done yet
    late = provider(kvk="", production=date(2027, 1, 5))
    assert remark(late, TODAY) == "Vul nog in: KvK-nummer; Controleer: in productie"
    assert remark(provider(kvk="12345"), TODAY) == "Controleer: KvK-nummer"
    assert remark(provider(name="", kvk="12345"), TODAY) == "Vul nog in: naam; Controleer: KvK-nummer"


def live(name: str, day: date) -> CareProvider:
    return provider(name, contract_signed=date(2026, 9, 1), akkoord_signed=date(2026, 9, 2), production=day)


def test_t0_is_the_second_production_date() -> None:
    providers = [
        live("A", date(2026, 10, 20)),
        provider("B"),
        live("C", date(2026, 10, 5)),
        live("D", date(2026, 11, 1)),
    ]
    assert second_production_date(providers, TODAY) == date(2026, 10, 20)
    assert second_production_date(providers[:2], TODAY) is None
    state = conditions(providers, TODAY)
    assert (state.in_production, state.enough_in_production, state.all_signed) == (3, True, True)
    assert str(step_count("cluster.7", providers, TODAY)) == "3 van 4 akkoordverklaringen ondertekend"
    unfinished = [*providers, provider("E", kvk="123")]
    assert str(step_count("cluster.7", unfinished, TODAY)) == (
        "3 van 4 akkoordverklaringen ondertekend (1 zorgaanbieder in het register nog onvolledig)"
    )
    assert step_count("cluster.4", providers, TODAY) is None


def test_only_complete_and_possible_information_counts() -> None:
    providers = [
        live("A", date(2026, 10, 1)),
        live("", date(2026, 10, 2)),  # no name: kept, not counted
        replace(live("C", date(2026, 10, 3)), kvk="1234"),  # wrong KvK number: not counted
        live("D", date(2026, 12, 24)),  # a future production date has not happened yet
    ]
    assert counted(providers, TODAY)[-1].production is None
    assert conditions(providers, TODAY).in_production == 1
    assert second_production_date(providers, TODAY) is None
    early = provider("E", contract_signed=date(2026, 10, 9), akkoord_signed=date(2026, 9, 1))
    providers.append(replace(early, production=date(2026, 10, 5)))  # live before the contract was signed
    state = conditions(providers, TODAY)
    assert state.in_production == 2 and state.unsigned_in_production == ("E",)
    assert second_production_date(providers, TODAY) == date(2026, 10, 5)


def test_the_register_date_wins_and_the_difference_is_said(data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("Leverancier", Connection.CLUSTER, Role.SUPPLIER, date(2026, 9, 30))
    providers = [live("A", date(2026, 10, 1)), live("B", date(2026, 10, 8))]
    assert deadline_dates(dossier, providers, TODAY).activation == date(2026, 10, 8)
    assert deadline_dates(dossier, providers[:1], TODAY).activation == date(2026, 9, 30)
    text = t0_explanation(dossier, providers, TODAY)
    assert "8 oktober 2026" in text and "30 september 2026" in text and "niet meer gebruikt" in text
    store.close()


def make_supplier_dossier(data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("ZorgSoft", Connection.CLUSTER, Role.SUPPLIER, None)
    store.remember_last_dossier(dossier.id)
    store.close()


def open_register(qtbot: QtBot, data_dir: Path) -> QWidget:
    window = open_window(qtbot, data_dir, DayClock(lambda: TODAY))
    child(window, QWidget, "assessmentWizard").go_to("register")
    return window


@pytest.fixture
def supplier_window(qtbot: QtBot, data_dir: Path) -> QWidget:
    make_supplier_dossier(data_dir)
    return open_register(qtbot, data_dir)


def type_into(qtbot: QtBot, window: QWidget, name: str, text: str) -> None:
    field = child(window, QWidget, name)
    scroll_to(field)
    field.setFocus()
    qtbot.keyClicks(field, text)


def set_day(qtbot: QtBot, window: QWidget, name: str, day: date) -> None:
    unknown = child(window, QCheckBox, f"{name}Unknown")
    scroll_to(unknown)
    click(qtbot, unknown)
    child(window, QDateEdit, name).setDate(day)


def fill(qtbot: QtBot, window: QWidget, name: str, kvk: str, production: date | None = None) -> None:
    """A new entry as a user types it: no save button, nothing but typing and picking dates."""
    click(qtbot, child(window, QPushButton, "newProvider"))
    type_into(qtbot, window, "providerName", name)
    type_into(qtbot, window, "providerKvk", kvk)
    set_day(qtbot, window, "providerContractSigned", date(2026, 9, 1))
    set_day(qtbot, window, "providerAkkoordSigned", date(2026, 9, 2))
    if production:
        set_day(qtbot, window, "providerProduction", production)


def table_rows(window: QWidget) -> list[list[str]]:
    table = child(window, QTableWidget, "careProviderTable")
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def table_names(window: QWidget) -> list[str]:
    return [row[0] for row in table_rows(window)]


def stored_providers(window: QWidget) -> list[CareProvider]:
    return window.store.care_providers(window.store.list_dossiers()[0].id)


def test_no_save_button_guards_the_register(supplier_window: QWidget) -> None:
    assert supplier_window.findChild(QPushButton, "saveProvider") is None
    assert all(button.text() != "Opslaan" for button in supplier_window.findChildren(QPushButton))


def test_the_supplier_adds_care_providers_and_the_deadline_follows(
    qtbot: QtBot, supplier_window: QWidget
) -> None:
    window = supplier_window
    checklist = child(window, QLabel, "registerConditions")
    assert "nog niet" in checklist.text() and "(nu 0)" in checklist.text()
    assert "nog niet</b>: minstens twee zorgaanbieders" in checklist.text()  # small letter after a colon
    assert "van toepassing</b>: elke zorgaanbieder" in checklist.text()
    fill(qtbot, window, "Fysio <b>Noord</b>", "12345678", date(2026, 10, 1))
    fill(qtbot, window, "Tandarts Zuid", "87654321", date(2026, 10, 8))
    assert table_names(window) == ["Fysio <b>Noord</b>", "Tandarts Zuid"]
    assert "(nu 2)" in checklist.text() and "voldaan" in checklist.text()
    assert child(window, QLabel, "countdown").text() == (
        "Nog 10 dagen tot de uiterste datum voor het auditrapport bij Logius (8 december 2026)"
    )
    assert [each.kvk for each in stored_providers(window)] == ["12345678", "87654321"]
    child(window, QWidget, "assessmentWizard").go_to("cluster.7")
    assert child(window, QLabel, "registerCount.cluster.7").text() == (
        "Volgens het register: 2 van 2 akkoordverklaringen ondertekend"
    )


def test_what_is_typed_survives_closing_without_a_pause(
    qtbot: QtBot, supplier_window: QWidget, data_dir: Path
) -> None:
    fill(qtbot, supplier_window, "Fysio Noord", "12345678", date(2026, 10, 1))
    click(qtbot, child(supplier_window, QPushButton, "newProvider"))
    type_into(qtbot, supplier_window, "providerKvk", "1234")  # an entry that is only begun
    table = child(supplier_window, QTableWidget, "careProviderTable")
    assert table.rowCount() == 1  # the pause after the last key has not come yet
    supplier_window.close()  # straight away: the close stores what waited for the pause

    window = open_register(qtbot, data_dir)
    begun = "(nog zonder naam)\nVul nog in: naam; Controleer: KvK-nummer"
    assert table_names(window) == ["Fysio Noord", begun]
    assert table_rows(window)[1][1] == "1234"
    child(window, QTableWidget, "careProviderTable").selectRow(1)
    assert child(window, QLineEdit, "providerKvk").text() == "1234"
    still = child(window, QLabel, "providerStillToFill")
    assert still.isVisible() and still.text() == "Vul nog in: naam"
    error = child(window, QLabel, "kvkError")
    assert error.isVisible() and error.text() == "Een KvK-nummer bestaat uit precies 8 cijfers (nu 4 tekens)."
    assert "(nu 1)" in child(window, QLabel, "registerConditions").text()  # the incomplete one waits


def test_leaving_the_dossier_keeps_every_field(qtbot: QtBot, supplier_window: QWidget) -> None:
    window = supplier_window
    click(qtbot, child(window, QPushButton, "newProvider"))
    type_into(qtbot, window, "providerName", "Apotheek Oost")
    type_into(qtbot, window, "providerKvk", "123456789")  # one digit too many: kept as typed
    type_into(qtbot, window, "providerSignatory", "A. Jansen")
    type_into(qtbot, window, "providerFunction", "eigenaar")
    set_day(qtbot, window, "providerAkkoordSigned", date(2026, 9, 2))
    set_day(qtbot, window, "providerAkkoordSubmitted", date(2026, 9, 1))  # before signing: kept, explained
    set_day(qtbot, window, "providerProduction", date(2026, 12, 20))  # in the future: kept, explained
    type_into(qtbot, window, "providerNotes", "Belt terug na de vakantie.")
    click(qtbot, child(window, QPushButton, "allDossiers"))  # to the start page, at once

    (entry,) = stored_providers(window)
    assert entry == CareProvider(
        entry.id,
        "Apotheek Oost",
        "123456789",
        "A. Jansen",
        "eigenaar",
        akkoord_signed=date(2026, 9, 2),
        akkoord_submitted=date(2026, 9, 1),
        production=date(2026, 12, 20),
        notes="Belt terug na de vakantie.",
    )
    child(window, QTableWidget, "dossierList").selectRow(0)
    click(qtbot, child(window, QPushButton, "openDossierButton"))
    child(window, QWidget, "assessmentWizard").go_to("register")
    child(window, QTableWidget, "careProviderTable").selectRow(0)
    row = table_rows(window)[0]
    assert row[1] == "123456789"
    assert row[0] == "Apotheek Oost\nControleer: KvK-nummer, akkoord bij DICTU, in productie"
    for field, text in (
        ("kvk", "precies 8 cijfers (nu 9 tekens)"),
        ("akkoord_submitted", "pas na ondertekening"),
        ("production", "in de toekomst"),
    ):
        assert text in child(window, QLabel, f"{field}Error").text()


def answer_message_box(qtbot: QtBot, button_text: str, seen: list[str]) -> None:
    """When the confirmation opens, note its text and click `button_text` in it, as a user would."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        (button,) = [each for each in box.buttons() if each.text() == button_text]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def test_edit_and_remove_a_care_provider(qtbot: QtBot, supplier_window: QWidget) -> None:
    fill(qtbot, supplier_window, "Fysio Noord", "12345678")
    table = child(supplier_window, QTableWidget, "careProviderTable")
    table.selectRow(0)
    name = child(supplier_window, QLineEdit, "providerName")
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Fysio Noord-Oost")
    qtbot.waitUntil(lambda: table_names(supplier_window) == ["Fysio Noord-Oost"])  # after the pause
    assert [each.name for each in stored_providers(supplier_window)] == ["Fysio Noord-Oost"]

    seen: list[str] = []
    answer_message_box(qtbot, "Annuleren", seen)
    click(qtbot, child(supplier_window, QPushButton, "deleteProvider"))
    assert seen == ["‘Fysio Noord-Oost’ uit het register verwijderen, met alle datums en notities?"]
    assert table_names(supplier_window) == ["Fysio Noord-Oost"]  # cancelled: nothing removed

    answer_message_box(qtbot, "Verwijderen", seen)
    click(qtbot, child(supplier_window, QPushButton, "deleteProvider"))
    assert len(seen) == 2 and table_names(supplier_window) == []
    assert stored_providers(supplier_window) == []
    assert child(supplier_window, QLabel, "providerResult").text() == "‘Fysio Noord-Oost’ is verwijderd."


def test_the_history_tells_what_happened_in_the_register(qtbot: QtBot, supplier_window: QWidget) -> None:
    window = supplier_window
    fill(qtbot, window, "Fysio <i>Noord</i>", "1234567", date(2026, 10, 1))
    type_into(qtbot, window, "providerKvk", "8")
    type_into(qtbot, window, "providerNotes", "Contract per post.")
    seen: list[str] = []
    answer_message_box(qtbot, "Verwijderen", seen)
    click(qtbot, child(window, QPushButton, "deleteProvider"))
    toggle = child(window, QPushButton, "historyToggle.register")
    scroll_to(toggle)
    click(qtbot, toggle)
    listing = child(window, QLabel, "history.register")
    shown = QTextDocumentFragment.fromHtml(listing.text()).toPlainText()
    for line in (
        "Zorgaanbieder toegevoegd: Fysio <i>Noord</i>",
        "Fysio <i>Noord</i> – Naam: Fysio <i>Noord</i>",
        "Fysio <i>Noord</i> – KvK-nummer: 1234567\n",  # typed in one sitting: one change
        "Fysio <i>Noord</i> – KvK-nummer: 1234567 → 12345678",
        "Fysio <i>Noord</i> – Aangepast contract getekend: 1 september 2026",
        "Fysio <i>Noord</i> – In productie: 1 oktober 2026",
        "Fysio <i>Noord</i> – Notitie geschreven",
        "Zorgaanbieder verwijderd: Fysio <i>Noord</i>",
    ):
        assert line in shown
    assert shown.index("verwijderd") < shown.index("toegevoegd")  # newest first


def test_an_incomplete_entry_and_its_history_travel_with_the_export(data_dir: Path) -> None:
    store = Store(data_dir)
    dossier = store.create_dossier("ZorgSoft", Connection.CLUSTER, Role.SUPPLIER, None)
    begun = store.save_care_provider(dossier.id, CareProvider(0, "", "1234"))
    store.save_care_provider(dossier.id, replace(begun, name="Fysio Noord"))
    exported = export_json(store.snapshot(dossier.id), datetime(2026, 11, 28)).encode()
    copy = store.add_snapshot(parse_import(exported), "ZorgSoft kopie")
    assert [(each.name, each.kvk) for each in store.care_providers(copy.id)] == [("Fysio Noord", "1234")]
    subjects = [change.subject for change in store.history(copy.id) if change.step_id == "register"]
    assert subjects == ["care_provider:-1", "care_provider:-1:kvk", "care_provider:-1:name"]
    store.close()


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
    table = child(window, QTableWidget, "careProviderTable")
    qtbot.waitUntil(
        lambda: table.item(49, 0) is not None
    )  # the rows below the first screenful: after its paint
    assert table_names(window) == [f"Zorgaanbieder {number:02d}" for number in range(50)]
    assert "(nu 50)" in child(window, QLabel, "registerConditions").text()


def open_on_register(
    qtbot: QtBot, data_dir: Path, providers: list[CareProvider]
) -> tuple[QWidget, QTableWidget]:
    """A supplier's cluster dossier with these care providers, its register on screen (not yet
    painted: the event loop has not run since)."""
    store = Store(data_dir)
    dossier = store.create_dossier("Grote leverancier", Connection.CLUSTER, Role.SUPPLIER, None)
    for provider in providers:
        store.save_care_provider(dossier.id, provider)
    store.remember_last_dossier(dossier.id)
    store.close()
    window = open_window(qtbot, data_dir, DayClock(lambda: TODAY))
    child(window, QWidget, "assessmentWizard").go_to("register")
    return window, child(window, QTableWidget, "careProviderTable")


def sixty() -> list[CareProvider]:
    return [live(f"Zorgaanbieder {number:02d}", date(2026, 10, 1)) for number in range(60)]


def test_a_long_register_is_sized_for_its_widest_entry_before_its_first_paint(
    qtbot: QtBot, data_dir: Path
) -> None:
    """The rows below the first screenful are made after the page's first paint; the columns are
    sized before it, for every row: nothing moves when the rest appears."""
    providers = [live(f"Zorgaanbieder {number:03d}", date(2026, 10, 1)) for number in range(120)]
    widest = "Mr. Dr. Wilhelmina van Oldenbarnevelt-Schimmelpenninck"
    providers = [
        replace(each, signatory_name=widest if n == 97 else "A. Jansen") for n, each in enumerate(providers)
    ]
    window, table = open_on_register(qtbot, data_dir, providers)
    fixed = range(1, table.columnCount())  # the first column takes the room the others leave
    before = [table.columnWidth(column) for column in fixed]
    assert table.rowCount() == 120
    assert table.item(97, 2).text().startswith("Mr. Dr. Wilhelmina")  # made first: it sizes its column
    assert table.item(96, 0) is None  # not made before the paint
    qtbot.waitUntil(lambda: table.item(96, 0) is not None)
    assert table_names(window) == [f"Zorgaanbieder {number:03d}" for number in range(120)]
    assert [table.columnWidth(column) for column in fixed] == before
    assert table.columnWidth(2) >= table.sizeHintForColumn(2)


def test_a_long_register_left_at_once_is_whole_when_shown_again(qtbot: QtBot, data_dir: Path) -> None:
    window, table = open_on_register(qtbot, data_dir, sixty())
    wizard = child(window, QWidget, "assessmentWizard")
    table.grab()  # painted (as into the window), and left before the event loop makes the rest
    wizard.go_to(wizard.keys[0])
    qtbot.wait(50)
    assert table.item(59, 0) is None  # nobody sees it: nothing made meanwhile
    wizard.go_to("register")
    qtbot.waitUntil(lambda: table.item(59, 0) is not None)
    assert table_names(window) == [f"Zorgaanbieder {number:02d}" for number in range(60)]


def test_an_entry_chosen_before_the_rest_of_the_register_is_made_fills_the_form(
    qtbot: QtBot, data_dir: Path
) -> None:
    """A key pressed right after the page appeared chose a row not made yet: once it is made, the
    form shows that entry and the row is in view."""
    window, table = open_on_register(qtbot, data_dir, sixty())
    table.grab()  # painted (as into the window): the rest is made at the next turn of the event loop
    table.setCurrentCell(59, 0)  # the last entry chosen, as Ctrl+End does
    assert table.item(59, 0) is None
    qtbot.waitUntil(lambda: child(window, QLineEdit, "providerName").text() == "Zorgaanbieder 59")
    assert table.selectedItems()[0].text() == "Zorgaanbieder 59"
    assert table.viewport().rect().intersects(table.visualItemRect(table.item(59, 0)))


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
