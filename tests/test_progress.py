"""A step's status and the counts are derived from the ticked action items only."""

from datetime import date

from model.content import Connection, StepStatus, bundled_content
from model.dutch import long_date
from model.progress import flow_progress, step_progress, step_status


def test_step_status_from_ticks() -> None:
    step = bundled_content().flows[Connection.DIRECT].step("direct.1")
    ids = [item.id for item in step.action_items]
    assert step_status(step, set()) == StepStatus.NOT_STARTED
    assert step_status(step, {ids[0]}) == StepStatus.IN_PROGRESS
    assert step_status(step, set(ids[:-1])) == StepStatus.IN_PROGRESS
    assert step_status(step, set(ids)) == StepStatus.DONE
    assert step_progress(step, {ids[0], "cluster.1.1"}).done == 1


def test_flow_progress_counts_only_its_own_items() -> None:
    flow = bundled_content().flows[Connection.CLUSTER]
    progress = flow_progress(flow, {"cluster.1.1", "cluster.10.4", "direct.1.1"})
    assert (progress.done, progress.total, progress.complete) == (2, 33, False)
    assert flow_progress(flow, set(flow.action_item_ids)).complete


def test_dates_as_a_dutch_reader_writes_them() -> None:
    assert long_date(date(2027, 2, 28)) == "28 februari 2027"
    assert long_date(date(2026, 3, 1)) == "1 maart 2026"
