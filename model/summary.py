"""The step summary of a dossier as HTML: what goes into the file, to the auditor and to meetings.

Built here, from model data only, so the print preview, the printer, the PDF export and the
command line all show the same document; the GUI merely renders it. It is built with markupsafe:
a value put into a `Markup` template is escaped unless it is `Markup` itself, so a note with
<script> or <b> prints as typed and no call can forget to escape. The HTML keeps to what
QTextDocument renders and to black on white, so it reads on any printer.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from markupsafe import Markup, escape

from model.content import Content, Flow, Step
from model.deadline_text import milestone_label, milestone_when, state_label
from model.dossier import CareProvider, Change, Dossier
from model.dutch import local_date, long_date, short_date
from model.history_text import described
from model.locations import APP_NAME
from model.progress import flow_progress, step_progress, step_status
from model.register import DATE_FIELDS, checklist, deadline_dates, remark, t0_explanation, uncounted_note
from model.rounds import round_label
from model.store import Store
from model.timeline import milestones

TICKED, UNTICKED = "☑", "☐"

STYLE = Markup("""
body { font-size: 10pt; color: #000000; }
h1 { font-size: 18pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 14pt; margin-bottom: 2pt; }
p { margin-top: 2pt; margin-bottom: 4pt; }
td { padding-top: 2pt; padding-bottom: 2pt; padding-right: 10pt; vertical-align: top; }
.meta { color: #333333; }
.box { font-size: 12pt; }
.label { font-weight: bold; margin-top: 8pt; }
""")


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
    annual_reports: dict[int, date] = field(default_factory=dict)  # window year → day sent
    round_shown: str = ""  # the round whose ticks and notes these are, once there are yearly rounds

    @property
    def flow(self) -> Flow:
        return self.content.flows[self.dossier.connection]


def load_summary_input(
    store: Store,
    content: Content,
    dossier: Dossier,
    today: date,
    with_history: bool = False,
    round_year: int | None = None,
) -> SummaryInput:
    """The summary of one round (by default the current one)."""
    changes = tuple(store.history(dossier.id)) if with_history else ()
    rounds = store.rounds(dossier.id)
    chosen = rounds[-1] if round_year is None else round_year
    ticked, notes = store.ticked_items(dossier.id, chosen), store.notes(dossier.id, chosen)
    providers = tuple(store.care_providers(dossier.id))
    annual = store.annual_reports(dossier.id)
    shown = round_label(chosen) if len(rounds) > 1 else ""
    return SummaryInput(dossier, content, ticked, notes, today, changes, providers, annual, shown)


def footer_text(dossier: Dossier) -> str:
    """Left part of every page's footer; the page numbers are added where pages are known."""
    return f"{APP_NAME} · {dossier.name}"


def _text(text: str) -> Markup:
    """User text, escaped, with its line breaks kept."""
    return Markup("<br>").join(escape(text).split("\n"))


def _header(data: SummaryInput) -> Markup:
    dossier, general = data.dossier, data.content.general
    kind = general.connection_types[dossier.connection]
    wording = general.timeline
    providers = list(data.providers)
    rows = [
        ("Organisatie", dossier.name),
        ("Aansluiting", f"{kind.label} ({kind.assessment.lower()})"),
        ("Eigen rol", general.roles[dossier.role].name),
        (
            "Activatie in productie",
            long_date(dossier.activation_date) if dossier.activation_date else "nog niet bekend",
        ),
    ]
    if data.round_shown:
        rows.append(("Ronde", data.round_shown))
    explanation = t0_explanation(dossier, providers, data.today)
    if explanation:
        rows.append(("Start termijn", explanation))
    for milestone in milestones(
        deadline_dates(dossier, providers, data.today, data.annual_reports), data.today
    ):
        if milestone.is_deadline:
            label = milestone_label(milestone, dossier.connection, wording)
            rows.append((label, milestone_when(milestone, state_label(milestone, wording))))
    rows.append(("Voortgang", flow_progress(data.flow, data.ticked, data.dossier.role).ticked()))
    rows.append(("Afgedrukt op", long_date(data.today)))
    cells = Markup("").join(
        Markup("<tr><td><b>{}</b></td><td>{}</td></tr>").format(name, value) for name, value in rows
    )
    return Markup("<h1>DigiD-assessment: {}</h1><table cellpadding='2'>{}</table>{}<p>&nbsp;</p>").format(
        dossier.name, cells, _flow_intro(data.flow)
    )


REGISTER_TITLES = (
    "Zorgaanbieder",
    "KvK",
    "Ondertekenaar",
    "Contract",
    "Akkoord",
    "Bij DICTU",
    "In productie",
)


def register_checklist_html(providers: list[CareProvider], today: date) -> Markup:
    """The factsheet's conditions for a cluster, checked against the register, and what doesn't count
    yet: the same lines on the register page and in the summary."""
    lines = Markup("").join(
        Markup("<p><b>{}</b>: {}</p>").format(each.verdict, each.text) for each in checklist(providers, today)
    )
    note = uncounted_note(providers)
    return lines + (Markup("<p>{}</p>").format(note) if note else "")


def _register_cells(provider: CareProvider, today: date) -> tuple[str, ...]:
    signatory = ", ".join(part for part in (provider.signatory_name, provider.signatory_function) if part)
    days = (short_date(day) if day else "—" for day in (getattr(provider, field) for field in DATE_FIELDS))
    to_do = remark(provider, today)
    name = f"{provider.name or '—'}\n{to_do}" if to_do else provider.name
    return (name, provider.kvk or "—", signatory or "—", *days)


def _register(data: SummaryInput) -> Markup:
    """The cluster register as a table, under the factsheet's conditions."""
    header = Markup("").join(Markup("<td><b>{}</b></td>").format(title) for title in REGISTER_TITLES)
    rows = Markup("").join(
        Markup("<tr>{}</tr>").format(
            Markup("").join(Markup("<td>{}</td>").format(_text(cell)) for cell in cells)
        )
        for cells in (_register_cells(provider, data.today) for provider in data.providers)
    )
    return Markup(
        "<h2>Deelnemende zorgaanbieders</h2>{}<table cellpadding='3'><tr>{}</tr>{}</table><p>&nbsp;</p>"
    ).format(register_checklist_html(list(data.providers), data.today), header, rows)


class References:
    """Addresses on paper: each one numbered where it is cited ("[3]") and listed once, under
    "Bronnen" at the end, so the text reads as text and no address is printed twice."""

    def __init__(self) -> None:
        self.addresses: dict[str, int] = {}

    def cite(self, address: str) -> str:
        return f"[{self.addresses.setdefault(address, len(self.addresses) + 1)}]"

    def html(self) -> Markup:
        if not self.addresses:
            return Markup("")
        rows = Markup("").join(
            Markup("<tr><td>[{}]</td><td>{}</td></tr>").format(number, address)
            for address, number in self.addresses.items()
        )
        return Markup("<h2>Bronnen</h2><table cellpadding='2'>{}</table>").format(rows)


def _current_notes(data: SummaryInput, step: Step, references: References) -> Markup:
    return Markup("").join(
        Markup("<p><b>Actueel (niet uit de factsheet): {}.</b> {} {}.</p>").format(
            note.title,
            note.text,
            "; ".join(
                f"Bron: {source.label} {references.cite(source.url)}, gelezen in {source.read_text}"
                for source in note.sources
            ),
        )
        for note in data.content.notes_for(step.id)
    )


def _action_items(data: SummaryInput, step: Step) -> Markup:
    rows = Markup("")
    for item in step.action_items:
        ticked_at = data.ticked.get(item.id)
        when = (
            Markup(" <span class='meta'>(afgevinkt op {})</span>").format(long_date(local_date(ticked_at)))
            if ticked_at
            else ""
        )
        mark = TICKED if ticked_at else UNTICKED
        rows += Markup("<tr><td class='box'>{}</td><td>{}{}</td></tr>").format(mark, item.text, when)
    deviation = (
        Markup("<p><b>Anders dan in de factsheet:</b> {}</p>").format(step.deviation_note)
        if step.deviation_note
        else ""
    )
    return Markup("<p class='label'>Actiepunten</p>{}<table>{}</table>").format(deviation, rows)


def _links(step: Step, references: References) -> Markup:
    """Each link by its label and number; a page that moved is cited at its newer address, as the
    screen opens it, with the factsheet's address beside it."""
    if not step.links:
        return Markup("")
    items = Markup("").join(
        Markup("<li>{} {}{}</li>").format(
            link.label,
            references.cite(link.newer_url or link.address),
            f" (in de factsheet: {references.cite(link.address)})" if link.newer_url else "",
        )
        for link in step.links
    )
    return Markup("<p class='label'>Links</p><ul>{}</ul>").format(items)


def _step(data: SummaryInput, step: Step, references: References) -> Markup:
    general = data.content.general
    actor = data.content.actor_wording(step.actor, data.dossier.role)
    status = general.status_labels[step_status(data.flow, step, data.ticked, data.dossier.role)]
    counts = step_progress(step, data.ticked)
    warnings = Markup("").join(
        Markup("<p><b>{}:</b> {}</p>").format(warning.label, warning.text) for warning in step.warnings
    )
    note = data.notes.get(step.id, "").strip()
    return Markup(
        "<h2>Stap {} van {}: {}</h2>"
        "<p class='meta'><b>Aan zet:</b> {} &nbsp;·&nbsp; <b>Status:</b> {} ({})</p>"
        "<p><i>{}</i></p>{}{}{}"
        "<p class='label'>Notities</p><p>{}</p>{}"
    ).format(
        step.number,
        len(data.flow.steps),
        step.title,
        actor,
        status,
        counts.counted(),
        step.purpose,
        warnings,
        _current_notes(data, step, references),
        _action_items(data, step),
        _text(note) if note else Markup("<i>Geen notities.</i>"),
        _links(step, references),
    )


def _flow_intro(flow: Flow) -> Markup:
    """The flow's introduction from the factsheet: who stays responsible, what may be delegated."""
    paragraphs = Markup("").join(Markup("<p>{}</p>").format(paragraph) for paragraph in flow.intro)
    return Markup("<p class='label'>{}</p>{}").format(flow.intro_heading, paragraphs)


def history_table(lines: Iterable[tuple[str, str]], empty: str, gap: str = "") -> Markup:
    """The history as a table of when and what (`gap` after the when), or `empty` when there is none:
    as printed here and as the pages' "Geschiedenis" shows it."""
    rows = Markup("").join(
        Markup("<tr><td>{}{}</td><td>{}</td></tr>").format(when, gap, what) for when, what in lines
    )
    return Markup("<table>{}</table>").format(rows) if rows else Markup("<p>{}</p>").format(empty)


def _history(data: SummaryInput, step_id: str | None) -> Markup:
    changes = [change for change in data.changes if step_id is None or change.step_id == step_id]
    history = data.content.general.history
    listed = history_table(described(changes, data.content, data.providers), history.templates["empty"])
    return Markup("<h2>Geschiedenis</h2><p class='meta'>{}</p>{}").format(history.intro, listed)


def summary_html(data: SummaryInput, step_id: str | None = None) -> str:
    """The whole dossier, or only the step `step_id` (still under the dossier's header)."""
    steps = [data.flow.step(step_id)] if step_id else data.flow.steps
    body = _header(data)
    if data.providers and not step_id:
        body += _register(data)
    references = References()
    body += Markup("").join(_step(data, step, references) for step in steps)
    if data.changes:
        body += _history(data, step_id)
    body += references.html()
    return str(Markup("<html><head><style>{}</style></head><body>{}</body></html>").format(STYLE, body))
