"""The table model of a documents list: name, size, deal, added."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from models.queries.documents import DocumentRow
from models.services.documents import human_size
from ui import formatting
from ui.display import visible
from ui.row_table import RowTableModel


class DocumentListModel(RowTableModel):
    """Documents, newest first (as the query returns them)."""

    IdRole = Qt.ItemDataRole.UserRole + 1

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Size"), self.tr("Deal"), self.tr("Added"))

    def cell(self, row: DocumentRow, column: int, role: int) -> Any:
        if role == self.IdRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return f"{visible(row.name)}\n{row.mime}\nSHA-256 {row.sha256}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            visible(row.name),
            self.size_text(row.size),
            visible(row.deal_title) if row.deal_title else "",
            formatting.date_time(row.added),
        )[column]

    def size_text(self, size: int) -> str:
        return self.tr("{0} bytes").format(size) if size < 1024 else human_size(size)
