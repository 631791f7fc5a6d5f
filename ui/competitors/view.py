"""View ▸ Competitors (Ctrl+Shift+M): the competitor list on the left (add, edit, move
to Trash, each undoable with Ctrl+Z), and for the selected one: its website and notes,
the deals won and lost against it (counts and amounts per currency), what was heard
about it across every client, newest first (paged as it scrolls), and its deals.

It shares the main window's undo stack and follows its changes. Enter on an entry
shows it in its client's timeline; on a deal opens the deal."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.errors import RelasiError
from models.queries import competitors as q
from models.store import Changes, Store
from ui.commands import DeleteCommand, UndoStack, perform
from ui.competitors.editor import CompetitorDialog
from ui.competitors.models import (
    CompetitorListModel,
    DealsAgainstModel,
    HeardModel,
    IdRole,
    record_text,
)
from ui.display import visible


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    return view


class CompetitorView(QWidget):
    #: (account_id, interaction_id): show an entry in its client's timeline.
    open_entry = Signal(str, str)
    open_deal = Signal(str)

    def __init__(self, store: Store, stack: UndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("competitorView")
        self.store, self.stack = store, stack
        self.list_model = CompetitorListModel(store, self)
        self.heard_model = HeardModel(store, self)
        self.deals_model = DealsAgainstModel(store, self)

        self.list = _table(self, "competitorList")
        self.list.setModel(self.list_model)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("competitorAdd")
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("competitorEdit")
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("competitorDelete")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.list, 1)
        left_column.addLayout(buttons)

        self.title = QLabel(self)
        self.title.setObjectName("competitorTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.about = QLabel(self)
        self.about.setObjectName("competitorAbout")
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setWordWrap(True)
        self.record = QLabel(self)
        self.record.setObjectName("competitorRecord")
        self.record.setTextFormat(Qt.TextFormat.PlainText)
        self.record.setWordWrap(True)
        self.heard = _table(self, "competitorHeard")
        self.heard.setModel(self.heard_model)
        header = self.heard.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.deals = _table(self, "competitorDeals")
        self.deals.setModel(self.deals_model)
        header = self.deals.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("competitorTabs")
        self.tabs.addTab(self.heard, "")
        self.tabs.addTab(self.deals, "")
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.title)
        right_column.addWidget(self.about)
        right_column.addWidget(self.record)
        right_column.addWidget(self.tabs, 1)

        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        self._actions(stack)
        self.list.selectionModel().selectionChanged.connect(self._selected)
        self.add_button.clicked.connect(lambda: self.add())
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.list.activated.connect(lambda _i: self.edit())
        self.heard.activated.connect(self._open_entry)
        self.heard.doubleClicked.connect(self._open_entry)
        self.deals.activated.connect(self._open_deal)
        self.deals.doubleClicked.connect(self._open_deal)
        self.resize(1200, 720)
        self.retranslate()
        self.reload()

    def _actions(self, stack: UndoStack) -> None:
        specs = (
            (QKeySequence.StandardKey.Undo, stack.undo),
            ("Ctrl+Shift+Z", stack.redo),
            ("Ctrl+Y", stack.redo),
            (QKeySequence.StandardKey.New, lambda: self.add()),
            ("F2", self.edit),
        )
        for key, slot in specs:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            self.addAction(action)
        self.list.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete on the list moves the selected competitor to Trash."""
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            self.delete()
            return True
        return super().eventFilter(watched, event)

    # -- reading ----------------------------------------------------------------------

    def current_id(self) -> str:
        index = self.list.currentIndex()
        return str(index.data(IdRole)) if index.isValid() else ""

    def reload(self) -> None:
        """Read the list again; the selection stays on the same competitor if it can."""
        keep = self.current_id()
        self.list_model.reload()
        self.select(keep) or self._select_row(0)
        self._show(self.current_id())

    def select(self, competitor_id: str) -> bool:
        row = self.list_model.row_of(competitor_id) if competitor_id else -1
        return self._select_row(row) if row >= 0 else False

    def _select_row(self, row: int) -> bool:
        if not 0 <= row < self.list_model.rowCount():
            return False
        self.list.setCurrentIndex(self.list_model.index(row, 0))
        return True

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show(self.current_id())

    def _show(self, competitor_id: str) -> None:
        row = q.competitor(self.store, competitor_id) if competitor_id else None
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(row is not None)
        if row is None:
            self.title.setText(self.tr("No competitor selected") if self.list_model.rows else "")
            self.about.setText(
                ""
                if self.list_model.rows
                else self.tr(
                    "No competitors yet: add one with Ctrl+N, or name one when a deal is lost."
                )
            )
            self.record.setText("")
            self.heard_model.show("")
            self.deals_model.show("")
            return
        self.title.setText(visible(row.name))
        about = [visible(row.website)] if row.website else []
        if row.notes:
            about.append(visible(row.notes))
        self.about.setText("\n".join(about) or self.tr("No website or notes yet (F2 to edit)."))
        rec = q.record(self.store, competitor_id)
        won, lost = record_text(rec)
        self.record.setText(
            self.tr("Won against it: {0} ({1}) · Lost to it: {2} ({3})").format(
                rec.won, won, rec.lost, lost
            )
        )
        self.heard_model.show(competitor_id)
        self.deals_model.show(competitor_id)

    def apply_changes(self, changes: Changes) -> None:
        """The list (its counts read every deal link) only when competitors or deals
        changed; an entry or client change re-reads the selected competitor alone."""
        if changes.of("competitor") or changes.of("deal"):
            self.reload()
        elif changes.of("interaction") or changes.of("account"):
            self._show(self.current_id())

    # -- editing ----------------------------------------------------------------------

    def add(self, name: str = "") -> CompetitorDialog:
        dialog = CompetitorDialog(self.store, self.stack, name=name, parent=self)
        dialog.accepted.connect(lambda: self._after_add(dialog.created_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _after_add(self, competitor_id: str) -> None:
        self.reload()
        self.select(competitor_id)

    def edit(self) -> CompetitorDialog | None:
        competitor_id = self.current_id()
        if not competitor_id:
            return None
        dialog = CompetitorDialog(self.store, self.stack, competitor_id=competitor_id, parent=self)
        dialog.accepted.connect(self.reload)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def delete(self) -> None:
        """Move the selected competitor to Trash (Ctrl+Z puts it back; its history stays)."""
        competitor_id = self.current_id()
        if not competitor_id:
            return
        name = self.title.text()
        command = DeleteCommand(
            self.store,
            self.tr("Move competitor “{0}” to Trash").format(name),
            [("competitor", competitor_id)],
        )
        try:
            perform(self.stack, command)
        except RelasiError as exc:  # e.g. already gone from another window
            self.about.setText(exc.message)
            return
        self.reload()

    def _open_entry(self, index: QModelIndex) -> None:
        if index.isValid():
            row: q.HeardRow = self.heard_model.rows[index.row()]
            self.open_entry.emit(row.account_id, row.interaction_id)

    def _open_deal(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_deal.emit(str(index.data(IdRole)))

    # -- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Competitors — Relasi"))
        self.add_button.setText(self.tr("&Add…"))
        self.add_button.setToolTip(self.tr("Add a competitor (Ctrl+N)"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the competitor (F2)"))
        self.delete_button.setText(self.tr("Move to &Trash"))
        self.delete_button.setToolTip(self.tr("Move the competitor to Trash (Delete)"))
        self.list.setAccessibleName(self.tr("Competitors"))
        self.heard.setAccessibleName(self.tr("What was heard about the competitor"))
        self.deals.setAccessibleName(self.tr("Deals against the competitor"))
        self.tabs.setTabText(0, self.tr("&Heard across clients"))
        self.tabs.setTabText(1, self.tr("&Deals"))
        self._show(self.current_id())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
