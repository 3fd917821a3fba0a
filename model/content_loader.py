"""Reading the content files into the objects of model.content, checking everything on the way.

A hand-edited file can break in many ways; each check names the file and the key, in Dutch, so
that whoever corrects a text sees at once where.
"""

import re
import string
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlsplit

from model.content import (
    ALLOWED_LINK_SCHEMES,
    ActionItem,
    Block,
    Connection,
    ConnectionType,
    Content,
    ContentError,
    Correction,
    CurrentNote,
    Flow,
    General,
    HistoryWording,
    InfoPage,
    InfoSection,
    Link,
    Role,
    RoleWording,
    Section,
    Source,
    Step,
    StepStatus,
    StepWarning,
    Term,
    TimelineWording,
    YearlyWording,
)
from model.typed_reader import TypedReader

WARNING_LABELS = ("Let op", "Belangrijk")


class _Reader(TypedReader):
    """One content file's parsed TOML; a failure names the file and the dotted key (in the
    reader's default words, for whoever edits the file)."""

    def __init__(
        self,
        file: Path,
        data: Any,
        path: str = "",
        found: list[tuple[str, Correction]] | None = None,
        yearly: list[tuple[str, YearlyWording]] | None = None,
    ) -> None:
        super().__init__(data, path)
        self.file = file
        self.found = [] if found is None else found  # every correction read, with its key; shared by children
        self.yearly = [] if yearly is None else yearly  # every yearly round's wording read, likewise

    def node(self, data: Any, path: str) -> Self:
        return type(self)(self.file, data, path, self.found, self.yearly)

    def fail(self, problem: str) -> ContentError:
        where = f", sleutel '{self.path}'" if self.path else ""
        return ContentError(f"Inhoudsbestand {self.file.name}{where}: {problem}")

    def _below(self, key: str) -> bool:
        return key == self.path or key.startswith((f"{self.path}.", f"{self.path}["))

    def corrections(self) -> tuple[Correction, ...]:
        """The corrections read so far below this node."""
        return tuple(each for key, each in self.found if self._below(key))

    def yearly_wordings(self) -> tuple[YearlyWording, ...]:
        """The yearly round's wordings read so far below this node."""
        return tuple(each for key, each in self.yearly if self._below(key))

    def text(self, name: str, required: bool = True) -> str:
        node = self.child(name, required)
        return "" if node.data is None else node.shown_text()

    def shown_text(self) -> str:
        """This node's text: a string, or a table with the shown `text` and a correction's `original`
        (the factsheet's wording), a yearly round's wording `yearly`, or both."""
        if isinstance(self.data, dict):
            keys = set(self.data)
            if "text" not in keys or not keys - {"text"} or keys - {"text", "original", "yearly"}:
                raise self.fail("een tabel als tekst heeft 'text' en 'original', 'yearly' of allebei")
            shown = self.text("text")
            if "original" in keys:
                self.found.append((self.path, Correction(shown, self._other(shown, "original"))))
            if "yearly" in keys:
                self.yearly.append((self.path, YearlyWording(shown, self._other(shown, "yearly"))))
            return shown
        return " ".join(self.string().split())

    def _other(self, shown: str, name: str) -> str:
        """The table's other wording, which must differ from the shown text."""
        other = self.text(name)
        if other == shown:
            raise self.fail(f"'text' en '{name}' zijn gelijk")
        return other

    def texts(self, name: str, required: bool = False) -> tuple[str, ...]:
        return tuple(node.shown_text() for node in self.items(name, required))

    def flag(self, name: str) -> bool:
        """An optional `true`/`false`; absent is false."""
        node = self.child(name, required=False)
        if node.data is None:
            return False
        if not isinstance(node.data, bool):
            raise node.fail("verwacht true of false")
        return node.data


