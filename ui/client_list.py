"""The client list pane: the table (its model is ui.client_list_model), the search box,
tier/status/tag filters and sorting."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import (
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
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
from models.rows import ClientFilter
from models.store import Changes, Store
from ui import formatting
from ui.client_columns import ClientColumns
from ui.client_list_model import COLUMNS, PAGE, ClientListModel
from ui.icons import icon, set_icon
from ui.labels import status_label

__all__ = ["COLUMNS", "PAGE", "ClientListModel", "ClientListPane"]


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
        # The header's indicator starts as the model's order (by name, ascending), so
        # turning sorting on does not read the list once more in Qt's default order.
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
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
            5: ["100"],
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
        wanted = replace(self.model.filter, sort=column, descending=descending)
        if wanted != self.model.filter:  # the same order (at start: by name) is read once
            self.model.set_filter(wanted)

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
