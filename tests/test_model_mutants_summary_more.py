"""The register as the register page and the printed summary show it, and the history table, as
mutation testing found them untested: the HTML is compared as a renderer reads it (tag and attribute
names in lower case; texts, classes and widths as written)."""

from dataclasses import replace
from datetime import date, datetime
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import Markup

from model.content import Connection, Role
from model.dossier import CareProvider, Change, DateField, Dossier
from model.rounds import FIRST_ROUND, RoundStart, round_label
from model.store import Store
from model.summary import (
    SummaryInput,
    history_table,
    load_summary_input,
    register_checklist_html,
    summary_html,
    timeline_entries,
)
from model.timeline import MilestoneKind
from tests.test_model_summary import CONTENT, live, visible_lines

pytestmark = pytest.mark.usefixtures("amsterdam")

TODAY = date(2026, 11, 28)
ALL_SIGNED = "Elke zorgaanbieder in productie heeft het aangepaste contract en de akkoordverklaring getekend"
UNCOUNTED = "Zorgaanbieders bij wie ‘Vul nog in’ staat, tellen nog niet mee."


class Rendered(HTMLParser):
    """The HTML as a renderer reads it: names in lower case, attributes in order, entities resolved
    (but `<`, `>` and `&` in the text escaped again)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(f"<{tag}" + "".join(f" {name}='{value}'" for name, value in attrs) + ">")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(escape(data, quote=False))  # text that looks like a tag stays text


def rendered(html: str) -> str:
    parser = Rendered()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def register_section(providers: tuple[CareProvider, ...]) -> str:
    """The register part of a supplier's whole summary, from its heading to the first step's."""
    dossier = Dossier(1, "Praktijk", Connection.CLUSTER, Role.SUPPLIER, "cluster.1", None)
    html = rendered(summary_html(SummaryInput(dossier, CONTENT, {}, {}, TODAY, providers=providers)))
    start = html.index("<h2>Deelnemende zorgaanbieders</h2>")
    return html[start : html.index("<h2>", start + 1)]


HEADER = (
    "<thead><tr><th width='32%'>Zorgaanbieder</th><th width='20%'>Ondertekenaar</th>"
    "<th width='12%'>Contract getekend</th><th width='12%'>Akkoord getekend</th>"
    "<th width='12%'>Akkoord bij DICTU</th><th width='12%'>In productie</th></tr></thead>"
)
REGISTER_TABLE = "<h3>Register</h3><table class='register' width='100%' cellspacing='0' cellpadding='2'>"


def condition(mark: str, text: str) -> str:
    return f"<tr><td class='box'>{mark}\xa0</td><td>{text}</td></tr>"


def test_before_any_care_provider_is_live_the_register_prints_what_is_not_applicable_yet() -> None:
    """The signatures can't be checked before anyone is live: "–", said in words too; the entry
    without a KvK number doesn't count yet, said in the grey note under the conditions."""
    providers = (CareProvider(1, "Huisarts", ""), CareProvider(2, "Tandarts", "87654321", "", "eigenaar"))
    dashes = "<td>—</td>" * 4
    assert register_section(providers) == (
        "<h2>Deelnemende zorgaanbieders</h2><h3>Voorwaarden</h3>"
        "<table cellspacing='0' cellpadding='2'>"
        + condition("☐", "Minstens twee zorgaanbieders in productie (nu 0).")
        + condition("–", f"{ALL_SIGNED}. Nog niet van toepassing.")
        + f"</table><p class='meta'>{UNCOUNTED}</p>"
        + REGISTER_TABLE
        + HEADER
        + "<tbody>"
        + f"<tr><td><b>Huisarts</b><br><i>Vul nog in: KvK-nummer</i></td><td>—</td>{dashes}</tr>"
        + "<tr><td><b>Tandarts</b><br><span class='meta'>KvK 87654321</span></td>"
        + f"<td>eigenaar</td>{dashes}</tr>"
        + "</tbody></table>"
    )


