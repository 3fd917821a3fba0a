"""Links from the content: https in the browser, mailto in the mail client, nothing else; each one a
widget of its own, so a keyboard reaches it with Tab and a screen reader lists it as a link."""

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

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


def _line(*widgets: QWidget) -> QWidget:
    line = QWidget()
    layout = QHBoxLayout(line)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return line


def _text(text: str) -> QLabel:
    shown = QLabel(text)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    return shown


def link_line(link: Link) -> QWidget:
    """The label as a link, to the page's newer address when known; the factsheet's own address
    stays one click away."""
    if not link.newer_url:
        return _line(LinkButton(link.label, link.url))
    return _line(LinkButton(link.label, link.newer_url), _text("·"), LinkButton(FACTSHEET_ADDRESS, link.url))


def source_line(source: Source) -> QWidget:
    """ "Bron:", the source as a link, and when it was read."""
    read = _text(f"(gelezen in {source.read_text})")
    return _line(_text("Bron:"), LinkButton(source.label, source.url), read)
