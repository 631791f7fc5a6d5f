"""Quick capture's drafts as the user sees them: the banner that offers back a note
left unsaved (by a crash, or kept on purpose), and the question on closing whether
to keep a note as a draft."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from ui import formatting


class DraftBanner(QFrame):
    """ "Restore unsaved note from …?" with Restore and Discard (objectName ``draftBanner``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setObjectName("draftRestore")
        self.discard_button = QPushButton(self.tr("&Discard"), self)
        self.discard_button.setObjectName("draftDiscard")
        for button in (self.restore_button, self.discard_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.hide()

    def offer(self, updated_at: datetime) -> None:
        """Show the banner for a draft last written at ``updated_at``."""
        self.label.setText(
            self.tr("Restore unsaved note from {0}?").format(formatting.date_time(updated_at))
        )
        self.show()


def ask_keep_draft(parent: QWidget) -> str:
    """Ask on close: "keep", "discard" or "cancel"."""
    box = QMessageBox(parent)
    box.setObjectName("keepDraftBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("DraftBanner", "Quick capture"))
    box.setText(QCoreApplication.translate("DraftBanner", "Keep this note as a draft?"))
    box.setInformativeText(
        QCoreApplication.translate("DraftBanner", "A kept draft is offered again next time.")
    )
    keep = box.addButton(
        QCoreApplication.translate("DraftBanner", "&Keep draft"), QMessageBox.ButtonRole.AcceptRole
    )
    keep.setObjectName("keepDraft")
    discard = box.addButton(
        QCoreApplication.translate("DraftBanner", "&Discard"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    discard.setObjectName("discardDraft")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "keep" if clicked is keep else "discard" if clicked is discard else "cancel"