def test_a_complete_register_prints_its_conditions_met_and_no_note() -> None:
    providers = (
        live("Zorg Oost", "12345678", date(2026, 10, 1), ("J. Jansen", "directeur")),
        live("Apotheek", "11223344", date(2026, 10, 8)),
    )
    section = register_section(providers)
    assert section.startswith(
        "<h2>Deelnemende zorgaanbieders</h2><h3>Voorwaarden</h3>"
        "<table cellspacing='0' cellpadding='2'>"
        + condition("☑", "Minstens twee zorgaanbieders in productie (nu 2).")
        + condition("☑", f"{ALL_SIGNED}.")
        + "</table>"
        + REGISTER_TABLE
        + HEADER
    )
    assert section.endswith(
        "<tr><td><b>Apotheek</b><br><span class='meta'>KvK 11223344</span></td><td>—</td>"
        "<td>1-9-2026</td><td>2-9-2026</td><td>3-9-2026</td><td>8-10-2026</td></tr></tbody></table>"
    )


def test_the_register_page_says_each_verdict_in_bold_and_what_does_not_count_yet() -> None:
    signed_live = live("Zorg Oost", "12345678", date(2026, 10, 1))
    unsigned_live = CareProvider(2, "Tandarts", "87654321", production=date(2026, 10, 2))
    providers = [signed_live, unsigned_live, CareProvider(3, "Huisarts", "")]
    assert rendered(register_checklist_html(providers, TODAY)) == (
        "<p><b>✔ voldaan</b>: minstens twee zorgaanbieders in productie (nu 2).</p>"
        f"<p><b>✘ nog niet</b>: elke{ALL_SIGNED.removeprefix('Elke')} (nog niet: Tandarts).</p>"
        f"<p>{UNCOUNTED}</p>"
    )


def test_the_register_page_of_a_complete_register_has_only_the_verdicts() -> None:
    providers = [live("A", "12345678", date(2026, 10, 1)), live("B", "87654321", date(2026, 10, 2))]
    assert rendered(register_checklist_html(providers, TODAY)) == (
        "<p><b>✔ voldaan</b>: minstens twee zorgaanbieders in productie (nu 2).</p>"
        f"<p><b>✔ voldaan</b>: elke{ALL_SIGNED.removeprefix('Elke')}.</p>"
    )


def test_a_signature_after_today_does_not_count_on_the_register_page() -> None:
    """Today is what the checklist counts up to: a date after it has not happened yet."""
    providers = [live("A", "12345678", date(2026, 10, 1)), live("B", "87654321", date(2026, 10, 2))]
    assert "(nu 0)" in register_checklist_html(providers, date(2026, 9, 30))


def test_the_history_table_puts_the_gap_between_when_and_what() -> None:
    lines = [
        ("20 november 2026 10:00", "Afgevinkt: iets"),
        ("21 november 2026 09:00", "Notitie <b>geschreven</b>"),
    ]
    assert rendered(history_table(lines, "Nog geen wijzigingen.", Markup("&nbsp;&nbsp;"))) == (
        "<table><tr><td>20 november 2026 10:00\xa0\xa0</td><td>Afgevinkt: iets</td></tr>"
        "<tr><td>21 november 2026 09:00\xa0\xa0</td>"
        "<td>Notitie &lt;b&gt;geschreven&lt;/b&gt;</td></tr></table>"
    )


def test_an_empty_history_says_so_in_a_paragraph() -> None:
    empty = history_table([], "Nog geen wijzigingen.", Markup("&nbsp;"))
    assert rendered(empty) == "<p>Nog geen wijzigingen.</p>"


