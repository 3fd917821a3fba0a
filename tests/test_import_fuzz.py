"""Fuzzing the import with mutated real exports: refused cleanly and nothing changed, or imported and
the app's start page builds and that dossier's PDF is written."""

import re
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import HealthCheck, event, given, settings
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from gui.day_clock import DayClock
from gui.printing import write_pdf
from gui.start_page import StartPage
from model.backups import content_digest
from model.content import bundled_content
from model.exchange import ImportFileError, parse_import
from model.store import Store
from model.summary import footer_text, load_summary_input, summary_html
from tests.app_process import ROOT
from tests.import_mutations import filled, mutated_exports, own_folder

TODAY = date(2026, 11, 28)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated_exports())
def test_a_mutated_export_is_refused_cleanly_or_works_everywhere(qtbot: QtBot, exported: bytes) -> None:
    content = bundled_content()
    with own_folder() as folder:
        store = Store(folder)
        filled(store)
        before = content_digest(store.path)
        try:
            snapshot = parse_import(exported)
        except ImportFileError as refusal:
            event("refused")
            assert str(refusal) and "\n" not in str(refusal)
            assert content_digest(store.path) == before
            store.close()
            return
        event("imported")
        imported = store.add_snapshot(snapshot, store.free_name(snapshot.dossier.name))
        page = StartPage(store, content, DayClock(lambda: TODAY))
        qtbot.addWidget(page)
        table = page.findChild(QTableWidget, "dossierList")
        assert table.rowCount() == 2
        assert not any(table.item(row, 1).text().startswith("Beschadigd") for row in range(2))
        dossier = store.dossier(imported.id)
        summary = load_summary_input(store, content, dossier, TODAY, with_history=True)
        write_pdf(summary_html(summary), footer_text(dossier), folder / "dossier.pdf")
        assert (folder / "dossier.pdf").stat().st_size > 1000
        store.close()


@pytest.mark.e2e
def test_the_fuzz_command_checks_a_few_files_end_to_end() -> None:
    """A tiny run of `python dev.py fuzz-import`; the long run is not part of the suite (docs/testing.md)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "fuzz_import.py"), "12", "--seed", "3", "--real-every", "1000"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    summary = re.fullmatch(
        r"12 files \(seed 3\) in \d+ s: (\d+) refused, (\d+) imported "
        r"\((\d+) of them also as real processes\), 0 broke a rule\n",
        result.stdout,
    )
    assert summary, result.stdout
    refused, imported, real = map(int, summary.groups())
    assert refused + imported == 12 and imported >= 1 and real == 1
