"""The step summary of a dossier as HTML: what goes into the file, to the auditor and to meetings.

Built here, from model data only, so the print preview, the printer, the PDF export and the
command line all show the same document; the GUI merely renders it. It is built with markupsafe:
a value put into a `Markup` template is escaped unless it is `Markup` itself, so a note with
<script> or <b> prints as typed and no call can forget to escape. The HTML keeps to what
QTextDocument renders and to black on white, so it reads on any printer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from model.content import Connection, Content, Flow, Role, Step
from model.deadline_text import milestone_advice, milestone_label, milestone_when, state_label
from model.dossier import CareProvider, Change, Dossier
from model.dutch import after_colon, listing, local_date, long_date, short_date
from model.history_text import described, history_intro
from model.locations import APP_NAME
from model.progress import flow_progress, step_progress, step_status
from model.register import (
    DATE_FIELDS,
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    checklist,
    deadline_dates,
    remark,
    t0_explanation,
    uncounted_note,
)
from model.rounds import FIRST_ROUND, flow_in_round, round_label
from model.timeline import Milestone, MilestoneKind, RepairDates, milestones

if TYPE_CHECKING:
    from model.store import Store

TICKED, UNTICKED = "☑", "☐"

STYLE = Markup("""
body { font-size: 10pt; color: #000000; }
h1 { font-size: 17pt; margin-bottom: 4pt; }
h2 { font-size: 13pt; margin-top: 30px; margin-bottom: 4px; }  /* px: Qt ignores a margin in pt */
h3 { font-size: 10.5pt; margin-top: 8pt; margin-bottom: 2pt; }
p { margin-top: 2pt; margin-bottom: 4pt; }
ul { margin-top: 0pt; margin-bottom: 4pt; }
td { padding-top: 1pt; padding-bottom: 1pt; padding-right: 8pt; vertical-align: top; }
th { font-weight: bold; text-align: left; vertical-align: bottom; padding-right: 6pt; }
.meta { color: #333333; }
.name { white-space: nowrap; }
.box { font-size: 12pt; }
.register td { font-size: 9pt; padding-right: 6pt; }
.register th { font-size: 9pt; border-bottom: 1px solid #000000; }
""")
TIMELINE_WIDTH_PX = 640  # the painted timeline's width on paper: 17 cm, inside A4's and Letter's margins
OPEN_STEPS_LISTED = 2  # per party, the open items of this many steps in full; later steps in one line


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
    annual_repairs: dict[int, RepairDates] = field(default_factory=dict)  # window year → its repair
    round_year: int = FIRST_ROUND  # the round shown: a yearly round words the deadline its own way

    @property
    def flow(self) -> Flow:
        return flow_in_round(self.content.flows[self.dossier.connection], self.round_year)


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
    annual, repairs = store.annual_reports(dossier.id), store.annual_repairs(dossier.id)
    shown = round_label(chosen) if len(rounds) > 1 else ""
    return SummaryInput(
        dossier, content, ticked, notes, today, changes, providers, annual, shown, repairs, chosen
    )


def footer_text(dossier: Dossier) -> str:
    """Left part of every page's footer; the page numbers are added where pages are known."""
    return f"{APP_NAME} · {dossier.name}"


def _text(text: str) -> Markup:
    """User text, escaped, with its line breaks kept."""
    return Markup("<br>").join(escape(text).split("\n"))


def _box(content: Markup) -> Markup:
    """A framed paragraph, for what must not be overlooked on paper ("Let op")."""
    return Markup(
        "<table width='100%' border='1' cellspacing='0' cellpadding='5' style='border-collapse: collapse;"
        " border-color: #000000; margin-top: 3pt; margin-bottom: 5pt'><tr><td>{}</td></tr></table>"
    ).format(content)


def _checklist(rows: Iterable[tuple[str, Markup | str]]) -> Markup:
    """Rows of a mark (☑, ☐ or –) and its text, as a two-column table."""
    cells = Markup("").join(
        Markup("<tr><td class='box'>{}&nbsp;</td><td>{}</td></tr>").format(mark, text) for mark, text in rows
    )
    return Markup("<table cellspacing='0' cellpadding='2'>{}</table>").format(cells)


def timeline_entries(data: SummaryInput) -> list[tuple[Milestone, str, str]]:
    """The dossier's milestones with their label and state, as the timeline shows them."""
    wording, connection = data.content.general.timeline, data.dossier.connection
    return [
        (each, milestone_label(each, connection, wording), state_label(each, wording))
        for each in milestones(
            deadline_dates(
                data.dossier, list(data.providers), data.today, data.annual_reports, data.annual_repairs
            ),
            data.today,
        )
    ]


def _facts(data: SummaryInput) -> Markup:
    """Organisation, connection, role, every date in words with its state, progress."""
    dossier, general = data.dossier, data.content.general
    kind = general.connection_types[dossier.connection]
    rows: list[tuple[str, str]] = [
        ("Organisatie", dossier.name),
        ("Aansluiting", f"{kind.label} ({kind.assessment.lower()})"),
        ("Eigen rol", general.roles[dossier.role].name),
    ]
    if data.round_shown:
        rows.append(("Ronde", data.round_shown))
    entries = timeline_entries(data)
    if not entries:
        key = "activation_cluster" if dossier.connection == Connection.CLUSTER else "activation"
        rows.append((general.timeline.milestones[key], "nog niet bekend"))
    for milestone, label, state in entries:
        rows.append(
            (
                label,
                Markup("{}<br>{}").format(
                    milestone_when(milestone, state),
                    milestone_advice(milestone, data.content.general.timeline).html(),
                )
                if milestone.is_deadline
                else f"{long_date(milestone.day)} ({state})",
            )
        )
        if milestone.kind == MilestoneKind.ACTIVATION:
            explanation = t0_explanation(dossier, list(data.providers), data.today)
            if explanation:
                rows.append(("Start termijnen", explanation))
    rows.append(("Voortgang", flow_progress(data.flow, data.ticked, dossier.role).ticked()))
    rows.append(("Afgedrukt op", long_date(data.today)))
    cells = Markup("").join(
        Markup("<tr><td class='name'><b>{}</b>&nbsp;&nbsp;&nbsp;</td><td>{}</td></tr>").format(name, value)
        for name, value in rows
    )
    return Markup("<table width='100%' cellspacing='0' cellpadding='1'>{}</table>").format(cells)


def _open_items(data: SummaryInput, party: Role) -> Markup:
    """What is still open for one party, step by step: the first steps in full, the rest in a line."""
    steps = [
        (step, [item for item in step.action_items if item.id not in data.ticked and not item.same_as])
        for step in data.flow.steps
        if step.actor == party
    ]
    steps = [(step, items) for step, items in steps if items]
    if not steps:
        return Markup("<p>Niets meer open.</p>")
    listed = Markup("").join(
        Markup("<p><b>Stap {}:</b> {}</p>{}").format(
            step.number, step.short_title, _checklist((UNTICKED, item.text) for item in items)
        )
        for step, items in steps[:OPEN_STEPS_LISTED]
    )
    later = steps[OPEN_STEPS_LISTED:]
    if later:
        count = _item_count(sum(len(items) for _, items in later))
        numbers = listing([str(step.number) for step, _ in later])
        listed += Markup("<p class='meta'>Daarna nog {} in stap {}.</p>").format(count, numbers)
    return listed


def _item_count(count: int) -> str:
    return f"{count} {'actiepunt' if count == 1 else 'actiepunten'}"


def _action_list(data: SummaryInput) -> Markup:
    """Who does what next: the open action items per party, the reader's own party first."""
    roles = data.content.general.roles
    parties = sorted(Role, key=lambda role: role != data.dossier.role)
    return Markup("<h2>Wie doet wat</h2>") + Markup("").join(
        Markup("<h3>Open voor de {}</h3>{}").format(roles[party].noun, _open_items(data, party))
        for party in parties
    )


def _front_page(data: SummaryInput, timeline_image: str) -> Markup:
    """The page that tells a meeting where the dossier stands and who does what next."""
    picture = (
        Markup("<p><img src='{}' width='{}'></p>").format(timeline_image, TIMELINE_WIDTH_PX)
        if timeline_image and timeline_entries(data)
        else ""
    )
    return Markup("<h1>DigiD-assessment: {}</h1>{}{}{}").format(
        data.dossier.name, _facts(data), picture, _action_list(data)
    )


REGISTER_TITLES = (  # the register page's table
    "Zorgaanbieder",
    "KvK",
    "Ondertekenaar",
    "Contract",
    "Akkoord",
    "Bij DICTU",
    "In productie",
)
REGISTER_COLUMNS = (  # on paper: title, share of the width, so that a name wraps between words
    ("Zorgaanbieder", 32),
    ("Ondertekenaar", 20),
    ("Contract getekend", 12),
    ("Akkoord getekend", 12),
    ("Akkoord bij DICTU", 12),
    ("In productie", 12),
)
CONDITION_MARKS = {MET: TICKED, NOT_MET: UNTICKED, NOT_APPLICABLE: "–"}


def register_checklist_html(providers: list[CareProvider], today: date) -> Markup:
    """The factsheet's conditions for a cluster, checked against the register, and what doesn't count
    yet, as the register page shows them."""
    lines = Markup("").join(
        Markup("<p><b>{}</b>: {}</p>").format(each.verdict, after_colon(each.text))
        for each in checklist(providers, today)
    )
    note = uncounted_note(providers)
    return lines + (Markup("<p>{}</p>").format(note) if note else "")


def _register_conditions(providers: list[CareProvider], today: date) -> Markup:
    """The same conditions as a checklist on paper: ☑ met, ☐ not yet, – not applicable yet."""
    rows = [
        (
            CONDITION_MARKS[each.verdict],
            each.text + (" Nog niet van toepassing." if each.verdict == NOT_APPLICABLE else ""),
        )
        for each in checklist(providers, today)
    ]
    note = uncounted_note(providers)
    return _checklist(rows) + (Markup("<p class='meta'>{}</p>").format(note) if note else "")


def _register_cells(provider: CareProvider, today: date) -> tuple[Markup, ...]:
    signatory = ", ".join(part for part in (provider.signatory_name, provider.signatory_function) if part)
    days = (short_date(day) if day else "—" for day in (getattr(provider, field) for field in DATE_FIELDS))
    to_do = remark(provider, today)
    name = Markup("<b>{}</b>").format(provider.name or "—")
    if provider.kvk:
        name += Markup("<br><span class='meta'>KvK {}</span>").format(provider.kvk)
    if to_do:
        name += Markup("<br><i>{}</i>").format(to_do)
    return (name, _text(signatory or "—"), *(escape(day) for day in days))


def _register(data: SummaryInput) -> Markup:
    """The cluster register: its conditions as a checklist, then one row per care provider, the
    header row repeated on every page the table runs over."""
    header = Markup("").join(
        Markup("<th width='{}%'>{}</th>").format(share, title) for title, share in REGISTER_COLUMNS
    )
    rows = Markup("").join(
        Markup("<tr>{}</tr>").format(Markup("").join(Markup("<td>{}</td>").format(cell) for cell in cells))
        for cells in (_register_cells(provider, data.today) for provider in data.providers)
    )
    return Markup(
        "<h2>Deelnemende zorgaanbieders</h2><h3>Voorwaarden</h3>{}"
        "<h3>Register</h3><table class='register' width='100%' cellspacing='0' cellpadding='2'>"
        "<thead><tr>{}</tr></thead><tbody>{}</tbody></table>"
    ).format(_register_conditions(list(data.providers), data.today), header, rows)


class References:
    """What is said once on paper: each address numbered where it is cited ("[3]") and listed
    under "Bronnen" at the end, so the text reads as text; and each current note, printed in
    full at the first step it belongs to."""

    def __init__(self) -> None:
        self.addresses: dict[str, int] = {}
        self.first_step: dict[str, int] = {}  # a current note's title → the step it is printed in full at

    def cite(self, address: str) -> str:
        return f"[{self.addresses.setdefault(address, len(self.addresses) + 1)}]"

    def html(self) -> Markup:
        if not self.addresses:
            return Markup("")
        rows = Markup("").join(
            Markup("<tr><td>[{}]</td><td>{}</td></tr>").format(number, address)
            for address, number in self.addresses.items()
        )
        return Markup("<h2>Bronnen</h2><table cellspacing='0' cellpadding='2'>{}</table>").format(rows)


def _current_notes(data: SummaryInput, step: Step, references: References) -> Markup:
    """Each current note in full at the first step it belongs to; at a later step only its title
    and where it stands, so a note shared by steps is read once."""
    parts = Markup("")
    for note in data.content.notes_for(step.id):
        first = references.first_step.setdefault(note.title, step.number)
        if first != step.number:
            parts += Markup("<p><b>Actueel (niet uit de factsheet): {}</b> (zie stap {}).</p>").format(
                note.title, first
            )
            continue
        sources = "; ".join(
            f"Bron: {source.label} {references.cite(source.url)}, gelezen in {source.read_text}"
            for source in note.sources
        )
        parts += _box(
            Markup("<b>Actueel (niet uit de factsheet): {}.</b> {} {}.").format(
                note.title, note.text, sources
            )
        )
    return parts


def _action_items(data: SummaryInput, step: Step) -> Markup:
    rows = []
    for item in step.action_items:
        ticked_at = data.ticked.get(item.id)
        when = (
            Markup(" <span class='meta'>(afgevinkt op {})</span>").format(long_date(local_date(ticked_at)))
            if ticked_at
            else ""
        )
        rows.append((TICKED if ticked_at else UNTICKED, Markup("{}{}").format(item.text, when)))
    deviation = (
        Markup("<p><b>Anders dan in de factsheet:</b> {}</p>").format(step.deviation_note)
        if step.deviation_note
        else ""
    )
    return Markup("<h3>Actiepunten</h3>{}{}").format(deviation, _checklist(rows))


def _links(step: Step, references: References) -> Markup:
    """Each link by its label and number; a page that moved is cited at its newer address, as the
    screen opens it, with the factsheet's address beside it."""
    if not step.links:
        return Markup("")
    cited = Markup("; ").join(
        Markup("{} {}{}").format(
            link.label,
            references.cite(link.newer_url or link.address),
            f" (in de factsheet: {references.cite(link.address)})" if link.newer_url else "",
        )
        for link in step.links
    )
    return Markup("<p><b>Links:</b> {}.</p>").format(cited)


def _explanation(step: Step) -> Markup:
    """The factsheet's explanation of the step, as paragraphs and lists."""
    parts = Markup("")
    for block in step.blocks:
        if block.text:
            parts += Markup("<p>{}</p>").format(block.text)
            continue
        if block.intro:
            parts += Markup("<p>{}</p>").format(block.intro)
        parts += Markup("<ul>{}</ul>").format(
            Markup("").join(Markup("<li>{}</li>").format(item) for item in block.items)
        )
    return parts


def _step(data: SummaryInput, step: Step, references: References, with_explanation: bool) -> Markup:
    """A step as a checklist: title, who acts (said in the third person: paper has no "you" at
    the keyboard), status, warnings in a box, action items, notes, links by number."""
    general = data.content.general
    status = general.status_labels[step_status(data.flow, step, data.ticked, data.dossier.role)]
    counts = step_progress(step, data.ticked)
    warnings = Markup("").join(
        _box(Markup("<b>{}:</b> {}").format(warning.label, warning.text)) for warning in step.warnings
    )
    note = data.notes.get(step.id, "").strip()
    return Markup(
        "<h2>Stap {} van {}: {}</h2>"
        "<p class='meta'><b>Aan zet:</b> de {} &nbsp;·&nbsp; <b>Status:</b> {} ({})</p>"
        "<p><i>{}</i></p>{}{}{}{}"
        "<h3>Notities</h3><p>{}</p>{}"
    ).format(
        step.number,
        len(data.flow.steps),
        step.title,
        general.roles[step.actor].noun,
        status,
        counts.counted(),
        step.purpose,
        _explanation(step) if with_explanation else "",
        warnings,
        _current_notes(data, step, references),
        _action_items(data, step),
        _text(note) if note else Markup("<i>Geen notities.</i>"),
        _links(step, references),
    )


def _flow_intro(flow: Flow) -> Markup:
    """The flow's introduction from the factsheet: who stays responsible, what may be delegated.
    It opens the second page, so the first stays the meeting's overview."""
    paragraphs = Markup("").join(Markup("<p>{}</p>").format(paragraph) for paragraph in flow.intro)
    return Markup("<h2 style='page-break-before: always'>{}</h2>{}").format(flow.intro_heading, paragraphs)


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
    intro = history_intro(changes, data.content)
    return Markup("<h2>Geschiedenis</h2><p class='meta'>{}</p>{}").format(intro, listed)


def summary_html(
    data: SummaryInput, step_id: str | None = None, with_explanation: bool = False, timeline_image: str = ""
) -> str:
    """The whole dossier as a handout, or only the step `step_id` under the dossier's facts.

    The whole dossier opens with a page for the meeting (facts, deadlines, the timeline picture
    when the caller paints one under the name `timeline_image`, who does what); the steps follow,
    with the factsheet's explanation only `with_explanation`. One step always carries its
    explanation: it is printed to be read on its own."""
    references = References()
    if step_id:
        body = Markup("<h1>DigiD-assessment: {}</h1>{}").format(data.dossier.name, _facts(data))
        body += _step(data, data.flow.step(step_id), references, with_explanation=True)
    else:
        body = _front_page(data, timeline_image) + _flow_intro(data.flow)
        if data.providers:
            body += _register(data)
        body += Markup("").join(_step(data, step, references, with_explanation) for step in data.flow.steps)
    if data.changes:
        body += _history(data, step_id)
    body += references.html()
    return str(Markup("<html><head><style>{}</style></head><body>{}</body></html>").format(STYLE, body))
