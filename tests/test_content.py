"""The content files hold the whole factsheet, with stable ids, and broken files fail by name."""

import re
import shutil
from pathlib import Path

import pytest

from model.content import Connection, ContentError, Role, Step, bundled_content
from model.content_loader import load_content
from model.locations import resources_dir

FIXTURES = Path(__file__).parent / "fixtures"
CONTENT_DIR = resources_dir() / "content"
STEP_HEADING = re.compile(r"^ Stap (\d+)\s*$")


def letters(text: str) -> str:
    """Only letters and digits, lower case: blind to line breaks, hyphenation and stray marks."""
    return re.sub(r"[^0-9a-zà-ÿ]", "", text.lower())


def seed_step_sections() -> list[list[str]]:
    """The factsheet's step pages in order (7 direct, then 10 cluster), each as its lines."""
    lines = (FIXTURES / "factsheet.txt").read_text(encoding="utf-8").splitlines()
    sections: list[list[str]] = []
    for line in lines:
        if STEP_HEADING.match(line):
            sections.append([])
        elif line.startswith(" Meer informatie") or line.startswith(" Clusteraansluiting"):
            sections.append(None)  # a non-step page ends the step before it
        elif sections and sections[-1] is not None:
            sections[-1].append(line)
    return [section for section in sections if section is not None]


def seed_steps() -> list[tuple[Step, list[str]]]:
    content = bundled_content()
    steps = [*content.flows[Connection.DIRECT].steps, *content.flows[Connection.CLUSTER].steps]
    sections = seed_step_sections()
    assert len(sections) == len(steps) == 17
    return list(zip(steps, sections, strict=True))


def as_printed(step: Step, text: str) -> str:
    """The factsheet's own wording of a text the content corrected (kept as `original`)."""
    return next((each.original for each in step.corrections if each.shown == text), text)


def step_letters(step: Step) -> str:
    """The step as the factsheet printed it: corrected texts in their original wording."""
    parts = [step.title, step.purpose, step.action_items_intro]
    parts += [each for block in step.blocks for each in (block.text, block.intro, *block.items)]
    parts += [warning.label + " " + warning.text for warning in step.warnings]
    parts += [item.text for item in step.action_items]
    parts += [link.url for link in step.links]
    return letters(" ".join(as_printed(step, part) for part in parts))


def seed_url(line: str) -> str:
    """A link as the content writes it: '@' for '%40', an empty '?subject=' dropped."""
    return line.strip().replace("%40", "@").removesuffix("?subject=")


def mistaken_copy_start(step: Step, lines: list[str]) -> int:
    """Cluster step 9 repeats step 7's action items from 'Actiepunten' on; the rest is its own."""
    return lines.index("Actiepunten") if step.id == "cluster.9" else len(lines)


@pytest.mark.parametrize("connection, count", [(Connection.DIRECT, 7), (Connection.CLUSTER, 10)])
def test_both_flows_load_with_their_number_of_steps(connection: Connection, count: int) -> None:
    flow = bundled_content().flows[connection]
    assert [step.number for step in flow.steps] == list(range(1, count + 1))
    assert [step.id for step in flow.steps] == [f"{connection.value}.{n}" for n in range(1, count + 1)]


def test_every_line_of_every_step_page_is_in_the_content() -> None:
    for step, lines in seed_steps():
        own = step_letters(step)
        for line in lines[: mistaken_copy_start(step, lines)]:
            if line.strip() in ("", "Actiepunten") or line.startswith(("https://", "mailto:")):
                continue
            assert letters(line) in own, f"{step.id}: missing {line!r}"


def test_every_link_of_the_factsheet_is_in_its_step() -> None:
    for step, lines in seed_steps():
        urls = [seed_url(line) for line in lines if line.startswith(("https://", "mailto:"))]
        assert urls == [link.url for link in step.links], step.id


def test_every_warning_of_the_factsheet_is_in_its_step() -> None:
    for step, lines in seed_steps():
        printed = [line for line in lines if line.startswith(("Let op", "Belangrijk"))]
        assert len(printed) == len(step.warnings), step.id
        for line, warning in zip(printed, step.warnings, strict=True):
            assert letters(line) in letters(warning.label + as_printed(step, warning.text)), step.id


def test_every_action_item_of_the_factsheet_is_in_its_step() -> None:
    """Counts the printed bullets below 'Actiepunten' and finds each one's text in its item."""
    for step, lines in seed_steps():
        if step.id == "cluster.9":
            continue  # its printed items are step 7's, by mistake; see the next test
        start = lines.index("Actiepunten") + 1
        bullets: list[str] = []
        for line in lines[start:]:
            if line.startswith(("https://", "mailto:", "Let op", "Voor een vlot")):
                break
            if line.startswith("-"):
                bullets.append(line)
            elif bullets and line.strip():
                bullets[-1] += " " + line
        assert len(bullets) == len(step.action_items), step.id
        for bullet, item in zip(bullets, step.action_items, strict=True):
            assert letters(bullet) == letters(as_printed(step, item.text)), f"{step.id}: {bullet!r}"


