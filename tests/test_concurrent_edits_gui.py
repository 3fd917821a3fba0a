"""Several people on one shared database, seen in the app (issue 22): the history says who, a note
or register field saved against a colleague's newer text opens the "both texts" dialog, colleagues'
changes appear without a restart, and a lost connection keeps what was typed."""

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from gui.application import prepare_application
from gui.day_clock import DayClock
from gui.main_window import LIVE_REFRESH_MS, MainWindow
from model.content import Connection, Role, bundled_content
from model.dossier import CareProvider
from model.locations import default_data_dir
from model.store import Store
from model.user_settings import UserSettings
from tests.gui_helpers import child, click, scroll_to, tick
from tests.modal_dialogs import answer_dialogs, press
from tests.postgres_server import CuttableLine

STRAY_DIALOG_S = 8


@pytest.fixture(autouse=True)
def no_stray_dialog() -> Iterator[None]:
    """A dialog no answer was set up for (a test that failed midway, a window closed with typing
    still waiting) is closed after a while, so a failing test fails instead of hanging the run."""
    seen: list[object] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        seen[:] = [*seen, dialog] if dialog is not None and seen[-1:] == [dialog] else [dialog]
        if dialog is not None and len(seen) >= STRAY_DIALOG_S:
            dialog.reject()

    timer = QTimer(interval=1000)
    timer.timeout.connect(look)
    timer.start()
    yield
    timer.stop()


def window_of(qtbot: QtBot, source: str, author: str | None, looking: bool = True) -> MainWindow:
    """One person's app on the database, opened on the dossier used last; not `looking`: it does
    not look for colleagues' changes, as if the user typed before its next look."""
    prepare_application()
    store = Store(source)
    user = UserSettings(default_data_dir() / (author or "zonder naam"))  # each person their own
    if author:
        user.set_display_name(author)
    user.remember_last_dossier(store, store.list_dossiers()[0].id)
    window = MainWindow(store, bundled_content(), DayClock(), user=user)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    if not looking:
        window.live_refresh.stop()
    return window


def shared_dossier(source: str, connection: Connection = Connection.DIRECT) -> int:
    store = Store(source)
    role = Role.SUPPLIER if connection == Connection.CLUSTER else Role.CARE_PROVIDER
    dossier = store.create_dossier("Praktijk", connection, role, date(2026, 10, 1))
    store.set_position(dossier.id, "direct.1" if connection == Connection.DIRECT else "register")
    store.close()
    return dossier.id


def open_history(window: QWidget, qtbot: QtBot, name: str) -> QLabel:
    toggle = child(window, QPushButton, f"historyToggle.{name}")
    scroll_to(toggle)
    click(qtbot, toggle)
    return child(window, QLabel, f"history.{name}")


def test_the_history_says_who_made_each_change(qtbot: QtBot, database_url: str) -> None:
    shared_dossier(database_url)
    anna = window_of(qtbot, database_url, "Anna")
    tick(qtbot, anna, "direct.1.1")
    history = open_history(anna, qtbot, "direct.1")
    assert "door Anna" in history.text() and "Afgevinkt: Een IT-auditor" in history.text()
    assert "door wie (de naam die ieder zelf heeft opgegeven)" in history.text()


