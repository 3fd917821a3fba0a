"""The factsheet's content, read from `resources/content/` into immutable objects.

Content is data so that a corrected sentence never needs a code change; progress refers to the
stable ids, so a corrected sentence never loses a tick either. Loading validates everything a
mistake in a hand-edited file could break, and names the file and the key when it fails.
"""

import string
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from model.locations import resources_dir

ALLOWED_LINK_SCHEMES = ("https", "mailto")
WARNING_LABELS = ("Let op", "Belangrijk")
EnumT = TypeVar("EnumT", bound=StrEnum)


class Role(StrEnum):
    """Who acts in a step, and who the reader is."""

    CARE_PROVIDER = "care_provider"
    SUPPLIER = "supplier"


class Connection(StrEnum):
    """The kind of DigiD connection; each has its own flow of steps."""

    DIRECT = "direct"
    CLUSTER = "cluster"


class StepStatus(StrEnum):
    """Where a step stands, derived from its ticked action items."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class ContentError(ValueError):
    """A content file is missing, unreadable or breaks a rule; the message names file and key."""


@dataclass(frozen=True)
class Link:
    label: str
    url: str

    @property
    def address(self) -> str:
        """What the link shows as its destination: the mail address for mailto, else the URL."""
        parts = urlsplit(self.url)
        return parts.path if parts.scheme == "mailto" else self.url


@dataclass(frozen=True)
class Block:
    """A paragraph (text) or a bulleted list (items, with an optional lead-in)."""

    text: str = ""
    intro: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Warning:
    label: str
    text: str


@dataclass(frozen=True)
class ActionItem:
    id: str
    text: str


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    title: str
    short_title: str
    actor: Role
    purpose: str
    blocks: tuple[Block, ...]
    warnings: tuple[Warning, ...]
    action_items_intro: str
    action_items: tuple[ActionItem, ...]
    links: tuple[Link, ...]


@dataclass(frozen=True)
class InfoPage:
    title: str
    blocks: tuple[Block, ...]
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Flow:
    id: Connection
    title: str
    assessment: str
    intro: tuple[str, ...]
    steps: tuple[Step, ...]
    more_info: InfoPage

    def step(self, step_id: str) -> Step:
        return next(step for step in self.steps if step.id == step_id)

    @property
    def action_item_ids(self) -> tuple[str, ...]:
        return tuple(item.id for step in self.steps for item in step.action_items)


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ConnectionType:
    label: str
    choice: str
    assessment: str
    summary: str
    who_does_the_work: str


@dataclass(frozen=True)
class RoleWording:
    """How a step's actor is named to a reader who has (own) or hasn't (other) that role."""

    name: str
    own: str
    other: str


@dataclass(frozen=True)
class TimelineWording:
    """The deadline sentences; templates with {days}, {date}, {activation} and {what}."""

    milestones: dict[str, str]
    states: dict[str, str]
    notes: dict[str, str]
    what: dict[str, str]
    countdown: dict[str, str]
    threat_label: str
    threat_advice: str
    threat_consequence: str
    threat_consequence_detail: str
    threat_link: Link


@dataclass(frozen=True)
class HistoryWording:
    """How the change history words an edit; templates with {item}, {field}, {old} and {new}."""

    intro: str
    templates: dict[str, str]
    fields: dict[str, str]


@dataclass(frozen=True)
class General:
    welcome: str
    title: str
    choice_intro: str
    sections: tuple[Section, ...]
    important_label: str
    important: tuple[str, ...]
    connection_types: dict[Connection, ConnectionType]
    roles: dict[Role, RoleWording]
    status_labels: dict[StepStatus, str]
    timeline: TimelineWording
    history: HistoryWording


@dataclass(frozen=True)
class Content:
    general: General
    flows: dict[Connection, Flow]

    def actor_wording(self, actor: Role, reader: Role) -> str:
        wording = self.general.roles[actor]
        return wording.own if actor == reader else wording.other


class _Reader:
    """Typed access to one file's parsed TOML that reports the file and the dotted key path."""

    def __init__(self, path: Path, data: Any, key: str = "") -> None:
        self.path, self.data, self.key = path, data, key

    def fail(self, problem: str) -> ContentError:
        where = f", sleutel '{self.key}'" if self.key else ""
        return ContentError(f"Inhoudsbestand {self.path.name}{where}: {problem}")

    def child(self, name: str | int, required: bool = True) -> "_Reader":
        key = (
            f"{self.key}[{name}]"
            if isinstance(name, int)
            else ".".join(part for part in (self.key, name) if part)
        )
        if isinstance(name, int):
            return _Reader(self.path, self.data[name], key)
        if not isinstance(self.data, dict):
            raise self.fail("hier wordt een tabel verwacht")
        if name not in self.data:
            if required:
                raise _Reader(self.path, None, key).fail("ontbreekt")
            return _Reader(self.path, None, key)
        return _Reader(self.path, self.data[name], key)

    def text(self, name: str, required: bool = True) -> str:
        node = self.child(name, required)
        if node.data is None:
            return ""
        if not isinstance(node.data, str) or not node.data.strip():
            raise node.fail("hier wordt een niet-lege tekst verwacht")
        return " ".join(node.data.split())

    def integer(self, name: str) -> int:
        node = self.child(name)
        if not isinstance(node.data, int) or isinstance(node.data, bool):
            raise node.fail("hier wordt een geheel getal verwacht")
        return node.data

    def items(self, name: str, required: bool = False) -> list["_Reader"]:
        node = self.child(name, required)
        if node.data is None:
            return []
        if not isinstance(node.data, list):
            raise node.fail("hier wordt een lijst verwacht")
        return [node.child(index) for index in range(len(node.data))]

    def texts(self, name: str, required: bool = False) -> tuple[str, ...]:
        result = []
        for node in self.items(name, required):
            if not isinstance(node.data, str) or not node.data.strip():
                raise node.fail("hier wordt een niet-lege tekst verwacht")
            result.append(" ".join(node.data.split()))
        return tuple(result)

    def choice(self, name: str, kind: type[EnumT]) -> EnumT:
        value = self.text(name)
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            raise self.child(name).fail(f"onbekende waarde '{value}' (toegestaan: {allowed})") from None


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
        warnings.append(Warning(label=label, text=warning.text("text")))
    action_items = []
    for item in node.items("action_items", required=True):
        item_id = item.text("id")
        if not item_id.startswith(f"{step_id}."):
            raise item.child("id").fail(f"id '{item_id}' hoort te beginnen met '{step_id}.'")
        action_items.append(ActionItem(id=item_id, text=item.text("text")))
    if not action_items:
        raise node.child("action_items").fail("een stap heeft minstens één actiepunt")
    return Step(
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
    )


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
    more_info = root.child("more_info")
    return Flow(
        id=flow_id,
        title=root.text("title"),
        assessment=root.text("assessment"),
        intro=root.texts("intro", required=True),
        steps=steps,
        more_info=InfoPage(title=more_info.text("title"), blocks=_blocks(more_info), links=_links(more_info)),
    )


