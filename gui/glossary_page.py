"""The page "Begrippen": every term of the content files with its plain-Dutch explanation."""

from gui.page_parts import Page, label
from model.content import Content


class GlossaryPage(Page):
    def __init__(self, content: Content) -> None:
        super().__init__()
        self.add_header(
            "Begrippen",
            "Wat betekent dat woord?",
            "Woorden en afkortingen die u bij het DigiD-assessment tegenkomt. In de stappen is zo’n "
            "woord onderstreept: wijs het aan of klik erop voor de uitleg.",
        )
        for term in sorted(content.glossary, key=lambda term: term.name.casefold()):
            name = self.add(label(term.name, "heading"))
            name.setObjectName(f"term.{term.id}")
            self.add(label(term.explanation))
