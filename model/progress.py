"""How far a dossier is: a step's status and the counts, derived from the ticked action items.

A care provider on a cluster connection does only its own steps; the supplier's steps are done by
the supplier, so they show as such and don't count in the care provider's progress.
"""

from collections.abc import Collection
from dataclasses import dataclass

from model.content import Connection, Flow, Role, Step, StepStatus
from model.dutch import listing

ALL_TICKED = "Alle actiepunten zijn afgevinkt."


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.done == self.total

    def counted(self) -> str:
        """'3 van 20 actiepunten', '0 van 1 actiepunt'"""
        return f"{self.done} van {self.total} {'actiepunt' if self.total == 1 else 'actiepunten'}"

    def ticked(self) -> str:
        """'3 van 20 actiepunten afgevinkt', the one way the app says how far a dossier or step is."""
        return f"{self.counted()} afgevinkt"

    def sentence(self) -> str:
        """'3 van 20 actiepunten afgevinkt.', with 'Alle actiepunten zijn afgevinkt.' once complete."""
        return f"{self.ticked()}." + (f" {ALL_TICKED}" if self.complete else "")


def done_by_supplier(flow: Flow, step: Step, reader: Role) -> bool:
    return flow.id == Connection.CLUSTER and reader == Role.CARE_PROVIDER and step.actor == Role.SUPPLIER


def step_progress(step: Step, ticked: Collection[str]) -> Progress:
    return Progress(sum(item.id in ticked for item in step.action_items), len(step.action_items))


def step_status(flow: Flow, step: Step, ticked: Collection[str], reader: Role) -> StepStatus:
    if done_by_supplier(flow, step, reader):
        return StepStatus.BY_SUPPLIER
    progress = step_progress(step, ticked)
    if progress.done == 0:
        return StepStatus.NOT_STARTED
    return StepStatus.DONE if progress.complete else StepStatus.IN_PROGRESS


def flow_progress(flow: Flow, ticked: Collection[str], reader: Role) -> Progress:
    """Counts the reader's items of this flow only: ticks kept from another flow don't count."""
    own = [step for step in flow.steps if not done_by_supplier(flow, step, reader)]
    ids = [item.id for step in own for item in step.action_items]
    return Progress(sum(each in ticked for each in ids), len(ids))


def what_remains(flow: Flow, ticked: Collection[str], reader: Role) -> str:
    """One sentence for the end of the walkthrough: the open action items and the steps they are in."""
    progress = flow_progress(flow, ticked, reader)
    if progress.complete:
        return f"{ALL_TICKED} Houd de termijnen bij tot de bevindingen zijn hersteld."
    open_steps = [
        str(step.number)
        for step in flow.steps
        if step_status(flow, step, ticked, reader) in (StepStatus.NOT_STARTED, StepStatus.IN_PROGRESS)
    ]
    where = f"stap {open_steps[0]}" if len(open_steps) == 1 else f"de stappen {listing(open_steps)}"
    return (
        f"Nog open: {Progress(progress.total - progress.done, progress.total).counted()}, in {where}. "
        "Het overzicht toont per stap wat er nog moet gebeuren."
    )
