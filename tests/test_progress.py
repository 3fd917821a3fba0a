"""A step's status and the counts are derived from the ticked action items only."""

from datetime import date

from model.content import Connection, Role, StepStatus, bundled_content
from model.dutch import long_date
from model.progress import Progress, flow_progress, step_progress, step_status


def test_step_status_from_ticks() -> None:
    flow = bundled_content().flows[Connection.DIRECT]
    step = flow.step("direct.1")
    ids = [item.id for item in step.action_items]
    reader = Role.CARE_PROVIDER
    assert step_status(flow, step, set(), reader) == StepStatus.NOT_STARTED
    assert step_status(flow, step, {ids[0]}, reader) == StepStatus.IN_PROGRESS
    assert step_status(flow, step, set(ids[:-1]), reader) == StepStatus.IN_PROGRESS
    assert step_status(flow, step, set(ids), reader) == StepStatus.DONE
    assert step_progress(step, {ids[0], "cluster.1.1"}).done == 1


def test_flow_progress_counts_only_its_own_items() -> None:
    flow = bundled_content().flows[Connection.CLUSTER]
    progress = flow_progress(flow, {"cluster.1.1", "cluster.10.4", "direct.1.1"}, Role.SUPPLIER)
    assert (progress.done, progress.total, progress.complete) == (2, 33, False)
    assert flow_progress(flow, set(flow.action_item_ids), Role.SUPPLIER).complete


def test_a_care_provider_on_a_cluster_counts_only_its_own_steps() -> None:
    flow = bundled_content().flows[Connection.CLUSTER]
    own = [step for step in flow.steps if step.actor == Role.CARE_PROVIDER]
    assert [step.number for step in own] == [5, 7, 9]
    progress = flow_progress(flow, {"cluster.1.1", "cluster.5.1"}, Role.CARE_PROVIDER)
    assert (progress.done, progress.total) == (1, sum(len(step.action_items) for step in own))
    assert (
        step_status(flow, flow.step("cluster.1"), {"cluster.1.1"}, Role.CARE_PROVIDER)
        == StepStatus.BY_SUPPLIER
    )
    direct = bundled_content().flows[Connection.DIRECT]
    assert step_status(direct, direct.step("direct.2"), set(), Role.CARE_PROVIDER) == StepStatus.NOT_STARTED


def test_dates_as_a_dutch_reader_writes_them() -> None:
    assert long_date(date(2027, 2, 28)) == "28 februari 2027"
    assert long_date(date(2026, 3, 1)) == "1 maart 2026"


def test_one_action_item_is_said_in_the_singular() -> None:
    assert Progress(0, 1).ticked() == "0 van 1 actiepunt afgevinkt"
    assert Progress(1, 1).sentence() == "1 van 1 actiepunt afgevinkt. Alle actiepunten zijn afgevinkt."
    assert Progress(2, 3).ticked() == "2 van 3 actiepunten afgevinkt"
