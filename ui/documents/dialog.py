"""Client ▸ Documents…: every document of the selected client (with its deal), to open,
save, attach to or move to Trash."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from models.store import Store
from ui.display import visible
from ui.documents.actions import DocumentActions
from ui.documents.panel import DocumentsPanel


class DocumentsDialog(QDialog):
    def __init__(
        self,
        store: Store,
        stack: QUndoStack,
        account_id: str,
        client_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentsDialog")
        self.setWindowTitle(self.tr("Documents — {0}").format(visible(client_name)))
        self.doc_actions = DocumentActions(store, stack, self)
        self.panel = DocumentsPanel(store, self.doc_actions, account_id=account_id, parent=self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(640, 380)
