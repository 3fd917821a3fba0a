"""The summary as the reader sees it: its text, line by line, with tags taken away."""

from dataclasses import replace
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from model.content import Connection, Role, bundled_content
from model.dossier import CareProvider, Change, Dossier
from model.store import Store
from model.summary import SummaryInput, load_summary_input, summary_html

CONTENT = bundled_content()


class VisibleText(HTMLParser):
    """A line per paragraph, heading, list item and table row; cells joined by ' | '."""

    BLOCKS = frozenset({"p", "tr", "h1", "h2", "h3", "li", "br", "table"})

    def __init__(self) -> None:
        super().__init__()
        self.lines, self.in_style = [""], False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.in_style = self.in_style or tag == "style"
        if tag in self.BLOCKS and self.lines[-1]:
            self.lines.append("")
        if tag in ("td", "th") and self.lines[-1]:
            self.lines[-1] = self.lines[-1].rstrip() + " | "

    def handle_endtag(self, tag: str) -> None:
        self.in_style = self.in_style and tag != "style"

    def handle_data(self, data: str) -> None:
        if not self.in_style:
            self.lines[-1] += data


def visible_lines(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return [line for line in parser.lines if line.strip()]



pytestmark = pytest.mark.usefixtures("amsterdam")  # times as a Dutch reader sees them


def live(name: str, kvk: str, production: date | None, signatory: tuple[str, str] = ("", "")) -> CareProvider:
    signed = (date(2026, 9, 1), date(2026, 9, 2), date(2026, 9, 3)) if production else (None, None, None)
    return CareProvider(1, name, kvk, *signatory, *signed, production)


def supplier_summary(
    providers: tuple[CareProvider, ...], step_id: str | None = None, **dates: date
) -> list[str]:
    activation = date(2026, 9, 30)
    dossier = Dossier(1, "Praktijk", Connection.CLUSTER, Role.SUPPLIER, "cluster.1", activation, **dates)
    changes = (
        Change(datetime(2026, 11, 20, 9), "cluster.1", "cluster.1.1", "niet afgevinkt", "afgevinkt"),
        Change(datetime(2026, 11, 21, 9), "cluster.2", "note", "", "x"),
    )
    data = SummaryInput(
        dossier,
        CONTENT,
        {"cluster.1.1": datetime(2026, 11, 20, 9)},
        {"cluster.1": "Eerste\nTweede"},
        date(2026, 11, 28),
        changes,
        providers,
    )
    return visible_lines(summary_html(data, step_id))


ANNUAL_ADVICE = (
    "Advies van de wegwijzer: Plan het assessment over 2027 met uw ICT-leverancier en de IT-auditor (RE):"
    " het rapport moet tussen 1 januari en 1 mei 2028 bij Logius zijn."
)
HEADER = [
    "DigiD-assessment: Praktijk",
    "Organisatie | Praktijk",
    "Aansluiting | Clusteraansluiting (meervoudig assessment)",
    "Eigen rol | ICT-leverancier",
    "Tweede zorgaanbieder in productie | 30 september 2026 (geactiveerd)",
    "Auditrapport bij Logius | ingediend op 20 november 2026 (uiterste datum was 30 november 2026)",
    "Advies van de wegwijzer: Het rapport is ingediend. Vul bij Termijnen de uiterste hersteldatum uit de"
    " brief van Logius in zodra u die hebt; tot dan rekent de wegwijzer met twee maanden na het indienen.",
    "Bevindingen hersteld | uiterlijk 20 januari 2027 (nog 53 dagen; open)",
    "Advies van de wegwijzer: Laat de bevindingen herstellen en stuur vóór 20 januari 2027 een door een"
    " IT-auditor (RE) ondertekende verklaring over het herstel naar Logius.",
    "Jaarlijks auditrapport 2028 | "
    "tussen 1 januari 2028 en 1 mei 2028 (nog 520 dagen; open)",
    ANNUAL_ADVICE,
    "Voortgang | 1 van 33 actiepunten afgevinkt",
    "Afgedrukt op | 28 november 2026",
]
CLUSTER_FLOW = CONTENT.flows[Connection.CLUSTER]
INTRO = [CLUSTER_FLOW.intro_heading, *CLUSTER_FLOW.intro]  # the factsheet's introduction of the flow


def explanation(step_id: str) -> list[str]:
    """The factsheet's explanation of a step, a line per paragraph and list item."""
    lines = []
    for block in CLUSTER_FLOW.step(step_id).blocks:
        lines += [block.text] if block.text else [*([block.intro] if block.intro else []), *block.items]
    return lines


def test_one_step_of_a_supplier_dossier_line_by_line() -> None:
    step = CONTENT.flows[Connection.CLUSTER].step("cluster.1")
    first, second = (item.text for item in step.action_items)
    [note] = CONTENT.notes_for("cluster.1")
    sources = "; ".join(
        f"Bron: {source.label} [{number}], gelezen in {source.read_text}"
        for number, source in enumerate(note.sources, start=1)
    )
    [link] = step.links
    cited = len(note.sources)
    assert supplier_summary((), "cluster.1", report_sent=date(2026, 11, 20)) == [
        *HEADER,
        f"Stap 1 van 10: {step.title}",
        "Aan zet: de ICT-leverancier \xa0·\xa0 Status: Bezig (1 van 2 actiepunten)",
        step.purpose,
        *explanation("cluster.1"),  # one step is printed to be read on its own: with its explanation
        f"Actueel (niet uit de factsheet): {note.title}. {note.text} {sources}.",
        "Actiepunten",
        f"☑ | {first} (afgevinkt op 20 november 2026)",
        f"☐ | {second}",
        "Notities",
        "Eerste",
        "Tweede",
        f"Links: {link.label} [{cited + 1}] (in de factsheet: [{cited + 2}]).",
        "Geschiedenis",
        CONTENT.general.history.intro,
        f"20 november 2026 10:00 | Afgevinkt: {first}",
        "Bronnen",
        *(f"[{number}] | {source.url}" for number, source in enumerate(note.sources, start=1)),
        f"[{cited + 1}] | {link.newer_url}",
        f"[{cited + 2}] | {link.address}",
    ]


def test_a_step_without_notes_or_changes_says_so() -> None:
    lines = supplier_summary((), "cluster.3")
    assert lines[lines.index("Notities") + 1] == "Geen notities."
    history_end = lines.index("Bronnen")
    assert lines[history_end - 2 : history_end] == [CONTENT.general.history.intro, "Nog geen wijzigingen."]
    assert "Voortgang | 1 van 33 actiepunten afgevinkt" in lines
    assert "Tweede zorgaanbieder in productie | 30 september 2026 (geactiveerd)" in lines


def test_the_register_in_the_whole_summary() -> None:
    providers = (
        live("Zorg Oost", "12345678", date(2026, 10, 1), ("J. Jansen", "directeur")),
        live("Tandarts", "87654321", None, ("", "eigenaar")),
    )
    lines = supplier_summary(providers)
    start = lines.index("Deelnemende zorgaanbieders")
    assert lines[start : start + 10] == [
        "Deelnemende zorgaanbieders",
        "Voorwaarden",
        "☐ | Minstens twee zorgaanbieders in productie (nu 1).",
        "☑ | Elke zorgaanbieder in productie heeft het aangepaste contract en de akkoordverklaring"
        " getekend.",
        "Register",
        "Zorgaanbieder | Ondertekenaar | Contract getekend | Akkoord getekend | Akkoord bij DICTU"
        " | In productie",
        "Zorg Oost",
        "KvK 12345678 | J. Jansen, directeur | 1-9-2026 | 2-9-2026 | 3-9-2026 | 1-10-2026",
        "Tandarts",
        "KvK 87654321 | eigenaar | — | — | — | —",
    ]
    assert lines[start + 10] == f"Stap 1 van 10: {CONTENT.flows[Connection.CLUSTER].steps[0].title}"
    report = "Auditrapport bij Logius | uiterlijk 30 november 2026 (nog 2 dagen; binnenkort)"
    advice = (  # close to the deadline: tell Logius in time, with the address
        "⚠ Advies van de wegwijzer: Lukt het niet om het rapport uiterlijk 30 november 2026 bij Logius te"
        " hebben, mail Logius dan vandaag. De factsheet zegt: ‘Informeer Logius tijdig, ook in het geval"
        " dat de termijn van twee maanden overschreden dreigt te worden.’"
        " E-mail aan DigiDassessment@logius.nl."
    )
    assert lines[:11] == [*HEADER[:5], report, advice, *HEADER[-4:]]
    assert lines[start - len(INTRO) : start] == INTRO
    history = lines[lines.index("Geschiedenis") : lines.index("Bronnen")]
    when = [line.split(" | ")[0] for line in history[2:]]
    assert when == ["20 november 2026 10:00", "21 november 2026 10:00"]


def test_the_register_conditions_met_and_t0_from_it() -> None:
    providers = (live("A", "12345678", date(2026, 10, 1)), live("B", "87654321", date(2026, 10, 8)))
    lines = supplier_summary(providers)
    assert "☑ | Minstens twee zorgaanbieders in productie (nu 2)." in lines
    assert lines[4] == "Tweede zorgaanbieder in productie | 8 oktober 2026 (geactiveerd)"
    t0 = "Start termijnen | Volgens het register ging de tweede zorgaanbieder op 8 oktober 2026 in productie"
    assert lines[5].startswith(t0)
    assert "Auditrapport bij Logius | uiterlijk 8 december 2026 (nog 10 dagen; binnenkort)" in lines


def test_steps_history_rows_and_notes_each_end_where_they_should() -> None:
    providers = (live("A", "12345678", date(2026, 10, 1)),)
    lines = supplier_summary(providers)
    flow = CONTENT.flows[Connection.CLUSTER]
    last_link = flow.steps[0].links[-1]
    before_step_2 = lines[lines.index(f"Stap 2 van 10: {flow.steps[1].title}") - 1]
    assert before_step_2.startswith("Links: ") and before_step_2.endswith(").")
    assert f" {last_link.label} [" in before_step_2 and "(in de factsheet: [" in before_step_2
    history = lines[lines.index("Geschiedenis") + 2 : lines.index("Bronnen")]
    assert history[0] == f"20 november 2026 10:00 | Afgevinkt: {flow.steps[0].action_items[0].text}"
    assert history[1] == "21 november 2026 10:00 | Notitie geschreven"
    step_3 = supplier_summary((), "cluster.3")
    notes = [line for line in step_3 if line.startswith("Actueel (niet uit de factsheet): ")]
    assert len(notes) == len(CONTENT.notes_for("cluster.3")) >= 2
    assert all(line.endswith("2026.") for line in notes)
    assert "Deelnemende zorgaanbieders" not in step_3  # one step: no register, even with providers
    assert "Deelnemende zorgaanbieders" not in supplier_summary(providers, "cluster.1")


def test_a_care_provider_on_a_cluster_counts_only_its_own_steps() -> None:
    dossier = Dossier(1, "Fysio", Connection.CLUSTER, Role.CARE_PROVIDER, "cluster.1", None)
    data = SummaryInput(dossier, CONTENT, {}, {}, date(2026, 11, 28))
    lines = visible_lines(summary_html(data))
    flow = CONTENT.flows[Connection.CLUSTER]
    own = [item for step in flow.steps if step.actor == Role.CARE_PROVIDER for item in step.action_items]
    assert "Tweede zorgaanbieder in productie | nog niet bekend" in lines
    assert f"Voortgang | 0 van {len(own)} actiepunten afgevinkt" in lines
    assert len(own) < sum(len(step.action_items) for step in flow.steps)
    by_supplier = "Status: Doet uw ICT-leverancier (0 van 2 actiepunten)"
    assert f"Aan zet: de ICT-leverancier \xa0·\xa0 {by_supplier}" in lines


def test_the_summary_input_from_the_store(data_dir: Path) -> None:
    store = Store(data_dir, clock=lambda: datetime(2026, 11, 20, 9))
    dossier = store.create_dossier("Praktijk", Connection.CLUSTER, Role.SUPPLIER, None)
    store.set_item_ticked(dossier.id, "cluster.1.1", True)
    store.set_note(dossier.id, "cluster.1", "notitie")
    store.save_care_provider(dossier.id, replace(live("A", "12345678", None), id=0))
    plain = load_summary_input(store, CONTENT, dossier, date(2026, 11, 28))
    assert (plain.ticked, plain.notes, plain.changes) == (
        {"cluster.1.1": datetime(2026, 11, 20, 9)}, {"cluster.1": "notitie"}, ()
    )
    assert [provider.name for provider in plain.providers] == ["A"]
    with_history = load_summary_input(store, CONTENT, dossier, date(2026, 11, 28), with_history=True)
    assert with_history.changes == tuple(store.history(dossier.id))
    subjects = {change.subject for change in with_history.changes}
    assert {"cluster.1.1", "note", "care_provider:1"} <= subjects  # a tick, a note, the register
    store.close()
