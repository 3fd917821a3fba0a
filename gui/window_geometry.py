"""Windows that fit the screen they are on: the main window's size and place, and every dialog.

A laptop of 1366×768 with a task bar leaves some 1366×728; a window or dialog larger than that puts
its buttons below the screen's edge, where a first-time user never finds them.
"""

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

FIRST_START_SHARE = 0.9  # of a large screen's free area: room to see it is a window
SMALL_SCREEN_WIDTH = 2000  # below this (a laptop, a 1920×1080 projector) every pixel is used: maximised
SMALLER_SCREENS_WINDOW = 0.75  # a restored window narrower and lower than this share was sized elsewhere
MIN_VISIBLE = 100  # px of a restored window that must be on some screen, or it is put back in view
TITLE_BAR = 32  # px the window manager adds above the window's own area
FRAME = 4  # px of border it may add at each side


def fitted(rect: QRect, area: QRect) -> QRect:
    """`rect` made no larger than `area` and moved inside it."""
    width, height = min(rect.width(), area.width()), min(rect.height(), area.height())
    x = max(area.left(), min(rect.left(), area.right() - width + 1))
    y = max(area.top(), min(rect.top(), area.bottom() - height + 1))
    return QRect(x, y, width, height)


def first_start_rect(area: QRect) -> QRect:
    """A comfortable share of a large screen's free area, centred; a small screen's whole free area."""
    if area.width() < SMALL_SCREEN_WIDTH:
        return area.adjusted(0, TITLE_BAR, 0, 0)
    width, height = round(area.width() * FIRST_START_SHARE), round(area.height() * FIRST_START_SHARE)
    rect = QRect(0, 0, width, height)
    rect.moveCenter(area.center())
    return rect


def screen_showing(rect: QRect) -> QScreen | None:
    """The screen with the largest part of `rect`, if at least a usable piece of it is on one."""
    shown = []
    for screen in QGuiApplication.screens():
        part = rect.intersected(screen.availableGeometry())
        if part.width() >= MIN_VISIBLE and part.height() >= MIN_VISIBLE:
            shown.append((part.width() * part.height(), screen))
    return max(shown, key=lambda each: each[0])[1] if shown else None


def encoded_geometry(window: QWidget) -> str:
    return bytes(window.saveGeometry().toBase64()).decode("ascii")


def place_main_window(window: QWidget, saved: str | None) -> None:
    """Where the window was last time, clamped to the screens there are now; else a first start."""
    if saved and window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowFullScreen)
        screen = screen_showing(window.geometry())
        if screen is not None:
            if window.isMaximized():
                return
            area = screen.availableGeometry()
            if not sized_for_a_smaller_screen(window.geometry(), area):
                window.setGeometry(fitted(window.geometry(), area.adjusted(0, TITLE_BAR, 0, 0)))
                return
            start_afresh(window, area)  # the laptop's window on the projector: use the projector
            return
        window.setWindowState(Qt.WindowState.WindowNoState)  # a projector that is gone: start afresh
    start_afresh(window, QGuiApplication.primaryScreen().availableGeometry())


def sized_for_a_smaller_screen(rect: QRect, area: QRect) -> bool:
    """A window that leaves much of this screen empty both ways: it was sized on a smaller one."""
    return (
        rect.width() < area.width() * SMALLER_SCREENS_WINDOW
        and rect.height() < area.height() * SMALLER_SCREENS_WINDOW
    )


def start_afresh(window: QWidget, area: QRect) -> None:
    """As on a first start on this screen: maximised up to a projector's size, else a large share."""
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setGeometry(first_start_rect(area))
    if area.width() < SMALL_SCREEN_WIDTH:
        window.setWindowState(Qt.WindowState.WindowMaximized)


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Size a dialog before it is shown, never beyond the free area of its parent's screen, and
    place it there: centred on a parent that is larger than the screen, it would stick out."""
    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    width = min(width, area.width() - 2 * FRAME)
    height = min(height, area.height() - TITLE_BAR - FRAME)
    window.resize(width, height)
    window.move(
        area.left() + (area.width() - width) // 2 - FRAME,
        area.top() + (area.height() - height - TITLE_BAR) // 2,
    )