def test_cluster_step_9_has_its_own_action_items_not_step_7s() -> None:
    flow = bundled_content().flows[Connection.CLUSTER]
    step_9, step_7 = flow.step("cluster.9"), flow.step("cluster.7")
    assert step_9.title == "Vaststellen uitkomst assessment"
    assert flow.step("cluster.10").title == "Indienen auditrapportage"
    texts = [item.text for item in step_9.action_items]
    assert not set(texts) & {item.text for item in step_7.action_items}
    assert any("uitkomst" in text and "auditrapport" in text for text in texts)
    assert any("verbeterplan" in text for text in texts)
    comment = (CONTENT_DIR / "cluster.nl.toml").read_text(encoding="utf-8")
    assert "The factsheet repeats step 7" in comment


def test_the_extra_lists_are_kept() -> None:
    cluster = bundled_content().flows[Connection.CLUSTER]
    conditions = [block for block in cluster.step("cluster.1").blocks if block.items]
    assert len(conditions) == 1 and len(conditions[0].items) == 4
    for step_id in ("cluster.6", "cluster.7"):
        smooth = [block for block in cluster.step(step_id).blocks if block.intro.startswith("Voor een vlot")]
        assert len(smooth) == 1 and len(smooth[0].items) == 3, step_id


def test_who_acts_in_each_step() -> None:
    flows = bundled_content().flows
    supplier_steps = {Connection.DIRECT: {2, 4, 6}, Connection.CLUSTER: {1, 2, 3, 4, 6, 8, 10}}
    for connection, flow in flows.items():
        for step in flow.steps:
            expected = Role.SUPPLIER if step.number in supplier_steps[connection] else Role.CARE_PROVIDER
            assert step.actor == expected, step.id


def test_ids_are_unique_and_match_the_committed_list() -> None:
    """An accidental rename of an id would orphan users' ticks: the committed list catches it."""
    content = bundled_content()
    ids = [
        each
        for flow in content.flows.values()
        for step in flow.steps
        for each in (step.id, *(item.id for item in step.action_items))
    ]
    assert len(ids) == len(set(ids))
    committed = (Path(__file__).parent / "content_ids.txt").read_text(encoding="utf-8").split()
    assert ids == committed


def test_general_part_explains_connection_types_and_parties() -> None:
    general = bundled_content().general
    assert set(general.connection_types) == set(Connection)
    text = " ".join(block.text for section in general.sections for block in section.blocks)
    assert "Logius" in text and "DICTU" in text
    assert any("twee maanden" in paragraph for paragraph in general.important)


def test_only_https_and_mailto_links() -> None:
    for flow in bundled_content().flows.values():
        for link in [*(link for step in flow.steps for link in step.links), *flow.more_info.links]:
            assert link.url.startswith(("https://", "mailto:")), link.url


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "file, old, new, named",
    [
        ("direct.nl.toml", 'actor = "care_provider"', 'actor = "auditor"', "steps[0].actor"),
        ("direct.nl.toml", 'id = "direct.1.2"', 'id = "direct.1.1"', "direct.1.1"),
        (
            "cluster.nl.toml",
            'url = "https://www.norea.nl/"',
            'url = "javascript:alert(1)"',
            "steps[2].links[0].url",
        ),
        ("direct.nl.toml", 'purpose = "', 'purpose = "  " #', "steps[0].purpose"),
        ("general.nl.toml", "[roles.supplier]", "[roles.leverancier]", "roles.supplier"),
        ("cluster.nl.toml", "number = 3", "number = 33", "steps[2].id"),
    ],
)
def test_a_broken_file_names_the_file_and_the_key(
    content_copy: Path, file: str, old: str, new: str, named: str
) -> None:
    edit(content_copy / file, old, new)
    with pytest.raises(ContentError) as failure:
        load_content(content_copy)
    assert file in str(failure.value)
    assert named in str(failure.value)


def test_a_file_that_is_not_toml_is_named(content_copy: Path) -> None:
    (content_copy / "cluster.nl.toml").write_text("[[steps]\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"cluster\.nl\.toml"):
        load_content(content_copy)


def test_a_missing_file_is_named(content_copy: Path) -> None:
    (content_copy / "general.nl.toml").unlink()
    with pytest.raises(ContentError, match=r"general\.nl\.toml"):
        load_content(content_copy)
