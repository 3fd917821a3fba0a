"""DigiD Assessment Wegwijzer: arguments, QApplication, open the store, show the window."""

import argparse
import os
import sys
from pathlib import Path

from model.locations import APP_NAME
from model.system_errors import dutch_reason
from model.version import __version__


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description=APP_NAME)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--data-dir", type=Path, help="map voor de database (in plaats van de gebruikersmap)")
    source.add_argument(
        "--database-url",
        metavar="ADRES",
        help="een gedeelde PostgreSQL-database in plaats van de gegevensmap: "
        "postgresql+psycopg://gebruiker@server:5432/database (het wachtwoord bij voorkeur in PGPASSWORD "
        "of ~/.pgpass, niet in het adres)",
    )
    parser.add_argument(
        "--smoke-test", action="store_true", help="start, toon het venster en sluit direct af"
    )
    parser.add_argument(
        "--smoke-test-print",
        action="store_true",
        help="als --smoke-test, en open en sluit het afdrukvoorbeeld van het laatste dossier en van één stap",
    )
    parser.add_argument("--export-pdf", type=Path, metavar="OUT.pdf", help="schrijf de samenvatting als PDF")
    parser.add_argument(
        "--with-explanation",
        action="store_true",
        help="met toelichting: --export-pdf neemt bij elke stap de uitleg uit de factsheet op",
    )
    parser.add_argument(
        "--dossier",
        metavar="NAAM",
        help="het dossier voor --export-pdf, --export-json, --copy-to of --copy-from",
    )
    parser.add_argument(
        "--round",
        type=int,
        metavar="JAAR",
        help="voor --export-pdf: de jaarronde van dat jaar (0: het eerste assessment; standaard de nieuwste)",
    )
    parser.add_argument(
        "--export-json", type=Path, metavar="OUT.json", help="schrijf het dossier als dossierbestand"
    )
    parser.add_argument(
        "--import-json", type=Path, metavar="IN.json", help="importeer een dossierbestand als nieuw dossier"
    )
    copy = parser.add_mutually_exclusive_group()
    copy.add_argument(
        "--copy-to",
        metavar="DOEL",
        help="kopieer alle dossiers (of met --dossier één) naar DOEL: een gegevensmap of het adres van een "
        "gedeelde database; alles of niets, een bezette naam wordt ‘NAAM (2)’",
    )
    copy.add_argument(
        "--copy-from",
        metavar="BRON",
        help="kopieer alle dossiers (of met --dossier één) van BRON, een gegevensmap of het adres van een "
        "gedeelde database, naar deze gegevens; alles of niets",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


def data_source(data_dir: Path | None = None, database_url: str | None = None) -> Path | str:
    """Where the data are: a shared database's address, else the data folder (the user's own by default)."""
    from model.locations import default_data_dir

    return database_url or data_dir or default_data_dir()


def given_source(text: str) -> Path | str:
    """A data folder or a shared database's address, as given on the command line."""
    return text if "://" in text else Path(text)


def create_main_window(source: Path | str | None = None, interactive: bool = False):
    """Build the whole main window on the running QApplication, unshown.

    Only `interactive` (a user is there) asks what to do with a damaged database; otherwise any
    problem with the data raises StoreError and nothing in the folder is touched."""
    from gui.application import prepare_application
    from gui.main_window import MainWindow
    from gui.startup import open_store_interactively
    from model.content import bundled_content
    from model.store import Store

    prepare_application()
    source = source or data_source()
    store = open_store_interactively(source) if interactive else Store(source, set_aside_damaged=False)
    return MainWindow(store, bundled_content())


def store_to_read(source: Path | str):
    """The store for a report or an export: read as it is, nothing set aside or written, so a
    read-only folder works too."""
    from model.store import Store

    return Store(source, set_aside_damaged=False, read_only=True)


def write_from_dossier(source: Path | str, name: str | None, out: Path, what: str, write) -> int:
    """Open the store to read, find the dossier called `name` and `write(store, dossier)` to `out`;
    every failure is one Dutch line on stderr ("Het {what} {out} kan niet worden geschreven …")."""
    from model.store import StoreError

    if not name:
        return fail("Geef met --dossier de naam van het dossier op.")
    try:
        store = store_to_read(source)
    except StoreError as error:
        return fail(str(error))
    try:
        dossier = store.find_dossier(name)
        if dossier is None:
            known = ", ".join(f"‘{each.name}’" for each in store.list_dossiers()) or "geen"
            return fail(f"Er is geen dossier met de naam ‘{name}’ (aanwezig: {known}).")
        write(store, dossier)
    except StoreError as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"Het {what} {out} kan niet worden geschreven: {dutch_reason(error)}.")
    finally:
        store.close()
    return 0


