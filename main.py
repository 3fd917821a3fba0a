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


def local_data_folder(data_dir: Path | None = None) -> Path:
    """The local data folder: the database on this computer and the user's own settings."""
    from model.locations import default_data_dir

    return data_dir or default_data_dir()


def given_source(text: str) -> Path | str:
    """A data folder or a shared database's address, as given on the command line."""
    return text if "://" in text else Path(text)


def remembered_shared_database(data_dir: Path | None, database_url: str | None):
    """The shared database chosen in Dossier → Gegevensbron, when the command line names no source."""
    if data_dir or database_url:
        return None
    from model.user_settings import UserSettings

    return UserSettings(local_data_folder()).data_source()


def data_source(data_dir: Path | None = None, database_url: str | None = None) -> Path | str:
    """Where the data are: a shared database's address (given, or chosen in the app), else the
    local data folder (the user's own by default)."""
    remembered = remembered_shared_database(data_dir, database_url)
    if remembered is not None:
        from model.user_settings import stored_password

        return remembered.address(stored_password(remembered))
    return database_url or local_data_folder(data_dir)


def load_sqlalchemy_before_qt() -> None:
    """PySide6's import hook (PYSIDE-2029) reads the source of every module imported after it, and
    SQLAlchemy has some 150 of them."""
    import model.store.store  # noqa: F401


def paints_first(source: Path | str) -> bool:
    """Whether the window can be painted before SQLAlchemy loads (model.first_paint)."""
    from model.first_paint import kept_answers
    from model.locations import cache_dir
    from model.store import DATABASE_NAME

    return isinstance(source, Path) and kept_answers(cache_dir(), source / DATABASE_NAME) is not None


def create_main_window(source: Path | str | None = None):
    """Build the whole main window on the running QApplication, unshown.

    Any problem with the data raises StoreError and nothing in the folder is touched; main() asks
    the user instead (gui.startup.open_data)."""
    from gui.application import prepare_application
    from model.store import Store

    prepare_application()
    return window_on(Store(source or data_source(), set_aside_damaged=False))


def window_on(store, lock=None):
    """The main window on an opened store; `lock`: its data folder's, held while the window works there."""
    from gui.main_window import MainWindow
    from model.content import bundled_content

    window = MainWindow(store, bundled_content())
    window.folder_lock = lock
    return window


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

    load_sqlalchemy_before_qt()
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
    from model.store import StoreError

    if not paints_first(source):
        load_sqlalchemy_before_qt()

    # isort: split
    from PySide6.QtWidgets import QApplication

    from gui.application import prepare_application
    from gui.dialogs import inform
    from gui.startup import (
        FolderInUseError,
        after_first_paint,
        ask_display_name_once,
        open_data,
        open_when_painted,
        remembered_address,
    )

    app = QApplication.instance() or QApplication(sys.argv[:1])
    prepare_application()
    unattended = arguments.smoke_test or arguments.smoke_test_print  # nobody there to answer a dialog
    remembered = remembered_shared_database(arguments.data_dir, arguments.database_url)
    if remembered is not None and not unattended:  # no password in the credential store: ask for it
        source = remembered_address(remembered)
    try:
        # A data folder is for one app at a time; a shared database is for several people at once.
        store, lock = open_data(source, local_data_folder(arguments.data_dir), interactive=not unattended)
    except FolderInUseError as error:
        if not unattended:
            inform(None, APP_NAME, str(error))
        return fail(str(error))
    except StoreError as error:
        return fail(str(error))
    window = window_on(store, lock)
    window.show()
    if not unattended:
        ask_display_name_once(window, store, window.user)
    if arguments.smoke_test_print:
        from gui.print_smoke_test import check_print_previews

        outcome = check_print_previews(window)  # the previews' own event loops run the window too
        window.close()
        return outcome
    if arguments.smoke_test:
        after_first_paint(window, window.close)
    else:
        open_when_painted(window)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