def test_the_printed_history_has_no_gap_after_the_time() -> None:
    dossier = Dossier(1, "Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, "direct.1", None)
    changes = (Change(datetime(2026, 11, 21, 9), "direct.2", "note", "", "x"),)
    html = rendered(summary_html(SummaryInput(dossier, CONTENT, {}, {}, TODAY, changes), "direct.2"))
    assert "<table><tr><td>21 november 2026 10:00</td><td>Notitie geschreven</td></tr></table>" in html


CLUSTER = CONTENT.flows[Connection.CLUSTER]
TICKED_AT = datetime(2026, 11, 20, 9)


def who_does_what(role: Role, ticked: tuple[str, ...]) -> list[str]:
    """The front page's "Wie doet wat" of a cluster dossier, as read."""
    dossier = Dossier(1, "Praktijk", Connection.CLUSTER, role, "cluster.1", date(2026, 9, 30))
    data = SummaryInput(dossier, CONTENT, dict.fromkeys(ticked, TICKED_AT), {}, TODAY)
    lines = visible_lines(summary_html(data))
    return lines[lines.index("Wie doet wat") : lines.index(CLUSTER.intro_heading)]


def open_step(number: int, ticked: tuple[str, ...] = ()) -> list[str]:
    step = CLUSTER.steps[number - 1]
    return [
        f"Stap {number}: {step.short_title}",
        *(f"☐ | {item.text}" for item in step.action_items if item.id not in ticked),
    ]


def test_who_does_what_lists_the_first_two_open_steps_in_full_and_counts_the_rest() -> None:
    """Step 1 is done and one item of step 2 ticked; step 6's items that repeat step 4's are not
    counted twice (12 = 3 + 2 + 3 + 4)."""
    ticked = ("cluster.1.1", "cluster.1.2", "cluster.2.1")
    supplier = [
        "Open voor de ICT-leverancier",
        *open_step(2, ticked),
        *open_step(3),
        "Daarna nog 12 actiepunten in stap 4, 6, 8 en 10.",
    ]
    care_provider = [
        "Open voor de zorgaanbieder",
        *open_step(5),
        *open_step(7),
        "Daarna nog 2 actiepunten in stap 9.",
    ]
    assert who_does_what(Role.SUPPLIER, ticked) == ["Wie doet wat", *supplier, *care_provider]
    assert who_does_what(Role.CARE_PROVIDER, ticked) == ["Wie doet wat", *care_provider, *supplier]


def test_one_item_left_after_the_listed_steps_is_said_in_the_singular() -> None:
    lines = who_does_what(Role.CARE_PROVIDER, ("cluster.9.1",))
    assert lines[: lines.index("Open voor de ICT-leverancier")][-1] == "Daarna nog 1 actiepunt in stap 9."


def test_a_party_with_everything_ticked_has_nothing_open() -> None:
    own = tuple(
        item.id for step in CLUSTER.steps if step.actor == Role.CARE_PROVIDER for item in step.action_items
    )
    lines = who_does_what(Role.CARE_PROVIDER, own)
    assert lines[:3] == ["Wie doet wat", "Open voor de zorgaanbieder", "Niets meer open."]
    assert "Daarna nog" not in lines[2]


def test_the_grey_line_of_later_steps_is_in_the_meta_style() -> None:
    dossier = Dossier(1, "Praktijk", Connection.CLUSTER, Role.SUPPLIER, "cluster.1", None)
    html = rendered(summary_html(SummaryInput(dossier, CONTENT, {}, {}, TODAY)))
    assert "<p class='meta'>Daarna nog 2 actiepunten in stap 9.</p>" in html


def with_timeline_picture(activation: date | None) -> str:
    dossier = Dossier(1, "Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, "direct.1", activation)
    data = SummaryInput(dossier, CONTENT, {}, {}, TODAY)
    return rendered(summary_html(data, timeline_image="tijdlijn.png"))


def test_the_timeline_picture_follows_the_facts_at_its_paper_width() -> None:
    html = with_timeline_picture(date(2026, 9, 30))
    assert "</table><p><img src='tijdlijn.png' width='640'></p><h2>Wie doet wat</h2>" in html


def test_without_any_date_there_is_no_timeline_picture() -> None:
    html = with_timeline_picture(None)
    assert "<img" not in html and "</table><h2>Wie doet wat</h2>" in html


def test_a_warning_is_printed_in_a_frame_of_single_black_lines() -> None:
    """Qt reads the frame's style values case-sensitively: "COLLAPSE" would print double lines."""
    step = CLUSTER.step("cluster.5")
    dossier = Dossier(1, "Praktijk", Connection.CLUSTER, Role.SUPPLIER, "cluster.1", None)
    html = rendered(summary_html(SummaryInput(dossier, CONTENT, {}, {}, TODAY), "cluster.5"))
    frame = (
        "<table width='100%' border='1' cellspacing='0' cellpadding='5' style='border-collapse: collapse;"
        " border-color: #000000; margin-top: 3pt; margin-bottom: 5pt'><tr><td><b>{}:</b> {}</td></tr></table>"
    )
    for warning in step.warnings:
        assert frame.format(warning.label, escape(warning.text, quote=False)) in html


def test_the_summary_from_the_store_is_of_the_current_yearly_round_unless_another_is_asked(
    data_dir: Path,
) -> None:
    store = Store(data_dir, clock=lambda: datetime(2028, 2, 1, 9))
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2026, 10, 8))
    store.set_item_ticked(dossier.id, "direct.1.1", True)
    store.start_round(dossier.id, 2028, RoundStart({}, {}))
    store.set_item_ticked(dossier.id, "direct.2.1", True)
    current = load_summary_input(store, CONTENT, dossier, date(2028, 2, 1))
    first = load_summary_input(store, CONTENT, dossier, date(2028, 2, 1), round_year=FIRST_ROUND)
    store.close()
    assert (current.round_year, current.round_shown, set(current.ticked)) == (
        2028, round_label(2028), {"direct.2.1"}
    )
    assert (first.round_year, first.round_shown, set(first.ticked)) == (
        FIRST_ROUND, round_label(FIRST_ROUND), {"direct.1.1"}
    )


