"""A content file edited wrongly: each check says, in the words for whoever edits the file, which
file, which key and what is wrong. The checks that mutation testing found untested."""

import shutil
from pathlib import Path

import pytest

from model.content import ContentError
from model.content_loader import load_content
from tests.test_content import CONTENT_DIR, edit

STANDARD_CONTRACT = "U kunt het standaardcontract per e-mail aanvragen (zie de links bij deze stap)."
BARE_TEXT_TABLE = "een tabel als tekst heeft 'text' en 'original', 'yearly' of allebei"


def refusal(folder: Path, file: str, old: str, new: str) -> str:
    edit(folder / file, old, new)
    with pytest.raises(ContentError) as failure:
        load_content(folder)
    return str(failure.value)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    return tmp_path / "content"


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
        ("direct.nl.toml", "\nintro = [", "\ninleiding = [", "intro", "ontbreekt"),
    ],
)
def test_a_wrong_edit_is_named_with_file_key_and_problem(
    folder: Path, file: str, old: str, new: str, key: str, problem: str
) -> None:
    assert refusal(folder, file, old, new) == f"Inhoudsbestand {file}, sleutel '{key}': {problem}"
