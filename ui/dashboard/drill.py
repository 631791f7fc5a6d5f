"""The deals or clients behind a dashboard figure, in a list (a model read a page at a
time). Selecting a row opens its client in the main window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.metrics import drill
from models.metrics.drill import ClientLine, DealLine
from ui import formatting
from ui.dashboard.texts import NONE
from ui.labels import stage_label
from ui.row_table import RowTableModel

Index = QModelIndex | QPersistentModelIndex
#: Reads one page: (offset, limit) -> rows.
PageReader = Callable[[int, int], list[Any]]


class DrillModel(RowTableModel):
    """Rows of deals or clients, fetched a page at a time as the view scrolls."""

    def __init__(self, read: PageReader, deals: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read = read
        self.deals = deals
        self._more = True
        self.fetchMore(QModelIndex())

    def headers(self) -> tuple[str, ...]:
        if self.deals:
            return (
                self.tr("Client"),
                self.tr("Deal"),
                self.tr("Stage"),
                self.tr("Amount"),
                self.tr("Probability"),
                self.tr("Expected close"),
                self.tr("Closed"),
            )
        return (self.tr("Client"), self.tr("Tier"), self.tr("Last contact"), self.tr("Count"))

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if isinstance(row, DealLine):
            values = (
                row.account_name,
                row.title,
                stage_label(row.stage),
                formatting.money(row.amount_minor, row.currency),
                f"{row.probability}%",
                formatting.day(row.expected_close) if row.expected_close else NONE,
                formatting.day(row.closed_at) if row.closed_at else NONE,
            )
            return values[column]
        assert isinstance(row, ClientLine)
        last = formatting.day(row.last_contact_at) if row.last_contact_at else NONE
        return (row.name, row.tier, last, str(row.count) if row.count else NONE)[column]

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more:
            return
        page = self.read(len(self.rows), drill.PAGE)
        self._more = len(page) == drill.PAGE
        self.append_rows(page)

    def account_id(self, row: int) -> str:
        line = self.rows[row]
        return str(line.account_id if isinstance(line, DealLine) else line.id)


class DrillDialog(QDialog):
    """The list behind one figure; ``client_chosen`` names the client of a selected row."""

    client_chosen = Signal(str)

    def __init__(
        self, title: str, read: PageReader, deals: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardDrill")
        self.setWindowTitle(title)
        self.model = DrillModel(read, deals, self)
        self.view = QTableView(self)
        self.view.setObjectName("dashboardDrillView")
        self.view.setAccessibleName(title)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(self._chosen)
        self.view.activated.connect(self._chosen)
        self.empty = QLabel(self.tr("Nothing behind this figure in the period."), self)
        self.empty.setVisible(self.model.rowCount() == 0)
        hint = QLabel(self.tr("Select a row to open its client in the main window."), self)
        hint.setProperty("role", "muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(860, 480)

    def _chosen(self, index: QModelIndex, *_: object) -> None:
        if index.isValid():
            self.client_chosen.emit(self.model.account_id(index.row()))
