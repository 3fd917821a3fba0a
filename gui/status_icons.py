"""Status icons drawn in code: an empty ring, a half-filled ring, a filled ring with a check, a dotted ring.

Their shapes differ, so the status reads without colour too; the text beside them says it as well.
"""

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from model.content import StepStatus

INK = QColor("#154f8c")


@cache
def status_icon(status: StepStatus, size: int = 22) -> QIcon:
    scale = 3  # drawn large, shown small: sharp on high-DPI screens
    pixmap = QPixmap(size * scale, size * scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    ring = QRectF(2, 2, size - 4, size - 4)
    line = Qt.PenStyle.DotLine if status == StepStatus.BY_SUPPLIER else Qt.PenStyle.SolidLine
    painter.setPen(QPen(INK, 2, line))
    if status == StepStatus.IN_PROGRESS:
        half = QPainterPath()
        half.moveTo(ring.center())
        half.arcTo(ring, 90, 180)
        painter.fillPath(half, INK)
    elif status == StepStatus.DONE:
        painter.setBrush(INK)
    painter.drawEllipse(ring)
    if status == StepStatus.DONE:
        painter.setPen(QPen(QColor("#ffffff"), 2.4))
        painter.drawPolyline([QPointF(6.5, 11.5), QPointF(9.5, 14.5), QPointF(15.5, 8)])
    painter.end()
    return QIcon(pixmap)
