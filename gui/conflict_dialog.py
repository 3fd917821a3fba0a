"""Two people changed the same text at once (a shared database): show both and let the user choose.

Asked when a save is refused with StaleEditError; nothing is saved until the user chooses, so
neither text is silently overwritten. Closing the dialog keeps the user's own text, as "Mijn tekst
bewaren" does: what the user typed is never thrown away without a choice.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.page_parts import label
from gui.window_geometry import resize_within_screen

DIALOG_SIZE = (820, 480)  # fits a 1366 x 728 screen with room around it


def _text_box(text: str, name: str, title: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setObjectName(name)
    box.setAccessibleName(title)
    box.setReadOnly(True)
    box.setTabChangesFocus(True)
    box.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return box


class ConflictDialog(QDialog):
    """ "Uw tekst" beside "Tekst van <naam>": keep mine (saved on top of theirs), take theirs, or
    copy mine to the clipboard first."""

    def __init__(self, parent: QWidget | None, what: str, mine: str, theirs: str, author: str | None) -> None:
        super().__init__(parent)
        who = author or "een collega"
        self.setObjectName("conflictDialog")
        self.setWindowTitle("Tekst is intussen gewijzigd")
        self.keep_mine = True
        intro = label(
            f"Terwijl u {what} wijzigde, heeft {who} die ook gewijzigd. Uw tekst is nog niet bewaard. "
            "Kies welke tekst blijft. Wilt u iets uit beide houden? Kopieer dan eerst uw tekst, neem de "
            "andere over en plak er uw tekst bij."
        )
        intro.setObjectName("conflictIntro")
        texts = QGridLayout()
        titles = ("Uw tekst", f"Tekst van {who}")
        boxes = (_text_box(mine, "conflictMine", titles[0]), _text_box(theirs, "conflictTheirs", titles[1]))
        for column, (title, box) in enumerate(zip(titles, boxes, strict=True)):
            heading = label(title, "subheading")
            heading.setBuddy(box)
            texts.addWidget(heading, 0, column)
            texts.addWidget(box, 1, column)
        self.copy_button = QPushButton("Mijn tekst kopiëren")
        self.copy_button.setObjectName("conflictCopyMine")
        self.copy_button.clicked.connect(lambda: self._copy(mine))
        keep = QPushButton("Mijn tekst bewaren")
        keep.setObjectName("conflictKeepMine")
        keep.setDefault(True)
        keep.clicked.connect(self.accept)
        take = QPushButton(f"Tekst van {who} overnemen")
        take.setObjectName("conflictTakeTheirs")
        take.clicked.connect(self._take_theirs)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(take)
        buttons.addWidget(keep)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(texts, 1)
        layout.addLayout(buttons)
        resize_within_screen(self, *DIALOG_SIZE)

    def _copy(self, mine: str) -> None:
        QApplication.clipboard().setText(mine)
        self.copy_button.setText("Gekopieerd")

    def _take_theirs(self) -> None:
        self.keep_mine = False
        self.accept()


def keep_mine(parent: QWidget | None, what: str, mine: str, theirs: str, author: str | None) -> bool:
    """Ask which text stays; True: the user's own (closing the dialog keeps it too)."""
    dialog = ConflictDialog(parent, what, mine, theirs, author)
    dialog.exec()
    return dialog.keep_mine
