"""Edges of small model rules: the day itself, the longest name, who is addressed."""

from datetime import date

from model.content import Role, bundled_content
from model.dossier import NAME_MAX_LENGTH, clean_name
from model.timeline import DossierDates, State, milestones


def test_on_the_activation_day_the_activation_is_done() -> None:
    t0 = date(2026, 11, 2)
    assert milestones(DossierDates(t0), t0)[0].state == State.DONE
    assert milestones(DossierDates(t0), date(2026, 11, 1))[0].state == State.FUTURE


def test_a_name_of_the_longest_allowed_length_is_kept() -> None:
    longest = "x" * NAME_MAX_LENGTH
    assert clean_name(f"  {longest} ") == longest


def test_the_reader_is_addressed_as_you_only_in_their_own_steps() -> None:
    content = bundled_content()
    assert content.actor_wording(Role.SUPPLIER, Role.SUPPLIER) == "U bent aan zet (ICT-leverancier)"
    assert content.actor_wording(Role.SUPPLIER, Role.CARE_PROVIDER) == "Uw ICT-leverancier is aan zet"
    assert content.actor_wording(Role.CARE_PROVIDER, Role.SUPPLIER) == "De zorgaanbieder is aan zet"
