"""On a projector: presenter keys, remembered zoom, presentation mode, names for screen readers."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from model.content import Connection, Role
from model.store import Store
from tests.gui_helpers import child, open_window


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> QWidget:
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 11, 20))
    store.set_position(dossier.id, "direct.2")
    store.remember_last_dossier(dossier.id)
    store.close()
    return open_window(qtbot, data_dir)


def current(window: QWidget) -> str:
    return child(window, QWidget, "assessmentWizard").current_key


def page_title_size(window: QWidget) -> float:
    page = child(window, QWidget, "assessmentWizard").stack.currentWidget()
    title = next(each for each in page.findChildren(QLabel) if each.property("kind") == "title")
    return title.font().pointSizeF()


@pytest.mark.parametrize(
    "forward, backward",
    [(Qt.Key.Key_PageDown, Qt.Key.Key_PageUp), ((Qt.Key.Key_Right, "alt"), (Qt.Key.Key_Left, "alt"))],
    ids=["page keys", "alt arrows"],
)
def test_presenter_keys_move_between_steps(
    qtbot: QtBot, window: QWidget, forward: object, backward: object
) -> None:
    def press(key: object) -> None:
        code, modifier = key if isinstance(key, tuple) else (key, None)
        target = child(window, QWidget, "assessmentWizard").stack.currentWidget()
        target.setFocus()
        alt = Qt.KeyboardModifier.AltModifier if modifier else Qt.KeyboardModifier.NoModifier
        qtbot.keyClick(target, code, alt)

    assert current(window) == "direct.2"
    press(forward)
    assert current(window) == "direct.3"
    press(forward)
    press(backward)
    press(backward)
    assert current(window) == "direct.2"


def test_page_down_while_typing_notes_stays_in_the_notes(qtbot: QtBot, window: QWidget) -> None:
    notes = child(window, QPlainTextEdit, "notes.direct.2")
    notes.setFocus()
    qtbot.keyClick(notes, Qt.Key.Key_PageDown)
    assert current(window) == "direct.2"


def test_zoom_scales_the_pages_and_is_remembered(qtbot: QtBot, window: QWidget, data_dir: Path) -> None:
    before = page_title_size(window)
    body_before = child(window, QCheckBox, "direct.2.1").parent().text.font().pointSizeF()
    child(window, QAction, "actionZoomIn").trigger()
    child(window, QAction, "actionZoomIn").trigger()
    assert page_title_size(window) == pytest.approx(before * 1.25, rel=0.05)
    assert child(window, QCheckBox, "direct.2.1").parent().text.font().pointSizeF() > body_before
    window.close()
    again = open_window(qtbot, data_dir)
    assert page_title_size(again) == pytest.approx(before * 1.25, rel=0.05)
    child(again, QAction, "actionZoomReset").trigger()
    assert page_title_size(again) == pytest.approx(before, rel=0.05)


def test_presentation_mode_shows_only_step_countdown_and_list(qtbot: QtBot, window: QWidget) -> None:
    size_before = page_title_size(window)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.presenting
    assert not window.menuBar().isVisible()
    assert not child(window, QPushButton, "allDossiers").isVisible()
    assert not child(window, QPushButton, "nextButton").isVisible()
    assert not child(window, QPushButton, "nav.deadlines").isVisible()
    assert child(window, QListWidget, "stepList").isVisible()
    assert child(window, QLabel, "countdown").isVisible()
    assert not child(window, QPushButton, "printStep.direct.2").isVisible()
    assert page_title_size(window) > size_before
    qtbot.keyClick(child(window, QWidget, "assessmentWizard").stack.currentWidget(), Qt.Key.Key_PageDown)
    assert current(window) == "direct.3"  # the remote still works
    assert not child(window, QPushButton, "printStep.direct.3").isVisible()  # built while presenting
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presenting
    assert window.menuBar().isVisible() and child(window, QPushButton, "nextButton").isVisible()
    assert child(window, QPushButton, "printStep.direct.3").isVisible()
    child(window, QWidget, "assessmentWizard").go_to("direct.2")
    assert child(window, QPushButton, "printStep.direct.2").isVisible()
    assert page_title_size(window) == pytest.approx(size_before)


def test_in_presentation_mode_the_keys_still_zoom_and_f11_leaves(qtbot: QtBot, window: QWidget) -> None:
    """The menu bar is hidden while presenting; its shortcuts must not go with it."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.presenting and not window.menuBar().isVisible()
    assert child(window, QLabel, "presentationHint").isVisible()
    size_presenting = page_title_size(window)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom == 1.1 and page_title_size(window) > size_presenting
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom == 1.0
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.presenting and window.menuBar().isVisible()
    assert not child(window, QLabel, "presentationHint").isVisible()


def test_custom_widgets_have_accessible_names(qtbot: QtBot, window: QWidget) -> None:
    page = child(window, QWidget, "assessmentWizard").stack.currentWidget()
    assert page.actor.accessibleName() == "Wie is aan zet: Uw ICT-leverancier is aan zet"
    box = child(window, QCheckBox, "direct.2.1")
    assert box.accessibleName().startswith("Op verzoek van de zorgaanbieder kennisnemen")
    assert child(window, QPlainTextEdit, "notes.direct.2").accessibleName() == "Notities bij stap 2"
    steps = child(window, QListWidget, "stepList")
    assert steps.item(1).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Stap 2, Voorbereiden op DigiD-assessment. Uw ICT-leverancier is aan zet. Status: Nog niet begonnen."
    )
    child(window, QWidget, "assessmentWizard").go_to("deadlines")
    timeline = child(window, QWidget, "timeline")
    assert timeline.accessibleName() == "Tijdlijn van de termijnen"
    assert "Auditrapport bij Logius: 20 januari 2027" in timeline.accessibleDescription()


def test_keyboard_focus_on_an_action_item_is_visible(qtbot: QtBot, window: QWidget) -> None:
    box = child(window, QCheckBox, "direct.2.1")
    window.activateWindow()
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: box.parent().property("focused") is True)
    child(window, QPlainTextEdit, "notes.direct.2").setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: box.parent().property("focused") is False)
