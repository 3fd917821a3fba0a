"""Opening a link from the content: https in the browser, mailto in the mail client, nothing else."""

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from model.content import ALLOWED_LINK_SCHEMES


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