def test_a_round_of_a_dossier_with_yearly_rounds_is_loaded_with_its_own_notes_and_repairs(
    data_dir: Path,
) -> None:
    """The summary of a yearly round shows that round's name, its own notes and ticks, and the repair
    term Logius set for a yearly report; a dossier with only its first assessment names no round."""
    store = Store(data_dir)
    dossier = store.create_dossier("Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, date(2024, 1, 15))
    today = date(2026, 11, 28)
    only_first = load_summary_input(store, CONTENT, dossier, today)
    assert only_first.round_shown == "" and only_first.round_year == FIRST_ROUND
    store.set_note(dossier.id, "direct.1", "Eerste assessment")
    store.start_round(dossier.id, 2026, RoundStart({}, {}))
    store.set_note(dossier.id, "direct.1", "Jaarronde")
    store.set_item_ticked(dossier.id, "direct.1.1", True)
    store.set_annual_report(dossier.id, 2026, date(2026, 4, 1))
    store.set_annual_repair(dossier.id, 2026, DateField.LOGIUS_FIX_DEADLINE, date(2026, 8, 31))

    first = load_summary_input(store, CONTENT, dossier, today, round_year=FIRST_ROUND)
    assert first.round_shown == round_label(FIRST_ROUND)
    assert (first.notes, first.ticked) == ({"direct.1": "Eerste assessment"}, {})
    yearly = load_summary_input(store, CONTENT, dossier, today)
    assert (yearly.round_shown, yearly.round_year) == (round_label(2026), 2026)
    assert yearly.notes == {"direct.1": "Jaarronde"} and list(yearly.ticked) == ["direct.1.1"]
    assert yearly.annual_reports == {2026: date(2026, 4, 1)}
    assert yearly.annual_repairs[2026].logius_fix_deadline == date(2026, 8, 31)
    entries = timeline_entries(yearly)
    repairs = [each.day for each, _label, _state in entries if each.kind == MilestoneKind.FINDINGS_FIXED]
    assert date(2026, 8, 31) in repairs
    assert [line for line in visible_lines(summary_html(yearly)) if line.startswith("Ronde")] == [
        f"Ronde | {round_label(2026)}"  # the facts' row
    ]
    assert not [line for line in visible_lines(summary_html(only_first)) if line.startswith("Ronde")]


def test_a_current_note_shared_by_steps_is_printed_in_full_once_and_referred_to_after() -> None:
    """On paper a note of today's rules that belongs to several steps is read once, in full with its
    sources at its first step; a later step names it and where it stands."""
    flow = CONTENT.flows[Connection.CLUSTER]
    shared = next(note for note in CONTENT.current_notes if sum(s.id in note.steps for s in flow.steps) >= 2)
    numbers = [step.number for step in flow.steps if step.id in shared.steps]
    record = Dossier(1, "Praktijk", Connection.CLUSTER, Role.SUPPLIER, "cluster.1", date(2026, 10, 1))
    lines = visible_lines(summary_html(SummaryInput(record, CONTENT, {}, {}, date(2026, 11, 28))))
    heading = f"Actueel (niet uit de factsheet): {shared.title}"
    full = [line for line in lines if line.startswith(f"{heading}.")]
    assert len(full) == 1
    assert shared.text in full[0] and f"gelezen in {shared.sources[0].read_text}" in full[0]
    assert shared.sources[0].label in full[0]
    referred = [line for line in lines if line.startswith(f"{heading} (")]
    assert referred == [f"{heading} (zie stap {numbers[0]})."] * (len(numbers) - 1)


def test_a_direct_dossier_without_its_activation_date_says_it_is_not_known_yet() -> None:
    dossier = Dossier(1, "Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, "direct.1", None)
    lines = visible_lines(summary_html(SummaryInput(dossier, CONTENT, {}, {}, TODAY)))
    assert lines[lines.index("Eigen rol | Zorgaanbieder") + 1] == "Activatie in productie | nog niet bekend"


def test_the_whole_summary_leaves_the_explanation_and_the_picture_out_unless_asked() -> None:
    """The meeting's handout is short by default: no factsheet explanation under the steps, and the
    timeline picture only when the caller painted one."""
    dossier = Dossier(1, "Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, "direct.1", date(2026, 9, 30))
    data = SummaryInput(dossier, CONTENT, {}, {}, TODAY)
    html = summary_html(data)
    assert html == summary_html(data, with_explanation=False, timeline_image="")
    assert "<img" not in html
    explained = summary_html(data, with_explanation=True)
    for step in data.flow.steps:
        purpose = rendered(str(Markup("<p><i>{}</i></p>").format(step.purpose)))
        assert rendered(html).split(purpose, 1)[1].startswith("<")  # the warnings, notes or items next
        first = step.blocks[0].text or step.blocks[0].intro or step.blocks[0].items[0]
        assert escape(first, quote=False) in rendered(explained)
        assert escape(first, quote=False) not in rendered(html)


def test_two_notes_shared_by_the_same_steps_are_both_referred_to_at_the_later_step() -> None:
    """Content made for the case today's notes don't have: a later step names every shared note,
    not only the first."""
    flow = CONTENT.flows[Connection.CLUSTER]
    shared = next(note for note in CONTENT.current_notes if sum(s.id in note.steps for s in flow.steps) >= 2)
    second = replace(shared, id=f"{shared.id}-2", title="Tweede actuele regel")
    content = replace(CONTENT, current_notes=(shared, second))
    numbers = [step.number for step in flow.steps if step.id in shared.steps]
    record = Dossier(1, "Praktijk", Connection.CLUSTER, Role.SUPPLIER, "cluster.1", date(2026, 10, 1))
    lines = visible_lines(summary_html(SummaryInput(record, content, {}, {}, date(2026, 11, 28))))
    referred = [line for line in lines if line.endswith(f"(zie stap {numbers[0]}).")]
    assert referred == [
        f"Actueel (niet uit de factsheet): {title} (zie stap {numbers[0]})."
        for _ in numbers[1:]
        for title in (shared.title, second.title)
    ]
