"""The last page: how far the whole dossier is, step by step, and where to read more."""

from markupsafe import Markup

from gui.dossier_editor import DossierEditor
from gui.links import link_line
from gui.page_parts import Page, label
from gui.rich_text import blocks_html
from model.progress import flow_progress, step_progress, step_status


class OverviewPage(Page):
    def __init__(self, editor: DossierEditor) -> None:
        super().__init__()
        self.editor = editor
        flow = editor.flow
        self.add_header("Overzicht", f"{flow.title}: {flow.assessment.lower()}")
        self.total = self.add(label(kind="purpose"))
        self.total.setObjectName("overallProgress")
        self.steps = self.add(label(rich=True))
        self.steps.setObjectName("stepOverview")
        self.add(label(flow.more_info.title, "heading"))
        self.add(label(blocks_html(flow.more_info.blocks), rich=True))
        for link in flow.more_info.links:
            self.add(link_line(link))
        self.follow(editor.changed)
        self.refresh()

    def refresh(self) -> None:
        editor = self.editor
        flow, ticked = editor.flow, editor.ticked
        self.total.setText(flow_progress(flow, ticked, editor.dossier.role).sentence())
        rows = Markup("")
        for step in flow.steps:
            status = editor.content.general.status_labels[
                step_status(flow, step, ticked, editor.dossier.role)
            ]
            counts = step_progress(step, ticked)
            actor = editor.content.actor_wording(step.actor, editor.dossier.role)
            rows += Markup(
                "<tr><td><b>{}.</b></td><td>{}<br><span style='color:#4a4a4a'>{}</span></td>"
                "<td>{} ({}/{})</td></tr>"
            ).format(step.number, step.title, actor, status, counts.done, counts.total)
        self.steps.setText(Markup("<table cellspacing='0' cellpadding='6'>{}</table>").format(rows))
