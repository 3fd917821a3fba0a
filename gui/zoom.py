"""Zoom: every font size, padding and control size of the style sheet, and the base font, scaled.

The style sheet is written for 100 %; sizes above 2 px (borders stay thin) are multiplied, so the
pages, their controls and the step list grow together, not one label at a time.
"""

import re
from functools import cache

from PySide6.QtWidgets import QApplication

from model.locations import resources_dir

BASE_POINT_SIZE = 11  # readable from the back of a meeting room at 100 %
ZOOM_LEVELS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
PRESENTATION_FACTOR = 1.35  # presentation mode shows everything this much larger again
SIZE = re.compile(r"(\d+(?:\.\d+)?)(pt|px)")


@cache
def style_sheet() -> str:
    """style.qss, its images (`url(icons/…)`) found in the resources folder wherever the app runs."""
    icons = (resources_dir() / "icons").as_posix()
    return (resources_dir() / "style.qss").read_text(encoding="utf-8").replace("url(icons/", f"url({icons}/")


def scaled_style_sheet(factor: float) -> str:
    def scale(match: re.Match[str]) -> str:
        value = float(match[1])
        return match[0] if value <= 2 else f"{round(value * factor, 1):g}{match[2]}"

    return SIZE.sub(scale, style_sheet())


def apply_zoom(factor: float) -> None:
    app = QApplication.instance()
    font = app.font()
    font.setPointSizeF(BASE_POINT_SIZE * factor)
    app.setFont(font)
    app.setStyleSheet(scaled_style_sheet(factor))


def next_level(current: float, step: int) -> float:
    """The zoom level `step` places up (or down) from `current`, within the levels."""
    nearest = min(range(len(ZOOM_LEVELS)), key=lambda index: abs(ZOOM_LEVELS[index] - current))
    return ZOOM_LEVELS[max(0, min(len(ZOOM_LEVELS) - 1, nearest + step))]
