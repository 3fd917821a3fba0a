"""The baseline process: a bare QApplication showing an empty QWizard, the same shape as --smoke-test."""

import sys

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
