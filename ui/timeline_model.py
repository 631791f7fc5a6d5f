"""The timeline item model: one client's day headers and entries, newest first, paged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from models.queries import timeline as timeline_queries
from models.rows import InteractionRow, TimelineCursor
from models.store import Changes, Store
from ui import formatting
from ui.icons import kind_icon
from ui.labels import kind_label

PAGE = 50
Index = QModelIndex | QPersistentModelIndex
COMPOSER_KINDS = ("note", "call", "meeting", "email")


@dataclass(frozen=True, slots=True)
class DayHeader:
    day: date


class TimelineModel(QAbstractListModel):
    """Day headers and entries of one client, newest first, paged by keyset."""

    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.account_id = ""
        self._items: list[DayHeader | InteractionRow] = []
        self._cursor: TimelineCursor | None = None
        self._exhausted = True

    def set_account(self, account_id: str) -> None:
        self.account_id = account_id
        self.reload()

    def entry_count(self) -> int:
        return sum(1 for i in self._items if isinstance(i, InteractionRow))

    def reload(self, *, at_least: int = PAGE) -> None:
        rows: list[InteractionRow] = []
        cursor = None
        if self.account_id:
            rows, cursor = timeline_queries.timeline_page(
                self.store, self.account_id, limit=max(at_least, PAGE)
            )
        self.beginResetModel()
        self._items = self._grouped(rows, None)
        self._cursor, self._exhausted = cursor, cursor is None
        self.endResetModel()

    def _last_day(self) -> date | None:
        for item in reversed(self._items):
            if isinstance(item, InteractionRow):
                return formatting.local(item.occurred_at).date()
        return None

    @staticmethod
    def _grouped(
        rows: list[InteractionRow], last_day: date | None
    ) -> list[DayHeader | InteractionRow]:
        """The rows with a day header before the first entry of each local day."""
        out: list[DayHeader | InteractionRow] = []
        for row in rows:
            d = formatting.local(row.occurred_at).date()
            if d != last_day:
                out.append(DayHeader(d))
                last_day = d
            out.append(row)
        return out

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or not self.account_id:
            return
        rows, cursor = timeline_queries.timeline_page(
            self.store, self.account_id, before=self._cursor, limit=PAGE
        )
        self._cursor, self._exhausted = cursor, cursor is None
        new_items = self._grouped(rows, self._last_day())
        if new_items:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(new_items) - 1)
            self._items.extend(new_items)
            self.endInsertRows()

    def apply_changes(self, changes: Changes) -> None:
        """Update changed entries in place; reload when entries appear, move or go."""
        if not self.account_id:
            return
        if changes.of("contact"):  # names shown on entries may have changed
            self.reload(at_least=self.entry_count())
            return
        ids = changes.of("interaction")
        if not ids:
            return
        loaded = {
            item.id: i for i, item in enumerate(self._items) if isinstance(item, InteractionRow)
        }
        fresh = timeline_queries.live_interactions(self.store, sorted(ids))
        in_place: list[tuple[int, InteractionRow]] = []
        for id_ in ids:
            row = fresh.get(id_)
            if id_ not in loaded:
                if row is not None and row.account_id == self.account_id:
                    self.reload(at_least=self.entry_count() + 1)
                    return
                continue
            old = self._items[loaded[id_]]
            assert isinstance(old, InteractionRow)
            if (
                row is None
                or row.account_id != self.account_id
                or row.occurred_at != old.occurred_at
            ):
                self.reload(at_least=self.entry_count())
                return
            in_place.append((loaded[id_], row))
        for position, row in in_place:
            self._items[position] = row
            index = self.index(position)
            self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def item(self, row: int) -> DayHeader | InteractionRow:
        return self._items[row]

    def row_of(self, interaction_id: str) -> int:
        for i, item in enumerate(self._items):
            if isinstance(item, InteractionRow) and item.id == interaction_id:
                return i
        return -1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self._items[index.row()], DayHeader):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == self.EntryRole:
            return item
        if isinstance(item, DayHeader):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return formatting.day(item.day)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.subject or item.body.split("\n", 1)[0]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(
                p
                for p in (
                    kind_label(item.kind),
                    formatting.time_of_day(item.occurred_at),
                    item.subject,
                    item.body[:200],
                )
                if p
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(item.kind)
        return None