def export_pdf(
    source: Path | str,
    name: str | None,
    out: Path,
    with_explanation: bool = False,
    round_year: int | None = None,
) -> int:
    """Write a dossier's full summary (of one round, by default the newest) to `out` without a
    window; one Dutch line on stderr on failure."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from gui.summary_printer import Handout
    from model.content import bundled_content
    from model.store import StoreError
    from model.summary import load_summary_input

    _app = QApplication.instance() or QApplication(sys.argv[:1])  # widgets: the timeline is painted

    def write(store, dossier) -> None:
        rounds = store.rounds(dossier.id)
        if round_year is not None and round_year not in rounds:
            known = ", ".join(str(each) for each in rounds)
            raise StoreError(f"Het dossier ‘{dossier.name}’ heeft geen ronde {round_year} (wel: {known}).")
        data = load_summary_input(store, bundled_content(), dossier, date.today(), round_year=round_year)
        Handout.of(data, with_explanation=with_explanation).write_pdf(out)

    return write_from_dossier(source, name, out, "PDF-bestand", write)


def export_dossier_file(source: Path | str, name: str | None, out: Path) -> int:
    """Write the dossier export file the menu writes, without a window."""
    from datetime import datetime

    from model.exchange import export_json

    def write(store, dossier) -> None:
        out.write_text(export_json(store.snapshot(dossier.id), datetime.now()), encoding="utf-8")

    return write_from_dossier(source, name, out, "dossierbestand", write)


def import_dossier_file(source: Path | str, file: Path) -> int:
    """Import an export file as a new dossier (a taken name gets a free one) and print the name used."""
    from model.exchange import ImportFileError, read_import
    from model.store import Store, StoreError

    try:
        snapshot = read_import(file)  # before the store: a refused file touches nothing
    except ImportFileError as problem:
        return fail(f"Dit bestand kan niet worden geïmporteerd. {problem}")
    try:
        store = Store(source, set_aside_damaged=False)
    except StoreError as error:
        return fail(str(error))
    try:
        imported = store.add_snapshot(snapshot, store.free_name(snapshot.dossier.name))
    except (StoreError, ValueError) as error:
        return fail(f"Het dossier kon niet worden geïmporteerd: {error}")
    finally:
        store.close()
    print(imported.name)
    return 0


def copy_dossiers(source: Path | str, target: Path | str, name: str | None) -> int:
    """Copy every dossier (or the one called `name`) from `source` to `target` in one transaction,
    and print the names used there; nothing is copied when one fails."""
    from datetime import datetime

    from model.exchange import CopyRefusedError, copy_dossiers, dossiers_to_copy
    from model.store import Store, StoreError

    if str(source) == str(target):
        return fail("Bron en doel van het kopiëren zijn dezelfde; er is niets gekopieerd.")
    try:
        reading = store_to_read(source)
    except StoreError as error:
        return fail(str(error))
    try:
        chosen = dossiers_to_copy(reading, name)
        writing = Store(target, set_aside_damaged=False)
        try:
            copies = copy_dossiers(reading, writing, chosen, datetime.now())
        finally:
            writing.close()
    except CopyRefusedError as problem:
        return fail(str(problem))
    except StoreError as error:  # a server's reason may go on with details on further lines
        return fail(f"Er is niets gekopieerd: {str(error).splitlines()[0]}")
    finally:
        reading.close()
    for copy in copies:
        print(copy.name)
    return 0


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    source = data_source(arguments.data_dir, arguments.database_url)
    if arguments.export_pdf:
        return export_pdf(
            source, arguments.dossier, arguments.export_pdf, arguments.with_explanation, arguments.round
        )
    if arguments.export_json:
        return export_dossier_file(source, arguments.dossier, arguments.export_json)
    if arguments.import_json:
        return import_dossier_file(source, arguments.import_json)
    if arguments.copy_to:
        return copy_dossiers(source, given_source(arguments.copy_to), arguments.dossier)
    if arguments.copy_from:
        return copy_dossiers(given_source(arguments.copy_from), source, arguments.dossier)
    # The model first: PySide6's import hook (PYSIDE-2029) reads the source of every module
    # imported after it, and SQLAlchemy has some 150 of them.
    from model.store import StoreError

    # isort: split
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui.application import prepare_application
    from gui.dialogs import inform
    from gui.startup import already_open_message, lock_data_folder

    app = QApplication.instance() or QApplication(sys.argv[:1])
    unattended = arguments.smoke_test or arguments.smoke_test_print  # nobody there to answer a dialog
    try:
        # A data folder is for one app at a time; a shared database is for several people at once.
        lock = lock_data_folder(source) if isinstance(source, Path) else None
        if isinstance(source, Path) and lock is None:
            if not unattended:
                prepare_application()
                inform(None, APP_NAME, already_open_message(source))
            return fail(already_open_message(source))
        window = create_main_window(source, interactive=not unattended)
    except StoreError as error:
        return fail(str(error))
    window.show()
    if arguments.smoke_test_print:
        from gui.print_smoke_test import check_print_previews

        outcome = check_print_previews(window)  # the previews' own event loops run the window too
        window.close()
        return outcome
    if arguments.smoke_test:
        QTimer.singleShot(0, window.close)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
