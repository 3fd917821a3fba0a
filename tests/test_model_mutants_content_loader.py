"""A content file edited wrongly: each check says, in the words for whoever edits the file, which
file, which key and what is wrong. The checks that mutation testing found untested."""

import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest

from model.content import ContentError
from model.content_loader import load_content, load_flow, load_general
from tests import test_content
from tests.test_content import CONTENT_DIR, edit

folder = test_content.content_copy  # fixture: a copy of the content folder to edit

STANDARD_CONTRACT = "U kunt het standaardcontract per e-mail aanvragen (zie de links bij deze stap)."
BARE_TEXT_TABLE = "een tabel als tekst heeft 'text' en 'original', 'yearly' of allebei"


def loading_fails(folder: Path) -> str:
    """What loading the (edited) content folder says is wrong."""
    with pytest.raises(ContentError) as failure:
        load_content(folder)
    return str(failure.value)


def refusal(folder: Path, file: str, old: str, new: str) -> str:
    edit(folder / file, old, new)
    return loading_fails(folder)


def in_file(name: str) -> dict[str, Any]:
    """A bundled content file as tomllib reads it, beside the loader."""
    return tomllib.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "file, old, new, key, problem",
    [
        (  # a text as a table needs a second wording beside the one shown
            "cluster.nl.toml",
            ', original = "U kunt het standaardcontract aanvragen middels het e-mailformat" }',
            " }",
            "steps[1].action_items[0].text",
            BARE_TEXT_TABLE,
        ),
        (
            "cluster.nl.toml",
            ', original = "U kunt het standaardcontract aanvragen middels het e-mailformat" }',
            ', origineel = "U kunt het" }',
            "steps[1].action_items[0].text",
            BARE_TEXT_TABLE,
        ),
        (
            "cluster.nl.toml",
            'original = "U kunt het standaardcontract aanvragen middels het e-mailformat" }',
            f'original = "{STANDARD_CONTRACT}" }}',
            "steps[1].action_items[0].text",
            "'text' en 'original' zijn gelijk",
        ),
        (
            "cluster.nl.toml",
            'original = "U kunt het standaardcontract aanvragen middels het e-mailformat" }',
            f'yearly = "{STANDARD_CONTRACT}" }}',
            "steps[1].action_items[0].text",
            "'text' en 'yearly' zijn gelijk",
        ),
        (
            "cluster.nl.toml",
            "once = true",
            'once = "ja"',
            "steps[0].action_items[0].once",
            "verwacht true of false",
        ),
        (
            "direct.nl.toml",
            "  [[steps.blocks]]\n  items = [",
            '  [[steps.blocks]]\n  text = "Een tekst"\n  items = [',
            "steps[0].blocks[2]",
            "een blok heeft óf 'text' óf 'items'",
        ),
        ("direct.nl.toml", "\npurpose = ", "\ndoel = ", "steps[0].purpose", "ontbreekt"),
        (
            "direct.nl.toml",
            'label = "Let op"',
            'label = "Pas op"',
            "steps[0].warnings[0].label",
            ("onbekend soort waarschuwing 'Pas op'"),
        ),
        (
            "direct.nl.toml",
            'id = "direct.1"\nnumber = 1',
            'id = "direct.1"\nnumber = 9',
            "steps[0].id",
            ("verwacht 'direct.9', gevonden 'direct.1'"),
        ),
        (
            "direct.nl.toml",
            'id = "direct.1.1"',
            'id = "direct.2.1"',
            "steps[0].action_items[0].id",
            ("id 'direct.2.1' hoort te beginnen met 'direct.1.'"),
        ),
        ("direct.nl.toml", "\nintro = [", "\ninleiding = [", "intro", "ontbreekt"),
        ("general.nl.toml", "\nparagraphs = [", "\nalineas = [", "important.paragraphs", "ontbreekt"),
        (
            "direct.nl.toml",
            'actor = "care_provider"',
            'actor = "auditor"',
            "steps[0].actor",
            "onbekende waarde 'auditor' (toegestaan: care_provider, supplier)",
        ),
        (
            "begrippen.nl.toml",
            'forms = ["aansluitnummer", "aansluitnummers"]',
            'forms = ["aansluitnummer", "akkoordverklaring"]',
            "terms[1].forms",
            "geen vormen, of een vorm die al bij een ander begrip staat",
        ),
        (
            "begrippen.nl.toml",
            'forms = ["aansluitnummer", "aansluitnummers"]',
            "forms = []",
            "terms[1].forms",
            "geen vormen, of een vorm die al bij een ander begrip staat",
        ),
        (
            "begrippen.nl.toml",
            'forms = ["aansluitnummer", "aansluitnummers"]',
            "",
            "terms[1].forms",
            "ontbreekt",
        ),
        (
            "general.nl.toml",
            'days_left = "Nog {days} dagen',
            'days_left = "Nog {zaken} {dagen} dagen',
            "timeline.countdown.days_left",
            "onbekende plaatshouder {dagen}",
        ),
        (
            "cluster.nl.toml",
            'same_as = "cluster.4.1"',
            'same_as = "cluster.9.9"',
            "steps",
            "'same_as' van cluster.6.1 wijst niet naar een eerder actiepunt",
        ),
        (
            "cluster.nl.toml",
            'id = "cluster.6.1"\n  once = true',
            'id = "cluster.6.1"',
            "steps",
            "cluster.6.1 en cluster.4.1 zijn één taak: 'once' moet gelijk zijn",
        ),
        (
            "cluster.nl.toml",
            'url = "https://www.norea.nl/"',
            'url = "javascript:alert(1)"',
            "steps[2].links[0].url",
            "alleen https- en mailto-adressen zijn toegestaan: javascript:alert(1)",
        ),
        (
            "cluster.nl.toml",
            'url = "https://www.norea.nl/"',
            'url = "https:/www.norea.nl/"',
            "steps[2].links[0].url",
            "onvolledig adres: https:/www.norea.nl/",
        ),
    ],
)
def test_a_wrong_edit_is_named_with_file_key_and_problem(
    folder: Path, file: str, old: str, new: str, key: str, problem: str
) -> None:
    assert refusal(folder, file, old, new) == f"Inhoudsbestand {file}, sleutel '{key}': {problem}"


