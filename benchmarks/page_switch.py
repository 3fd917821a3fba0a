"""Switching wizard pages of a cluster dossier: go_to(key) until painted.

A page is built (and laid out) the first time it is shown, so first visits (a fresh window each
round, walking every page in order after a second of idling) and revisits (forwards and backwards
over pages already shown) are reported apart. The baseline is a bare QWizard of the same size with
as many plain pages (a title, a paragraph, four checkboxes), switched the same way.
"""

from pathlib import Path

from harness import Row, Target, milliseconds, percentile

TARGET_P99_MS = {"again": 16, "first": 50}  # a revisit within a frame; a first visit builds the page
WINDOW_SIZE = (1280, 800)  # the main window's own size
LOOK_AT_WINDOW_S = 1.0  # what a user needs at least before the first click


def probe(windows: int, rounds: int, baseline: bool = False) -> dict[str, list[float]]:
    from fixtures import fresh_folder

    samples: dict[str, list[float]] = {"first": [], "again": []}
    folder = None if baseline else fresh_folder()
    for _ in range(windows):
        if folder is None:
            _bare_wizard(samples, rounds)
        else:
            _app_window(samples, rounds, folder)
    return samples


def _record(samples: dict[str, list[float]], keys: list, go_to, rounds: int) -> None:
    """First visits in order, then `rounds` times forwards and backwards over the same pages."""
    from gui_session import idle, timed

    idle(LOOK_AT_WINDOW_S)
    shown = {keys[0]}  # the page the window opened on
    for key in keys:
        samples["again" if key in shown else "first"].append(timed(lambda key=key: go_to(key)))
        shown.add(key)
    for _ in range(rounds):
        for key in [*keys, *reversed(keys)]:
            samples["again"].append(timed(lambda key=key: go_to(key)))


def _app_window(samples: dict[str, list[float]], rounds: int, folder: Path) -> None:
    import fixtures
    from gui_session import main_window

    from model.store import Store

    store = Store(folder)  # every window opens on the dossier page, as a new session would
    store.set_position(fixtures.cluster_dossier(store).id, "dossier")
    store.close()
    with main_window(folder) as window:
        wizard = window.dossier_view.wizard
        _record(samples, list(wizard.keys), wizard.go_to, rounds)


def _bare_wizard(samples: dict[str, list[float]], rounds: int) -> None:
    from gui_session import application, settle
    from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWizard, QWizardPage

    application()
    wizard = QWizard()
    wizard.resize(*WINDOW_SIZE)
    for number in range(13):
        page = QWizardPage()
        page.setTitle(f"Stap {number + 1}")
        layout = QVBoxLayout(page)
        paragraph = QLabel("De zorgaanbieder en de ICT-leverancier spreken af wie wat doet. " * 4)
        paragraph.setWordWrap(True)
        layout.addWidget(paragraph)
        for item in range(4):
            layout.addWidget(QCheckBox(f"Actiepunt {item + 1}"))
        wizard.setPage(number, page)
    wizard.show()
    settle()
    _record(samples, list(range(13)), _bare_go_to(wizard), rounds)
    wizard.close()
    wizard.deleteLater()
    settle()


def _bare_go_to(wizard):
    """QWizard only steps: walk back or forth to the wanted page (one step in this benchmark)."""

    def go_to(page_id: int) -> None:
        while wizard.currentId() < page_id:
            wizard.next()
        while wizard.currentId() > page_id:
            wizard.back()

    return go_to


def rows(samples: dict[str, list[float]], bare: dict[str, list[float]]) -> list[Row]:
    result = []
    for kind, label in (("again", "revisit"), ("first", "first visit")):
        app, base = milliseconds(samples[kind]), milliseconds(bare[kind])
        result.append(
            Row(
                f"2. page switch, {label}, p99",
                percentile(app, 99),
                "ms",
                percentile(base, 99),
                Target(TARGET_P99_MS[kind], False),
                note=f"{len(app)} switches, p50 {percentile(app, 50):.1f} ms (bare QWizard p50 "
                f"{percentile(base, 50):.1f} ms)",
            )
        )
    return result
