"""Yearly rounds: a yearly round shows a step's yearly wording wherever the content gives one (the
purpose, a paragraph, a list's lead-in and its items, a "Let op", the action items' lead-in and an
item), every other text and id as the first assessment shows it; and the last round there can be."""

from datetime import date

from model.content import (
    ActionItem,
    Block,
    Connection,
    Flow,
    InfoPage,
    Role,
    Step,
    StepWarning,
    YearlyWording,
)
from model.rounds import FIRST_ROUND, flow_in_round, is_round_year, next_round_year

FIRST = "binnen twee maanden na de activatie"
YEARLY = "tussen 1 januari en 1 mei"


def worded_step(step_id: str, yearly_wordings: tuple[YearlyWording, ...]) -> Step:
    """A step with the first assessment's deadline in each of its texts, beside a text without it."""
    return Step(
        id=step_id,
        number=1,
        title="Rapport",
        short_title="Rapport",
        actor=Role.SUPPLIER,
        purpose=f"Doel: {FIRST}",
        blocks=(
            Block(text=f"Alinea: {FIRST}"),
            Block(intro=f"Lijst: {FIRST}", items=(f"Punt: {FIRST}", "Punt zonder termijn")),
        ),
        warnings=(StepWarning("Let op", f"Waarschuwing: {FIRST}"), StepWarning("Belangrijk", "Blijft")),
        action_items_intro=f"Actiepunten: {FIRST}",
        action_items=(
            ActionItem(f"{step_id}.1", f"Zend het rapport {FIRST}"),
            ActionItem(f"{step_id}.2", "Bewaar het rapport", once=True),
        ),
        links=(),
        yearly_wordings=yearly_wordings,
    )


def yearly_wordings_of_every_text() -> tuple[YearlyWording, ...]:
    texts = ("Doel", "Alinea", "Lijst", "Punt", "Waarschuwing", "Actiepunten")
    return (
        *(YearlyWording(f"{text}: {FIRST}", f"{text}: {YEARLY}") for text in texts),
        YearlyWording(f"Zend het rapport {FIRST}", f"Zend het rapport {YEARLY}"),
    )


def flow_of(*steps: Step) -> Flow:
    return Flow(
        Connection.DIRECT,
        "Directe aansluiting",
        "Assessment",
        ("Inleiding",),
        steps,
        InfoPage("Meer", (), ()),
    )


def test_a_yearly_round_shows_each_text_s_yearly_wording() -> None:
    flow = flow_of(worded_step("x.1", yearly_wordings_of_every_text()))
    [step] = flow_in_round(flow, 2027).steps
    assert step.purpose == f"Doel: {YEARLY}"
    assert step.blocks == (
        Block(text=f"Alinea: {YEARLY}"),
        Block(intro=f"Lijst: {YEARLY}", items=(f"Punt: {YEARLY}", "Punt zonder termijn")),
    )
    assert step.warnings == (
        StepWarning("Let op", f"Waarschuwing: {YEARLY}"),
        StepWarning("Belangrijk", "Blijft"),
    )
    assert step.action_items_intro == f"Actiepunten: {YEARLY}"
    assert step.action_items == (
        ActionItem("x.1.1", f"Zend het rapport {YEARLY}"),
        ActionItem("x.1.2", "Bewaar het rapport", once=True),
    )
    assert (step.id, step.title, step.actor) == ("x.1", "Rapport", Role.SUPPLIER)


def test_the_first_assessment_and_a_step_without_yearly_wording_keep_their_texts() -> None:
    worded, plain = worded_step("x.1", yearly_wordings_of_every_text()), worded_step("x.2", ())
    flow = flow_of(worded, plain)
    assert flow_in_round(flow, FIRST_ROUND).steps == (worded, plain)
    assert flow_in_round(flow, 2027).steps[1] == plain


def test_the_last_round_the_app_knows_is_2100() -> None:
    """The store takes round years up to 2100 (the limits' last date): that round can be started."""
    assert next_round_year(2099, date(2024, 1, 1), date(2026, 3, 1)) == 2100
    assert is_round_year(2100) and not is_round_year(2101)
    assert next_round_year(2100, date(2024, 1, 1), date(2026, 3, 1)) is None
