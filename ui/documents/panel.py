"""A list of documents (a client's, a deal's or an entry's) with Attach, Open, Save as
and Delete; files dropped on it are attached to what it lists. It follows changes made
anywhere (an undo in the main window) while it is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QHideEvent,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.queries.documents import DocumentRow, documents_of
from models.store import Changes, Store
from ui.documents.actions import DocumentActions
from ui.documents.files import local_files
from ui.documents.model import DocumentListModel
from ui.hub import ChangeHub

#: Attach file… wherever a documents list has the focus (and in the main window).
ATTACH_SHORTCUT = "Ctrl+Shift+A"


class DocumentsPanel(QWidget):
    """The documents of one client, deal or entry."""

    def __init__(
        self,
        store: Store,
        actions: DocumentActions,
        *,
        account_id: str,
        deal_id: str | None = None,
        interaction_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentsPanel")
        self.store = store
        self.doc_actions = actions
        self.account_id = account_id
        self.deal_id = deal_id
        self.interaction_id = interaction_id
        self._hub: ChangeHub | None = None
        self.setAcceptDrops(True)
        self.title = QLabel(self)
        self.title.setObjectName("documentsTitle")
        self.model = DocumentListModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("documentList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if deal_id:
            self.view.hideColumn(2)  # every row is this deal's
        self.view.activated.connect(self._activated)
        self.empty = QLabel(self)
        self.empty.setObjectName("documentsEmpty")
        self.empty.setWordWrap(True)
        self.attach_button = self._button("documentAttach", self.attach)
        self.open_button = self._button("documentOpen", self.open_selected)
        self.save_button = self._button("documentSaveAs", self.save_selected)
        self.delete_button = self._button("documentDelete", self.delete_selected)
        self.attach_action = self._shortcut(ATTACH_SHORTCUT, self.attach)
        self.delete_action = self._shortcut(QKeySequence.StandardKey.Delete, self.delete_selected)
        self.save_action = self._shortcut(QKeySequence.StandardKey.Save, self.save_selected)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        actions.changed.connect(self.reload)
        self.retranslate()
        self.reload()

    def _button(self, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _shortcut(self, key: str | QKeySequence.StandardKey, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        self.title.setText(self.tr("<b>Documents</b>"))
        self.attach_button.setText(self.tr("Attach f&ile…"))
        self.attach_button.setToolTip(self.tr("Attach files ({0}), or drop them here").format(
            QKeySequence(ATTACH_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        ))  # fmt: skip
        self.open_button.setText(self.tr("Op&en"))
        self.save_button.setText(self.tr("Sa&ve as…"))
        self.delete_button.setText(self.tr("Move to Tras&h"))
        self.view.setAccessibleName(self.tr("Documents"))
        self.empty.setText(self.tr("No documents yet. Drop files here, or use Attach file…"))

    # -- the list ---------------------------------------------------------------------------
    def rows(self) -> list[DocumentRow]:
        return list(self.model.rows)

    def reload(self) -> None:
        if not self.account_id and not self.deal_id and not self.interaction_id:
            rows: list[DocumentRow] = []
        else:
            rows = documents_of(
                self.store,
                account_id=self.account_id or None,
                deal_id=self.deal_id,
                interaction_id=self.interaction_id,
            )
        selected = set(self.selected_ids())
        self.model.set_rows(rows)
        for i, row in enumerate(rows):
            if row.id in selected:
                self.view.selectRow(i)
        if rows and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)
        has_rows = bool(rows)
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self._update_buttons()

    def apply_changes(self, changes: Changes) -> None:
        if changes.of("document"):
            self.reload()

    def selected_ids(self) -> list[str]:
        return [self.model.rows[i.row()].id for i in self.view.selectionModel().selectedRows()]

    def _selected_rows(self) -> list[DocumentRow]:
        return [self.model.rows[i.row()] for i in self.view.selectionModel().selectedRows()]

    def _update_buttons(self) -> None:
        has = bool(self.selected_ids())
        one = len(self.selected_ids()) == 1
        self.open_button.setEnabled(one)
        self.save_button.setEnabled(one)
        self.delete_button.setEnabled(has)
        self.attach_button.setEnabled(bool(self.account_id))

    # -- actions ----------------------------------------------------------------------------
    def attach(self) -> list[str]:
        return self.doc_actions.choose_and_attach(
            account_id=self.account_id, deal_id=self.deal_id, interaction_id=self.interaction_id
        )

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.doc_actions.open(self.model.rows[index.row()].id)

    def open_selected(self) -> None:
        rows = self._selected_rows()
        if len(rows) == 1:
            self.doc_actions.open(rows[0].id)

    def save_selected(self) -> None:
        rows = self._selected_rows()
        if len(rows) == 1:
            self.doc_actions.save_as(rows[0].id)

    def delete_selected(self) -> None:
        rows = self._selected_rows()
        self.doc_actions.delete([r.id for r in rows], [r.name for r in rows])

    # -- drops ------------------------------------------------------------------------------
    def _accept(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        if self.account_id and local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData())
        if not paths or not self.account_id:
            event.ignore()
            return
        event.acceptProposedAction()
        self.doc_actions.attach_paths(
            paths,
            account_id=self.account_id,
            deal_id=self.deal_id,
            interaction_id=self.interaction_id,
        )

    def catch_drops_on(self, widget: QWidget) -> None:
        """Files dropped anywhere on ``widget`` (the dialog around the list) come here."""
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDragEnterEvent | QDragMoveEvent):
            self._accept(event)
            return True
        if isinstance(event, QDropEvent):
            self.dropEvent(event)
            return True
        return super().eventFilter(watched, event)

    # -- following changes made elsewhere while shown ---------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        if self._hub is None:
            self._hub = ChangeHub(self.store, self)
            self._hub.changed.connect(self.apply_changes)
            self.reload()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if self._hub is not None:
            self._hub.detach()
            self._hub.deleteLater()
            self._hub = None
        super().hideEvent(event)


def add_documents(
    dialog: QWidget,
    store: Store,
    stack: QUndoStack,
    *,
    account_id: str,
    deal_id: str | None = None,
    interaction_id: str | None = None,
) -> DocumentsPanel:
    """A documents list in a record's dialog, above its buttons; files dropped anywhere
    on the dialog are attached to the record."""
    actions = DocumentActions(store, stack, dialog)
    panel = DocumentsPanel(
        store,
        actions,
        account_id=account_id,
        deal_id=deal_id,
        interaction_id=interaction_id,
        parent=dialog,
    )
    panel.view.setMinimumHeight(90)
    layout = dialog.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(max(0, layout.count() - 1), panel)
    panel.catch_drops_on(dialog)
    return panel
