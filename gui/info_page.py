"""The "Meer informatie" page: the norms, the auditor, the report, deadlines, terms, with sources."""

from gui.page_parts import Page, label
from gui.rich_text import blocks_html, sources_html
from model.content import Content


class InfoPage(Page):
    def __init__(self, content: Content) -> None:
        super().__init__()
        self.add(label("Meer informatie", "eyebrow"))
        self.add(label("Wat u verder moet weten", "title"))
        self.add(
            label(
                "Deze pagina vult de factsheet aan met de regels van nu. Bij elk onderwerp staat de bron en "
                "wanneer die is gelezen; controleer bij twijfel de pagina van Logius."
            )
        )
        for section in content.info:
            heading = self.add(label(section.title, "heading"))
            heading.setObjectName(f"info.{section.id}")
            self.add(label(blocks_html(section.blocks) + sources_html(section.sources), rich=True))
