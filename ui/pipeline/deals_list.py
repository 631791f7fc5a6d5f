"""Every client's deals in one table (``dealsList``): paged by keyset, sortable by
title, client, stage, amount and expected close; Enter or a double click opens one."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from models.queries import deals as deal_queries
from models.queries.deals import DealCard, DealCursor, DealListFilter
from models.store import Changes, Store
from ui import formatting
from ui.display import visible
from ui.labels import stage_label
from ui.row_table import RowTableModel

PAGE = 100
Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("title", "client", "stage", "amount", "close")


class DealsListModel(RowTableModel):
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.filter = DealListFilter()
        self._cursor: DealCursor | None = None
        self.total = 0
        self.now: datetime = store.clock.now()

    def set_filter(self, flt: DealListFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self, *, at_least: int = PAGE) -> None:
        self.now = self.store.clock.now()
        rows, self._cursor = deal_queries.deal_list_page(
            self.store, self.filter, limit=max(PAGE, at_least)
        )
        self.total = (
            len(rows) if self._cursor is None else deal_queries.deal_count(self.store, self.filter)
        )
        self.set_rows(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._cursor is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._cursor is None:
            return
        rows, self._cursor = deal_queries.deal_list_page(
            self.store, self.filter, after=self._cursor, limit=PAGE
        )
        self.append_rows(rows)

    def apply_changes(self, changes: Changes) -> None:
        if changes.of("deal") or changes.of("account"):
            self.reload(at_least=len(self.rows))

    def card(self, row: int) -> DealCard:
        card: DealCard = self.rows[row]
        return card

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Deal"),
            self.tr("Client"),
            self.tr("Stage"),
            self.tr("Amount"),
            self.tr("Expected close"),
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        c: DealCard = row
        name = COLUMNS[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if name == "title":
                return visible(c.title)
            if name == "client":
                return visible(c.account_name)
            if name == "stage":
                return stage_label(c.stage)
            if name == "amount":
                return formatting.money(c.amount_minor, c.currency)
            return formatting.short_day(c.expected_close) if c.expected_close else "—"
        if role == Qt.ItemDataRole.TextAlignmentRole and name == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.IdRole:
            return c.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.set_filter(
            replace(
                self.filter,
                sort=COLUMNS[column],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )


class DealsList(QTableView):
    open_deal = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dealsList")
        self.model_ = DealsListModel(store, self)
        self.setModel(self.model_)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in range(2, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSortIndicator(COLUMNS.index("close"), Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.activated.connect(self._open)
        self.doubleClicked.connect(self._open)
        self.setAccessibleName(self.tr("All deals"))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_deal.emit(self.model_.card(index.row()).id)
