"""Zoom and presentation (F11) in a window whose pages have all been built: seconds per change until painted.

The zoom scales the app-wide style sheet and font; Qt then polishes every widget again, so the cost
grows with the pages built (all of them, after a few idle seconds or a walk through the steps).
"""

from time import process_time

from harness import Row, median

ZOOM_STEPS = ("zoom_in", "zoom_out")
IDLE_S = 8  # long enough for every page to be built again in idle moments


def probe(runs: int) -> dict[str, list[float]]:
    from fixtures import fresh_folder
    from gui_session import idle, main_window, timed

    samples: dict[str, list[float]] = {"zoom": [], "presentation": [], "cpu": []}
    with main_window(fresh_folder()) as window:
        wizard = window.dossier_view.wizard
        for key in wizard.keys:
            wizard.go_to(key)
        wizard.go_to(window.dossier_view.editor.flow.steps[2].id)
        built = len(wizard.built_pages())
        for _ in range(runs):
            idle(IDLE_S)  # the pages dropped by the last change are built again meanwhile
            for step in ZOOM_STEPS:
                cpu = process_time()
                samples["zoom"].append(timed(getattr(window, step)))
                samples["cpu"].append(process_time() - cpu)
            idle(IDLE_S)
            for on in (True, False):
                samples["presentation"].append(timed(lambda on=on: window.set_presentation(on)))
        window.zoom_reset()
        samples["built"] = [built, len(wizard.built_pages())]  # all pages built before, and again after
    return samples


def rows(samples: dict[str, list[float]]) -> list[Row]:
    """No target of its own in the issue; "not seconds" is the bar (2.5 s of CPU before)."""
    cpu_ms = median(samples["cpu"]) * 1000
    return [
        Row(
            "2. zoom in or out, all pages built",
            median(samples["zoom"]) * 1000,
            "ms",
            note=f"median of {len(samples['zoom'])}, until painted; CPU {cpu_ms:.0f} ms",
        ),
        Row(
            "2. presentation (F11) on or off, all pages built",
            median(samples["presentation"]) * 1000,
            "ms",
            note=f"median of {len(samples['presentation'])}, until painted",
        ),
    ]