@pytest.mark.parametrize(
    "given, problem",
    [("action_items = []\n", "een stap heeft minstens één actiepunt"), ("", "ontbreekt")],
)
def test_a_step_without_any_action_item_is_refused(folder: Path, given: str, problem: str) -> None:
    """A step is there to be done: an empty list of action items is no more a step than none."""
    path = folder / "direct.nl.toml"
    text = re.sub(
        r'  \[\[steps\.action_items\]\]\n  id = "direct\.1\.\d"\n(  .*\n)*\n',
        "",
        path.read_text(encoding="utf-8"),
    )
    path.write_text(text.replace("\npurpose = ", f"\n{given}purpose = ", 1), encoding="utf-8")
    assert (
        loading_fails(folder) == f"Inhoudsbestand direct.nl.toml, sleutel 'steps[0].action_items': {problem}"
    )


def shown(value: str | dict[str, str]) -> str:
    """A text as the app shows it: a table's shown `text`, spaces taken together."""
    return " ".join((value["text"] if isinstance(value, dict) else value).split())


@pytest.mark.parametrize("file", ["direct.nl.toml", "cluster.nl.toml"])
def test_each_step_keeps_what_its_file_says_of_its_short_title_note_and_items(file: str) -> None:
    """Read beside the loader with tomllib: the short title (step list), the note where the app
    differs from the factsheet, which items are the same task and which are done once."""
    given = in_file(file)["steps"]
    flow = load_flow(CONTENT_DIR / file)
    assert [(step.short_title, step.deviation_note, step.action_items_intro) for step in flow.steps] == [
        (each["short_title"], each.get("deviation_note", ""), shown(each.get("action_items_intro", "")))
        for each in given
    ]
    assert [[(link.label, link.url) for link in step.links] for step in flow.steps] == [
        [(shown(link["label"]), link["url"]) for link in each.get("links", [])] for each in given
    ]
    assert [(item.id, item.same_as, item.once) for step in flow.steps for item in step.action_items] == [
        (item["id"], item.get("same_as", ""), item.get("once", False))
        for each in given
        for item in each["action_items"]
    ]
    assert any(item.once for step in flow.steps for item in step.action_items)
    file_text = in_file(file)
    assert (flow.title, flow.assessment, flow.intro) == (
        shown(file_text["title"]),
        shown(file_text["assessment"]),
        tuple(shown(each) for each in file_text["intro"]),
    )
    assert len(flow.more_info.blocks) == len(file_text["more_info"]["blocks"])
    assert sorted((each.shown, each.original) for each in flow.intro_corrections) == sorted(
        wordings(file_text["intro"], "original")
    )
    assert sorted((each.shown, each.original) for each in flow.more_info.corrections) == sorted(
        wordings(file_text["more_info"], "original")
    )
    assert flow.more_info.title == shown(in_file(file)["more_info"]["title"])


