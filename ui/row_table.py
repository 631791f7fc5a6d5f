"""A read-only table model over a list of plain rows, for the lists of dialogs (Trash,
backups, imports, import errors) and the paged lists (a page appended at a time).
Subclasses name the columns and say what a cell shows; the model/view plumbing is
written once, here."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    """``rows`` shown one per line; ``headers()`` and ``cell()`` come from subclasses."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def cell(self, row: Any, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role`` (None for nothing)."""
        raise NotImplementedError

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def append_rows(self, page: Iterable[Any]) -> None:
        """Rows read after the ones shown (a list paged with canFetchMore/fetchMore)."""
        page = list(page)
        if page:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(self.rows[index.row()], index.column(), role)
