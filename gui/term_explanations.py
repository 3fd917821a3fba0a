"""A marked term (rich_text.with_terms) explains itself: on hover as a tooltip, on click or Enter at once."""

from PySide6.QtCore import QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QToolTip

from gui.rich_text import TERM_SCHEME, plain_tooltip
from model.content import Term

TERM_TIP = "termTip"  # set while the label's tooltip is a term's, so only that tooltip is taken away


def term_tooltip(term: Term) -> str:
    return plain_tooltip(f"{term.name}\n{term.explanation}")


def explain_terms(label: QLabel, glossary: tuple[Term, ...]) -> QLabel:
    """Wire a label whose text has marked terms; other links are left to their own handlers."""
    terms = {f"{TERM_SCHEME}:{term.id}": term for term in glossary}

    def hovered(href: str) -> None:
        term = terms.get(href)
        if term is not None:
            label.setToolTip(term_tooltip(term))
            label.setProperty(TERM_TIP, True)
        elif label.property(TERM_TIP):
            label.setToolTip("")
            label.setProperty(TERM_TIP, False)

    def activated(href: str) -> None:
        term = terms.get(href)
        if term is None:
            return
        cursor = QCursor.pos()
        inside = label.rect().contains(label.mapFromGlobal(cursor))
        where = cursor if inside else label.mapToGlobal(QPoint(0, 0))  # Enter: beside the text, not the mouse
        QToolTip.showText(where, term_tooltip(term), label)

    label.linkHovered.connect(hovered)
    label.linkActivated.connect(activated)
    return label
