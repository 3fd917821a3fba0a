"""The model layer stands on its own: importing it never loads Qt."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL_MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for path in (ROOT / "model").rglob("*.py")
)

IMPORT_ALL_AND_LIST_QT = f"""
import importlib, sys
for name in {MODEL_MODULES!r}:
    importlib.import_module(name)
print(sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6")))
"""


def test_the_model_modules_are_all_found() -> None:
    expected = {"model.store", "model.store.connection", "model.timeline", "model.summary", "model.exchange"}
    assert expected <= set(MODEL_MODULES)


@pytest.mark.e2e
def test_importing_every_model_module_loads_no_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL_AND_LIST_QT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout
