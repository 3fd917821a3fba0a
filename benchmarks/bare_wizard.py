"""The baseline process: a bare QApplication showing an empty QWizard, the same shape as --smoke-test.

With --orm it imports `sqlalchemy.orm` first (before PySide6, the cheaper order, as main.py does):
the floor of an app whose design needs the ORM before its first save.
"""

import sys

if "--orm" in sys.argv:
    import sqlalchemy.orm  # noqa: F401

# isort: split
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard


def main() -> int:
    app = QApplication(sys.argv[:1])
    wizard = QWizard()
    wizard.show()
    QTimer.singleShot(0, wizard.close)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