def wordings(value: object, other: str) -> list[tuple[str, str]]:
    """Every (shown text, other wording) pair below `value` in a file as tomllib reads it."""
    if isinstance(value, dict):
        own = [(" ".join(value["text"].split()), value[other])] if other in value and "text" in value else []
        return own + [pair for each in value.values() for pair in wordings(each, other)]
    if isinstance(value, list):
        return [pair for each in value for pair in wordings(each, other)]
    return []


@pytest.mark.parametrize("file", ["direct.nl.toml", "cluster.nl.toml"])
def test_each_step_carries_the_corrections_and_yearly_wordings_written_in_its_part_of_the_file(
    file: str,
) -> None:
    """Loaded afresh here (the tests' module-level content was loaded before any mutant ran): a
    yearly round words each step as its file says, and a step lists only its own corrections."""
    given = in_file(file)["steps"]
    flow = load_flow(CONTENT_DIR / file)
    assert [sorted((each.first, each.yearly) for each in step.yearly_wordings) for step in flow.steps] == [
        sorted(wordings(each, "yearly")) for each in given
    ]
    assert [sorted((each.shown, each.original) for each in step.corrections) for step in flow.steps] == [
        sorted(wordings(each, "original")) for each in given
    ]
    assert any(step.yearly_wordings for step in flow.steps) and any(step.corrections for step in flow.steps)


@pytest.mark.parametrize(
    "file, edits, key, problem",
    [
        ("begrippen.nl.toml", (("[[terms]]", "[[begrippen]]"),), "terms", "ontbreekt"),
        ("general.nl.toml", (("[[sections]]", "[[secties]]"),), "sections", "ontbreekt"),
        ("general.nl.toml", (("[important]", "[belangrijk]"),), "important", "ontbreekt"),
        ("current.nl.toml", (("[[notes", "[[opmerkingen"),), "notes", "ontbreekt"),
        ("current.nl.toml", (("[[info", "[[informatie"),), "info", "ontbreekt"),
        (
            "current.nl.toml",
            (('steps = ["direct.1", "direct.2", "cluster.3"]', ""),),
            "notes[0].steps",
            "ontbreekt",
        ),
        (
            "current.nl.toml",
            (
                (
                    'new = "https://logius.nl/domeinen/toegang/digid/ict-beveiligingsassessments-digid/het-meervoudig-',
                    'new = "ftp://',
                ),
            ),
            "newer_addresses[1].url",
            "alleen https- en mailto-adressen zijn toegestaan: ftp://assessment",
        ),
        (
            "current.nl.toml",
            (
                (
                    'old = "https://logius.nl/diensten/digid/ict-beveiligingsassessments-digid/documentatie"',
                    'old = "https://logius.nl/diensten/digid/ict-beveiligingsassessments-digid/het-meervoudig-assessment"',
                ),
            ),
            "newer_addresses[2].old",
            "dit adres staat er al: https://logius.nl/diensten/digid/ict-beveiligingsassessments-digid/het-meervoudig-assessment",
        ),
        (
            "cluster.nl.toml",
            (('id = "cluster.7.1"', 'id = "cluster.7.1"\n  same_as = "cluster.6.1"'),),
            "steps",
            "'same_as' van cluster.7.1 wijst niet naar een eerder actiepunt",
        ),
        (
            "direct.nl.toml",
            (
                ('title = "Directe aansluiting"', 'title = "Directe aansluiting"\nmore_info = 3'),
                ("[more_info", "[meer_info"),
            ),
            "more_info",
            "hier wordt een tabel verwacht",
        ),
        ("direct.nl.toml", (("[[steps", "[[stappen"),), "steps", "ontbreekt"),
        (
            "direct.nl.toml",
            (('"direct.2.', '"direct.9.'), ('id = "direct.2"\nnumber = 2', 'id = "direct.9"\nnumber = 9')),
            "steps",
            "de stappen moeten op volgorde genummerd zijn vanaf 1",
        ),
        (
            "direct.nl.toml",
            (('id = "direct.1.2"', 'id = "direct.1.1"'), ('id = "direct.1.4"', 'id = "direct.1.3"')),
            "steps",
            "id komt meer dan eens voor: direct.1.1, direct.1.3",
        ),
    ],
)
def test_lists_and_tables_that_must_be_there_and_a_flow_s_steps_in_order_each_id_once(
    folder: Path, file: str, edits: tuple[tuple[str, str], ...], key: str, problem: str
) -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    assert loading_fails(folder) == f"Inhoudsbestand {file}, sleutel '{key}': {problem}"


