"""The client list pane: a lazily paged table model over the store, the search box,
tier/status/tag filters and sorting."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.entities import AccountStatus, Tier
from models.queries import clients as client_queries
from models.queries.clients import ClientCursor
from models.rows import ClientFilter, ClientRow
from models.store import Changes, Store
from ui import colours, formatting
from ui.client_columns import ClientColumns
from ui.display import visible
from ui.icons import icon, set_icon
from ui.labels import status_label

PAGE = 100
Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("name", "tier", "status", "last_contact", "next_followup")


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
        self._cursor: ClientCursor | None = None
        self._exhausted = True
        #: How many clients the filter matches; None while counting them is pending.
        self.total: int | None = 0
        self._now = store.clock.now()

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
        self._exhausted = cursor is None
        # How many clients the filter matches, counted once per load (not per page), so
        # the count does not change as the list is scrolled; up to COUNT_CAP ("1000+").
        # A list longer than a page is counted right after it is shown (the count costs
        # more than the page), once for the last of several quick keystrokes.
        self.total = len(rows) if cursor is None else None
        self.endResetModel()
        if self.total is None:
            QTimer.singleShot(0, self._count)

    def _count(self) -> None:
        if self.total is not None:
            return  # counted already, or the list came in whole
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
            self.endInsertRows()

    def apply_changes(self, changes: Changes) -> None:
        """Refresh only the rows that changed; reload if a row may have appeared."""
        ids = changes.of("account")
        if not ids and not changes.of("contact") and not changes.of("tag"):
            return
        self._now = self.store.clock.now()
        position = {r.id: i for i, r in enumerate(self._rows)}
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
        for i, r in enumerate(self._rows):
            if r.id == account_id:
                return i
        return -1

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
            return formatting.relative(r.next_followup_at, self._now, empty="—")
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

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.set_filter(
            replace(
                self.filter,
                sort=COLUMNS[column],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )


class ClientListPane(QWidget):
    """Search box, filter menu and the client table."""

    client_selected = Signal(str)  # account id, "" when none
    client_activated = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = ClientListModel(store, self)

        self.search = QLineEdit(self)
        self.search.setObjectName("clientSearch")
        self.search.setClearButtonEnabled(True)
        set_icon(
            self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition),
            "search",
        )
        self.search.textChanged.connect(self._on_text)

        self.filter_button = QToolButton(self)
        set_icon(self.filter_button, "filter")
        self.filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filter_menu = QMenu(self)
        self.filter_button.setMenu(self.filter_menu)
        self.filter_menu.aboutToShow.connect(self._build_filter_menu)

        self.view = QTableView(self)
        self.view.setObjectName("clientList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.setIconSize(QSize(14, 14))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(28)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self.columns = ClientColumns(self.view, self)  # names first, the selection in view
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.activated.connect(
            lambda index: self.client_activated.emit(self.model.row(index).id)
        )

        self.count_label = QLabel(self)
        self.count_label.setObjectName("clientCount")
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("clientEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.filter_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.count_label)

        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_current)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.search.clear)
        self.model.modelReset.connect(self._after_reset)
        self.model.rowsInserted.connect(self._update_count)
        self.model.total_changed.connect(self._update_count)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Filter clients, contacts, tags (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Filter clients"))
        self.filter_button.setToolTip(self.tr("Filter by tier, status or tag"))
        self.filter_button.setAccessibleName(self.tr("Client filters"))
        self.view.setAccessibleName(self.tr("Clients"))
        self._fit_columns()
        self._update_count()

    def _fit_columns(self) -> None:
        """Widths that fit the header and a typical value in the current language."""
        now = self.store.clock.now()
        samples = {
            1: ["A"],
            2: [status_label(s.value) for s in AccountStatus],
            3: [formatting.relative(now - timedelta(days=25), now)],
            4: [formatting.relative(now + timedelta(days=20), now)],
        }
        for column, texts in samples.items():
            texts.append(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
        self.columns.fit(samples)

    # -- filter ---------------------------------------------------------------------
    def set_sort(self, column: str, descending: bool) -> None:
        if column not in COLUMNS:
            column = "name"
        self.view.horizontalHeader().blockSignals(True)
        self.view.horizontalHeader().setSortIndicator(
            COLUMNS.index(column),
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )
        self.view.horizontalHeader().blockSignals(False)
        self.model.set_filter(replace(self.model.filter, sort=column, descending=descending))

    def _on_text(self, text: str) -> None:
        selected = self.current_id()
        self.model.set_filter(replace(self.model.filter, text=text))
        # Kept selected if it is on the loaded page: a keystroke must not fetch page
        # after page (500 of them at 100,000 clients) to find it further down.
        self.show_client(selected, emit=False, fetch=False)

    def _build_filter_menu(self) -> None:
        menu = self.filter_menu
        menu.clear()
        flt = self.model.filter

        def toggle(field: str, value: str) -> None:
            f = self.model.filter
            if field == "tiers":
                f = replace(f, tiers=f.tiers ^ {value})
            else:
                f = replace(f, statuses=f.statuses ^ {value})
            self.model.set_filter(f)
            self._update_count()

        menu.addSection(self.tr("Tier"))
        for tier in Tier:
            action = menu.addAction(self.tr("Tier {0}").format(tier.value))
            action.setCheckable(True)
            action.setChecked(tier.value in flt.tiers)
            action.triggered.connect(lambda _=False, t=tier.value: toggle("tiers", t))
        menu.addSection(self.tr("Status"))
        for status in AccountStatus:
            action = menu.addAction(status_label(status.value))
            action.setCheckable(True)
            action.setChecked(status.value in flt.statuses)
            action.triggered.connect(lambda _=False, s=status.value: toggle("statuses", s))
        menu.addSection(self.tr("Tag"))
        group = QActionGroup(menu)
        any_tag = menu.addAction(self.tr("Any tag"))
        any_tag.setCheckable(True)
        any_tag.setChecked(flt.tag is None)
        group.addAction(any_tag)
        any_tag.triggered.connect(lambda: self._set_tag(None))
        for tag in client_queries.all_tags(self.store):
            action = QAction(tag, menu)
            action.setCheckable(True)
            action.setChecked(flt.tag == tag)
            group.addAction(action)
            menu.addAction(action)
            action.triggered.connect(lambda _=False, t=tag: self._set_tag(t))
        menu.addSeparator()
        cold = menu.addAction(self.tr("Going cold only"))
        cold.setCheckable(True)
        cold.setChecked(flt.going_cold_only)
        cold.triggered.connect(
            lambda checked: self.model.set_filter(
                replace(self.model.filter, going_cold_only=checked)
            )
        )
        menu.addSeparator()
        menu.addAction(self.tr("Clear filters"), self.clear_filters)

    def _set_tag(self, tag: str | None) -> None:
        self.model.set_filter(replace(self.model.filter, tag=tag))

    def clear_filters(self) -> None:
        self.model.set_filter(
            ClientFilter(sort=self.model.filter.sort, descending=self.model.filter.descending)
        )
        self.search.clear()

    def _filtered(self) -> bool:
        f = self.model.filter
        return bool(f.text or f.tiers or f.statuses or f.tag or f.going_cold_only)

    # -- selection ------------------------------------------------------------------
    def current_id(self) -> str:
        index = self.view.currentIndex()
        return self.model.row(index).id if index.isValid() else ""

    def show_client(self, account_id: str, *, emit: bool = True, fetch: bool = True) -> bool:
        """Select a client by id, fetching pages until it appears (or the list ends);
        without ``fetch``, only among the rows already loaded."""
        if not account_id:
            return False
        row = self.model.row_of(account_id)
        while row < 0 and fetch and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(account_id)
        if row < 0:
            return False
        if not emit:
            self.view.selectionModel().blockSignals(True)
        self.view.selectRow(row)
        self.view.setCurrentIndex(self.model.index(row, 0))
        self.view.scrollTo(self.model.index(row, 0))
        if not emit:
            self.view.selectionModel().blockSignals(False)
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.client_selected.emit(self.model.row(current).id if current.isValid() else "")

    def _delete_current(self) -> None:
        if account_id := self.current_id():
            self.delete_requested.emit(account_id)

    def apply_changes(self, changes: Changes) -> None:
        selected = self.current_id()
        scroll = self.view.verticalScrollBar().value()
        self.model.apply_changes(changes)
        if selected and self.current_id() != selected:
            if not self.show_client(selected, emit=False):
                self.client_selected.emit("")
            self.view.verticalScrollBar().setValue(scroll)
            self.columns.keep_selection_visible()
        self._update_count()

    def refresh(self) -> None:
        selected = self.current_id()
        self.model.reload(at_least=self.model.rowCount())
        self.show_client(selected, emit=False)

    def _after_reset(self) -> None:
        self._update_count()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if shown == 0:
            self.view.hide()
            self.empty_label.show()
            if self._filtered():
                self.empty_label.setText(self.tr("No client matches this filter."))
            else:
                self.empty_label.setText(
                    self.tr("No clients yet — import a CSV or add one with File ▸ New client…")
                )
        else:
            self.empty_label.hide()
            self.view.show()
        total = self.model.total
        if total is None:
            return  # being counted: the label keeps the last count until then
        cap = client_queries.COUNT_CAP
        shown_total = f"{cap}+" if total > cap else str(total)
        self.count_label.setText(
            self.tr("1 client") if total == 1 else self.tr("{0} clients").format(shown_total)
        )
