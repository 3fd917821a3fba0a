"""The deadlines as a painted line from T0 to the next yearly window, with today marked.

Each state has its own marker shape as well as its own colour, and every marker carries its
name and date as text, so the line reads on a projector and in grey-scale print alike.
"""

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from model.dutch import long_date
from model.timeline import Milestone, State

STATE_COLOURS = {
    State.DONE: QColor("#1e6b34"),
    State.FUTURE: QColor("#154f8c"),
    State.DUE_SOON: QColor("#8a5200"),
    State.TODAY: QColor("#8a5200"),
    State.OVERDUE: QColor("#a4000f"),
    State.NOT_RECORDED: QColor("#5a6572"),
}
LINE = QColor("#5a6572")
TODAY = QColor("#1a1a1a")
MARGIN = 24
MARKER = 9
LABEL_GAP = 24  # room kept free on each side of a label


class TimelineWidget(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("timeline")
        self.setAccessibleName("Tijdlijn van de termijnen")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.milestones: list[tuple[Milestone, str, str]] = []  # milestone, label, state text
        self.today = date.today()

    def set_milestones(self, milestones: list[tuple[Milestone, str, str]], today: date) -> None:
        self.milestones, self.today = milestones, today
        self.setAccessibleDescription(
            "; ".join(f"{label}: {long_date(each.day)}, {state}" for each, label, state in milestones)
        )
        self.setVisible(bool(milestones))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, 10 * QFontMetrics(self.font()).height() + 2 * MARKER)

    def _positions(self) -> tuple[list[float], float]:
        """Milestones evenly spaced in time order, and today between its neighbours by days.

        Evenly, not to scale: the yearly window lies a year or more away and would squeeze the
        first deadlines, the ones that matter now, into a corner with their labels on top of
        each other."""
        count = len(self.milestones)
        step = (self.width() - 2 * MARGIN - 80) / max(1, count - 1)
        xs = [MARGIN + 40 + index * step for index in range(count)]
        days = [each.day for each, _, _ in self.milestones]
        if self.today <= days[0]:
            return xs, MARGIN + 8
        if self.today >= days[-1]:
            return xs, self.width() - MARGIN - 8
        index = next(i for i in range(1, count) if self.today <= days[i])
        span = max(1, (days[index] - days[index - 1]).days)
        share = (self.today - days[index - 1]).days / span
        return xs, xs[index - 1] + share * step

    def _label_rows(self, xs: list[float], texts: list[tuple[str, str]]) -> list[int]:
        """Give each milestone's two-line label the first row where it overlaps no other label.

        Rows: 0 just above the line, 1 just below, 2 above that, 3 below that."""
        bold = QFont(self.font())
        bold.setBold(True)
        taken: list[list[tuple[float, float]]] = [[] for _ in range(4)]
        rows = []
        for x, (name, detail) in zip(xs, texts, strict=True):
            width = max(
                QFontMetrics(bold).horizontalAdvance(name),
                QFontMetrics(self.font()).horizontalAdvance(detail),
            )
            left = self._label_left(x, width)
            span = (left - LABEL_GAP, left + width + LABEL_GAP)
            row = next(
                (r for r in range(4) if all(span[1] < left or span[0] > right for left, right in taken[r])),
                len(rows) % 4,
            )
            taken[row].append(span)
            rows.append(row)
        return rows

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.milestones:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line_height = QFontMetrics(self.font()).height()
        middle = self.height() / 2

        painter.setPen(QPen(LINE, 3))
        painter.drawLine(QPointF(MARGIN, middle), QPointF(self.width() - MARGIN, middle))

        xs, today_x = self._positions()
        texts = [(label, f"{long_date(each.day)} · {state}") for each, label, state in self.milestones]
        offsets = {
            0: -MARKER - 2.2 * line_height,
            1: MARKER + 0.2 * line_height,
            2: -MARKER - 4.4 * line_height,
            3: MARKER + 2.4 * line_height,
        }
        labels = [
            (x, middle + offsets[row] + line * line_height, text, line == 0)
            for x, texts_of_one, row in zip(xs, texts, self._label_rows(xs, texts), strict=True)
            for line, text in enumerate(texts_of_one)
        ]
        self._today_line(painter, today_x, middle, line_height, labels)
        for (milestone, _, _), x in zip(self.milestones, xs, strict=True):
            self._marker(painter, QPointF(x, middle), milestone.state)
        for x, top, text, bold in labels:
            self._text(painter, x, top, text, bold)
        painter.end()

    def _today_line(
        self,
        painter: QPainter,
        x: float,
        middle: float,
        line_height: int,
        labels: list[tuple[float, float, str, bool]],
    ) -> None:
        """The dashed "Vandaag" line, broken off where it would cross a label: never through text."""
        top, bottom = middle - 4.2 * line_height, middle + 4.2 * line_height
        blocked = sorted(
            (label_top - 2, label_top + line_height + 2)
            for label_x, label_top, text, bold in labels
            if self._label_span(label_x, text, bold)[0] - 4
            <= x
            <= self._label_span(label_x, text, bold)[1] + 4
        )
        painter.setPen(QPen(TODAY, 2, Qt.PenStyle.DashLine))
        start = top
        for block_top, block_bottom in blocked:
            if block_top > start:
                painter.drawLine(QPointF(x, start), QPointF(x, min(block_top, bottom)))
            start = max(start, block_bottom)
        if start < bottom:
            painter.drawLine(QPointF(x, start), QPointF(x, bottom))
        self._text(painter, x, self.height() - line_height - 1, "Vandaag", bold=True)

    def _label_span(self, x: float, text: str, bold: bool) -> tuple[float, float]:
        font = QFont(self.font())
        font.setBold(bold)
        width = QFontMetrics(font).horizontalAdvance(text) + 4
        left = self._label_left(x, width)
        return left, left + width

    def _label_left(self, x: float, width: float) -> float:
        """Where a label centred on x starts, kept inside the widget (so its collisions count there)."""
        return min(max(2.0, x - width / 2), self.width() - width - 2)

    def _text(self, painter: QPainter, x: float, top: float, text: str, bold: bool = False) -> None:
        font = QFont(self.font())
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(TODAY)
        width = QFontMetrics(font).horizontalAdvance(text) + 4
        left = self._label_left(x, width)
        painter.fillRect(QRectF(left, top, width, QFontMetrics(font).height()), self.palette().base())
        painter.drawText(
            QRectF(left, top, width, QFontMetrics(font).height()), Qt.AlignmentFlag.AlignCenter, text
        )

    def _marker(self, painter: QPainter, centre: QPointF, state: State) -> None:
        """Done: filled disc; future: ring; due soon/today: triangle; overdue: filled square;
        not recorded: open grey square."""
        colour = STATE_COLOURS[state]
        painter.setPen(QPen(colour, 3))
        painter.setBrush(Qt.BrushStyle.NoBrush if state in (State.FUTURE, State.NOT_RECORDED) else colour)
        if state in (State.DONE, State.FUTURE):
            painter.drawEllipse(centre, MARKER, MARKER)
        elif state in (State.OVERDUE, State.NOT_RECORDED):
            painter.drawRect(QRectF(centre.x() - MARKER, centre.y() - MARKER, 2 * MARKER, 2 * MARKER))
        else:
            triangle = QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - MARKER - 2),
                    QPointF(centre.x() + MARKER + 2, centre.y() + MARKER),
                    QPointF(centre.x() - MARKER - 2, centre.y() + MARKER),
                ]
            )
            path = QPainterPath()
            path.addPolygon(triangle)
            painter.drawPath(path)
