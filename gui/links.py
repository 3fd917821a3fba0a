"""Links from the content: https in the browser, mailto in the mail client, nothing else; each one a
widget of its own, so a keyboard reaches it with Tab and a screen reader lists it as a link."""

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout, QWidget

from gui.accessibility import LINK, EnterButton, set_role
from model.content import ALLOWED_LINK_SCHEMES, Link, Source

FACTSHEET_ADDRESS = "adres in de factsheet"


def open_link(url: str) -> bool:
    """Hand an allowed address to the system; refuse any other scheme."""
    qurl = QUrl(url)
    if not qurl.isValid() or qurl.scheme() not in ALLOWED_LINK_SCHEMES:
        return False
    return QDesktopServices.openUrl(qurl)


def link_address(url: str) -> str:
    """Where a link leads, as a reader wants to see it: the mail address of a mailto, else the URL."""
    qurl = QUrl(url)
    return qurl.path() if qurl.scheme() == "mailto" else url


class LinkButton(EnterButton):
    """A link that shows its readable text; its address is its tooltip, status tip and accessible
    description. Tab stops on it; Enter, Space or a click opens it."""

    def __init__(self, text: str, url: str) -> None:
        super().__init__(text)
        self.url = url
        address = link_address(url)
        set_role(self, LINK)
        self.setProperty("kind", "link")
        self.setAccessibleName(text)
        self.setAccessibleDescription(address)
        self.setToolTip(address)
        self.setStatusTip(address)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clicked.connect(lambda: open_link(url))


class LinkLine(QWidget):
    """Its parts side by side, or under each other where the page is too narrow for them (a
    projector's zoom): a line of links never makes the page wider than the window."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.parts = widgets
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(4)
        for widget in widgets:
            self.row.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        self.row.addStretch(1)

    def _side_by_side_width(self) -> int:
        return sum(each.sizeHint().width() for each in self.parts) + self.row.spacing() * (
            len(self.parts) - 1
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(
            max(each.minimumSizeHint().width() for each in self.parts), super().minimumSizeHint().height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        beside = self._side_by_side_width() <= event.size().width()
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self.row.direction() != direction:
            self.row.setDirection(direction)
            for each in self.parts:
                if each.property("separator"):  # a "·" alone on a line of its own says nothing
                    each.setVisible(beside)
            self.setMinimumHeight(self.row.sizeHint().height())
        super().resizeEvent(event)


def _line(*widgets: QWidget) -> QWidget:
    return LinkLine(*widgets)


def _text(text: str) -> QLabel:
    shown = QLabel(text)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    return shown


def link_line(link: Link) -> QWidget:
    """The label as a link, to the page's newer address when known; the factsheet's own address
    stays one click away."""
    if not link.newer_url:
        return _line(LinkButton(link.label, link.url))
    separator = _text("·")
    separator.setProperty("separator", True)
    return _line(LinkButton(link.label, link.newer_url), separator, LinkButton(FACTSHEET_ADDRESS, link.url))


def source_line(source: Source) -> QWidget:
    """ "Bron:", the source as a link, and when it was read."""
    read = _text(f"(gelezen in {source.read_text})")
    return _line(_text("Bron:"), LinkButton(source.label, source.url), read)
