"""View ▸ Pipeline: a window with the board and the list of all deals, sharing the main
window's undo stack (Ctrl+Z here undoes a move made here, or anywhere)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTabWidget, QVBoxLayout, QWidget

from models.store import Changes, Store
from ui.commands import StoreCommand, UndoStack
from ui.documents.card_drops import CardDrops
from ui.pipeline.board import PipelineBoard
from ui.pipeline.deals_list import DealsList
from ui.proposals.actions import open_proposal, proposal_action, retranslate_action
from ui.proposals.dialog import ProposalDialog
from ui.settings import Settings


class PipelineWindow(QWidget):
    open_deal = Signal(str)

    def __init__(
        self,
        store: Store,
        stack: UndoStack,
        settings: Settings,
        run: Callable[[StoreCommand], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("pipelineWindow")
        self.board = PipelineBoard(store, stack, settings, run, self)
        # files dropped on a card are attached to its deal
        views = [column.view for column in self.board.columns.values()]
        self.card_drops = CardDrops(views, store, stack, self.board)
        self.deals = DealsList(store, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pipelineTabs")
        self.tabs.addTab(self.board, "")
        self.tabs.addTab(self.deals, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self.board.open_deal.connect(self.open_deal)
        self.deals.open_deal.connect(self.open_deal)
        undo = QAction(self)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.triggered.connect(stack.undo)
        redo = QAction(self)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.triggered.connect(stack.redo)
        self.addActions([undo, redo])
        self.settings = settings
        menus: list[QAbstractItemView] = [c.view for c in self.board.columns.values()]
        menus.append(self.deals)
        self.proposal = proposal_action(self, menus)
        self.proposal.triggered.connect(self.new_proposal)
        self.resize(1400, 800)
        self.retranslate()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.deals and self.deals.model_.rowCount() == 0:
            self.deals.model_.reload()

    def current_deal(self) -> str:
        """The selected deal's id on the shown tab ("" for none)."""
        if self.tabs.currentWidget() is self.deals:
            index = self.deals.currentIndex()
            return self.deals.model_.card(index.row()).id if index.isValid() else ""
        return self.board.current()[1]

    def new_proposal(self) -> ProposalDialog | None:
        deal_id = self.current_deal()
        if not deal_id:
            return None
        board = self.board
        return open_proposal(board.store, board.stack, deal_id, settings=self.settings, parent=self)

    def apply_changes(self, changes: Changes) -> None:
        self.board.apply_changes(changes)
        if self.deals.model_.rowCount():
            self.deals.model_.apply_changes(changes)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Pipeline — Relasi"))
        self.tabs.setTabText(0, self.tr("&Board"))
        self.tabs.setTabText(1, self.tr("All &deals"))
        self.board.retranslate()
        retranslate_action(self.proposal)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
