"""The client list's table model: live clients read a page at a time (canFetchMore /
fetchMore), filtered and sorted in SQL, kept current from the store's change reports."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush

from models.queries import clients as client_queries
from models.queries import health as health_queries
from models.queries.clients import ClientCursor
from models.rows import ClientFilter, ClientRow
from models.store import Changes, Store
from ui import colours, formatting
from ui.display import visible
from ui.health_text import health_colour, health_tooltip
from ui.icons import icon
from ui.labels import status_label

PAGE = 100
#: The count is read this long after the last reload (a keystroke), once typing pauses:
#: never between a keystroke and its painted page, nor once per letter typed.
COUNT_DELAY_MS = 150
Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("name", "tier", "status", "last_contact", "next_followup", "health")


class ClientListModel(QAbstractTableModel):
    """Clients matching a filter, fetched ``PAGE`` rows at a time by keyset."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    ColdRole = Qt.ItemDataRole.UserRole + 2
    total_changed = Signal()

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.filter = ClientFilter()
        self._rows: list[ClientRow] = []
        #: Where each loaded client is (row_of, apply_changes): kept as rows are
        #: appended, made again only after a reload, never searched row by row.
        self._position: dict[str, int] = {}
        self._cursor: ClientCursor | None = None
        self._exhausted = True
        #: How many clients the filter matches; None while counting them is pending.
        self.total: int | None = 0
        self._now = store.clock.now()
        #: When the last reload's count is due (earlier timers then do nothing).
        self._count_at = 0.0

    # -- loading --------------------------------------------------------------------
    def set_filter(self, flt: ClientFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self, *, at_least: int = PAGE) -> None:
        """Load from the start again, at least ``at_least`` rows (keeps what was visible)."""
        self._now = self.store.clock.now()
        rows, cursor = client_queries.client_page(
            self.store, self.filter, limit=max(at_least, PAGE)
        )
        self.beginResetModel()
        self._rows, self._cursor = rows, cursor
        self._position = {r.id: i for i, r in enumerate(rows)}
        self._exhausted = cursor is None
        # How many clients the filter matches, counted once per load (not per page), so
        # the count does not change as the list is scrolled; up to COUNT_CAP ("1000+").
        # A list longer than a page is counted once it is shown and typing pauses (the
        # count costs more than the page): once for the last of several keystrokes.
        self.total = len(rows) if cursor is None else None
        self.endResetModel()
        if self.total is None:
            self._count_at = time.monotonic() + COUNT_DELAY_MS / 1000
            # (No event loop in this thread, as in a bare model's test: as soon as one runs.)
            delay = COUNT_DELAY_MS if QAbstractEventDispatcher.instance() is not None else 0
            QTimer.singleShot(delay, self._count)

    def _count(self) -> None:
        if self.total is not None:
            return  # counted already, or the list came in whole
        if time.monotonic() < self._count_at - 0.02:
            return  # a later keystroke's timer counts
        self.total = client_queries.client_count(
            self.store, self.filter, cap=client_queries.COUNT_CAP
        )
        self.total_changed.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        rows, cursor = client_queries.client_page(
            self.store, self.filter, after=self._cursor, limit=PAGE
        )
        self._cursor = cursor
        self._exhausted = cursor is None
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self._position.update((r.id, first + i) for i, r in enumerate(rows))
            self.endInsertRows()

    def apply_changes(self, changes: Changes) -> None:
        """Refresh only the rows that changed; reload if a row may have appeared."""
        ids = changes.of("account")
        if not ids and not changes.of("contact") and not changes.of("tag"):
            return
        self._now = self.store.clock.now()
        position = self._position
        fresh = client_queries.client_rows(self.store, [i for i in ids if i in position])
        # A client not read yet appears now only if it sorts among the rows read (the
        # others come with their page): completing a follow-up of a client far down the
        # list read every row read so far again.
        through = None if self._exhausted else self._cursor
        unseen = [i for i in ids if i not in position]
        appeared = client_queries.within_pages(self.store, self.filter, unseen, through)
        gone = [i for i in ids if i in position and i not in fresh]
        if appeared or gone or (self.filter.text and changes.of("contact")):
            self.reload(at_least=len(self._rows))
            return
        for id_, row in fresh.items():
            i = position[id_]
            self._rows[i] = row
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    # -- model ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def row(self, index: Index) -> ClientRow:
        return self._rows[index.row()]

    def row_of(self, account_id: str) -> int:
        return self._position.get(account_id, -1)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,  # a header narrowed for the names is elided
        ):
            return None
        return (
            self.tr("Client"),
            self.tr("Tier"),
            self.tr("Status"),
            self.tr("Last contact"),
            self.tr("Next follow-up"),
            self.tr("Health"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "name":
                return visible(r.name)
            if column == "tier":
                return r.tier
            if column == "status":
                return status_label(r.status)
            if column == "last_contact":
                return formatting.relative(r.last_contact_at, self._now, empty=self.tr("never"))
            if column == "health":
                return str(r.health)
            return formatting.relative(r.next_followup_at, self._now, empty="—")
        if column == "health" and role in (
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return self._health_data(r, role)
        if role == Qt.ItemDataRole.DecorationRole and column == "name" and r.going_cold:
            return icon("cold", colours.info().name())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "name":
                name = visible(r.name)
                if r.going_cold:
                    return (
                        name
                        + "\n"
                        + self.tr("Going cold: no contact for more than {0} days").format(
                            r.cadence_days
                        )
                    )
                return name
            if column == "status":
                return status_label(r.status)
            if column == "last_contact" and r.last_contact_at:
                return formatting.date_time(r.last_contact_at)
            if column == "next_followup" and r.next_followup_at:
                return formatting.date_time(r.next_followup_at)
        overdue = r.next_followup_at is not None and r.next_followup_at < self._now
        if role == Qt.ItemDataRole.ForegroundRole and column == "next_followup" and overdue:
            return QBrush(colours.error())
        if role == Qt.ItemDataRole.AccessibleTextRole and column == "name":
            return visible(r.name) + (", " + self.tr("going cold") if r.going_cold else "")
        if role == self.IdRole:
            return r.id
        if role == self.ColdRole:
            return r.going_cold
        return None

    def _health_data(self, r: ClientRow, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(health_colour(r.health))
        found = health_queries.account_health(self.store, r.id)  # one client, on hover
        return health_tooltip(found) if found is not None else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.set_filter(
            replace(
                self.filter,
                sort=COLUMNS[column],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )
