"""The full summary of the main cluster dossier to PDF: model.summary's HTML painted by gui.printing.

The first export in a process also loads fonts and the PDF engine; it is reported on its own. The
baseline is the same writer with a one-line document: what any PDF costs here.
"""

from datetime import date
from time import perf_counter

from harness import Row, Target, median

TARGET_S = 0.5


def probe(runs: int) -> dict[str, list[float]]:
    import fixtures
    from gui_session import application

    from gui.printing import write_pdf
    from model.content import bundled_content
    from model.store import Store
    from model.summary import footer_text, load_summary_input, summary_html

    application()
    store = Store(fixtures.fresh_folder())
    dossier = fixtures.cluster_dossier(store)
    out = fixtures.scratch_dir()

    def export() -> None:
        data = load_summary_input(store, bundled_content(), dossier, date.today())
        write_pdf(summary_html(data), footer_text(dossier), out / "summary.pdf")

    def trivial() -> None:
        write_pdf("<p>Leeg.</p>", "Leeg", out / "empty.pdf")

    samples: dict[str, list[float]] = {"summary": [], "empty": []}
    for _ in range(runs + 1):  # the first of each is the cold one
        for name, action in (("summary", export), ("empty", trivial)):
            start = perf_counter()
            action()
            samples[name].append(perf_counter() - start)
    store.close()
    return samples


def rows(samples: dict[str, list[float]]) -> list[Row]:
    summary, empty = samples["summary"], samples["empty"]
    return [
        Row(
            "   full cluster summary → PDF",
            median(summary[1:]),
            "s",
            median(empty[1:]),
            Target(TARGET_S, False),
            note=f"median of {len(summary) - 1}; baseline: a one-line PDF with the same writer",
        ),
        Row(
            "   same, first export in the process",
            summary[0],
            "s",
            target=Target(TARGET_S, False),
            note="includes loading fonts and the PDF engine once",
        ),
    ]
