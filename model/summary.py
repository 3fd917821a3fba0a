"""The step summary of a dossier as HTML: what goes into the file, to the auditor and to meetings.

Built here, from model data only, so the print preview, the printer, the PDF export and the
command line all show the same document; the GUI merely renders it. Every piece of user text is
escaped, so a note with <script> or <b> prints as typed. The HTML keeps to what QTextDocument
renders and to black on white, so it reads on any printer.
"""

from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from model.content import Content, Flow, Step
from model.deadline_text import milestone_label, milestone_when, state_label
from model.dossier import CareProvider, Change, Dossier
from model.dutch import local_date, long_date, short_date
from model.history_text import described
from model.locations import APP_NAME
from model.progress import flow_progress, step_progress, step_status
from model.register import DATE_FIELDS, conditions, effective_dates, remark, t0_explanation
from model.store import Store
from model.timeline import milestones

TICKED, UNTICKED = "☑", "☐"

STYLE = """
body { font-size: 10pt; color: #000000; }
h1 { font-size: 18pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 14pt; margin-bottom: 2pt; }
p { margin-top: 2pt; margin-bottom: 4pt; }
td { padding-top: 2pt; padding-bottom: 2pt; padding-right: 10pt; vertical-align: top; }
.meta { color: #333333; }
.box { font-size: 12pt; }
.label { font-weight: bold; margin-top: 8pt; }
"""


@dataclass(frozen=True)
class SummaryInput:
    """Everything the summary shows, as the store and the content hold it."""

    dossier: Dossier
    content: Content
    ticked: dict[str, datetime]
    notes: dict[str, str]
    today: date
    changes: tuple[Change, ...] = ()  # appended as "Geschiedenis" when given
    providers: tuple[CareProvider, ...] = ()  # the cluster register, for a supplier's dossier

    @property
    def flow(self) -> Flow:
        return self.content.flows[self.dossier.connection]


def load_summary_input(
    store: Store, content: Content, dossier: Dossier, today: date, with_history: bool = False
) -> SummaryInput:
    changes = tuple(store.history(dossier.id)) if with_history else ()
    ticked, notes = store.ticked_items(dossier.id), store.notes(dossier.id)
    providers = tuple(store.care_providers(dossier.id))
    return SummaryInput(dossier, content, ticked, notes, today, changes, providers)


def footer_text(dossier: Dossier) -> str:
    """Left part of every page's footer; the page numbers are added where pages are known."""
    return f"{APP_NAME} · {dossier.name}"


def _text(text: str) -> str:
    """User text, escaped, with its line breaks kept."""
    return escape(text).replace("\n", "<br>")


def _header(data: SummaryInput) -> str:
    dossier, general = data.dossier, data.content.general
    kind = general.connection_types[dossier.connection]
    wording = general.timeline
    rows = [
        ("Organisatie", escape(dossier.name)),
        ("Aansluiting", f"{escape(kind.label)} ({escape(kind.assessment.lower())})"),
        ("Eigen rol", escape(general.roles[dossier.role].name)),
        (
            "Activatie in productie",
            long_date(dossier.activation_date) if dossier.activation_date else "nog niet bekend",
        ),
    ]
    explanation = t0_explanation(dossier, list(data.providers), data.today)
    if explanation:
        rows.append(("Start termijn", escape(explanation)))
    for milestone in milestones(effective_dates(dossier, list(data.providers), data.today), data.today):
        if milestone.is_deadline:
            label = milestone_label(milestone, dossier.connection, wording)
            rows.append(
                (escape(label), escape(milestone_when(milestone, dossier, state_label(milestone, wording))))
            )
    progress = flow_progress(data.flow, data.ticked, data.dossier.role)
    rows.append(("Voortgang", f"{progress.done} van {progress.total} actiepunten afgevinkt"))
    rows.append(("Afgedrukt op", long_date(data.today)))
    cells = "".join(f"<tr><td><b>{name}</b></td><td>{value}</td></tr>" for name, value in rows)
    title = f"<h1>DigiD-assessment: {escape(dossier.name)}</h1>"
    return f"{title}<table cellpadding='2'>{cells}</table>{_flow_intro(data.flow)}<p>&nbsp;</p>"


REGISTER_TITLES = (
    "Zorgaanbieder",
    "KvK",
    "Ondertekenaar",
    "Contract",
    "Akkoord",
    "Bij DICTU",
    "In productie",
)


def _register_cells(provider: CareProvider, today: date) -> tuple[str, ...]:
    signatory = ", ".join(part for part in (provider.signatory_name, provider.signatory_function) if part)
    days = (short_date(day) if day else "—" for day in (getattr(provider, field) for field in DATE_FIELDS))
    to_do = remark(provider, today)
    name = f"{provider.name or '—'}\n{to_do}" if to_do else provider.name
    return (name, provider.kvk or "—", signatory or "—", *days)


