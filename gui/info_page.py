"""The "Meer informatie" page, the last of the walkthrough: what remains, then the norms, the auditor,
the report, deadlines and terms, with sources."""

from PySide6.QtWidgets import QFrame

from gui.dossier_editor import DossierEditor
from gui.links import source_line
from gui.page_parts import Page, framed, label
from gui.rich_text import blocks_html
from model.content import Content
from model.progress import what_remains

DONE_BUTTON = "Klaar"  # the Next button on this page: back to the list of dossiers


class InfoPage(Page):
    def __init__(self, content: Content, editor: DossierEditor) -> None:
        super().__init__()
        self.editor = editor
        self.add_header("Meer informatie", "Wat u verder moet weten")
        self.add(self._end_of_walkthrough())
        self.add(
            label(
                "Deze pagina vult de factsheet aan met de regels van nu. Bij elk onderwerp staat de bron en "
                "wanneer die is gelezen; controleer bij twijfel de pagina van Logius."
            )
        )
        for section in content.info:
            self.add(label(section.title, "heading")).setObjectName(f"info.{section.id}")
            self.add(label(blocks_html(section.blocks), rich=True))
            for source in section.sources:
                self.add(source_line(source))
        self.follow(editor.changed)
        self.refresh()

    def _end_of_walkthrough(self) -> QFrame:
        """Instead of a Next button that can't be pressed: the walk is done, this is what remains."""
        box, layout = framed("panel", "walkthroughDone", bottom=12)
        layout.addWidget(label("U bent aan het einde van de wegwijzer.", "purpose"))
        self.remaining = label()
        self.remaining.setObjectName("whatRemains")
        layout.addWidget(self.remaining)
        layout.addWidget(
            label(
                f"Alles wat u heeft ingevuld is bewaard. Met ‘{DONE_BUTTON}’ gaat u terug naar uw dossiers; "
                "u kunt later verder waar u was."
            )
        )
        return box

    def refresh(self) -> None:
        editor = self.editor
        self.remaining.setText(what_remains(editor.flow, editor.ticked, editor.dossier.role))
