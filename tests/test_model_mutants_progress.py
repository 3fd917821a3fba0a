"""The walkthrough's last page: what is still open, counted and located by step."""

from model.content import Connection, Flow, Role, bundled_content
from model.progress import what_remains

CONTENT = bundled_content()
DIRECT = CONTENT.flows[Connection.DIRECT]
CLUSTER = CONTENT.flows[Connection.CLUSTER]
ON_THE_OVERVIEW = "Het overzicht toont per stap wat er nog moet gebeuren."


def items_of(step_ids: list[str], flow: Flow = DIRECT) -> set[str]:
    return {item.id for step_id in step_ids for item in flow.step(step_id).action_items}


def test_with_everything_ticked_it_says_so_and_points_at_the_deadlines() -> None:
    assert what_remains(DIRECT, set(DIRECT.action_item_ids), Role.CARE_PROVIDER) == (
        "Alle actiepunten zijn afgevinkt. Houd de termijnen bij tot de bevindingen zijn hersteld."
    )


def test_nothing_ticked_names_every_step_and_counts_every_item() -> None:
    assert what_remains(DIRECT, set(), Role.CARE_PROVIDER) == (
        f"Nog open: 20 van 20 actiepunten, in de stappen 1, 2, 3, 4, 5, 6 en 7. {ON_THE_OVERVIEW}"
    )


def test_one_item_open_names_its_one_step() -> None:
    ticked = set(DIRECT.action_item_ids) - {"direct.3.1"}
    assert what_remains(DIRECT, ticked, Role.CARE_PROVIDER) == (
        f"Nog open: 1 van 20 actiepunten, in stap 3. {ON_THE_OVERVIEW}"
    )


def test_a_step_half_done_is_open_and_a_step_done_is_not_named() -> None:
    ticked = items_of(["direct.1", "direct.3", "direct.4", "direct.5", "direct.6"]) | {"direct.2.1"}
    assert what_remains(DIRECT, ticked, Role.SUPPLIER) == (
        f"Nog open: 6 van 20 actiepunten, in de stappen 2 en 7. {ON_THE_OVERVIEW}"
    )


def test_a_care_provider_on_a_cluster_is_told_only_its_own_steps() -> None:
    assert what_remains(CLUSTER, set(), Role.CARE_PROVIDER) == (
        f"Nog open: 6 van 6 actiepunten, in de stappen 5, 7 en 9. {ON_THE_OVERVIEW}"
    )
    ticked = items_of(["cluster.5", "cluster.7"], CLUSTER) | {"cluster.9.1"}
    assert what_remains(CLUSTER, ticked, Role.CARE_PROVIDER) == (
        f"Nog open: 1 van 6 actiepunten, in stap 9. {ON_THE_OVERVIEW}"
    )
    ticked_own = items_of(["cluster.5", "cluster.7", "cluster.9"], CLUSTER)
    assert what_remains(CLUSTER, ticked_own, Role.CARE_PROVIDER).startswith(
        "Alle actiepunten zijn afgevinkt."
    )


def test_the_supplier_of_a_cluster_is_told_every_step() -> None:
    ticked = set(CLUSTER.action_item_ids) - {"cluster.5.1", "cluster.10.1"}
    assert what_remains(CLUSTER, ticked, Role.SUPPLIER) == (
        f"Nog open: 2 van 33 actiepunten, in de stappen 5 en 10. {ON_THE_OVERVIEW}"
    )