def test_the_glossary_keeps_each_term_of_its_file() -> None:
    given = in_file("begrippen.nl.toml")["terms"]
    content = load_content(CONTENT_DIR)
    assert [(term.id, term.name, term.forms, term.explanation) for term in content.glossary] == [
        (each["id"], each["name"], tuple(each["forms"]), shown(each["text"])) for each in given
    ]
    assert content.current_notes and content.info


@pytest.mark.parametrize(
    "old, new, key, problem",
    [
        ('id = "norms"', 'id = "Normen!"', "notes[0].id", "ongeldig of dubbel id 'Normen!'"),
        ('id = "auditor"', 'id = "norms"', "notes[1].id", "ongeldig of dubbel id 'norms'"),
        (
            'steps = ["direct.1", "direct.2", "cluster.3"]',
            'steps = ["direct.1", "direct.99", "cluster.99"]',
            "notes[0].steps",
            "onbekende of geen stap: direct.99, cluster.99",
        ),
        (
            'steps = ["direct.1", "direct.2", "cluster.3"]',
            "steps = []",
            "notes[0].steps",
            "onbekende of geen stap: (leeg)",
        ),
        (
            'read = "2026-11"',
            'read = "november 2026"',
            "notes[0].sources[0].read",
            ("verwacht jaar en maand als 2026-11, gevonden 'november 2026'"),
        ),
        (
            '  url = "https://www.logius.nl/',
            '  url = "mailto:digid@logius.nl"\n  oud = "https://www.logius.nl/',
            ("notes[0].sources[0].url"),
            "een bron is een https-adres",
        ),
        (
            'old = "https://logius.nl/diensten/digid/ict-beveiligingsassessments-digid/het-meervoudig-assessment"',
            ('old = "https://logius.nl/niet-in-de-factsheet"'),
            "newer_addresses[1].old",
            "geen link van de factsheet: https://logius.nl/niet-in-de-factsheet",
        ),
    ],
)
def test_a_wrong_edit_of_today_s_rules_is_named(
    folder: Path, old: str, new: str, key: str, problem: str
) -> None:
    assert (
        refusal(folder, "current.nl.toml", old, new)
        == f"Inhoudsbestand current.nl.toml, sleutel '{key}': {problem}"
    )


