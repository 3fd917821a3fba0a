"""The change history in words: "Afgevinkt: …", "Datum van activatie in productie: 2 → 5 november"."""

from collections.abc import Iterable

from model.content import Connection, Content, Role
from model.dossier import ANNUAL_REPORT, TICKED, CareProvider, Change, DateField
from model.dutch import date_and_time, local_time, long_date
from model.limits import parse_date
from model.register import ADDED, DATE_FIELDS, REMOVED, parse_history_subject
from model.rounds import FIRST_ROUND, ROUND_SUBJECT, round_label, round_name

DATE_VALUES = {each.value for each in DateField} | set(DATE_FIELDS)


def _value(content: Content, field: str, value: str) -> str:
    """A stored value in words; one the app doesn't know (an old or odd row) as it was stored."""
    if not value:
        return ""
    if field in DATE_VALUES:
        day = parse_date(value)
        return long_date(day) if day else value
    if field == "connection" and value in set(Connection):
        return content.general.connection_types[Connection(value)].label
    if field == "role" and value in set(Role):
        return content.general.roles[Role(value)].name
    return value


def item_texts(content: Content) -> dict[str, str]:
    return {
        item.id: item.text
        for flow in content.flows.values()
        for step in flow.steps
        for item in step.action_items
    }


def provider_names(changes: Iterable[Change], providers: Iterable[CareProvider]) -> dict[int, str]:
    """Each care provider's name as the history knows it: today's name, or for one removed its last
    name; a change made while the name was still empty is shown under the name it got later."""
    names: dict[int, str] = {}
    for change in changes:
        parsed = parse_history_subject(change.subject)
        if parsed is None:
            continue
        provider_id, field = parsed
        name = change.new if field == "name" else change.old if change.new == REMOVED else ""
        if name:
            names[provider_id] = name
    names.update((each.id, each.name) for each in providers if each.name)
    return names


def _field_change(content: Content, field: str, old_text: str, new_text: str) -> str:
    templates = content.general.history.templates
    name = content.general.history.fields.get(field, field)
    kind, _, year = field.partition(".")
    if year:  # a yearly report's date or its repair's, per window year: "Auditrapport ingediend (2025)"
        field = "report_sent" if kind == ANNUAL_REPORT else kind
        name = f"{content.general.history.fields[field]} ({year})"
    old, new = _value(content, field, old_text), _value(content, field, new_text)
    key = "field_set" if not old else "field_cleared" if not new else "field_changed"
    return templates[key].format(field=name, old=old, new=new)


def _note_change(content: Content, old: str, new: str) -> str:
    key = "note_added" if not old else "note_removed" if not new else "note_changed"
    return content.general.history.templates[key]


def _register_change(
    change: Change, content: Content, subject: tuple[int, str], names: dict[int, str]
) -> str:
    templates = content.general.history.templates
    provider_id, field = subject
    provider = names.get(provider_id) or templates["provider_unnamed"]
    if not field:
        return templates["provider_added" if change.new == ADDED else "provider_removed"].format(
            provider=provider
        )
    if field == "notes":
        what = _note_change(content, change.old, change.new)
    else:
        what = _field_change(content, field, change.old, change.new)
    return templates["provider_change"].format(provider=provider, change=what)


def describe_change(
    change: Change, content: Content, items: dict[str, str], names: dict[int, str] | None = None
) -> str:
    """One change in words; `names` (from `provider_names`) names the care providers of the register."""
    templates = content.general.history.templates
    register_subject = parse_history_subject(change.subject)
    if register_subject is not None:
        return _register_change(change, content, register_subject, names or {})
    if change.subject in items or change.subject.count(".") == 2:
        key = "ticked" if change.new == TICKED else "unticked"
        return templates[key].format(item=items.get(change.subject, change.subject))
    if change.subject == "note":
        return _note_change(content, change.old, change.new)
    if change.subject == ROUND_SUBJECT and change.new.isdigit():
        return templates["round_started"].format(round=round_label(int(change.new)))
    return _field_change(content, change.subject, change.old, change.new)


def described(
    changes: list[Change], content: Content, providers: Iterable[CareProvider]
) -> list[tuple[str, str]]:
    """(when, what) of each change, in the order given; once a dossier has a yearly round, `when`
    names the round each change was made in, and who made it when known ("door Anna")."""
    items, names = item_texts(content), provider_names(changes, providers)
    with_round = any(change.round_year != FIRST_ROUND for change in changes)
    by_author = content.general.history.templates["by_author"]
    return [
        (
            " · ".join(
                part
                for part in (
                    change_time(change),
                    round_name(change.round_year) if with_round else "",
                    by_author.format(author=change.author) if change.author else "",
                )
                if part
            ),
            describe_change(change, content, items, names),
        )
        for change in changes
    ]


def history_intro(changes: Iterable[Change], content: Content) -> str:
    """What the history records: who, too, once a change says so (a shared database)."""
    wording = content.general.history
    return wording.intro_shared if any(change.author for change in changes) else wording.intro


def change_time(change: Change) -> str:
    """When, in the user's own time: 28 november 2026 14:05."""
    return date_and_time(local_time(change.at))
