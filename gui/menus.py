"""The menu bar as a table: each menu's actions with their objectNames, Dutch texts and shortcuts.

MainWindow walks it once; the objectNames are part of the automation contract (DESIGN.md).
"""

from dataclasses import dataclass

from PySide6.QtGui import QKeySequence

from model.locations import APP_NAME


@dataclass(frozen=True)
class MenuEntry:
    """One menu action: its objectName (kept stable for tests and automation), its Dutch text,
    its shortcut and the MainWindow method it calls."""

    name: str
    text: str
    shortcut: QKeySequence.StandardKey | str
    slot: str
    needs_dossier: bool = False  # disabled while no dossier is open
    checkable: bool = False  # the slot gets the new state
    shared_only: bool = False  # shown only while the data are in a shared database


SEPARATOR = None
Keys = QKeySequence.StandardKey
MENUS: tuple[tuple[str, tuple[MenuEntry | None, ...]], ...] = (
    (
        "&Dossier",
        (
            MenuEntry("actionNewDossier", "&Nieuw dossier", Keys.New, "new_dossier"),
            MenuEntry("actionOpenDossier", "&Alle dossiers …", Keys.Open, "show_start"),
            MenuEntry(
                "actionStartRound", "Nieuwe &jaarronde starten …", "", "start_round", needs_dossier=True
            ),
            SEPARATOR,
            MenuEntry(
                "actionPrintPreview",
                "Afdruk&voorbeeld …",
                "Ctrl+Shift+P",
                "preview_summary",
                needs_dossier=True,
            ),
            MenuEntry("actionPrint", "Af&drukken …", Keys.Print, "print_summary", needs_dossier=True),
            MenuEntry(
                "actionExportPdf", "Opslaan als &PDF …", "Ctrl+Shift+S", "export_pdf", needs_dossier=True
            ),
            MenuEntry(
                "actionExportDossier", "Dossier &exporteren …", "", "export_dossier", needs_dossier=True
            ),
            MenuEntry(
                "actionSummaryHistory",
                "&Geschiedenis in samenvatting",
                "",
                "include_history_in_summary",
                checkable=True,
            ),
            MenuEntry(
                "actionSummaryExplanation",
                "&Toelichting in samenvatting",
                "",
                "include_explanation_in_summary",
                checkable=True,
            ),
            SEPARATOR,
            MenuEntry("actionImportDossier", "Dossier &importeren …", "", "import_dossier"),
            MenuEntry(
                "actionCopyToShared",
                "Dossiers kopiëren naar de ge&deelde database …",
                "",
                "copy_dossiers_to_shared",
                shared_only=True,
            ),
            MenuEntry(
                "actionCopyToThisComputer",
                "Dossiers kopiëren naar deze &computer …",
                "",
                "copy_dossiers_to_this_computer",
                shared_only=True,
            ),
            MenuEntry("actionRestoreBackup", "&Back-up terugzetten …", "", "restore_backup"),
            MenuEntry("actionDataSource", "Gegevensb&ron …", "", "choose_data_source"),
            SEPARATOR,
            MenuEntry("actionQuit", "&Afsluiten", "Ctrl+Q", "close"),
        ),
    ),
    (
        "&Beeld",
        (
            MenuEntry("actionZoomIn", "&Groter", Keys.ZoomIn, "zoom_in"),
            MenuEntry("actionZoomOut", "&Kleiner", Keys.ZoomOut, "zoom_out"),
            MenuEntry("actionZoomReset", "&Normale grootte", "Ctrl+0", "zoom_reset"),
            SEPARATOR,
            MenuEntry("actionPresentation", "&Presentatiemodus", "F11", "toggle_presentation"),
        ),
    ),
    (
        "&Help",
        (
            MenuEntry("actionGlossary", "&Begrippen", Keys.HelpContents, "show_glossary", needs_dossier=True),
            MenuEntry("actionAbout", f"&Over {APP_NAME}", "", "about"),
        ),
    ),
    # Untitled: shortcuts on the window, in no menu. Ctrl+= zooms in without Shift on most keyboards.
    ("", (MenuEntry("actionZoomInEquals", "Groter", "Ctrl+=", "zoom_in"),)),
)
