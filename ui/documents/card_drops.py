"""Files dropped on a deal's card on the pipeline board are attached to that deal (a
card dragged between columns still moves its deal: only local files are taken here)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QListView, QWidget

from models.queries.deals import DealCard
from models.store import Store
from ui.documents.actions import DocumentActions
from ui.documents.files import local_files
from ui.pipeline.column_model import MIME, StageColumnModel


class CardDrops(QObject):
    def __init__(
        self, views: list[QListView], store: Store, stack: QUndoStack, board: QWidget
    ) -> None:
        super().__init__(board)
        self.views: dict[QObject, QListView] = {view.viewport(): view for view in views}
        self.doc_actions = DocumentActions(store, stack, board)
        for viewport in self.views:
            viewport.installEventFilter(self)

    def card_at(self, view: QListView, event: QDropEvent | QDragMoveEvent) -> DealCard | None:
        index = view.indexAt(event.position().toPoint())
        card = index.data(StageColumnModel.CardRole) if index.isValid() else None
        return card if isinstance(card, DealCard) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.views.get(watched)
        if view is None or not isinstance(event, QDragEnterEvent | QDragMoveEvent | QDropEvent):
            return False
        mime = event.mimeData()
        if mime.hasFormat(MIME) or not local_files(mime):
            return False  # a card being moved: the view's own drop
        if isinstance(event, QDragEnterEvent):
            event.acceptProposedAction()
            return True
        card = self.card_at(view, event)
        if card is None:
            event.ignore()
            return True
        event.acceptProposedAction()
        if not isinstance(event, QDragMoveEvent):  # the drop itself
            self.doc_actions.attach_paths(
                local_files(mime), account_id=card.account_id, deal_id=card.id
            )
        return True
