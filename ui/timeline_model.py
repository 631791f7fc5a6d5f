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

    def apply_changes(self, changes: Changes) -> bool:
        """Update what the change touched, from the changed entries alone: a new entry is
        inserted in its place, a changed one updated in place, one gone or moved away
        removed (the page is not read again). True when the list changed."""
        if not self.account_id:
            return False
        if changes.of("contact"):  # names shown on entries may have changed
            self.reload(at_least=self.entry_count())
            return True
        ids = changes.of("interaction")
        if not ids:
            return False
        fresh = timeline_queries.live_interactions(self.store, sorted(ids))
        rows = [
            item for item in self._items if isinstance(item, InteractionRow) and item.id not in ids
        ]
        rows += [r for r in fresh.values() if r.account_id == self.account_id and self._loaded(r)]
        rows.sort(key=lambda r: (r.occurred_at, r.id), reverse=True)
        return self._show(self._grouped(rows, None))

    def _loaded(self, row: InteractionRow) -> bool:
        """Whether ``row`` falls among the pages read so far (older ones come by paging)."""
        cursor = self._cursor
        return cursor is None or (row.occurred_at, row.id) >= (cursor.occurred_at, cursor.id)

    def _show(self, items: list[DayHeader | InteractionRow]) -> bool:
        """Make ``items`` the list with the least the view must redo: one block
        inserted or removed, rows changed in place, or else a reset."""
        old = self._items
        if items == old:
            return False
        start = 0
        while start < min(len(old), len(items)) and old[start] == items[start]:
            start += 1
        end_old, end_new = len(old), len(items)
        while end_old > start and end_new > start and old[end_old - 1] == items[end_new - 1]:
            end_old, end_new = end_old - 1, end_new - 1
        if end_old == start:  # one block inserted
            self.beginInsertRows(QModelIndex(), start, end_new - 1)
            self._items = items
            self.endInsertRows()
        elif end_new == start:  # one block removed
            self.beginRemoveRows(QModelIndex(), start, end_old - 1)
            self._items = items
            self.endRemoveRows()
        elif end_old == end_new and all(
            type(a) is type(b) and (isinstance(a, InteractionRow) or a == b)
            for a, b in zip(old[start:end_old], items[start:end_new], strict=True)
        ):  # the same rows, some changed in place
            self._items = items
            self.dataChanged.emit(self.index(start), self.index(end_new - 1))
        else:
            self.beginResetModel()
            self._items = items
            self.endResetModel()
        return True

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