def _read_file(path: Path) -> _Reader:
    try:
        with path.open("rb") as stream:
            return _Reader(path, tomllib.load(stream))
    except OSError as error:
        raise ContentError(f"Inhoudsbestand {path.name} kan niet worden gelezen: {error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"Inhoudsbestand {path.name} is geen geldige TOML: {error}") from error


def _blocks(node: _Reader, name: str = "blocks") -> tuple[Block, ...]:
    blocks = []
    for block in node.items(name):
        text = block.text("text", required=False)
        items = block.texts("items")
        if bool(text) == bool(items):
            raise block.fail("een blok heeft óf 'text' óf 'items'")
        blocks.append(Block(text=text, intro=block.text("intro", required=False), items=items))
    return tuple(blocks)


def _link(node: _Reader, label_key: str = "label", url_key: str = "url") -> Link:
    url = node.text(url_key)
    parts = urlsplit(url)
    if parts.scheme not in ALLOWED_LINK_SCHEMES:
        raise node.child(url_key).fail(f"alleen https- en mailto-adressen zijn toegestaan: {url}")
    complete = bool(parts.netloc) if parts.scheme == "https" else "@" in parts.path
    if not complete:
        raise node.child(url_key).fail(f"onvolledig adres: {url}")
    return Link(label=node.text(label_key), url=url)


def _links(node: _Reader) -> tuple[Link, ...]:
    return tuple(_link(link) for link in node.items("links"))


def _step(node: _Reader, flow_id: str) -> Step:
    step_id = node.text("id")
    number = node.integer("number")
    if step_id != f"{flow_id}.{number}":
        raise node.child("id").fail(f"verwacht '{flow_id}.{number}', gevonden '{step_id}'")
    warnings = []
    for warning in node.items("warnings"):
        label = warning.text("label")
        if label not in WARNING_LABELS:
            raise warning.child("label").fail(f"onbekend soort waarschuwing '{label}'")
        warnings.append(StepWarning(label=label, text=warning.text("text")))
    action_items = []
    for item in node.items("action_items", required=True):
        item_id = item.text("id")
        if not item_id.startswith(f"{step_id}."):
            raise item.child("id").fail(f"id '{item_id}' hoort te beginnen met '{step_id}.'")
        action_items.append(
            ActionItem(
                id=item_id,
                text=item.text("text"),
                same_as=item.text("same_as", required=False),
                once=item.flag("once"),
            )
        )
    if not action_items:
        raise node.child("action_items").fail("een stap heeft minstens één actiepunt")
    step = Step(
        id=step_id,
        number=number,
        title=node.text("title"),
        short_title=node.text("short_title"),
        actor=node.choice("actor", Role),
        purpose=node.text("purpose"),
        blocks=_blocks(node),
        warnings=tuple(warnings),
        action_items_intro=node.text("action_items_intro", required=False),
        action_items=tuple(action_items),
        links=_links(node),
        deviation_note=node.text("deviation_note", required=False),
    )
    return replace(step, corrections=node.corrections(), yearly_wordings=node.yearly_wordings())


def load_flow(path: Path) -> Flow:
    root = _read_file(path)
    flow_id = root.choice("id", Connection)
    steps = tuple(_step(node, flow_id) for node in root.items("steps", required=True))
    if [step.number for step in steps] != list(range(1, len(steps) + 1)):
        raise root.child("steps").fail("de stappen moeten op volgorde genummerd zijn vanaf 1")
    ids = [step.id for step in steps] + [item.id for step in steps for item in step.action_items]
    duplicates = sorted({each for each in ids if ids.count(each) > 1})
    if duplicates:
        raise root.child("steps").fail(f"id komt meer dan eens voor: {', '.join(duplicates)}")
    _check_same_as(root, steps)
    more_info = root.child("more_info")
    info_page = InfoPage(title=more_info.text("title"), blocks=_blocks(more_info), links=_links(more_info))
    intro = root.texts("intro", required=True)
    return Flow(
        id=flow_id,
        title=root.text("title"),
        assessment=root.text("assessment"),
        intro=intro,
        steps=steps,
        more_info=replace(info_page, corrections=more_info.corrections()),
        intro_corrections=root.child("intro").corrections(),
    )


def _check_same_as(root: _Reader, steps: tuple[Step, ...]) -> None:
    """A repeated item points at an earlier item of another step that repeats nothing itself."""
    earlier: dict[str, ActionItem] = {}
    for step in steps:
        for item in step.action_items:
            target = earlier.get(item.same_as)
            if item.same_as and (target is None or target.same_as or target.id.startswith(f"{step.id}.")):
                raise root.child("steps").fail(
                    f"'same_as' van {item.id} wijst niet naar een eerder actiepunt"
                )
            if target is not None and target.once != item.once:
                raise root.child("steps").fail(
                    f"{item.id} en {item.same_as} zijn één taak: 'once' moet gelijk zijn"
                )
        earlier.update((item.id, item) for item in step.action_items)


def load_general(path: Path) -> General:
    root = _read_file(path)
    important = root.child("important")
    types = root.child("connection_types")
    roles = root.child("roles")
    statuses = root.child("status")
    return General(
        welcome=root.text("welcome"),
        saved_here=root.text("saved_here"),
        saved_shared=root.text("saved_shared"),
        title=root.text("title"),
        choice_intro=root.text("choice_intro"),
        sections=tuple(
            Section(title=section.text("title"), blocks=_blocks(section))
            for section in root.items("sections", required=True)
        ),
        important_label=important.text("label"),
        important=important.texts("paragraphs", required=True),
        connection_types={
            connection: ConnectionType(
                label=node.text("label"),
                choice=node.text("choice"),
                assessment=node.text("assessment"),
                summary=node.text("summary"),
                who_does_the_work=node.text("who_does_the_work"),
            )
            for connection in Connection
            for node in [types.child(connection.value)]
        },
        roles={
            role: RoleWording(
                name=node.text("name"), noun=node.text("noun"), own=node.text("own"), other=node.text("other")
            )
            for role in Role
            for node in [roles.child(role.value)]
        },
        status_labels={status: statuses.text(status.value) for status in StepStatus},
        timeline=_timeline_wording(root.child("timeline")),
        history=_history_wording(root.child("history")),
    )


TIMELINE_KEYS = {
    "milestones": (
        *("activation", "activation_cluster", "first_report", "findings_fixed", "annual_report"),
        "annual_findings_fixed",
    ),
    "what": ("first_report", "findings_fixed", "annual_report", "annual_findings_fixed"),
    "notes": ("annual", "findings", "cluster", "sources"),
    "agenda": (
        "calendar",
        "event",
        "deadline",
        "activation",
        "window_opens",
        "window_opens_description",
        "reminder",
    ),
    "urgency": (
        *("first_report", "findings_fixed", "annual_report", "annual_findings_fixed"),
        *("overdue", "today", "due_soon", "future", "with_not_recorded", "all_done", "unknown"),
        *("with_not_recorded_more", "unknown_cluster"),
    ),
    "states": (
        "done",
        "activation_done",
        "activation_future",
        "future",
        "not_recorded",
        "due_soon",
        "today",
        "overdue",
    ),
    "fields": (
        *("report_sent", "report_sent_unknown", "logius_fix_deadline", "logius_fix_deadline_unknown"),
        *("findings_fixed", "findings_fixed_unknown", "annual_report", "annual_report_unknown"),
        "annual_repair",
    ),
    "countdown": (
        "unknown",
        "unknown_cluster",
        "before_activation",
        "days_left",
        "one_day_left",
        "today",
        "overdue",
        "one_day_overdue",
        "all_done",
    ),
}
# The advice's states per deadline (see [timeline.advice] in general.nl.toml): a yearly report is
# never late in the app's eyes, only not recorded; the first report and the repair always have a date.
ADVICE_KEYS = {
    "first_report": ("future", "soon", "overdue", "done", "done_fix_date_known"),
    "findings_fixed": ("future", "soon", "overdue", "done"),
    "annual_report": ("future", "soon", "done", "not_recorded"),
}
HISTORY_TEMPLATES = (
    "by_author",
    "round_started",
    "ticked",
    "unticked",
    "note_added",
    "note_changed",
    "note_removed",
    "field_set",
    "field_changed",
    "field_cleared",
    "empty",
    "provider_added",
    "provider_removed",
    "provider_change",
    "provider_unnamed",
)
HISTORY_FIELDS = (
    "name",
    "connection",
    "role",
    "activation_date",
    "report_sent",
    "logius_fix_deadline",
    "findings_fixed",
    "kvk",
    "signatory_name",
    "signatory_function",
    "contract_signed",
    "akkoord_signed",
    "akkoord_submitted",
    "production",
)
TEMPLATE_FIELDS = {
    *("days", "date", "activation", "what", "year", "year_before", "name", "label"),
    *("item", "field", "old", "new", "provider", "change", "round", "urgency", "author"),
}


def _template(node: _Reader, name: str) -> str:
    text = node.text(name)
    fields = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    unknown = fields - TEMPLATE_FIELDS
    if unknown:
        raise node.child(name).fail(f"onbekende plaatshouder {{{sorted(unknown)[0]}}}")
    return text


def _history_wording(node: _Reader) -> HistoryWording:
    fields = node.child("fields")
    return HistoryWording(
        intro=node.text("intro"),
        intro_shared=node.text("intro_shared"),
        templates={key: _template(node, key) for key in HISTORY_TEMPLATES},
        fields={key: fields.text(key) for key in HISTORY_FIELDS},
    )


def _timeline_wording(node: _Reader) -> TimelineWording:
    groups = {
        group: {key: _template(node.child(group), key) for key in keys}
        for group, keys in TIMELINE_KEYS.items()
    }
    threat, advice = node.child("threat"), node.child("advice")
    return TimelineWording(
        milestones=groups["milestones"],
        states=groups["states"],
        notes=groups["notes"],
        what=groups["what"],
        countdown=groups["countdown"],
        urgency=groups["urgency"],
        agenda=groups["agenda"],
        fields=groups["fields"],
        advice_label=advice.text("label"),
        advice={
            kind: {key: _template(advice.child(kind), key) for key in keys}
            for kind, keys in ADVICE_KEYS.items()
        },
        threat_consequence_detail=threat.text("consequence_detail"),
        threat_link=_link(threat, "link_label", "link_url"),
    )


READ_PATTERN = re.compile(r"^20\d\d-(0[1-9]|1[0-2])$")
NOTE_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*$")


def _sources(node: _Reader) -> tuple[Source, ...]:
    sources = []
    for source in node.items("sources", required=True):
        link = _link(source)
        if not link.url.startswith("https://"):
            raise source.child("url").fail("een bron is een https-adres")
        read = source.text("read")
        if not READ_PATTERN.match(read):
            raise source.child("read").fail(f"verwacht jaar en maand als 2026-11, gevonden '{read}'")
        sources.append(Source(link.label, link.url, read))
    if not sources:
        raise node.child("sources").fail("minstens één bron is nodig")
    return tuple(sources)


def _identifier(node: _Reader, seen: set[str]) -> str:
    value = node.text("id")
    if not NOTE_ID_PATTERN.match(value) or value in seen:
        raise node.child("id").fail(f"ongeldig of dubbel id '{value}'")
    seen.add(value)
    return value


def load_current_rules(
    path: Path, flows: dict[Connection, Flow]
) -> tuple[tuple[CurrentNote, ...], tuple[InfoSection, ...], dict[Connection, Flow]]:
    """Today's rules: the "Actueel" notes, the "Meer informatie" page, and flows with newer addresses."""
    root = _read_file(path)
    step_ids = {step.id for flow in flows.values() for step in flow.steps}
    notes: list[CurrentNote] = []
    seen: set[str] = set()
    for node in root.items("notes", required=True):
        steps = node.texts("steps", required=True)
        unknown = [each for each in steps if each not in step_ids]
        if not steps or unknown:
            raise node.child("steps").fail(f"onbekende of geen stap: {', '.join(unknown) or '(leeg)'}")
        notes.append(
            CurrentNote(_identifier(node, seen), steps, node.text("title"), node.text("text"), _sources(node))
        )
    newer = {}
    for node in root.items("newer_addresses"):
        old, new = (
            node.text("old"),
            _link(_Reader(node.file, {"label": "-", "url": node.text("new")}, node.path)).url,
        )
        if old in newer:
            raise node.child("old").fail(f"dit adres staat er al: {old}")
        newer[old] = new
    known = {link.url for flow in flows.values() for link in _all_links(flow)}
    for index, old in enumerate(newer):
        if old not in known:
            raise (
                root.child("newer_addresses")
                .child(index)
                .child("old")
                .fail(f"geen link van de factsheet: {old}")
            )
    sections, seen = [], set()
    for node in root.items("info", required=True):
        sections.append(
            InfoSection(_identifier(node, seen), node.text("title"), _blocks(node), _sources(node))
        )
    return tuple(notes), tuple(sections), {key: _with_newer(flow, newer) for key, flow in flows.items()}


def _all_links(flow: Flow) -> list[Link]:
    return [*(link for step in flow.steps for link in step.links), *flow.more_info.links]


def _with_newer(flow: Flow, newer: dict[str, str]) -> Flow:
    def update(links: tuple[Link, ...]) -> tuple[Link, ...]:
        return tuple(replace(link, newer_url=newer.get(link.url, "")) for link in links)

    steps = tuple(replace(step, links=update(step.links)) for step in flow.steps)
    return replace(flow, steps=steps, more_info=replace(flow.more_info, links=update(flow.more_info.links)))


def load_glossary(path: Path) -> tuple[Term, ...]:
    """The Begrippen: each term with the forms it is written in and its explanation."""
    root = _read_file(path)
    terms: list[Term] = []
    seen: set[str] = set()
    forms_seen: set[str] = set()
    for node in root.items("terms", required=True):
        term = Term(
            _identifier(node, seen), node.text("name"), node.texts("forms", required=True), node.text("text")
        )
        if not term.forms or forms_seen & set(term.forms):
            raise node.child("forms").fail("geen vormen, of een vorm die al bij een ander begrip staat")
        forms_seen.update(term.forms)
        terms.append(term)
    return tuple(terms)


def load_content(directory: Path, language: str = "nl") -> Content:
    flows = {}
    for connection in Connection:
        flow = load_flow(directory / f"{connection.value}.{language}.toml")
        if flow.id != connection:
            raise ContentError(
                f"Inhoudsbestand {connection.value}.{language}.toml, sleutel 'id': "
                f"verwacht '{connection.value}', gevonden '{flow.id}'"
            )
        flows[connection] = flow
    notes, info, flows = load_current_rules(directory / f"current.{language}.toml", flows)
    return Content(
        general=load_general(directory / f"general.{language}.toml"),
        flows=flows,
        current_notes=notes,
        info=info,
        glossary=load_glossary(directory / f"begrippen.{language}.toml"),
    )
