"""What a step page says about its own text: the factsheet's wording where the app corrected it,
where the app differs from the factsheet, and the flow's introduction on its first step."""

from markupsafe import Markup
from PySide6.QtWidgets import QFrame, QLabel

from gui.accessibility import DISCLOSURE, EnterButton, set_role
from gui.page_parts import describe, framed, label
from gui.rich_text import blocks_html, paragraph
from gui.term_explanations import explain_terms
from model.content import Block, Correction, Flow, Step, Term

FACTSHEET_BUTTON = "Tekst uit de factsheet"
FACTSHEET_HIDE = "Verberg tekst uit de factsheet"  # the toggle's words while the text is shown
DEVIATION_LABEL = "Anders dan in de factsheet"


def factsheet_wording(corrections: tuple[Correction, ...]) -> str:
    """Plain text: the factsheet's own wording of every text this page shows corrected."""
    if not corrections:
        return "De tekst op deze pagina is die van de factsheet; alleen de opmaak is hersteld."
    lines = [
        "Op deze pagina is de taal van de factsheet verbeterd. Zo staat het in de factsheet:",
        *(f"• ‘{each.original}’" for each in corrections),
    ]
    return "\n".join(lines)


class FactsheetText:
    """A small toggle and the plain text it unfolds; closed until asked for."""

    def __init__(self, step_id: str, corrections: tuple[Correction, ...]) -> None:
        self.button = EnterButton(FACTSHEET_BUTTON)
        set_role(self.button, DISCLOSURE)
        self.button.setObjectName(f"factsheetText.{step_id}")
        self.button.setCheckable(True)
        self.button.setToolTip("Toon of verberg hoe de factsheet deze tekst schrijft")
        self.text = label(factsheet_wording(corrections), "hint")
        self.text.setObjectName(f"factsheetWording.{step_id}")
        self.text.setAccessibleName(FACTSHEET_BUTTON)
        self.text.hide()
        self.button.toggled.connect(self._toggled)

    def _toggled(self, shown: bool) -> None:
        self.text.setVisible(shown)
        self.button.setText(FACTSHEET_HIDE if shown else FACTSHEET_BUTTON)


def deviation_note(step: Step) -> QFrame:
    """Where the app differs from the factsheet in substance: said on the page, in its own box."""
    box, layout = framed("panel", f"deviation.{step.id}", bottom=8, top=8)
    text = label(Markup("<b>{}</b>{}").format(DEVIATION_LABEL, paragraph(step.deviation_note)), rich=True)
    describe(text, DEVIATION_LABEL, step.deviation_note)
    layout.addWidget(text)
    return box


def flow_intro(flow: Flow, glossary: tuple[Term, ...], seen: set[str]) -> QFrame:
    """The flow's own introduction (who stays responsible, what may be delegated), on its first step."""
    box, layout = framed("panel", f"flowIntro.{flow.id.value}", top=8)
    layout.addWidget(label(flow.intro_heading, "heading"))
    box.setAccessibleName(flow.intro_heading)
    blocks = tuple(Block(text=paragraph) for paragraph in flow.intro)
    text: QLabel = label(blocks_html(blocks, glossary, seen), rich=True)
    layout.addWidget(explain_terms(text, glossary))
    return box
