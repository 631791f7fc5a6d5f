"""One column of the pipeline board: a list model of the deals in one stage, loaded a
page at a time; a card dragged out carries its deal id, and a card dropped in asks
the board to move that deal here (the board decides, through the undo stack)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from models.queries import deals as deal_queries
from models.queries.deals import BoardFilter, DealCard, DealCursor
from ui import formatting
from ui.display import visible

MIME = "application/x-relasi-deal"
PAGE = 100
Index = QModelIndex | QPersistentModelIndex


class StageColumnModel(QAbstractListModel):
    """The deals in ``stage`` that the filter lets through, ``PAGE`` at a time."""

    CardRole = Qt.ItemDataRole.UserRole + 1
    IdRole = Qt.ItemDataRole.UserRole + 2

    #: A card of another column was dropped here: (deal id, this stage).
    drop_requested = Signal(str, str)

    def __init__(self, store: Any, stage: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.stage = stage
        self.filter = BoardFilter()
        self.rot_days: dict[str, int] = dict(deal_queries.DEFAULT_ROT_DAYS)
        self.now: datetime = store.clock.now()
        self._rows: list[DealCard] = []
        self._cursor: DealCursor | None = None

    # -- loading ---------------------------------------------------------------------------
    def reload(self, flt: BoardFilter | None = None, *, at_least: int = PAGE) -> None:
        if flt is not None:
            self.filter = flt
        self.now = self.store.clock.now()
        rows, cursor = deal_queries.board_cards(
            self.store, self.stage, self.filter, limit=max(PAGE, at_least)
        )
        self.beginResetModel()
        self._rows, self._cursor = rows, cursor
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._cursor is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._cursor is None:
            return
        rows, self._cursor = deal_queries.board_cards(
            self.store, self.stage, self.filter, after=self._cursor, limit=PAGE
        )
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def cards(self) -> Sequence[DealCard]:
        return tuple(self._rows)

    def card(self, row: int) -> DealCard:
        return self._rows[row]

    def row_of(self, deal_id: str) -> int:
        for i, c in enumerate(self._rows):
            if c.id == deal_id:
                return i
        return -1

    def rotting(self, card: DealCard) -> bool:
        return card.rotting(self.now, self.rot_days)

    # -- model -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return c.title
        if role == self.CardRole:
            return c
        if role == self.IdRole:
            return c.id
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(c)
        return None

    def describe(self, c: DealCard) -> str:
        """What a screen reader says and the tooltip shows."""
        parts = [
            visible(c.title),
            visible(c.account_name),
            formatting.money(c.amount_minor, c.currency),
            self.tr("{0} days in stage").format(c.days_in_stage(self.now)),
        ]
        if c.expected_close is not None:
            parts.insert(3, self.tr("closes {0}").format(formatting.day(c.expected_close)))
        if self.rotting(c):
            parts.append(
                self.tr("rotting: untouched for {0} days").format(c.days_untouched(self.now))
            )
        if c.lost_to:
            parts.append(self.tr("lost to {0}").format(visible(c.lost_to)))
        if c.documents:
            names = ", ".join(visible(n) for n in c.documents)
            parts.append(self.tr("Documents: {0}").format(names))
        return "\n".join(parts)

    # -- drag and drop ---------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = [self._rows[i.row()].id for i in indexes if i.isValid()]
        mime.setData(MIME, QByteArray(ids[0].encode("ascii") if ids else b""))
        return mime

    @staticmethod
    def deal_id_of(data: QMimeData) -> str:
        if not data.hasFormat(MIME):
            return ""
        return bytes(data.data(MIME).data()).decode("ascii", errors="replace")

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        deal_id = self.deal_id_of(data)
        return bool(deal_id) and self.row_of(deal_id) < 0

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """A card from another column: ask for the move. The card is not inserted here:
        the board reloads both columns once the move is made (or not, if cancelled);
        and the source never removes it either (``removeRows`` is not supported)."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        self.drop_requested.emit(self.deal_id_of(data), self.stage)
        return True
