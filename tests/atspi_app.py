"""The real app on a real (virtual) screen, its pages walked through AT-SPI one after another.

    .venv/bin/python tests/atspi_app.py DATA_DIR OUT.json

Run it under Xvfb in a D-Bus session with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 (see
tests/test_accessibility_tree.py). For each page it shows the page, starts tests/atspi_walk.py with
the system Python (the one with Debian's AT-SPI bindings) and keeps the event loop running, so the
app answers the walker's questions; OUT.json gets {page: [node, ...]}.
"""

import json
import sys
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QProcess, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import main  # noqa: E402
from model.content import Connection, Role  # noqa: E402
from model.store import Store  # noqa: E402

SYSTEM_PYTHON = "/usr/bin/python3"
WALK_TIMEOUT_MS = 120_000


def walk(pid: int) -> list[dict]:
    walker = QProcess()
    loop = QEventLoop()
    walker.finished.connect(loop.quit)
    QTimer.singleShot(WALK_TIMEOUT_MS, loop.quit)
    walker.start(SYSTEM_PYTHON, [str(ROOT / "tests" / "atspi_walk.py"), str(pid)])
    loop.exec()  # the app keeps answering the walker meanwhile
    if walker.state() != QProcess.ProcessState.NotRunning:
        walker.kill()
        walker.waitForFinished()
        raise SystemExit("the AT-SPI walker did not finish")
    if walker.exitCode() != 0:
        raise SystemExit(bytes(walker.readAllStandardError()).decode())
    return json.loads(bytes(walker.readAllStandardOutput()).decode())


def settle(milliseconds: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def main_scenario(data_dir: Path, out: Path) -> None:
    store = Store(data_dir)
    threatened = date.today() - relativedelta(months=2) + relativedelta(days=3)  # the warning shows
    direct = store.create_dossier("Praktijk De Linde", Connection.DIRECT, Role.CARE_PROVIDER, threatened)
    cluster = store.create_dossier("Leverancier Noord", Connection.CLUSTER, Role.SUPPLIER, None)
    store.close()
    app = QApplication(sys.argv[:1])
    window = main.create_main_window(data_dir)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 728)
    window.show()
    window.activateWindow()
    pid = QApplication.applicationPid()

    def dossier_page(dossier_id: int, key: str):
        def show() -> None:
            window.open_dossier(dossier_id)
            window.dossier_view.wizard.go_to(key)

        return show

    pages = {
        "start": window.show_start,
        "dossier": dossier_page(direct.id, "dossier"),
        "direct.1": dossier_page(direct.id, "direct.1"),
        "direct.7": dossier_page(direct.id, "direct.7"),
        "deadlines": dossier_page(direct.id, "deadlines"),
        "info": dossier_page(direct.id, "info"),
        "cluster.1": dossier_page(cluster.id, "cluster.1"),
        "register": dossier_page(cluster.id, "register"),
    }
    walked = {}
    for name, show in pages.items():
        show()
        settle()
        walked[name] = walk(pid)
    out.write_text(json.dumps(walked, ensure_ascii=False, indent=1), encoding="utf-8")
    window.close()
    app.quit()


if __name__ == "__main__":
    main_scenario(Path(sys.argv[1]), Path(sys.argv[2]))
