"""What the content's own types work out: the items ticked together as one task, where the data are
kept, whose turn a step is, and the "Actueel" notes beside a step."""

from model.content import Connection, Role, bundled_content

CONTENT = bundled_content()
CLUSTER = CONTENT.flows[Connection.CLUSTER]


def test_an_item_repeated_later_is_ticked_together_with_its_repeat() -> None:
    """In the cluster flow step 6 repeats three of step 4's tasks: ticking either ticks both."""
    assert CLUSTER.same_task("cluster.4.1") == ("cluster.4.1", "cluster.6.1")
    assert CLUSTER.same_task("cluster.6.1") == ("cluster.4.1", "cluster.6.1")
    assert CLUSTER.same_task("cluster.6.5") == ("cluster.4.3", "cluster.6.5")


def test_an_item_nobody_repeats_is_its_own_task() -> None:
    assert CLUSTER.same_task("cluster.2.1") == ("cluster.2.1",)


def test_an_item_the_flow_does_not_have_is_ticked_alone() -> None:
    """A tick kept from another flow (the dossier's connection changed) touches nothing else."""
    assert CLUSTER.same_task("direct.1.1") == ("direct.1.1",)


def test_the_start_page_says_the_data_are_kept_on_this_computer() -> None:
    general = CONTENT.general
    assert general.where_saved(None) == "Alles wat u invult wordt direct op deze computer bewaard."


def test_with_a_shared_database_it_names_the_database_s_address() -> None:
    assert CONTENT.general.where_saved("postgresql://anna@server/wegwijzer") == (
        "Alles wat u invult wordt direct bewaard in de gedeelde database van uw organisatie, waarin ook "
        "uw collega's werken: postgresql://anna@server/wegwijzer."
    )


def test_a_step_of_the_reader_s_own_role_says_it_is_their_turn() -> None:
    assert CONTENT.actor_wording(Role.CARE_PROVIDER, Role.CARE_PROVIDER) == "U bent aan zet (zorgaanbieder)"
    assert CONTENT.actor_wording(Role.CARE_PROVIDER, Role.SUPPLIER) == "De zorgaanbieder is aan zet"


def test_a_step_shows_the_current_notes_that_name_it_and_no_other() -> None:
    assert [note.id for note in CONTENT.notes_for("direct.5")] == ["first_report", "annual"]
    assert [note.id for note in CONTENT.notes_for("cluster.2")] == []
