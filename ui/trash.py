"""The Trash view: what was deleted, with restore (undoable) and empty-trash."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import services
from models.errors import RelasiError
from models.queries.stats import trash
from models.rows import TrashRow
from models.store import Store
from ui import formatting
from ui.commands import PutBackCommand, perform
from ui.display import visible
from ui.row_table import RowTableModel

Index = QModelIndex | QPersistentModelIndex


def kind_name(kind: str) -> str:
    return {
        "account": QCoreApplication.translate("trash", "Client"),
        "contact": QCoreApplication.translate("trash", "Contact"),
        "interaction": QCoreApplication.translate("trash", "Entry"),
        "followup": QCoreApplication.translate("trash", "Follow-up"),
        "deal": QCoreApplication.translate("trash", "Deal"),
        "document": QCoreApplication.translate("trash", "Document"),
        "competitor": QCoreApplication.translate("trash", "Competitor"),
    }.get(kind, kind)


class TrashModel(RowTableModel):
    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.reload()

    def reload(self) -> None:
        self.set_rows(trash(self.store))

    def headers(self) -> tuple[str, ...]:
        return (self.tr("What"), self.tr("Kind"), self.tr("Deleted"))

    def cell(self, row: TrashRow, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        label = visible(row.label) or "—"
        return (label, kind_name(row.kind), formatting.date_time(row.deleted_at))[column]


class TrashDialog(QDialog):
    def __init__(self, store: Store, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Trash"))
        self.store = store
        self.stack = stack
        self.model = TrashModel(store, self)
        self.view = QTableView(self)
        self.view.setObjectName("trashList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setObjectName("trashRestore")
        self.empty_button = QPushButton(self.tr("&Empty Trash…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty_trash)
        self.empty = QLabel(
            self.tr(
                "Trash is empty. A client or entry you delete waits here until you "
                "restore it or empty Trash."
            ),
            self,
        )
        self.empty.setObjectName("trashEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.empty, 1)
        layout.addWidget(buttons)
        self.model.modelReset.connect(self._update_empty)
        self._update_empty()
        self.resize(640, 420)

    def _update_empty(self) -> None:
        """An empty Trash says so, instead of showing an empty table."""
        has_rows = bool(self.model.rows)
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.restore_button.setEnabled(has_rows)
        self.empty_button.setEnabled(has_rows)

    def restore_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        items = [(self.model.rows[r].kind, self.model.rows[r].id) for r in rows]
        if not items:
            return
        # Restore a client before what belongs to it.
        items.sort(key=lambda item: item[0] != "account")
        try:
            perform(self.stack, PutBackCommand(self.store, self.tr("Restore from Trash"), items))
        except RelasiError as exc:
            QMessageBox.warning(self, self.tr("Cannot restore"), exc.message)
        self.model.reload()

    def empty_trash(self) -> None:
        if not self.model.rows:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Empty Trash"),
            self.tr("Delete {0} items for good? This cannot be undone.").format(
                len(self.model.rows)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.store.write() as uow:
            services.purge_trash(uow, None)
        self.stack.clear()  # undo steps may refer to what is gone
        self.model.reload()
