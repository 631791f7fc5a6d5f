"""Tools ▸ Conflict log: the values a sync overwrote (the same field edited on two
laptops; the later clock won), newest first, a page at a time: what, which client,
the value kept and the value overwritten, who and which device, when.

"Restore this value" puts the overwritten value back through the window's undo
stack (``restore_conflict`` is a service: undoable, and itself a change that syncs).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import fields
from models.entities import KINDS
from models.store import Store
from ui import formatting
from ui.commands import StoreCommand
from ui.row_table import Index, RowTableModel
from ui.sync_backend import ConflictView, SyncApi
from ui.window_host import WindowHost

PAGE = 200

# Kind by table name (accounts -> account), to find a field's label.
KIND_OF_TABLE = {getattr(cls, "__tablename__", ""): kind for kind, cls in KINDS.items()}


def what_changed(row: ConflictView) -> str:
    """'Industry' for a client's field, 'Contact: Title' for another kind's; the raw
    'table.field' for a field no form declares."""
    kind = KIND_OF_TABLE.get(row.table, "")
    if kind not in fields.FIELDS or row.field not in fields.names(kind):
        return f"{row.table}.{row.field}"
    label = QCoreApplication.translate("Field", fields.field(kind, row.field).label)
    label = label.replace("&", "")
    kinds = {
        "contact": QCoreApplication.translate("conflict_log", "Contact"),
        "interaction": QCoreApplication.translate("conflict_log", "Timeline entry"),
        "followup": QCoreApplication.translate("conflict_log", "Follow-up"),
        "deal": QCoreApplication.translate("conflict_log", "Deal"),
    }
    return f"{kinds[kind]}: {label}" if kind in kinds else label


class ConflictModel(RowTableModel):
    """The conflict log, read a page at a time."""

    def __init__(self, store: Store, api: SyncApi, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.api = api
        self._more = True

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("Client"),
            self.tr("What"),
            self.tr("Value kept"),
            self.tr("Value overwritten"),
            self.tr("Overwritten value from device"),
        )

    def cell(self, row: ConflictView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return f"{row.table}.{row.field}"
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return formatting.date_time(row.at) if row.at is not None else ""
        lost = self.tr("{0} (restored)").format(row.lost) if row.restored else row.lost
        return (row.client, what_changed(row), row.kept, lost, row.by)[column - 1]

    def reload(self) -> None:
        rows = self.api.list_conflicts(self.store, limit=PAGE, offset=0)
        self._more = len(rows) == PAGE
        self.set_rows(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        page = self.api.list_conflicts(self.store, limit=PAGE, offset=len(self.rows))
        self._more = len(page) == PAGE
        self.append_rows(page)


class ConflictLogDialog(QDialog):
    def __init__(
        self, host: WindowHost, api: SyncApi, undo: QAction, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictLog")
        self.setWindowTitle(self.tr("Conflict log"))
        self.host = host
        self.api = api
        self.model = ConflictModel(host.store, api, self)
        self.view = QTableView(self)
        self.view.setObjectName("conflictTable")
        self.view.setAccessibleName(self.tr("Values overwritten by sync"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.empty = QLabel(self.tr("No value has been overwritten by a sync."), self)
        self.empty.setObjectName("conflictEmpty")
        self.restore = QPushButton(self.tr("&Restore this value"), self)
        self.restore.setObjectName("conflictRestore")
        self.restore.setAccessibleName(self.tr("Restore the overwritten value"))
        self.restore.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.addAction(undo)  # Ctrl+Z here undoes a restore, as in the window
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.resize(900, 420)
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        self.view.resizeColumnsToContents()
        self._update()

    def _update(self) -> None:
        self.empty.setVisible(self.model.rowCount() == 0)
        row = self.selected()
        self.restore.setEnabled(row is not None and not row.restored)

    def selected(self) -> ConflictView | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        row: ConflictView = self.model.rows[rows[0].row()]
        return row

    def restore_selected(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        api, conflict_id = self.api, row.id
        command = StoreCommand(
            self.host.store,
            self.tr("Restore {0}").format(what_changed(row)),
            lambda uow: api.restore_conflict(uow, conflict_id),
        )
        done = self.host.run(command)
        if done:
            self.host.notify(self.tr("Restored “{0}” ({1}).").format(row.lost, what_changed(row)))
        self.reload()
        return done
