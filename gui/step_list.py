"""The list beside the wizard: every step with who acts and its status; a click jumps there."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from gui.dossier_editor import DossierEditor
from gui.rich_text import plain_tooltip
from gui.status_icons import status_icon
from model.content import StepStatus
from model.progress import step_status

OWN_TURN = "U bent aan zet"
STEP_ID_ROLE = Qt.ItemDataRole.UserRole
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 1
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2
ICON_SCALE = 1.4  # the status icon against the text's line height: it grows with the zoom
COMPACT_ICON_SCALE = 1.1
PADDING = 10
DENSE_PADDING = 3  # rows of one line of title and one of who and status, when all don't fit otherwise
COMPACT_PADDING = 5
COMPACT_COLUMNS = 2
SELECTED = QColor("#d6e4f5")
MARKER = QColor("#154f8c")
SUBTITLE = QColor("#3d3d3d")
RULE = QColor("#dde3ea")

Index = QModelIndex | QPersistentModelIndex


class StepItemDelegate(QStyledItemDelegate):
    """Draws a step as a wrapped bold title over 'who · status', so nothing is cut off; where the
    steps would not all fit so, dense: each on one line, shortened with "…" (the tooltip keeps the
    title); in a folded list only its status icon and number."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        return title, QFont(option.font)

    def _row_width(self, option: QStyleOptionViewItem) -> int:
        """The list's visible width: sizeHint gets no usable rect of its own."""
        return self.parent().viewport().width() or option.rect.width()

    def _icon_size(self, option: QStyleOptionViewItem) -> int:
        return round(QFontMetrics(option.font).height() * ICON_SCALE)

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        return max(80, self._row_width(option) - self._icon_size(option) - 3 * PADDING)

    def _heights(self, option: QStyleOptionViewItem, index: Index) -> tuple[int, int]:
        title_font, subtitle_font = self._fonts(option)
        flags = Qt.TextFlag.TextWordWrap
        width = self._text_width(option)
        title = QFontMetrics(title_font).boundingRect(QRect(0, 0, width, 10_000), flags, index.data())
        subtitle = QFontMetrics(subtitle_font).boundingRect(
            QRect(0, 0, width, 10_000), flags, index.data(SUBTITLE_ROLE)
        )
        return title.height(), subtitle.height()

    def full_height(self, option: QStyleOptionViewItem, index: Index) -> int:
        title, subtitle = self._heights(option, index)
        return title + subtitle + 2 * PADDING + 2

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if self.parent().compact:
            return compact_cell_size(option.font, self._row_width(option))
        if self.parent().dense:
            return QSize(self._row_width(option), dense_row_height(option.font))
        return QSize(self._row_width(option), self.full_height(option, index))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, SELECTED)
            painter.fillRect(QRect(rect.left(), rect.top(), 5, rect.height()), MARKER)
        painter.setPen(RULE)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if self.parent().compact:
            self._paint_number(painter, option, index)
            painter.restore()
            return
        size = self._icon_size(option)
        if self.parent().dense:
            self._paint_dense(painter, option, index)
            painter.restore()
            return
        icon.paint(painter, QRect(rect.left() + PADDING + 2, rect.top() + PADDING, size, size))
        title_font, subtitle_font = self._fonts(option)
        title_height, subtitle_height = self._heights(option, index)
        left = rect.left() + size + 2 * PADDING + 2
        width = self._text_width(option)
        painter.setPen(option.palette.text().color())
        painter.setFont(title_font)
        painter.drawText(
            QRect(left, rect.top() + PADDING, width, title_height), Qt.TextFlag.TextWordWrap, index.data()
        )
        painter.setPen(SUBTITLE)
        painter.setFont(subtitle_font)
        painter.drawText(
            QRect(left, rect.top() + PADDING + title_height + 2, width, subtitle_height),
            Qt.TextFlag.TextWordWrap,
            index.data(SUBTITLE_ROLE),
        )
        painter.restore()

    def _paint_dense(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect, size = option.rect, self._icon_size(option)
        top = rect.top() + (rect.height() - size) // 2
        index.data(Qt.ItemDataRole.DecorationRole).paint(
            painter, QRect(rect.left() + PADDING + 2, top, size, size)
        )
        left = rect.left() + size + 2 * PADDING + 2
        width = self._text_width(option)
        line = QFontMetrics(option.font).height()
        title_font, subtitle_font = self._fonts(option)
        lines = (
            (title_font, option.palette.text().color(), index.data()),
            (subtitle_font, SUBTITLE, index.data(SUBTITLE_ROLE)),
        )
        for number, (font, colour, text) in enumerate(lines):
            painter.setFont(font)
            painter.setPen(colour)
            shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(left, rect.top() + DENSE_PADDING + number * line, width, line), 0, shown)

    def _paint_number(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        size = round(QFontMetrics(option.font).height() * COMPACT_ICON_SCALE)
        top = rect.top() + (rect.height() - size) // 2
        index.data(Qt.ItemDataRole.DecorationRole).paint(
            painter, QRect(rect.left() + COMPACT_PADDING + 4, top, size, size)
        )
        title_font, _ = self._fonts(option)
        painter.setFont(title_font)
        painter.setPen(option.palette.text().color())
        left = rect.left() + size + 2 * COMPACT_PADDING + 4
        painter.drawText(
            QRect(left, rect.top(), rect.right() - left, rect.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            str(index.data(NUMBER_ROLE)),
        )


def scroll_bar_width() -> int:
    """Room a wrapping list keeps free for a scroll bar, even while it shows none."""
    return QApplication.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)


def dense_row_height(font: QFont) -> int:
    return 2 * QFontMetrics(font).height() + 2 * DENSE_PADDING + 1


def compact_cell_size(font: QFont, list_width: int) -> QSize:
    """A folded step: its icon and number, COMPACT_COLUMNS to a row."""
    height = QFontMetrics(font).height()
    width = (list_width - scroll_bar_width()) // COMPACT_COLUMNS - 1  # a row filling it exactly would wrap
    return QSize(width, round(height * COMPACT_ICON_SCALE) + 2 * COMPACT_PADDING)


def compact_width(font: QFont) -> int:
    """How wide a folded list must be to show COMPACT_COLUMNS of icon and number ("10")."""
    title = QFont(font)
    title.setBold(True)
    number = QFontMetrics(title).horizontalAdvance("10")
    icon = round(QFontMetrics(font).height() * COMPACT_ICON_SCALE)
    return COMPACT_COLUMNS * (icon + number + 3 * COMPACT_PADDING + 4) + scroll_bar_width() + 2


class StepList(QListWidget):
    stepChosen = Signal(str)  # step id

    def __init__(self, editor: DossierEditor) -> None:
        super().__init__()
        self.editor = editor
        self.compact = False
        self.dense = False
        self.setObjectName("stepList")
        self.setAccessibleName("Stappen")
        self.setItemDelegate(StepItemDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.itemClicked.connect(lambda item: self.stepChosen.emit(item.data(STEP_ID_ROLE)))
        self.itemActivated.connect(lambda item: self.stepChosen.emit(item.data(STEP_ID_ROLE)))
        editor.changed.connect(self.refresh)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Rows wrap to the width: lay them out again, or they keep the heights of the old width."""
        super().resizeEvent(event)
        self._choose_density()
        self.scheduleDelayedItemsLayout()
        self._keep_current_in_view()

    def _choose_density(self) -> None:
        """Dense rows when the full ones would not all fit: every step in sight beats full titles."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegate()
        needed = sum(
            delegate.full_height(option, self.indexFromItem(self.item(row))) for row in range(self.count())
        )
        dense = needed > self.viewport().height()
        if dense != self.dense:
            self.dense = dense
            self.scheduleDelayedItemsLayout()

    def _keep_current_in_view(self) -> None:
        current = self.currentItem()
        if current is not None:
            self.executeDelayedItemsLayout()
            self.scrollToItem(current)

    def set_compact(self, compact: bool) -> None:
        """Folded: only numbers and status icons, in rows of two, for a window narrow for its zoom."""
        if compact == self.compact:
            return
        self.compact = compact
        self.setFlow(QListWidget.Flow.LeftToRight if compact else QListWidget.Flow.TopToBottom)
        self.setWrapping(compact)
        self.scheduleDelayedItemsLayout()

    def refresh(self) -> None:
        content, dossier = self.editor.content, self.editor.dossier
        steps = self.editor.flow.steps
        longer_or_shorter = False  # a status of another length may need another line
        if [self.item(row).data(STEP_ID_ROLE) for row in range(self.count())] != [s.id for s in steps]:
            longer_or_shorter = True
            self.clear()
            for step in steps:
                item = QListWidgetItem()
                item.setData(STEP_ID_ROLE, step.id)
                item.setData(NUMBER_ROLE, step.number)
                self.addItem(item)
        for row, step in enumerate(steps):
            status = step_status(self.editor.flow, step, self.editor.ticked, dossier.role)
            wording = content.general.roles[step.actor]
            actor = OWN_TURN if step.actor == dossier.role else wording.other
            status_label = content.general.status_labels[status]
            item = self.item(row)
            item.setText(f"{step.number}. {step.short_title}")
            subtitle = status_label if status == StepStatus.BY_SUPPLIER else f"{actor} · {status_label}"
            if item.data(SUBTITLE_ROLE) != subtitle:  # a new icon repaints the row even when it is the same
                item.setIcon(status_icon(status))
                longer_or_shorter = True
            item.setData(SUBTITLE_ROLE, subtitle)
            item.setToolTip(plain_tooltip(f"Stap {step.number}: {step.title}"))
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"Stap {step.number}, {step.short_title}. {actor}. Status: {status_label}.",
            )
        if longer_or_shorter:
            self._choose_density()

    def select_step(self, step_id: str | None) -> None:
        """Highlight the step being shown, or nothing on the other pages."""
        self.blockSignals(True)
        self.clearSelection()
        for row in range(self.count()):
            if self.item(row).data(STEP_ID_ROLE) == step_id:
                self.setCurrentRow(row)
        self.blockSignals(False)
        self._keep_current_in_view()
