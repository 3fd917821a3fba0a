"""Which action items a date on the Termijnen page ticks: the report to Logius in either flow, and
nothing for a date no step has an item for."""

from model.content import Connection, bundled_content
from model.dated_items import dated_field, items_recording
from model.dossier import DateField


def test_the_report_date_ticks_the_report_item_of_either_flow() -> None:
    assert items_recording(DateField.REPORT_SENT) == ("direct.7.1", "cluster.10.1")
    assert {dated_field(item) for item in items_recording(DateField.REPORT_SENT)} == {DateField.REPORT_SENT}


def test_a_date_no_step_has_an_item_for_ticks_nothing() -> None:
    for field in (DateField.ACTIVATION, DateField.LOGIUS_FIX_DEADLINE, DateField.FINDINGS_FIXED):
        assert items_recording(field) == ()


def test_every_item_that_records_a_date_is_in_its_flow() -> None:
    content = bundled_content()
    ids = {item for flow in content.flows.values() for item in flow.action_item_ids}
    assert set(items_recording(DateField.REPORT_SENT)) <= ids
    assert dated_field(content.flows[Connection.DIRECT].action_item_ids[0]) is None
