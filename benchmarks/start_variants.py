"""Two starts the smoke test does not show, as whole processes like it (`startup.py` runs them):

    start_variants.py until-open APP_DIR FOLDER    # the window painted, then the database opened
                                                   # (SQLAlchemy loaded): when a first save can be made
    start_variants.py data-changed APP_DIR FOLDER  # a smoke test after another program wrote to the
                                                   # database: the kept answers no longer fit

The app paints its window from the answers it kept at its last close and opens the database
after that paint (model.first_paint); the smoke test closes at the paint. These say what comes
after the paint, and what a start costs without fitting answers.
"""

import runpy
import sqlite3
import sys
import time
from pathlib import Path


def main() -> None:
    mode, app_dir, folder = sys.argv[1], sys.argv[2], sys.argv[3]
    sys.path.insert(0, app_dir)
    if mode == "data-changed":
        from model.store.names import DATABASE_NAME

        other_program = sqlite3.connect(Path(folder) / DATABASE_NAME)  # as --copy-from would, say
        with other_program:
            other_program.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('benchmark', ?)", (str(time.time_ns()),)
            )
        other_program.close()
        sys.argv = [f"{app_dir}/main.py", "--smoke-test", "--data-dir", folder]
        runpy.run_path(sys.argv[0], run_name="__main__")
        return
    import main as app
    from model import first_paint

    opening = first_paint.FirstPaintStore.open

    def open_then_close(store):  # the window closes as soon as its database is open
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        def close() -> None:
            for window in QApplication.topLevelWidgets():
                if window.objectName() == "mainWindow":
                    window.close()

        real = opening(store)
        QTimer.singleShot(0, close)  # at the next turn of the event loop: the window may be being built
        return real

    first_paint.FirstPaintStore.open = open_then_close
    sys.exit(app.main(["--data-dir", folder]))


if __name__ == "__main__":
    main()
