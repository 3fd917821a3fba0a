"""The factsheet's content as immutable objects: flows, steps, action items, wording.

Content is data (`resources/content/`, read by model.content_loader) so that a corrected sentence
never needs a code change; progress refers to the stable ids, so a corrected sentence never loses
a tick either.
"""

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from model.dutch import MONTHS
from model.locations import resources_dir

ALLOWED_LINK_SCHEMES = ("https", "mailto")


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
    BY_SUPPLIER = "by_supplier"  # a supplier's step, seen by a care provider on a cluster connection


class ContentError(ValueError):
    """A content file is missing, unreadable or breaks a rule; the message names file and key."""


@dataclass(frozen=True)
class Correction:
    """A text the factsheet got wrong: what the app shows, and the factsheet's own wording."""

    shown: str
    original: str


@dataclass(frozen=True)
class YearlyWording:
    """A text that speaks of the first assessment only (two months after activation): what a yearly
    round shows in its place. The factsheet's wording stays what the first assessment shows."""

    first: str
    yearly: str


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    newer_url: str = ""  # where the page lives now, when known (current.nl.toml)

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
class StepWarning:
    """A "Let op" or "Belangrijk" note on a step."""

    label: str
    text: str


@dataclass(frozen=True)
class ActionItem:
    id: str
    text: str
    same_as: str = ""  # the id of an earlier item that is the same task: the two are ticked together
    once: bool = False  # done once for the connection (a contract), not again in each yearly round


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    title: str
    short_title: str
    actor: Role
    purpose: str
    blocks: tuple[Block, ...]
    warnings: tuple[StepWarning, ...]
    action_items_intro: str
    action_items: tuple[ActionItem, ...]
    links: tuple[Link, ...]
    corrections: tuple[Correction, ...] = ()  # where the shown text differs from the factsheet's
    deviation_note: str = ""  # where the app differs from the factsheet in substance, said on the page
    yearly_wordings: tuple[YearlyWording, ...] = ()  # texts a yearly round words otherwise


@dataclass(frozen=True)
class InfoPage:
    title: str
    blocks: tuple[Block, ...]
    links: tuple[Link, ...]
    corrections: tuple[Correction, ...] = ()


@dataclass(frozen=True)
class Flow:
    id: Connection
    title: str
    assessment: str
    intro: tuple[str, ...]
    steps: tuple[Step, ...]
    more_info: InfoPage
    intro_corrections: tuple[Correction, ...] = ()

    @property
    def intro_heading(self) -> str:
        """Above the flow's introduction, on its first step and in the summary."""
        return f"Over dit stappenplan: {self.title.lower()} ({self.assessment.lower()})"

    def step(self, step_id: str) -> Step:
        return next(step for step in self.steps if step.id == step_id)

    def same_task(self, item_id: str) -> tuple[str, ...]:
        """The item and every item that repeats it (`same_as`): one task, ticked together."""
        items = {item.id: item for step in self.steps for item in step.action_items}
        root = items[item_id].same_as or item_id if item_id in items else item_id
        return (root, *(each.id for each in items.values() if each.same_as == root))

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
    noun: str  # as it stands in a sentence: "de zorgaanbieder"
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
    urgency: dict[str, str]  # a dossier's most pressing deadline in brief, for the start page
    agenda: dict[str, str]  # the agenda file's event names, descriptions and reminders
    fields: dict[str, str]  # the Termijnen page's date fields: their labels and what "unknown" says
    advice_label: str  # says the advice is the app's own, not the factsheet's
    advice: dict[str, dict[str, str]]  # milestone kind → advice state → template with {date}, {year}
    threat_consequence_detail: str
    threat_link: Link


@dataclass(frozen=True)
class HistoryWording:
    """How the change history words an edit; templates with {item}, {field}, {old} and {new}.
    `intro_shared` replaces `intro` once changes record who made them (a shared database)."""

    intro: str
    intro_shared: str
    templates: dict[str, str]
    fields: dict[str, str]


@dataclass(frozen=True)
class General:
    welcome: str
    saved_here: str  # where the data are, after the welcome: on this computer
    saved_shared: str  # … or in a shared database, followed by its address
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

    def where_saved(self, shared_address: str | None) -> str:
        """Where what the user types is kept: on this computer, or in the shared database at this
        address (shown without its password)."""
        return f"{self.saved_shared} {shared_address}." if shared_address else self.saved_here


@dataclass(frozen=True)
class Source:
    label: str
    url: str
    read: str  # when it was read: "2026-11"

    @property
    def read_text(self) -> str:
        """november 2026"""
        year, month = self.read.split("-")
        return f"{MONTHS[int(month) - 1]} {year}"


@dataclass(frozen=True)
class CurrentNote:
    """Today's rule where the factsheet is out of date: shown as "Actueel" beside `steps`."""

    id: str
    steps: tuple[str, ...]
    title: str
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class InfoSection:
    """A section of the "Meer informatie" page, with its sources."""

    id: str
    title: str
    blocks: tuple[Block, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Term:
    """A word a practice manager may not know, with its explanation (begrippen.nl.toml)."""

    id: str
    name: str
    forms: tuple[str, ...]  # how it is written in the texts, matched as whole words
    explanation: str


@dataclass(frozen=True)
class Content:
    general: General
    flows: dict[Connection, Flow]
    current_notes: tuple[CurrentNote, ...] = ()
    info: tuple[InfoSection, ...] = ()
    glossary: tuple[Term, ...] = ()

    def notes_for(self, step_id: str) -> tuple[CurrentNote, ...]:
        return tuple(note for note in self.current_notes if step_id in note.steps)

    def actor_wording(self, actor: Role, reader: Role) -> str:
        wording = self.general.roles[actor]
        return wording.own if actor == reader else wording.other


@cache
def bundled_content() -> Content:
    """The content shipped with the app, read once per process (from the cache folder's copy
    when the files are those it was made from)."""
    from model.content_cache import cached
    from model.locations import cache_dir

    return cached(resources_dir() / "content", cache_dir(), _parsed)


def _parsed(directory: Path) -> Content:
    from model.content_loader import load_content  # imported here: the loader builds this module's types

    return load_content(directory)
