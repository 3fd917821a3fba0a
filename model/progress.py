"""How far a dossier is: a step's status and the counts, derived from the ticked action items."""

from collections.abc import Collection
from dataclasses import dataclass

from model.content import Flow, Step, StepStatus


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.done == self.total


def step_progress(step: Step, ticked: Collection[str]) -> Progress:
    return Progress(sum(item.id in ticked for item in step.action_items), len(step.action_items))


def step_status(step: Step, ticked: Collection[str]) -> StepStatus:
    progress = step_progress(step, ticked)
    if progress.done == 0:
        return StepStatus.NOT_STARTED
    return StepStatus.DONE if progress.complete else StepStatus.IN_PROGRESS


def flow_progress(flow: Flow, ticked: Collection[str]) -> Progress:
    """Counts only the items of this flow: ticks kept from another flow don't count."""
    ids = flow.action_item_ids
    return Progress(sum(each in ticked for each in ids), len(ids))
