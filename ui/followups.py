"""The follow-ups pane: Overdue / Today / Upcoming / Done (recent), for all clients
or the selected one; a check box completes, a menu snoozes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.clock import local_zone
from models.queries import followups as followup_queries
from models.rows import FollowUpBuckets, FollowUpRow
from models.store import Changes, Store
from ui import colours, formatting
from ui.display import visible
from ui.followup_delegate import ClientRole, FollowUpDelegate
from ui.icons import icon, set_icon
from ui.theme import set_role

IdRole = Qt.ItemDataRole.UserRole + 1
SectionRole = Qt.ItemDataRole.UserRole + 2
TitleRole = Qt.ItemDataRole.UserRole + 3
AccountRole = Qt.ItemDataRole.UserRole + 4
#: The columns of a follow-up row.
TITLE, DUE = range(2)
#: Rows shown per section; the rest is counted (a list of every client's follow-ups
#: for the next months is not something to read, and building it costs start-up time).
SECTION_ROWS = 100


def snooze_choices(now: datetime) -> dict[str, datetime]:
    """When each snooze menu entry wakes a follow-up, in UTC (local working hours)."""
    zone = local_zone()  # 09:00 on a day after a daylight-saving change has its new offset
    local = now.astimezone(zone)
    tomorrow = datetime.combine(local.date() + timedelta(days=1), time(9), zone)
    monday = local.date() + timedelta(days=7 - local.weekday())
    return {
        "later": now + timedelta(hours=3),
        "tomorrow": tomorrow,
        "next_week": datetime.combine(monday, time(9), zone),
    }


def fill_snooze_menu(
    menu: QMenu, followup_id: str, now: datetime, snooze: Callable[[str, object], object]
) -> None:
    """The snooze entries (the pane's button and context menu, the reminder banner):
    ``snooze(followup_id, when)`` with ``when`` None for "Pick a date…"."""
    menu.clear()
    choices = snooze_choices(now)

    labels = {
        "later": QCoreApplication.translate("FollowUpsPane", "Later today (3 hours)"),
        "tomorrow": QCoreApplication.translate("FollowUpsPane", "Tomorrow morning"),
        "next_week": QCoreApplication.translate("FollowUpsPane", "Next week (Monday)"),
    }
    for key, label in labels.items():
        action = menu.addAction(label)
        action.setEnabled(bool(followup_id))
        action.triggered.connect(lambda _=False, when=choices[key]: snooze(followup_id, when))
    pick = menu.addAction(QCoreApplication.translate("FollowUpsPane", "Pick a date…"))
    pick.setEnabled(bool(followup_id))
    pick.triggered.connect(lambda: snooze(followup_id, None))


class FollowUpsPane(QWidget):
    """A tree of sections with checkable follow-ups."""

    complete = Signal(str, bool)  # follow-up id, done
    snooze = Signal(str, object)  # follow-up id, datetime (or None: ask for a date)
    edit = Signal(str)
    create_requested = Signal()
    scope_changed = Signal(bool)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.account_id = ""
        self.all_clients = True
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("followUps")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(False)  # two lines a follow-up, one a section
        self.view.setItemDelegateForColumn(TITLE, FollowUpDelegate(self.view))
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(self._double_clicked)
        self.model.itemChanged.connect(self._item_changed)

        self.scope = QCheckBox(self)
        self.scope.setObjectName("followUpsAllClients")
        self.scope.setChecked(True)
        self.scope.toggled.connect(self._scope_toggled)
        self.new_button = QToolButton(self)
        self.new_button.setObjectName("newFollowUp")
        set_icon(self.new_button, "add")
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_button.clicked.connect(self.create_requested.emit)
        self.snooze_button = QToolButton(self)
        self.snooze_button.setObjectName("snoozeFollowUp")
        set_icon(self.snooze_button, "snooze")
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self)
        self.snooze_menu.aboutToShow.connect(self._fill_snooze_menu)
        self.snooze_button.setMenu(self.snooze_menu)

        top = QHBoxLayout()
        top.addWidget(self.scope, 1)
        top.addWidget(self.snooze_button)
        top.addWidget(self.new_button)
        # What bold, the bell and the tint mean (a line under the list).
        self.legend = QLabel(self)
        self.legend.setObjectName("followUpsLegend")
        self.legend.setWordWrap(True)
        set_role(self.legend, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        self._buckets = FollowUpBuckets()
        self.retranslate(refresh=False)  # the window refreshes once it is set up

    def retranslate(self, *, refresh: bool = True) -> None:
        self.scope.setText(self.tr("All clients"))
        self.scope.setToolTip(self.tr("Show follow-ups of every client, or only the selected one"))
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr("New follow-up for the selected client"))
        self.snooze_button.setText(self.tr("Snooze"))
        self.view.setAccessibleName(self.tr("Follow-ups"))
        self.model.setHorizontalHeaderLabels([self.tr("Follow-up"), self.tr("Due")])
        self.legend.setText(
            self.tr(
                "Bold with a bell: high priority. Tinted and listed first: the selected client's."
            )
        )
        if refresh:  # dates are formatted for the language
            self.refresh()

    # -- data -----------------------------------------------------------------------
    def set_account(self, account_id: str) -> None:
        """The selected client: its follow-ups alone, or listed first and tinted."""
        if account_id != self.account_id:
            self.account_id = account_id
            self.refresh()

    def set_all_clients(self, value: bool) -> None:
        self.scope.setChecked(value)

    def _scope_toggled(self, checked: bool) -> None:
        self.all_clients = checked
        self.scope_changed.emit(checked)
        self.refresh()

    def refresh(self) -> None:
        selected = self.current_id()
        scroll = self.view.verticalScrollBar().value()
        if self.all_clients or self.account_id:
            self._buckets = followup_queries.followups(
                self.store, account_id=None if self.all_clients else self.account_id
            )
        else:
            self._buckets = FollowUpBuckets()
        now = self.store.clock.now()
        mine = self.account_id if self.all_clients else ""
        tint = colours.selected_tint()
        self.model.blockSignals(True)
        self.model.removeRows(0, self.model.rowCount())
        sections = [
            ("overdue", self.tr("Overdue"), self._buckets.overdue),
            ("today", self.tr("Today"), self._buckets.today),
            ("upcoming", self.tr("Upcoming"), self._buckets.upcoming),
            ("done", self.tr("Done (last 7 days)"), self._buckets.done),
        ]
        for key, title, rows in sections:
            section = QStandardItem(f"{title}  ({len(rows)})")
            section.setData(key, SectionRole)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = QFont(section.font())
            font.setBold(True)
            section.setFont(font)
            if key == "overdue" and rows:
                section.setForeground(QBrush(colours.error()))
                section.setIcon(icon("bell", colours.error().name()))
            filler = [QStandardItem()]
            for f in filler:
                f.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if mine:  # the selected client's first (the sort is stable: due order kept)
                rows = tuple(sorted(rows, key=lambda r: r.account_id != mine))
            for row in rows[:SECTION_ROWS]:
                items = self._row_items(row, key, now)
                if mine and row.account_id == mine:
                    for item in items:
                        item.setBackground(QBrush(tint))
                section.appendRow(items)
            if len(rows) > SECTION_ROWS:
                more = QStandardItem(
                    self.tr("… and {0} more: show one client's follow-ups to see them").format(
                        len(rows) - SECTION_ROWS
                    )
                )
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                section.appendRow([more, QStandardItem()])
            self.model.appendRow([section, *filler])
        self.model.blockSignals(False)
        self.model.layoutChanged.emit()
        self.view.expandAll()
        for i in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(i, QModelIndex(), True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DUE, QHeaderView.ResizeMode.ResizeToContents)
        if selected:
            self.show_followup(selected)
        self.view.verticalScrollBar().setValue(scroll)

    def _row_items(self, row: FollowUpRow, section: str, now: datetime) -> list[QStandardItem]:
        title = QStandardItem(visible(row.title))
        account_name = visible(row.account_name)
        title.setData(row.id, IdRole)
        title.setData(row.title, TitleRole)
        title.setData(row.account_id, AccountRole)
        title.setCheckable(True)
        title.setCheckState(Qt.CheckState.Checked if row.done_at else Qt.CheckState.Unchecked)
        title.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        high = row.priority == 2
        if high:
            bold = QFont(title.font())
            bold.setBold(True)
            title.setFont(bold)
            title.setIcon(icon("bell", colours.warning().name()))
        due_at = row.effective_due
        if row.all_day and row.snoozed_until is None:
            due_text = formatting.short_day(due_at)
        elif section == "today":
            due_text = formatting.time_of_day(due_at)
        else:
            due_text = f"{formatting.short_day(due_at)} {formatting.time_of_day(due_at)}"
        if self.all_clients:  # drawn under the title (ui/followup_delegate.py)
            title.setData(account_name, ClientRole)
        due = QStandardItem(due_text)
        due.setData(row.id, IdRole)
        due.setData(row.account_id, AccountRole)
        due.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        when = f"{formatting.date_time(due_at)} ({formatting.relative(due_at, now)})"
        lines = [visible(row.title), self.tr("Client: {0}").format(account_name)]
        if section == "overdue":
            lines.append(self.tr("Overdue since {0}").format(formatting.relative(due_at, now)))
            lines.append(self.tr("Due: {0}").format(formatting.date_time(due_at)))
        else:
            lines.append(self.tr("Due: {0}").format(when))
        if high:
            lines.append(self.tr("High priority (bold, with a bell)"))
        tooltip = "\n".join(lines)
        for item in (title, due):
            item.setToolTip(tooltip)
        if section == "overdue":
            for item in (title, due):
                item.setForeground(QBrush(colours.error()))
        if section == "done":
            font = QFont(title.font())
            font.setStrikeOut(True)
            title.setFont(font)
        title.setData(
            ", ".join(
                [visible(row.title), due_text, account_name]
                + ([self.tr("high priority")] if high else [])
                + ([self.tr("overdue")] if section == "overdue" else [])
            ),
            Qt.ItemDataRole.AccessibleTextRole,
        )
        return [title, due]

    def section_titles(self, key: str) -> list[str]:
        """The follow-up titles shown in a section (for tests and accessibility)."""
        for i in range(self.model.rowCount()):
            section = self.model.item(i)
            if section.data(SectionRole) == key:
                children = (section.child(j) for j in range(section.rowCount()))
                return [str(c.data(TitleRole)) for c in children if c.data(IdRole)]
        return []

    def section_ids(self, key: str) -> list[str]:
        for i in range(self.model.rowCount()):
            section = self.model.item(i)
            if section.data(SectionRole) == key:
                children = (section.child(j) for j in range(section.rowCount()))
                return [str(c.data(IdRole)) for c in children if c.data(IdRole)]
        return []

    def item_for(self, followup_id: str) -> QStandardItem | None:
        for i in range(self.model.rowCount()):
            section = self.model.item(i)
            for j in range(section.rowCount()):
                if section.child(j).data(IdRole) == followup_id:
                    return section.child(j)
        return None

    def current_id(self) -> str:
        index = self.view.currentIndex()
        value = index.data(IdRole) if index.isValid() else None
        return str(value) if value else ""

    def show_followup(self, followup_id: str) -> None:
        item = self.item_for(followup_id)
        if item is not None:
            self.view.setCurrentIndex(item.index())

    def apply_changes(self, changes: Changes) -> None:
        """Refresh when a follow-up changed, or a client whose follow-ups are shown (its
        name); a note saved on any client touches that client, and must not rebuild this."""
        buckets = self._buckets
        shown = {
            row.account_id
            for rows in (buckets.overdue, buckets.today, buckets.upcoming, buckets.done)
            for row in rows
        }
        if changes.of("followup") or shown & changes.of("account"):
            self.refresh()

    # -- actions --------------------------------------------------------------------
    def _item_changed(self, item: QStandardItem) -> None:
        followup_id = item.data(IdRole)
        if followup_id and item.isCheckable():
            self.complete.emit(str(followup_id), item.checkState() == Qt.CheckState.Checked)

    def _double_clicked(self, index: QModelIndex) -> None:
        if followup_id := index.data(IdRole):
            self.edit.emit(str(followup_id))

    def _fill_snooze_menu(self, menu: QMenu | None = None, followup_id: str = "") -> None:
        fill_snooze_menu(
            menu or self.snooze_menu,
            followup_id or self.current_id(),
            self.store.clock.now(),
            self.snooze.emit,
        )

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        followup_id = index.data(IdRole) if index.isValid() else None
        menu = QMenu(self)
        if followup_id:
            # Dialogs open once the menu has closed (its exec() returned).
            menu.addAction(
                self.tr("Edit…"),
                lambda: QTimer.singleShot(0, lambda: self.edit.emit(str(followup_id))),
            )
            snooze = menu.addMenu(icon("snooze"), self.tr("Snooze"))
            self._fill_snooze_menu(snooze, str(followup_id))
        menu.addAction(
            icon("add"),
            self.tr("New follow-up…"),
            lambda: QTimer.singleShot(0, self.create_requested.emit),
        )
        menu.exec(self.view.viewport().mapToGlobal(pos))
