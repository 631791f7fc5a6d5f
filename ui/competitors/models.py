"""Item models of the competitor view: the list (with won and lost counts), the entries
that mention the selected competitor (paged newest first with fetchMore), and the deals
it was in. They hold plain rows from :mod:`models.queries.competitors`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from models.queries import competitors as q
from models.store import Store
from ui import formatting
from ui.display import visible
from ui.labels import kind_label, stage_label
from ui.row_table import RowTableModel

PAGE = 100
Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
IdRole = Qt.ItemDataRole.UserRole + 1


class CompetitorListModel(RowTableModel):
    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def reload(self) -> None:
        self.set_rows(q.competitors(self.store))

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Competitor"), self.tr("Won"), self.tr("Lost"))

    def cell(self, row: Any, column: int, role: int) -> Any:
        c: q.CompetitorRow = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (visible(c.name), str(c.won), str(c.lost))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return RIGHT
        if role == IdRole:
            return c.id
        return None

    def row_of(self, competitor_id: str) -> int:
        for n, row in enumerate(self.rows):
            if row.id == competitor_id:
                return n
        return -1


class HeardModel(RowTableModel):
    """Entries that mention one competitor (or trend), newest first, a page at a time."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.competitor_id = ""
        self._more = False

    def show(self, competitor_id: str) -> None:
        self.competitor_id = competitor_id
        rows = q.heard_about(self.store, competitor_id, limit=PAGE) if competitor_id else []
        self._more = len(rows) == PAGE
        self.set_rows(rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or not self.rows:
            return
        last: q.HeardRow = self.rows[-1]
        page = q.heard_about(
            self.store,
            self.competitor_id,
            limit=PAGE,
            before=(last.occurred_at, last.interaction_id),
        )
        self._more = len(page) == PAGE
        self.append_rows(page)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Client"), self.tr("Kind"), self.tr("What was heard"))

    def cell(self, row: Any, column: int, role: int) -> Any:
        h: q.HeardRow = row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return formatting.day(formatting.local(h.occurred_at))
            if column == 1:
                return visible(h.account_name)
            if column == 2:
                return kind_label(h.kind)
            return visible(_line(h))
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return visible(f"{h.subject}\n{h.excerpt}".strip())
        if role == IdRole:
            return h.interaction_id
        return None


def _line(h: q.HeardRow) -> str:
    text = " ".join(h.excerpt.split())
    return f"{h.subject} — {text}" if h.subject and text else h.subject or text


class DealsAgainstModel(RowTableModel):
    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def show(self, competitor_id: str) -> None:
        self.set_rows(q.deals_against(self.store, competitor_id) if competitor_id else [])

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Deal"),
            self.tr("Client"),
            self.tr("Outcome"),
            self.tr("Amount"),
            self.tr("Closed"),
        )

    def outcome(self, d: q.DealAgainstRow) -> str:
        if d.stage == "won":
            return self.tr("Won")
        if d.stage == "lost":
            return self.tr("Lost to it") if d.lost_to_it else self.tr("Lost to another")
        return self.tr("Open: {0}").format(stage_label(d.stage))

    def cell(self, row: Any, column: int, role: int) -> Any:
        d: q.DealAgainstRow = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            closed: datetime | None = d.closed_at
            return (
                visible(d.title),
                visible(d.account_name),
                self.outcome(d),
                formatting.money(d.amount_minor, d.currency),
                formatting.short_day(formatting.local(closed)) if closed else "—",
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return RIGHT
        if role == IdRole:
            return d.id
        return None


def record_text(record: q.Record) -> tuple[str, str]:
    """'Won 2: Rp 9, US$700.00' and 'Lost 1: US$500.00' (amounts per currency)."""

    def amounts(money: tuple[q.Money, ...]) -> str:
        return ", ".join(formatting.money(m.amount_minor, m.currency) for m in money) or "—"

    return amounts(record.won_amounts), amounts(record.lost_amounts)
