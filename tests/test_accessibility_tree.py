"""What a screen reader gets: the real app under Xvfb in its own D-Bus session, its accessibility
tree read through AT-SPI by Debian's client library (tests/atspi_app.py walks the pages with
tests/atspi_walk.py). `.ci/run` installs at-spi2-core, python3-pyatspi and dbus for this."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gui.links import link_address
from model.content import Connection, bundled_content

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = "/usr/bin/python3"
CONTENT = bundled_content()
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "link",
    "page tab",
    "text",
    "entry",
    "spin button",
    "combo box",
    "list item",
    "menu item",
    "table",
    "list",
}
PAGES = ("start", "dossier", "direct.1", "direct.7", "deadlines", "info", "cluster.1", "register")
NAV_NAMES = {
    "Dossiergegevens",
    "Termijnen",
    "Deelnemende zorgaanbieders",
    "Overzicht",
    "Begrippen",
    "Meer informatie",
}
Node = dict[str, object]


def client_missing() -> str:
    for tool in ("dbus-run-session", "xvfb-run", "xauth"):
        if shutil.which(tool) is None:
            return tool
    found = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    return "" if found.returncode == 0 else "python3-pyatspi"


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Node]]:
    missing = client_missing()
    if missing:
        pytest.skip(f"the AT-SPI client needs {missing} (.ci/run installs it)")
    folder = tmp_path_factory.mktemp("atspi")
    (folder / "data").mkdir()
    out = folder / "tree.json"
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "HOME": str(folder),
        "XDG_RUNTIME_DIR": str(folder),
    }
    command = [
        "dbus-run-session",
        "--",
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1366x728x24",
        sys.executable,
        str(ROOT / "tests" / "atspi_app.py"),
        str(folder / "data"),
        str(out),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, env=environment, check=False)
    assert done.returncode == 0 and out.exists(), done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def named(nodes: list[Node], role: str) -> dict[str, Node]:
    return {str(each["name"]): each for each in nodes if each["role"] == role}


def test_every_page_was_walked(tree: dict[str, list[Node]]) -> None:
    assert tuple(tree) == PAGES
    for page, nodes in tree.items():
        assert len(nodes) > 30, page  # the page's own widgets, not only the window frame


@pytest.mark.parametrize("page", PAGES)
def test_every_interactive_element_has_a_name(tree: dict[str, list[Node]], page: str) -> None:
    unnamed = [
        (each["role"], each["description"])
        for each in tree[page]
        if each["role"] in INTERACTIVE and str(each["name"]).strip() in ("", "—")
    ]
    assert unnamed == []


@pytest.mark.parametrize("page", ["direct.1", "direct.7", "cluster.1"])
def test_a_step_page_has_its_links_as_links_and_its_warnings_in_full(
    tree: dict[str, list[Node]], page: str
) -> None:
    flow = CONTENT.flows[Connection(page.split(".")[0])]
    step = flow.step(page)
    nodes = tree[page]
    links = named(nodes, "link")
    for link in step.links:
        assert link.label in links, link.label
        assert links[link.label]["description"] == link_address(link.newer_url or link.url)
        assert "Press" in links[link.label]["actions"]
    for warning in step.warnings:
        assert any(each["name"] == warning.label and each["description"] == warning.text for each in nodes)
    for note in CONTENT.notes_for(step.id):
        assert any(
            each["name"] == f"Actueel: {note.title}" and each["description"] == note.text for each in nodes
        )
    link_texts = {link.label for link in step.links}
    assert not [each for each in nodes if each["role"] != "link" and each["name"] in link_texts]
    heading = next(each for each in nodes if each["role"] == "heading" and each["focused"])
    assert heading["name"] == f"Stap {step.number} van {len(flow.steps)}: {step.title}"  # said on arrival


def test_the_sources_on_meer_informatie_are_links(tree: dict[str, list[Node]]) -> None:
    links = named(tree["info"], "link")
    sources = [source for section in CONTENT.info for source in section.sources]
    assert len(links) >= len({source.label for source in sources}) >= 10
    for source in sources:
        assert links[source.label]["description"] == source.url


def test_the_countdown_and_its_advice_are_read_in_full(tree: dict[str, list[Node]]) -> None:
    wording = CONTENT.general.timeline
    nodes = tree["deadlines"]
    assert any(str(each["name"]).startswith("Nog ") and "dagen" in str(each["name"]) for each in nodes)
    advice = next(each for each in nodes if each["name"] == f"⚠ {wording.advice_label}")  # due soon
    first_words = wording.advice["first_report"]["soon"].split("{")[0]
    assert str(advice["description"]).startswith(first_words) and len(first_words) > 10
    mail = named(nodes, "link")[wording.threat_link.label]
    assert mail["description"] == "DigiDassessment@logius.nl"


@pytest.mark.parametrize("page", ["start", "dossier"])
def test_the_important_box_is_read_in_full(tree: dict[str, list[Node]], page: str) -> None:
    general = CONTENT.general
    assert any(
        each["name"] == general.important_label and each["description"] == "\n".join(general.important)
        for each in tree[page]
    )


def test_the_side_bar_is_tabs_and_folds_are_buttons(tree: dict[str, list[Node]]) -> None:
    nodes = tree["direct.1"]
    tabs = named(nodes, "page tab")
    assert set(tabs) == NAV_NAMES - {"Deelnemende zorgaanbieders"}
    assert not [name for name in named(nodes, "check box") if name in NAV_NAMES | {"Geschiedenis tonen"}]
    assert [name for name, tab in named(tree["deadlines"], "page tab").items() if tab["selected"]] == [
        "Termijnen"
    ]
    fold = next(
        each for each in nodes if each["role"] == "push button" and "Toelichting" in str(each["name"])
    )
    assert fold["expanded"]  # open on the first visit
    assert "Geschiedenis tonen" in named(nodes, "push button")


def test_the_register_names_each_field_with_its_context(tree: dict[str, list[Node]]) -> None:
    nodes = tree["register"]
    boxes = [str(each["name"]) for each in nodes if each["role"] == "check box"]
    dates = [name for name in boxes if name.endswith(": nog niet")]
    assert "Akkoordverklaring getekend op: nog niet" in dates and len(dates) == len(set(dates)) == 4
    assert not [each for each in nodes if each["role"] == "spin button" and each["name"] in ("", "—")]
    assert "careProviderTable" not in json.dumps(nodes)  # an object name is no name for a person
    assert named(nodes, "table")["Deelnemende zorgaanbieders"]


def test_the_start_page_table_and_buttons(tree: dict[str, list[Node]]) -> None:
    nodes = tree["start"]
    assert named(nodes, "table")["Uw dossiers"]
    assert {"Nieuw dossier", "Openen"} <= set(named(nodes, "push button"))
    assert named(nodes, "heading")["DigiD Assessment Wegwijzer"]
