"""Screenshots of every page and menu dialog, as a real window on a screen of a chosen size.

Run through `python dev.py screens OUT [--size 1366x728] [--zoom 1.5]`, which starts it under
Xvfb when there is no display. The whole screen is grabbed, so what falls off it shows as missing.
Two example dossiers are made in a temporary data folder through model/; nothing else is touched.
"""

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from model.content import Connection, Role
from model.dossier import CareProvider
from model.store import Store

# isort: split
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

SETTLE_MS = 400  # long enough for a page to be laid out and painted on a busy machine


def fill_data_folder(folder: Path, zoom: float) -> tuple[int, int]:
    """A direct dossier of a care provider and a cluster dossier of a supplier, part-way through."""
    store = Store(folder)
    today = date.today()
    direct = store.create_dossier(
        "Huisartsenpraktijk De Linde", Connection.DIRECT, Role.CARE_PROVIDER, today - timedelta(days=20)
    )
    for item in ("direct.1.1", "direct.1.2", "direct.2.1"):
        store.set_item_ticked(direct.id, item, True)
    store.set_note(
        direct.id, "direct.1", "Eisen doorgenomen met de praktijkhouder; auditor gebeld op maandag."
    )
    cluster = store.create_dossier(
        "Zorggroep Rivierenland — clusteraansluiting", Connection.CLUSTER, Role.SUPPLIER, None
    )
    for item in ("cluster.1.1", "cluster.1.2"):
        store.set_item_ticked(cluster.id, item, True)
    store.set_note(cluster.id, "cluster.1", "Randvoorwaarden met drie deelnemers besproken.")
    providers = (
        ("Fysiotherapie Het Anker", "12345678", today - timedelta(days=40), today - timedelta(days=12)),
        ("Tandartspraktijk Zuidwijk", "87654321", today - timedelta(days=35), today - timedelta(days=6)),
        ("Apotheek De Vijzel", "11223344", today - timedelta(days=10), None),
    )
    for name, kvk, signed, production in providers:
        store.save_care_provider(
            cluster.id,
            CareProvider(
                id=0,
                name=name,
                kvk=kvk,
                signatory_name="J. de Vries",
                signatory_function="Directeur",
                contract_signed=signed,
                akkoord_signed=signed,
                akkoord_submitted=signed + timedelta(days=2),
                production=production,
            ),
        )
    store.set_setting("zoom", str(zoom))
    store.close()
    return direct.id, cluster.id


class Camera:
    """Grabs the whole screen into numbered, descriptive PNG files."""

    def __init__(self, out: Path) -> None:
        self.out, self.number = out, 0
        out.mkdir(parents=True, exist_ok=True)

    def shoot(self, name: str) -> None:
        wait(SETTLE_MS)
        self.number += 1
        path = self.out / f"{self.number:02d}-{name}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
        print(path)

    def dialog(self, name: str, open_dialog: Callable[[], object]) -> None:
        """Open a modal dialog, grab it once it is painted, and cancel it (nothing is written)."""

        def grab_and_cancel() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(100, grab_and_cancel)
                return
            self.shoot(name)
            if isinstance(dialog, QMessageBox) and dialog.escapeButton() is None:
                dialog.done(0)
            else:
                dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

        QTimer.singleShot(SETTLE_MS, grab_and_cancel)
        open_dialog()
        wait(100)


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


PAGE_NAMES = {
    "dossier": "dossiergegevens",
    "deadlines": "termijnen",
    "register": "deelnemers",
    "overview": "overzicht",
    "glossary": "begrippen",
    "info": "meer-informatie",
}


def page_name(key: str) -> str:
    """'stap-03' for a step id such as 'direct.3', a Dutch word for the other pages."""
    return f"stap-{int(key.split('.')[1]):02d}" if "." in key else PAGE_NAMES.get(key, key)


def walk_dossier(camera: Camera, window, dossier_id: int, label: str) -> None:
    window.open_dossier(dossier_id)
    wizard = window.dossier_view.wizard
    for key in list(wizard.keys):
        wizard.go_to(key)
        camera.shoot(f"{label}-{page_name(key)}")


def take_all(out: Path, zoom: float) -> int:
    import main
    from gui.conflict_dialog import keep_mine
    from gui.data_actions import choose_backup
    from gui.dialogs import ask_text, confirm
    from gui.startup import ask_when_server_fails
    from model.backups import make_backup
    from model.store import StoreError
    from model.store.errors import server_problem

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="wegwijzer-screens-") as temp:
        folder = Path(temp)
        direct, cluster = fill_data_folder(folder, zoom)
        window = main.create_main_window(folder)
        window.show()
        camera = Camera(out)
        camera.shoot("startpagina")
        window.new_dossier()
        camera.shoot("nieuw-dossier")
        walk_dossier(camera, window, direct, "direct")
        window.dossier_view.wizard.go_to("direct.2")
        window.set_presentation(True)
        camera.shoot("direct-presentatiemodus-stap-2")
        window.set_presentation(False)
        walk_dossier(camera, window, cluster, "cluster")
        window.show_start()
        camera.shoot("startpagina-met-dossiers")

        camera.dialog("dialoog-over", window.about)
        camera.dialog(
            "dialoog-naam-wijzigen", lambda: ask_text(window, "Naam wijzigen", "Nieuwe naam:", "x", 120)
        )
        camera.dialog(
            "dialoog-verwijderen",
            lambda: confirm(window, "Dossier verwijderen", "Dit dossier verwijderen?", "Ja"),
        )
        camera.dialog(
            "dialoog-tekst-gewijzigd",
            lambda: keep_mine(
                window,
                "de notities bij stap 2",
                "Offerte gevraagd bij twee IT-auditors; keuze in de vergadering van 12 januari.",
                "Offerte gevraagd bij De Vries Audit.\nJansen RE belt terug.",
                "Anna",
            ),
        )
        make_backup(window.store.path, datetime.now())
        camera.dialog("dialoog-back-up-kiezen", lambda: choose_backup(window, window.store.backups()))
        camera.dialog("dialoog-gegevensbron", window.choose_data_source)
        where, reason = "postgresql+psycopg://jan@db.voorbeeld.nl:5432/wegwijzer", "timeout expired"
        unreachable = StoreError(server_problem(where, Exception(reason)))
        camera.dialog("dialoog-server-onbereikbaar", lambda: ask_when_server_fails(unreachable, folder))
        window.open_dossier(direct)
        camera.dialog("dialoog-importeren", window.import_dossier)
        camera.dialog("dialoog-exporteren", window.export_dossier)
        camera.dialog("dialoog-pdf-opslaan", window.export_pdf)
        camera.dialog("dialoog-afdrukvoorbeeld", window.preview_summary)  # last: it crashed before
        window.close()
    app.processEvents()
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="dev.py screens", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1366x728")
    parser.add_argument("--zoom", type=float, default=1.0)
    arguments = parser.parse_args(argv)
    return take_all(arguments.out, arguments.zoom)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
