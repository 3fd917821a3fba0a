"""The change history in words: "Afgevinkt: …", "Datum van activatie in productie: 2 → 5 november"."""

from model.content import Connection, Content, Role
from model.dossier import TICKED, Change, DateField
from model.dutch import date_and_time, local_time, long_date
from model.limits import parse_date


def _value(content: Content, field: str, value: str) -> str:
    """A stored value in words; one the app doesn't know (an old or odd row) as it was stored."""
    if not value:
        return ""
    if field in {each.value for each in DateField}:
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


def describe_change(change: Change, content: Content, items: dict[str, str]) -> str:
    wording = content.general.history
    templates = wording.templates
    if change.subject in items or change.subject.count(".") == 2:
        key = "ticked" if change.new == TICKED else "unticked"
        return templates[key].format(item=items.get(change.subject, change.subject))
    if change.subject == "note":
        key = "note_added" if not change.old else "note_removed" if not change.new else "note_changed"
        return templates[key]
    field = wording.fields.get(change.subject, change.subject)
    old, new = _value(content, change.subject, change.old), _value(content, change.subject, change.new)
    key = "field_set" if not old else "field_cleared" if not new else "field_changed"
    return templates[key].format(field=field, old=old, new=new)


def change_time(change: Change) -> str:
    """When, in the user's own time: 28 november 2026 14:05."""
    return date_and_time(local_time(change.at))