def _register(data: SummaryInput) -> str:
    """The cluster register as a table, with the factsheet's conditions."""
    state = conditions(list(data.providers), data.today)
    header = "".join(f"<td><b>{title}</b></td>" for title in REGISTER_TITLES)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_text(cell)}</td>" for cell in cells) + "</tr>"
        for cells in (_register_cells(provider, data.today) for provider in data.providers)
    )
    met = "voldaan" if state.enough_in_production and state.all_signed else "nog niet voldaan"
    return (
        "<h2>Deelnemende zorgaanbieders</h2>"
        f"<p>{state.in_production} van {len(data.providers)} in productie; "
        f"voorwaarden van de factsheet: {met}.</p>"
        f"<table cellpadding='3'><tr>{header}</tr>{rows}</table><p>&nbsp;</p>"
    )


def _current_notes(data: SummaryInput, step: Step) -> str:
    return "".join(
        f"<p><b>Actueel (niet uit de factsheet): {escape(note.title)}.</b> {escape(note.text)} "
        + "; ".join(
            f"Bron: {escape(source.label)}, {escape(source.url)}, gelezen in {escape(source.read_text)}"
            for source in note.sources
        )
        + ".</p>"
        for note in data.content.notes_for(step.id)
    )


def _step(data: SummaryInput, step: Step) -> str:
    general = data.content.general
    actor = data.content.actor_wording(step.actor, data.dossier.role)
    status = general.status_labels[step_status(data.flow, step, data.ticked, data.dossier.role)]
    counts = step_progress(step, data.ticked)
    parts = [
        f"<h2>Stap {step.number} van {len(data.flow.steps)}: {escape(step.title)}</h2>",
        f"<p class='meta'><b>Aan zet:</b> {escape(actor)} &nbsp;·&nbsp; <b>Status:</b> {escape(status)} "
        f"({counts.done} van {counts.total} actiepunten)</p>",
        f"<p><i>{escape(step.purpose)}</i></p>",
    ]
    for warning in step.warnings:
        parts.append(f"<p><b>{escape(warning.label)}:</b> {escape(warning.text)}</p>")
    parts.append(_current_notes(data, step))
    parts.append("<p class='label'>Actiepunten</p>")
    if step.deviation_note:
        parts.append(f"<p><b>Anders dan in de factsheet:</b> {escape(step.deviation_note)}</p>")
    parts.append("<table>")
    for item in step.action_items:
        ticked_at = data.ticked.get(item.id)
        mark = TICKED if ticked_at else UNTICKED
        when = (
            f" <span class='meta'>(afgevinkt op {long_date(local_date(ticked_at))})</span>"
            if ticked_at
            else ""
        )
        parts.append(f"<tr><td class='box'>{mark}</td><td>{escape(item.text)}{when}</td></tr>")
    parts.append("</table>")
    note = data.notes.get(step.id, "").strip()
    parts.append(f"<p class='label'>Notities</p><p>{_text(note) if note else '<i>Geen notities.</i>'}</p>")
    if step.links:
        links = "".join(
            f"<li>{escape(link.label)}: {escape(link.address)}"
            + (f" (nieuwer adres: {escape(link.newer_url)})" if link.newer_url else "")
            + "</li>"
            for link in step.links
        )
        parts.append(f"<p class='label'>Links</p><ul>{links}</ul>")
    return "".join(parts)


def _flow_intro(flow: Flow) -> str:
    """The flow's introduction from the factsheet: who stays responsible, what may be delegated."""
    paragraphs = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in flow.intro)
    return f"<p class='label'>{escape(flow.intro_heading)}</p>{paragraphs}"


def _history(data: SummaryInput, step_id: str | None) -> str:
    changes = [change for change in data.changes if step_id is None or change.step_id == step_id]
    rows = "".join(
        f"<tr><td>{when}</td><td>{escape(what)}</td></tr>"
        for when, what in described(changes, data.content, data.providers)
    )
    history = data.content.general.history
    return f"<h2>Geschiedenis</h2><p class='meta'>{escape(history.intro)}</p>" + (
        f"<table>{rows}</table>" if rows else f"<p>{escape(history.templates['empty'])}</p>"
    )


def summary_html(data: SummaryInput, step_id: str | None = None) -> str:
    """The whole dossier, or only the step `step_id` (still under the dossier's header)."""
    steps = [data.flow.step(step_id)] if step_id else data.flow.steps
    body = _header(data)
    if data.providers and not step_id:
        body += _register(data)
    body += "".join(_step(data, step) for step in steps)
    if data.changes:
        body += _history(data, step_id)
    return f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>"