def load_general(path: Path) -> General:
    root = _read_file(path)
    important = root.child("important")
    types = root.child("connection_types")
    roles = root.child("roles")
    statuses = root.child("status")
    return General(
        welcome=root.text("welcome"),
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
            role: RoleWording(name=node.text("name"), own=node.text("own"), other=node.text("other"))
            for role in Role
            for node in [roles.child(role.value)]
        },
        status_labels={status: statuses.text(status.value) for status in StepStatus},
        timeline=_timeline_wording(root.child("timeline")),
        history=_history_wording(root.child("history")),
    )


TIMELINE_KEYS = {
    "milestones": ("activation", "activation_cluster", "first_report", "findings_fixed", "annual_report"),
    "what": ("first_report", "findings_fixed", "annual_report"),
    "notes": ("annual", "findings", "cluster", "sources"),
    "states": ("done", "activation_done", "future", "due_soon", "today", "overdue"),
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
HISTORY_TEMPLATES = (
    "ticked",
    "unticked",
    "note_added",
    "note_changed",
    "note_removed",
    "field_set",
    "field_changed",
    "field_cleared",
    "empty",
)
HISTORY_FIELDS = (
    "name",
    "connection",
    "role",
    "activation_date",
    "report_sent",
    "logius_fix_deadline",
    "findings_fixed",
)
TEMPLATE_FIELDS = {"days", "date", "activation", "what", "item", "field", "old", "new"}


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
        templates={key: _template(node, key) for key in HISTORY_TEMPLATES},
        fields={key: fields.text(key) for key in HISTORY_FIELDS},
    )


def _timeline_wording(node: _Reader) -> TimelineWording:
    groups = {
        group: {key: _template(node.child(group), key) for key in keys}
        for group, keys in TIMELINE_KEYS.items()
    }
    threat = node.child("threat")
    return TimelineWording(
        milestones=groups["milestones"],
        states=groups["states"],
        notes=groups["notes"],
        what=groups["what"],
        countdown=groups["countdown"],
        threat_label=threat.text("label"),
        threat_advice=threat.text("advice"),
        threat_consequence=threat.text("consequence"),
        threat_consequence_detail=threat.text("consequence_detail"),
        threat_link=_link(threat, "link_label", "link_url"),
    )


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
    return Content(general=load_general(directory / f"general.{language}.toml"), flows=flows)


@cache
def bundled_content() -> Content:
    """The content shipped with the app, read once per process."""
    return load_content(resources_dir() / "content")