def choose(button: str, copy_first: bool = False):
    """Answer the "both texts" dialog: note both texts, copy the own one first if asked, press `button`."""

    def answer(qtbot: QtBot, dialog) -> dict[str, str]:
        texts = {
            name: child(dialog, QPlainTextEdit, name).toPlainText()
            for name in ("conflictMine", "conflictTheirs")
        }
        if copy_first:
            qtbot.mouseClick(child(dialog, QPushButton, "conflictCopyMine"), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(child(dialog, QPushButton, button), Qt.MouseButton.LeftButton)
        return texts

    return answer


def type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    field.window().activateWindow()
    qtbot.waitUntil(field.window().isActiveWindow)
    field.setFocus()
    qtbot.keyClicks(field, text)


def stored_note(source: str, dossier_id: int, step_id: str) -> str:
    store = Store(source)
    try:
        return store.notes(dossier_id).get(step_id, "")
    finally:
        store.close()


def test_a_note_typed_on_a_colleagues_older_text_shows_both_and_takes_theirs(
    qtbot: QtBot, database_url: str
) -> None:
    dossier_id = shared_dossier(database_url)
    anna, bram = window_of(qtbot, database_url, "Anna"), window_of(qtbot, database_url, "Bram", looking=False)
    type_into(qtbot, child(anna, QPlainTextEdit, "notes.direct.1"), "Auditor: Jansen")
    qtbot.waitUntil(lambda: stored_note(database_url, dossier_id, "direct.1") == "Auditor: Jansen")
    seen = answer_dialogs(qtbot, choose("conflictTakeTheirs"))
    bram_notes = child(bram, QPlainTextEdit, "notes.direct.1")
    type_into(qtbot, bram_notes, "Auditor: De Vries")  # on the empty note he saw: saved after a pause
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert seen[0].title == "Tekst is intussen gewijzigd"
    assert "Uw tekst" in seen[0].text and "Tekst van Anna" in seen[0].text
    assert seen[0].result == {"conflictMine": "Auditor: De Vries", "conflictTheirs": "Auditor: Jansen"}
    assert bram_notes.toPlainText() == "Auditor: Jansen"
    assert stored_note(database_url, dossier_id, "direct.1") == "Auditor: Jansen"
    type_into(qtbot, bram_notes, ", bevestigd")  # typing on goes on the new version: no dialog again
    qtbot.waitUntil(lambda: stored_note(database_url, dossier_id, "direct.1") == "Auditor: Jansen, bevestigd")
    assert len(seen) == 1 and QApplication.activeModalWidget() is None


def test_keeping_ones_own_note_saves_it_on_top_and_the_copy_is_on_the_clipboard(
    qtbot: QtBot, database_url: str
) -> None:
    dossier_id = shared_dossier(database_url)
    anna, bram = window_of(qtbot, database_url, "Anna"), window_of(qtbot, database_url, "Bram", looking=False)
    type_into(qtbot, child(anna, QPlainTextEdit, "notes.direct.1"), "Van Anna")
    qtbot.waitUntil(lambda: stored_note(database_url, dossier_id, "direct.1") == "Van Anna")
    seen = answer_dialogs(qtbot, choose("conflictKeepMine", copy_first=True))
    type_into(qtbot, child(bram, QPlainTextEdit, "notes.direct.1"), "Van Bram")
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert QApplication.clipboard().text() == "Van Bram"
    qtbot.waitUntil(lambda: stored_note(database_url, dossier_id, "direct.1") == "Van Bram")
    history = open_history(bram, qtbot, "direct.1")
    assert history.text().count("door Anna") == 1 and history.text().count("door Bram") == 1


def stored_provider(source: str, dossier_id: int) -> CareProvider:
    store = Store(source)
    try:
        return store.care_providers(dossier_id)[0]
    finally:
        store.close()


def replace_text(qtbot: QtBot, window: QWidget, name: str, text: str) -> None:
    field = child(window, QLineEdit, name)
    window.activateWindow()
    scroll_to(field)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_two_people_editing_one_register_entry_keep_both_and_choose_on_the_same_field(
    qtbot: QtBot, database_url: str
) -> None:
    dossier_id = shared_dossier(database_url, Connection.CLUSTER)
    store = Store(database_url)
    store.save_care_provider(dossier_id, CareProvider(0, "Fysio Noord", "12345678"))
    store.close()
    anna = window_of(qtbot, database_url, "Anna", looking=False)  # each types before the next look
    bram = window_of(qtbot, database_url, "Bram", looking=False)
    for window in (anna, bram):
        child(window, QTableWidget, "careProviderTable").selectRow(0)
    replace_text(qtbot, anna, "providerName", "Fysio Oost")
    qtbot.waitUntil(lambda: stored_provider(database_url, dossier_id).name == "Fysio Oost")
    replace_text(qtbot, bram, "providerKvk", "87654321")  # another field: both edits stay, no question
    qtbot.waitUntil(lambda: stored_provider(database_url, dossier_id).kvk == "87654321")
    assert stored_provider(database_url, dossier_id).name == "Fysio Oost"
    assert child(bram, QLineEdit, "providerName").text() == "Fysio Oost"  # Anna's edit shows at Bram's

    replace_text(qtbot, anna, "providerSignatory", "A. Jansen")
    qtbot.waitUntil(lambda: stored_provider(database_url, dossier_id).signatory_name == "A. Jansen")
    seen = answer_dialogs(qtbot, choose("conflictKeepMine"))
    replace_text(qtbot, bram, "providerSignatory", "B. de Vries")  # the same field, typed on the old entry
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert "‘Naam ondertekenaar’ van deze zorgaanbieder" in seen[0].text
    assert seen[0].result == {"conflictMine": "B. de Vries", "conflictTheirs": "A. Jansen"}
    qtbot.waitUntil(lambda: stored_provider(database_url, dossier_id).signatory_name == "B. de Vries")
    final = stored_provider(database_url, dossier_id)
    assert (final.name, final.kvk) == ("Fysio Oost", "87654321")  # nothing else was overwritten


def test_colleagues_ticks_and_notes_appear_within_seconds_without_touching_ones_typing(
    qtbot: QtBot, database_url: str
) -> None:
    dossier_id = shared_dossier(database_url)
    anna = Store(database_url)  # a colleague's app, in another process as far as Bram's can tell
    anna.author = "Anna"
    anna.set_note(dossier_id, "direct.2", "Offerte opvragen")
    bram = window_of(qtbot, database_url, "Bram")
    assert bram.live_refresh.isActive() and bram.live_refresh.interval() == LIVE_REFRESH_MS
    anna.set_item_ticked(dossier_id, "direct.1.2", True)
    anna.set_note(dossier_id, "direct.2", "Offerte opvragen bij twee partijen", version=1)
    anna.set_note(dossier_id, "direct.1", "Anna's notitie", version=0)
    bram_box = child(bram, QCheckBox, "direct.1.2")
    bram_note = child(bram, QPlainTextEdit, "notes.direct.1")
    type_into(qtbot, bram_note, "Bram typt nog")
    bram._follow_colleagues()  # the poll comes before his pause ends: his unsaved text stays
    assert bram_box.isChecked() and bram_note.toPlainText() == "Bram typt nog" and bram_note.hasFocus()
    seen = answer_dialogs(qtbot, choose("conflictKeepMine"))  # his pause ends: he sees both texts
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert seen[0].result == {"conflictMine": "Bram typt nog", "conflictTheirs": "Anna's notitie"}
    child(bram, QWidget, "assessmentWizard").go_to("direct.2")
    assert child(bram, QPlainTextEdit, "notes.direct.2").toPlainText() == "Offerte opvragen bij twee partijen"
    anna.set_item_ticked(dossier_id, "direct.2.1", True)  # and the timer brings the next one by itself
    qtbot.waitUntil(child(bram, QCheckBox, "direct.2.1").isChecked, timeout=3 * LIVE_REFRESH_MS)
    assert anna.notes(dossier_id)["direct.1"] == "Bram typt nog"
    anna.close()


def test_a_colleagues_note_replaces_an_unchanged_field_and_keeps_the_cursor(
    qtbot: QtBot, database_url: str
) -> None:
    dossier_id = shared_dossier(database_url)
    store = Store(database_url)
    store.set_note(dossier_id, "direct.1", "Eerste regel")
    bram = window_of(qtbot, database_url, "Bram")
    field = child(bram, QPlainTextEdit, "notes.direct.1")
    field.setFocus()
    cursor = field.textCursor()
    cursor.setPosition(6)  # after "Eerste"
    field.setTextCursor(cursor)
    store.set_note(dossier_id, "direct.1", "Eerste regel\nTweede regel van Anna")
    store.close()
    qtbot.waitUntil(lambda: "Tweede" in field.toPlainText(), timeout=3 * LIVE_REFRESH_MS)
    assert field.textCursor().position() == 6 and field.hasFocus()


def test_an_open_history_on_a_page_not_on_screen_is_read_again_when_shown(
    qtbot: QtBot, database_url: str
) -> None:
    shared_dossier(database_url)
    anna, bram = window_of(qtbot, database_url, "Anna"), window_of(qtbot, database_url, "Bram")
    history = open_history(anna, qtbot, "direct.1")
    child(anna, QWidget, "assessmentWizard").go_to("direct.2")
    tick(qtbot, bram, "direct.1.1")
    qtbot.waitUntil(lambda: "direct.1.1" in anna.dossier_view.editor.ticked, timeout=3 * LIVE_REFRESH_MS)
    assert "door Bram" not in history.text()  # not on screen: not read yet
    child(anna, QWidget, "assessmentWizard").go_to("direct.1")
    assert "Afgevinkt: Een IT-auditor" in history.text() and "door Bram" in history.text()


def test_a_lost_connection_keeps_the_tick_and_the_note_and_saves_them_when_it_is_back(
    qtbot: QtBot, cuttable_line: tuple[CuttableLine, str]
) -> None:
    line, address = cuttable_line
    dossier_id = shared_dossier(address)
    bram = window_of(qtbot, address, "Bram")
    banner = child(bram, QLabel, "saveErrorText")
    line.cut()
    box = tick(qtbot, bram, "direct.1.2")
    when = box.parentWidget().when  # the day beside a saved tick ("Afgevinkt op …" to a screen reader)
    assert box.isChecked() and when.text() == "" == when.accessibleName()  # kept, not shown as saved
    assert "verbinding met de gedeelde database is verbroken" in banner.text() and banner.isVisible()
    note = child(bram, QPlainTextEdit, "notes.direct.1")
    type_into(qtbot, note, "Getypt tijdens de storing")
    note.flush()
    qtbot.wait(2 * LIVE_REFRESH_MS)  # the app keeps looking: a banner, never a dialog
    assert QApplication.activeModalWidget() is None and banner.isVisible()
    assert note.toPlainText() == "Getypt tijdens de storing" and box.isChecked()
    line.restore()
    qtbot.waitUntil(lambda: not bram.save_error.isVisible(), timeout=3 * LIVE_REFRESH_MS)
    assert "verbinding met de gedeelde database is terug" in bram.statusBar().currentMessage()
    store = Store(address)
    assert set(store.ticked_items(dossier_id)) == {"direct.1.2"}
    assert store.notes(dossier_id) == {"direct.1": "Getypt tijdens de storing"}
    store.close()
    assert box.isChecked() and note.toPlainText() == "Getypt tijdens de storing"
    assert when.accessibleName().startswith("Afgevinkt op") and when.text() != ""


def test_a_closed_window_stops_looking_for_colleagues_changes(qtbot: QtBot, database_url: str) -> None:
    shared_dossier(database_url)
    window = window_of(qtbot, database_url, "Anna")
    window.close()
    assert not window.live_refresh.isActive()


def test_closing_while_the_line_is_down_asks_before_giving_up_what_waits(
    qtbot: QtBot, cuttable_line: tuple[CuttableLine, str]
) -> None:
    line, address = cuttable_line
    dossier_id = shared_dossier(address)
    bram = window_of(qtbot, address, "Bram")
    line.cut()
    tick(qtbot, bram, "direct.1.2")
    type_into(qtbot, child(bram, QPlainTextEdit, "notes.direct.1"), "Niet kwijtraken")
    seen = answer_dialogs(qtbot, press("Annuleren"))
    assert not bram.close()  # kept open: what waits is saved once the line is back
    assert seen[0].title == "Wijzigingen nog niet bewaard" and "gaat verloren" in seen[0].text
    assert bram.isVisible()
    line.restore()
    qtbot.waitUntil(lambda: not bram.save_error.isVisible(), timeout=3 * LIVE_REFRESH_MS)
    line.cut()
    tick(qtbot, bram, "direct.1.3")
    seen = answer_dialogs(qtbot, press("Toch afsluiten"))
    assert bram.close()
    assert len(seen) == 1
    line.restore()
    store = Store(address)
    assert set(store.ticked_items(dossier_id)) == {"direct.1.2"}  # the one given up is not
    assert store.notes(dossier_id) == {"direct.1": "Niet kwijtraken"}
    store.close()


def test_closing_with_nothing_waiting_asks_nothing(qtbot: QtBot, database_url: str) -> None:
    shared_dossier(database_url)
    anna = window_of(qtbot, database_url, "Anna")
    tick(qtbot, anna, "direct.1.1")
    assert anna.close()  # a dialog here would wait for an answer that never comes
