"""DigiD Assessment Wegwijzer: arguments, QApplication, open the store, show the window."""

import argparse
import sys
from pathlib import Path

from model.locations import APP_NAME
from model.version import __version__


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description=APP_NAME)
    parser.add_argument("--data-dir", type=Path, help="map voor de database (in plaats van de gebruikersmap)")
    parser.add_argument(
        "--smoke-test", action="store_true", help="start, toon het venster en sluit direct af"
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


def create_main_window(data_dir: Path | None = None):
    """Build the whole main window on the running QApplication, unshown."""
    from gui.application import prepare_application
    from gui.main_window import MainWindow
    from model.content import bundled_content
    from model.locations import default_data_dir
    from model.store import Store

    prepare_application()
    return MainWindow(Store(data_dir or default_data_dir()), bundled_content())


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from model.store import StoreError

    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        window = create_main_window(arguments.data_dir)
    except StoreError as error:
        print(error, file=sys.stderr)
        return 1
    window.show()
    if arguments.smoke_test:
        QTimer.singleShot(0, window.close)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
