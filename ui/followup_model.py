"""The follow-ups pane's model: four sections (overdue, today, upcoming, done) over
rows read from the database a page at a time (canFetchMore/fetchMore), their dates and
tooltips formatted when a row is first drawn, and refreshed a section at a time.

In all-clients mode the selected client's follow-ups are listed first in each section
and tinted: selecting another client reads that client's rows alone, never every
client's again."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from models.queries import followups as followup_queries
from models.rows import FollowUpRow
from models.store import Store
from ui import colours, formatting
from ui.display import visible
from ui.followup_delegate import ClientRole
from ui.followup_sections import COUNT_CAP, COUNT_SLACK, SECTION_ROWS, Moved, Section, move, recount
from ui.followup_text import tooltip
from ui.icons import icon

Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1
SectionRole = Qt.ItemDataRole.UserRole + 2
TitleRole = Qt.ItemDataRole.UserRole + 3
AccountRole = Qt.ItemDataRole.UserRole + 4
#: The columns of a follow-up row.
TITLE, DUE = range(2)
BUCKETS = followup_queries.BUCKETS
#: The invisible root (a default argument made once).
ROOT = QModelIndex()
#: A section whose count a move left unsure is counted again this long after the
#: last move (not between the change and its painted rows; once for several changes).
RECOUNT_DELAY_MS = 150
#: Item flags, combined once (the view asks for them for every cell it draws).
_SECTION_FLAGS = Qt.ItemFlag.ItemIsEnabled
_DUE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_TITLE_FLAGS = _DUE_FLAGS | Qt.ItemFlag.ItemIsUserCheckable


class FollowUpModel(QAbstractItemModel):
    """Sections at the top level, follow-ups under them; two columns (title, due)."""

    check_toggled = Signal(str, bool)  # follow-up id, checked

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.all_clients = True
        self.account_id = ""
        self.sections = [Section(key) for key in BUCKETS]
        self.headers = ["", ""]
        #: Rows read from the database and queries run (tests count them).
        self.rows_fetched = 0
        #: Set by the pane while it pages a section whose last row is in view.
        self.paging = False
        self.queries = 0
        self._due: dict[tuple[str, FollowUpRow], str] = {}
        self._now = store.clock.now()
        self._tint = QColor()
        #: Sections to count again (their count is shown until then).
        self._stale: set[str] = set()
        self._recount_timer = QTimer(self)
        self._recount_timer.setSingleShot(True)
        self._recount_timer.setInterval(RECOUNT_DELAY_MS)
        self._recount_timer.timeout.connect(self._count)

    # -- reading --------------------------------------------------------------------
    def _scope(self) -> str | None:
        return None if self.all_clients else self.account_id

    def _page(self, key: str, account_id: str | None, offset: int, limit: int) -> list[FollowUpRow]:
        rows = followup_queries.bucket_page(
            self.store, key, account_id=account_id, offset=offset, limit=limit
        )
        self.queries += 1
        self.rows_fetched += len(rows)
        return list(rows)

    def _mine(self, key: str) -> list[FollowUpRow]:
        if not (self.all_clients and self.account_id):
            return []
        return self._page(key, self.account_id, 0, SECTION_ROWS)

    def _read(self, section: Section, rows: int) -> None:
        """The section's first ``rows`` (at least a page), mine and the count, again."""
        if not self.all_clients and not self.account_id:
            section.rows, section.mine, section.total = [], [], 0
            section.exhausted = True
        else:
            limit = max(SECTION_ROWS, rows)
            section.rows = self._page(section.key, self._scope(), 0, limit)
            section.exhausted = len(section.rows) < limit
            section.mine = self._mine(section.key)
            if section.exhausted:  # every row read: they are the count
                section.counted(len(section.rows), len(section.rows))
            else:  # counted once the rows are shown (the count costs more than a page)
                section.total = None
                QTimer.singleShot(0, self._count)
        section.arrange(self.account_id)

    def _count(self) -> None:
        """Count the sections whose count is pending (once for several reads)."""
        stale, self._stale = self._stale, set()
        for number, section in enumerate(self.sections):
            if section.total is not None and section.key not in stale:
                continue
            cap = COUNT_CAP + COUNT_SLACK
            section.counted(
                followup_queries.bucket_count(
                    self.store, section.key, account_id=self._scope(), cap=cap
                ),
                cap,
            )
            self.queries += 1
            parent = self.index(number, 0)
            self.dataChanged.emit(parent, parent)

    def _begin(self) -> None:
        self._now = self.store.clock.now()
        self._tint = colours.selected_tint()

    def reload(self) -> None:
        """Every section from its first page (mode, day, language or theme changed)."""
        self.beginResetModel()
        self._begin()
        self._due.clear()
        for section in self.sections:
            self._read(section, 0)
        self.endResetModel()

    def reload_sections(self, keys: set[str]) -> None:
        """These sections again, as far as they were read; the others stay as they are."""
        self._begin()
        for number, section in enumerate(self.sections):
            if section.key not in keys:
                continue
            parent = self.index(number, 0)
            if section.shown:
                self.beginRemoveRows(parent, 0, len(section.shown) - 1)
                section.shown = []
                self.endRemoveRows()
            self._read(section, len(section.rows))
            if section.shown:
                self.beginInsertRows(parent, 0, len(section.shown) - 1)
                self.endInsertRows()
            self.dataChanged.emit(parent, parent.siblingAtColumn(DUE))

    def move_rows(self, changed: set[str], now_in: dict[str, tuple[str, FollowUpRow]]) -> set[str]:
        """Changed follow-ups taken out where they were listed and put where they sort
        now (``now_in``: id -> bucket and row; absent: in none), a row inserted or
        removed at a time, the counts adjusted; returns the sections whose rows cannot
        be told right this way (to read again)."""
        self._begin()
        reread: set[str] = set()
        recount_due = False
        listed = {r.id for s in self.sections for r in (*s.rows, *s.mine)}
        for number, section in enumerate(self.sections):
            before, title = section.shown, self._title_of(section)
            moved = Moved()
            for followup_id in sorted(changed):
                move(section, followup_id, now_in.get(followup_id), self._scope(),
                     self.account_id, moved, followup_id not in listed)  # fmt: skip
            if moved.reread:
                reread.add(section.key)
                continue
            section.arrange(self.account_id)
            if recount(section, moved):  # shows the count it had until then
                self._stale.add(section.key)
                recount_due = True
            self._replace_shown(number, before, section.shown)
            if self._title_of(section) != title:  # only then: the view lays out again
                parent = self.index(number, 0)
                self.dataChanged.emit(parent, parent)
        if recount_due:  # once the move is painted and changes pause
            self._recount_timer.start()
        return reread

    def _replace_shown(
        self, number: int, before: list[FollowUpRow], after: list[FollowUpRow]
    ) -> None:
        """Tell the view which rows of section ``number`` went and came: the rows
        between the longest common start and end of ``before`` and ``after``."""
        parent = self.index(number, 0)
        if before != after:
            start = 0
            while start < min(len(before), len(after)) and before[start] == after[start]:
                start += 1
            end = 0
            while (
                end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]
            ):
                end += 1
            section = self.sections[number]
            if len(before) - end > start:
                section.shown = before
                self.beginRemoveRows(parent, start, len(before) - end - 1)
                section.shown = before[:start] + before[len(before) - end :]
                self.endRemoveRows()
            if len(after) - end > start:
                self.beginInsertRows(parent, start, len(after) - end - 1)
                section.shown = after
                self.endInsertRows()
            section.shown = after

    def _title_of(self, section: Section) -> tuple[str, bool]:
        """A section's title as drawn: its text (with the count) and its alarm."""
        alarm = section.key == "overdue" and bool(section.shown or section.total)
        return str(self._section_data(section, TITLE, _DISPLAY)), alarm

    def select_account(self, account_id: str) -> None:
        """Another client selected: in all-clients mode its rows move first (read for
        that client alone); in one-client mode its sections are read."""
        self.account_id = account_id
        if not self.all_clients:
            self.reload()
            return
        self._begin()
        for number, section in enumerate(self.sections):
            parent = self.index(number, 0)
            if section.shown:
                self.beginRemoveRows(parent, 0, len(section.shown) - 1)
                section.shown = []
                self.endRemoveRows()
            section.mine = self._mine(section.key)
            section.arrange(account_id)
            if section.shown:
                self.beginInsertRows(parent, 0, len(section.shown) - 1)
                self.endInsertRows()

    def more_to_read(self, parent: Index) -> bool:
        """Whether the section has rows past those read."""
        section = self._section_of(parent)
        return section is not None and not section.exhausted

    def canFetchMore(self, parent: Index) -> bool:
        # Only when the pane asks (its last row in view): QTreeView also fetches on
        # every layout of an expanded section, which would read page after page.
        return self.paging and self.more_to_read(parent)

    def fetchMore(self, parent: Index) -> None:
        """The section's next page, after the rows read so far."""
        section = self._section_of(parent)
        if not self.paging or section is None or section.exhausted:
            return
        page = self._page(section.key, self._scope(), len(section.rows), SECTION_ROWS)
        section.exhausted = len(page) < SECTION_ROWS
        mine = self.account_id if section.mine else None
        new = [r for r in page if r.account_id != mine]
        section.rows += page
        if new:
            first = len(section.shown)
            self.beginInsertRows(parent, first, first + len(new) - 1)
            section.shown += new
            self.endInsertRows()

    # -- what is where --------------------------------------------------------------
    def _section_of(self, index: Index) -> Section | None:
        if index.isValid() and index.internalId() == 0 and index.column() == 0:
            return self.sections[index.row()]
        return None

    def row_at(self, index: Index) -> tuple[Section, FollowUpRow] | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        section = self.sections[int(index.internalId()) - 1]
        if index.row() >= len(section.shown):
            return None
        return section, section.shown[index.row()]

    def section_index(self, key: str) -> QModelIndex:
        return self.index(BUCKETS.index(key), 0)

    def index_of(self, followup_id: str) -> QModelIndex:
        for number, section in enumerate(self.sections):
            for row, item in enumerate(section.shown):
                if item.id == followup_id:
                    return self.index(row, 0, self.index(number, 0))
        return QModelIndex()

    def shown_account_ids(self) -> set[str]:
        return {r.account_id for s in self.sections for r in s.shown}

    def where_shown(self, followup_ids: set[str]) -> set[str]:
        return {s.key for s in self.sections for r in s.shown if r.id in followup_ids}

    # -- QAbstractItemModel ---------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        # Bounds checked here, not by hasIndex (which calls rowCount and columnCount
        # back): the view asks for every row's index on each layout.
        if row < 0 or not 0 <= column < 2:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.sections) else QModelIndex()
        number = parent.row()
        if parent.internalId() != 0 or parent.column() != 0 or number >= len(self.sections):
            return QModelIndex()
        if row >= len(self.sections[number].shown):
            return QModelIndex()
        return self.createIndex(row, column, number + 1)

    def parent(self, child: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, 0)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self.sections)
        section = self._section_of(parent)
        return len(section.shown) if section is not None else 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return 2

    def hasChildren(self, parent: Index = ROOT) -> bool:
        if not parent.isValid():
            return True
        section = self._section_of(parent)
        return section is not None and (bool(section.shown) or not section.exhausted)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < 2 else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.row_at(index) is None:
            return _SECTION_FLAGS
        return _TITLE_FLAGS if index.column() == TITLE else _DUE_FLAGS

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        found = self.row_at(index)
        if found is None or role != Qt.ItemDataRole.CheckStateRole or index.column() != TITLE:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.check_toggled.emit(found[1].id, checked)  # the change refreshes the row
        return True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        number = index.internalId()
        if number == 0:
            return self._section_data(self.sections[index.row()], index.column(), role)
        if role not in _ROW_ROLES:
            return None
        section = self.sections[number - 1]
        row = index.row()
        if row >= len(section.shown):
            return None
        return self._row_data(section, section.shown[row], index.column(), role)

    def _section_data(self, section: Section, column: int, role: int) -> Any:
        if column != TITLE:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            titles = {
                "overdue": QCoreApplication.translate("FollowUpsPane", "Overdue"),
                "today": QCoreApplication.translate("FollowUpsPane", "Today"),
                "upcoming": QCoreApplication.translate("FollowUpsPane", "Upcoming"),
                "done": QCoreApplication.translate("FollowUpsPane", "Done (last 7 days)"),
            }
            if section.total is None:
                count = f"{len(section.rows)}+"
            elif section.total > COUNT_CAP or section.at_least:
                count = f"{COUNT_CAP}+"
            else:
                count = str(section.total)
            return f"{titles[section.key]}  ({count})"
        if role == SectionRole:
            return section.key
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        alarm = section.key == "overdue" and bool(section.shown or section.total)
        if role == Qt.ItemDataRole.ForegroundRole and alarm:
            return QBrush(colours.error())
        if role == Qt.ItemDataRole.DecorationRole and alarm:
            return icon("bell", colours.error().name())
        return None

    @property
    def formatted(self) -> int:
        """How many due dates have been formatted (those drawn so far; tests read it)."""
        return len(self._due)

    def _due_text(self, section: str, row: FollowUpRow) -> str:
        """The due column, formatted when first drawn (and kept: a row's text depends on
        its values and section alone, so the cache is keyed by both)."""
        key = (section, row)
        if (cached := self._due.get(key)) is not None:
            return cached
        due_at = row.effective_due
        if row.all_day and row.snoozed_until is None:
            text = formatting.short_day(due_at)
        elif section == "today":
            text = formatting.time_of_day(due_at)
        else:
            text = f"{formatting.short_day(due_at)} {formatting.time_of_day(due_at)}"
        self._due[key] = text
        return text

    def _tooltip(self, section: str, row: FollowUpRow) -> str:
        return tooltip(section, row, self._now)

    def _accessible(self, section: str, row: FollowUpRow) -> str:
        return ", ".join(
            [visible(row.title), self._due_text(section, row), visible(row.account_name)]
            + (
                [QCoreApplication.translate("FollowUpsPane", "high priority")]
                if row.priority == 2
                else []
            )
            + (
                [QCoreApplication.translate("FollowUpsPane", "overdue")]
                if section == "overdue"
                else []
            )
        )

    def _row_data(self, section: Section, row: FollowUpRow, column: int, role: int) -> Any:
        """A follow-up's cell (``role`` one of _ROW_ROLES)."""
        if role in (IdRole, AccountRole):
            return row.id if role == IdRole else row.account_id
        high = row.priority == 2
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(section.key, row)
        if role == Qt.ItemDataRole.ForegroundRole and section.key == "overdue":
            return QBrush(colours.error())
        if role == Qt.ItemDataRole.BackgroundRole:
            mine = self.all_clients and self.account_id and row.account_id == self.account_id
            return QBrush(self._tint) if mine else None
        if column == DUE:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._due_text(section.key, row)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return visible(row.title)
        if role == TitleRole:
            return row.title
        if role == ClientRole:
            return visible(row.account_name) if self.all_clients else None
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.done_at else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and (high or section.key == "done"):
            font = QFont()
            font.setBold(high)
            font.setStrikeOut(section.key == "done")
            return font
        if role == Qt.ItemDataRole.DecorationRole and high:
            return self._bell()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(section.key, row)
        return None

    def _bell(self) -> QIcon:
        return icon("bell", colours.warning().name())

    def now(self) -> datetime:
        return self._now


_R = Qt.ItemDataRole
_DISPLAY = int(_R.DisplayRole)
#: The roles a follow-up's cells answer (the view asks for more: those get None at once).
_ROW_ROLES = frozenset(
    int(r)
    for r in (IdRole, AccountRole, TitleRole, ClientRole, _R.ToolTipRole, _R.ForegroundRole,
              _R.BackgroundRole, _R.DisplayRole, _R.CheckStateRole, _R.FontRole,
              _R.DecorationRole, _R.AccessibleTextRole)
)  # fmt: skip