def test_today_s_rules_keep_each_note_section_and_newer_address_of_their_file() -> None:
    given = in_file("current.nl.toml")
    content = load_content(CONTENT_DIR)

    def sources(entry: dict) -> list[tuple[str, str, str]]:
        return [(shown(each["label"]), each["url"], each["read"]) for each in entry["sources"]]

    assert [
        (n.id, n.steps, n.title, n.text, [(s.label, s.url, s.read) for s in n.sources])
        for n in content.current_notes
    ] == [
        (each["id"], tuple(each["steps"]), shown(each["title"]), shown(each["text"]), sources(each))
        for each in given["notes"]
    ]
    assert [len(section.blocks) for section in content.info] == [
        len(each["blocks"]) for each in given["info"]
    ]
    assert [(i.id, i.title, [(s.label, s.url, s.read) for s in i.sources]) for i in content.info] == [
        (each["id"], shown(each["title"]), sources(each)) for each in given["info"]
    ]
    newer = {each["old"]: each["new"] for each in given["newer_addresses"]}
    links = [link for flow in content.flows.values() for step in flow.steps for link in step.links]
    links += [link for flow in content.flows.values() for link in flow.more_info.links]
    assert {link.url: link.newer_url for link in links if link.newer_url} == {
        old: new for old, new in newer.items() if old in {link.url for link in links}
    }
    assert set(newer) <= {link.url for link in links}
    assert all(link.newer_url == "" for link in links if link.url not in newer)


def test_the_general_wording_keeps_its_file_s_texts() -> None:
    """Read beside the loader: the start page's texts, each connection type's and role's words,
    the step statuses, the timeline's groups, advice and threat, and the history's two intros (a
    laptop, a shared database)."""
    given = in_file("general.nl.toml")
    general = load_general(CONTENT_DIR / "general.nl.toml")
    for key in ("welcome", "saved_here", "saved_shared", "title", "choice_intro"):
        assert getattr(general, key) == shown(given[key])
    assert [section.title for section in general.sections] == [
        shown(each["title"]) for each in given["sections"]
    ]
    assert (general.important_label, general.important) == (
        shown(given["important"]["label"]),
        tuple(shown(each) for each in given["important"]["paragraphs"]),
    )
    assert {
        connection.value: (kind.label, kind.choice, kind.assessment, kind.summary, kind.who_does_the_work)
        for connection, kind in general.connection_types.items()
    } == {
        key: tuple(
            shown(each[field]) for field in ("label", "choice", "assessment", "summary", "who_does_the_work")
        )
        for key, each in given["connection_types"].items()
    }
    assert {role.value: (w.name, w.noun, w.own, w.other) for role, w in general.roles.items()} == {
        key: tuple(shown(each[field]) for field in ("name", "noun", "own", "other"))
        for key, each in given["roles"].items()
    }
    assert {status.value: text for status, text in general.status_labels.items()} == {
        key: shown(text) for key, text in given["status"].items()
    }
    timeline = given["timeline"]
    for group in ("countdown", "urgency", "agenda", "fields", "notes", "what"):
        assert getattr(general.timeline, group) == {key: shown(text) for key, text in timeline[group].items()}
    assert general.timeline.advice_label == shown(timeline["advice"]["label"])
    assert general.timeline.threat_consequence_detail == shown(timeline["threat"]["consequence_detail"])
    assert (general.timeline.threat_link.label, general.timeline.threat_link.url) == (
        shown(timeline["threat"]["link_label"]),
        timeline["threat"]["link_url"],
    )
    assert (general.history.intro, general.history.intro_shared) == (
        shown(given["history"]["intro"]),
        shown(given["history"]["intro_shared"]),
    )


def test_a_note_of_today_s_rules_without_sources_is_refused(folder: Path) -> None:
    """What the app says beside the factsheet must say where it comes from."""
    path = folder / "current.nl.toml"
    text = re.sub(r"  \[\[notes\.sources\]\]\n(  .*\n)*\n", "", path.read_text(encoding="utf-8"), count=3)
    path.write_text(
        text.replace('title = "Normenkader', 'sources = []\ntitle = "Normenkader', 1), encoding="utf-8"
    )
    assert loading_fails(folder) == (
        "Inhoudsbestand current.nl.toml, sleutel 'notes[0].sources': minstens één bron is nodig"
    )


def test_a_flow_file_holding_the_other_flow_is_named(folder: Path) -> None:
    shutil.copy(folder / "cluster.nl.toml", folder / "direct.nl.toml")
    assert loading_fails(folder) == (
        "Inhoudsbestand direct.nl.toml, sleutel 'id': verwacht 'direct', gevonden 'cluster'"
    )
