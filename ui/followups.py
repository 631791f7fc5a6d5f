"""The follow-ups pane: Overdue / Today / Upcoming / Done (recent), for all clients
or the selected one; a check box completes, a menu snoozes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, QTimer, Signal
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
from models.queries import clients as client_queries
from models.queries import followups as followup_queries
from models.rows import FollowUpRow
from models.store import Changes, Store
from ui.followup_delegate import FollowUpDelegate
from ui.followup_model import (
    DUE,
    TITLE,
    FollowUpModel,
    IdRole,
    SectionRole,
    TitleRole,
)
from ui.followup_sections import SECTION_ROWS
from ui.icons import icon, set_icon
from ui.theme import set_role

__all__ = ["SECTION_ROWS", "FollowUpsPane", "fill_snooze_menu", "snooze_choices"]

#: Up to this many follow-ups changed at once are moved a row at a time; more, and the
#: sections they were and are in are read again.
MOVE_LIMIT = 50


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
    """A tree of sections with checkable follow-ups (ui/followup_model.py holds them)."""

    complete = Signal(str, bool)  # follow-up id, done
    snooze = Signal(str, object)  # follow-up id, datetime (or None: ask for a date)
    edit = Signal(str)
    create_requested = Signal()
    scope_changed = Signal(bool)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = FollowUpModel(store, self)
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
        self.view.verticalScrollBar().valueChanged.connect(self._fetch_visible)
        self.model.check_toggled.connect(self.complete.emit)
        self.model.rowsInserted.connect(self._expand_section)
        self.model.modelReset.connect(self._expand)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DUE, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # the rows in view: not every row's date

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
        self.retranslate(refresh=False)  # the window refreshes once it is set up

    @property
    def account_id(self) -> str:
        return self.model.account_id

    @property
    def all_clients(self) -> bool:
        return self.model.all_clients

    def retranslate(self, *, refresh: bool = True) -> None:
        self.scope.setText(self.tr("All clients"))
        self.scope.setToolTip(self.tr("Show follow-ups of every client, or only the selected one"))
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr("New follow-up for the selected client"))
        self.snooze_button.setText(self.tr("Snooze"))
        self.view.setAccessibleName(self.tr("Follow-ups"))
        self.model.headers = [self.tr("Follow-up"), self.tr("Due")]
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, TITLE, DUE)
        self.legend.setText(
            self.tr(
                "Bold with a bell: high priority. Tinted and listed first: the selected client's."
            )
        )
        if refresh:  # dates are formatted for the language
            self.refresh()

    # -- data -----------------------------------------------------------------------
    def set_account(self, account_id: str) -> None:
        """The selected client: its follow-ups alone, or listed first and tinted (read
        for that client alone: every client's rows are not read again)."""
        if account_id != self.model.account_id:
            self._keeping_place(lambda: self.model.select_account(account_id))

    def set_all_clients(self, value: bool) -> None:
        self.scope.setChecked(value)

    def _scope_toggled(self, checked: bool) -> None:
        self.model.all_clients = checked
        self.scope_changed.emit(checked)
        self.refresh()

    def refresh(self) -> None:
        """Every section from its first page (the day, language or theme changed)."""
        self._keeping_place(self.model.reload)

    def _keeping_place(self, change: Callable[[], object]) -> None:
        selected = self.current_id()
        scroll = self.view.verticalScrollBar().value()
        change()
        if selected:
            self.show_followup(selected)
        self.view.verticalScrollBar().setValue(scroll)

    def _expand(self) -> None:
        for i in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(i, QModelIndex(), True)
            self.view.expand(self.model.index(i, 0))

    def _expand_section(self, parent: QModelIndex, *_rows: int) -> None:
        if parent.isValid() and not self.view.isExpanded(parent):
            self.view.expand(parent)

    def _fetch_visible(self, *_args: object) -> None:
        """A section whose last row read is in view reads its next page."""
        viewport = self.view.viewport().rect()
        for i in range(self.model.rowCount()):
            parent = self.model.index(i, 0)
            if not self.model.more_to_read(parent):
                continue
            last = self.model.index(self.model.rowCount(parent) - 1, 0, parent)
            if self.view.visualRect(last).intersects(viewport):
                self.model.paging = True
                try:
                    self.model.fetchMore(parent)
                finally:
                    self.model.paging = False

    def section_titles(self, key: str) -> list[str]:
        """The follow-up titles shown in a section (for tests and accessibility)."""
        return [str(i.data(TitleRole)) for i in self._section_rows(key)]

    def section_ids(self, key: str) -> list[str]:
        return [str(i.data(IdRole)) for i in self._section_rows(key)]

    def _section_rows(self, key: str) -> list[QModelIndex]:
        for i in range(self.model.rowCount()):
            section = self.model.index(i, 0)
            if section.data(SectionRole) == key:
                return [
                    self.model.index(j, 0, section) for j in range(self.model.rowCount(section))
                ]
        return []

    def index_for(self, followup_id: str) -> QModelIndex | None:
        """The title cell of a follow-up shown, or None."""
        index = self.model.index_of(followup_id)
        return index if index.isValid() else None

    def current_id(self) -> str:
        index = self.view.currentIndex()
        value = index.data(IdRole) if index.isValid() else None
        return str(value) if value else ""

    def show_followup(self, followup_id: str) -> None:
        index = self.index_for(followup_id)
        if index is not None:
            self.view.setCurrentIndex(index)

    def apply_changes(self, changes: Changes) -> None:
        """Move the changed follow-ups where they belong now, a row at a time (their
        rows read in one query; a section is read again only where a row's place cannot
        be told), and read again the sections showing a client that was renamed or
        deleted (a note saved on a client touches it too, and must not reread this)."""
        changed = set(changes.of("followup"))
        keys: set[str] = set()
        fresh: dict[str, tuple[str, FollowUpRow]] = {}
        if len(changed) > MOVE_LIMIT:  # many at once (an import, a bulk undo)
            keys = self.model.where_shown(changed)
            keys |= set(followup_queries.buckets_of(self.store, changed).values())
        elif changed:
            fresh = followup_queries.rows_in_buckets(self.store, changed)
        accounts = changes.of("account")
        names = {
            r.account_id: r.account_name
            for s in self.model.sections
            for r in s.shown
            if r.account_id in accounts
        }
        # A client whose changed follow-up was just read: its name is known.
        known = {row.account_id: row.account_name for _bucket, row in fresh.values()}
        asked = sorted(a for a in names if a not in known)
        live = {**client_queries.live_names(self.store, asked), **known}
        stale = {a for a, name in names.items() if live.get(a) != name}
        keys |= {s.key for s in self.model.sections if any(r.account_id in stale for r in s.shown)}
        if changed and len(changed) <= MOVE_LIMIT:
            self._keeping_place(
                lambda: self.model.reload_sections(keys | self.model.move_rows(changed, fresh))
            )
        elif keys:
            self._keeping_place(lambda: self.model.reload_sections(keys))

    # -- actions --------------------------------------------------------------------
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
