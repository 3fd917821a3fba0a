"""Dossiers on the start page and the dossier page: create, validate, rename, delete, switch flow."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from model.content import Connection, Role
from model.store import Store
from tests.gui_helpers import child, click, next_button, open_window, scroll_to, step_list_texts, tick
from tests.modal_dialogs import answer_dialogs, press, type_text


@pytest.fixture
def store(data_dir: Path) -> Store:
    store = Store(data_dir)
    yield store
    store.close()


def table_rows(window: QWidget) -> list[list[str]]:
    table = child(window, QTableWidget, "dossierList")
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def test_start_page_lists_dossiers_with_progress(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    dossier = store.create_dossier("Tandartspraktijk Zuid", Connection.CLUSTER, Role.SUPPLIER, None)
    store.set_item_ticked(dossier.id, "cluster.1.1", True)
    store.set_item_ticked(dossier.id, "direct.1.1", True)  # kept from another flow: not counted
    store.create_dossier("Apotheek Oost", Connection.DIRECT, Role.CARE_PROVIDER, None)
    window = open_window(qtbot, data_dir)
    assert table_rows(window) == [
        [
            "Apotheek Oost",
            "Directe aansluiting",
            "Zorgaanbieder",
            "0 van 20 actiepunten",
            "Geen termijn: activatiedatum onbekend",
        ],
        [
            "Tandartspraktijk Zuid",
            "Clusteraansluiting",
            "ICT-leverancier",
            "1 van 33 actiepunten",
            "Geen termijn: nog geen twee zorgaanbieders in productie",
        ],
    ]


def test_empty_start_page_says_how_to_begin(qtbot: QtBot, data_dir: Path) -> None:
    window = open_window(qtbot, data_dir)
    assert not child(window, QTableWidget, "dossierList").isVisible()
    assert not child(window, QPushButton, "deleteDossierButton").isEnabled()
    hints = [each.text() for each in window.findChildren(QLabel) if each.isVisible()]
    assert any("Nieuw dossier" in text and "beginnen" in text for text in hints)


def test_a_new_dossier_needs_name_connection_and_role(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    window = open_window(qtbot, data_dir)
    click(qtbot, child(window, QPushButton, "newDossierButton"))
    missing = child(window, QLabel, "dossierMissing")
    assert not next_button(window).isEnabled()
    assert missing.text() == "Vul nog in: de naam van de organisatie, het type aansluiting en uw rol."
    unsure = child(window, QLabel, "connectionUnsure")
    assert unsure.isVisible() and "Vraag het uw ICT-leverancier" in unsure.text()
    shown = [each for each in window.findChildren(QLabel) if each.isVisible() and "Vul nog in" in each.text()]
    assert [each.text() for each in shown] == [missing.text()]  # once, beside the disabled button
    qtbot.keyClicks(child(window, QLineEdit, "organisationName"), "   ")
    click(qtbot, child(window, QRadioButton, "connectionCluster"))
    assert missing.text() == "Vul nog in: de naam van de organisatie en uw rol."
    assert not next_button(window).isEnabled()
    assert store.list_dossiers() == []


def test_a_duplicate_name_is_refused_at_the_field_and_nothing_is_stored(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    store.create_dossier("Praktijk De Linde", Connection.DIRECT, Role.CARE_PROVIDER, None)
    window = open_window(qtbot, data_dir)
    click(qtbot, child(window, QPushButton, "newDossierButton"))
    qtbot.keyClicks(child(window, QLineEdit, "organisationName"), "praktijk de linde")
    click(qtbot, child(window, QRadioButton, "connectionDirect"))
    scroll_to(child(window, QRadioButton, "roleSupplier"))
    click(qtbot, child(window, QRadioButton, "roleSupplier"))
    click(qtbot, next_button(window))
    error = child(window, QLabel, "organisationError")
    assert error.isVisible()
    assert error.text() == "Er is al een dossier met de naam ‘Praktijk De Linde’."
    assert child(window, QLineEdit, "organisationName").text() == "praktijk de linde"  # the edit stays
    assert len(store.list_dossiers()) == 1


def test_activation_date_known_or_not_is_saved_at_once(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.remember_last_dossier(dossier.id)
    window = open_window(qtbot, data_dir)
    unknown = child(window, QCheckBox, "activationUnknown")
    field = child(window, QDateEdit, "activationDate")
    assert unknown.isChecked() and not field.isEnabled()
    scroll_to(unknown)
    click(qtbot, unknown)
    field.setDate(QDate(2027, 1, 31))
    assert store.dossier(dossier.id).activation_date == date(2027, 1, 31)
    assert field.text() == "31 januari 2027"
    click(qtbot, unknown)
    assert store.dossier(dossier.id).activation_date is None


def name_field_of_praktijk(qtbot: QtBot, data_dir: Path, store: Store) -> tuple[int, QWidget, QLineEdit]:
    """Dossier "Praktijk" open on its dossier page, the cursor at the end of its name field."""
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.remember_last_dossier(dossier.id)
    window = open_window(qtbot, data_dir)
    name = child(window, QLineEdit, "organisationName")
    name.setFocus()
    name.end(False)
    return dossier.id, window, name


def test_a_typed_name_is_stored_after_a_pause_while_the_field_keeps_focus(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    dossier_id, _window, name = name_field_of_praktijk(qtbot, data_dir, store)
    qtbot.keyClicks(name, " De Linde ")
    qtbot.waitUntil(lambda: store.dossier(dossier_id).name == "Praktijk De Linde", timeout=3000)
    assert name.text() == "Praktijk De Linde "  # the space just typed stays while typing goes on


def test_a_name_typed_just_before_closing_is_stored(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    dossier_id, window, name = name_field_of_praktijk(qtbot, data_dir, store)
    qtbot.keyClicks(name, " Noord")
    window.close()
    assert store.dossier(dossier_id).name == "Praktijk Noord"


def test_an_emptied_name_stays_in_the_field_and_says_which_name_is_kept(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    dossier_id, window, name = name_field_of_praktijk(qtbot, data_dir, store)
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    qtbot.keyClicks(name, "   ")
    error = child(window, QLabel, "organisationError")
    qtbot.waitUntil(error.isVisible, timeout=3000)
    assert error.text() == "Vul de naam van de organisatie in. Bewaard blijft de naam ‘Praktijk’."
    assert name.text() == "   " and store.dossier(dossier_id).name == "Praktijk"


def test_rename_from_the_start_page(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    store.create_dossier("Praktijk De Linde", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.create_dossier("Apotheek Oost", Connection.DIRECT, Role.CARE_PROVIDER, None)
    window = open_window(qtbot, data_dir)
    child(window, QTableWidget, "dossierList").selectRow(0)  # Apotheek Oost
    seen = answer_dialogs(qtbot, type_text("Praktijk De Linde"), type_text("  Apotheek   West "))
    click(qtbot, child(window, QPushButton, "renameDossierButton"))
    assert [dialog.title for dialog in seen] == ["Naam wijzigen", "Naam wijzigen"]
    assert seen[0].text == "Nieuwe naam van de organisatie:"
    assert "Er is al een dossier met de naam ‘Praktijk De Linde’." in seen[1].text
    assert [row[0] for row in table_rows(window)] == ["Apotheek West", "Praktijk De Linde"]


@pytest.mark.parametrize("answer, remaining", [("Annuleren", 2), ("Verwijderen", 1)])
def test_delete_asks_naming_the_dossier(
    qtbot: QtBot, data_dir: Path, store: Store, answer: str, remaining: int
) -> None:
    doomed = store.create_dossier("Apotheek Oost", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.set_item_ticked(doomed.id, "direct.1.1", True)
    store.create_dossier("Praktijk De Linde", Connection.DIRECT, Role.CARE_PROVIDER, None)
    window = open_window(qtbot, data_dir)
    seen = answer_dialogs(qtbot, press(answer))
    click(qtbot, child(window, QPushButton, "deleteDossierButton"))
    assert seen[0].title == "Dossier verwijderen" and "‘Apotheek Oost’" in seen[0].text
    assert len(table_rows(window)) == remaining == len(store.list_dossiers())
    if remaining == 1:
        assert store.ticked_items(doomed.id) == {}


def test_a_name_with_markup_is_shown_literally(qtbot: QtBot, data_dir: Path, store: Store) -> None:
    name = "<b>x</b> & <i>Zorg</i>"
    dossier = store.create_dossier(name, Connection.DIRECT, Role.CARE_PROVIDER, None)
    window = open_window(qtbot, data_dir)
    assert table_rows(window)[0][0] == name
    store.remember_last_dossier(dossier.id)
    window.close()
    window = open_window(qtbot, data_dir)
    assert child(window, QLabel, "dossierTitle").text() == name
    assert child(window, QLineEdit, "organisationName").text() == name
    for each in window.findChildren(QLabel):
        if name in each.text():
            assert each.textFormat() == Qt.TextFormat.PlainText, each.objectName()


def test_switching_connection_asks_and_keeps_the_other_flows_ticks(
    qtbot: QtBot, data_dir: Path, store: Store
) -> None:
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, None)
    store.remember_last_dossier(dossier.id)
    window = open_window(qtbot, data_dir)
    child(window, QWidget, "assessmentWizard").go_to("direct.1")
    tick(qtbot, window, "direct.1.1")
    child(window, QWidget, "assessmentWizard").go_to("dossier")
    cluster = child(window, QRadioButton, "connectionCluster")
    seen = answer_dialogs(qtbot, press("Annuleren"))
    click(qtbot, cluster)
    assert seen[0].title == "Type aansluiting wijzigen"
    assert child(window, QRadioButton, "connectionDirect").isChecked()
    assert len(step_list_texts(window)) == 7
    seen = answer_dialogs(qtbot, press("Overstappen"))
    click(qtbot, cluster)
    assert seen[0].title == "Type aansluiting wijzigen"
    assert len(step_list_texts(window)) == 10
    assert store.dossier(dossier.id).connection == Connection.CLUSTER
    click(qtbot, child(window, QRadioButton, "connectionDirect"))  # no progress in cluster: no question
    assert len(step_list_texts(window)) == 7
    child(window, QWidget, "assessmentWizard").go_to("direct.1")
    assert child(window, QCheckBox, "direct.1.1").isChecked()
