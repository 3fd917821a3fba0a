"""Action items that stand for a dated event the deadlines count from: a tick and its date are one fact.

Ticking such an item records the day (today, editable); entering the day on the Termijnen page
ticks it; unticking clears it. Only the report to Logius has an item in the factsheet's flows: no
step has an item for "findings fixed", so that date is entered on the Termijnen page alone."""

from model.dossier import DateField

DATED_ITEMS: dict[str, DateField] = {
    "direct.7.1": DateField.REPORT_SENT,  # "Zend het definitieve auditrapport naar Logius"
    "cluster.10.1": DateField.REPORT_SENT,
}


def dated_field(item_id: str) -> DateField | None:
    """The dossier date an action item records, or None for an ordinary item."""
    return DATED_ITEMS.get(item_id)


def items_recording(field: DateField) -> tuple[str, ...]:
    """The action items (of either flow) that a date field ticks."""
    return tuple(item for item, each in DATED_ITEMS.items() if each == field)
