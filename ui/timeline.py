"""The timeline pane: the selected client's header card, the note composer, and its
interactions newest first, grouped by day, fetched a page at a time."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.entities import InteractionKind
from models.queries import clients as client_queries
from models.queries import health as health_queries
from models.queries.health import Health
from models.rows import AccountDetail, InteractionRow
from models.store import Changes, Store
from ui.header_card import HeaderCard
from ui.icons import kind_icon
from ui.labels import kind_label
from ui.timeline_delegate import TimelineDelegate
from ui.timeline_model import (
    COMPOSER_KINDS,
    PAGE,
    DayHeader,
    TimelineModel,
)

__all__ = ["PAGE", "DayHeader", "HeaderCard", "NoteComposer", "TimelineModel", "TimelinePane"]


class NoteComposer(QPlainTextEdit):
    """Where a note is typed in place; Ctrl+Enter saves it."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteComposer")
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class TimelinePane(QWidget):
    """Header card, composer and the entry list of the selected client."""

    save_note = Signal(str, str)  # kind, text
    edit_entry = Signal(str)
    delete_entry = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.account_id = ""
        self.detail: AccountDetail | None = None
        self.health: Health | None = None
        self.header = HeaderCard(self)
        self.composer = NoteComposer(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("composerKind")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("composerSave")
        self.save_button.setDefault(False)
        self.model = TimelineModel(store, self)
        self.view = QListView(self)
        self.view.setObjectName("timeline")
        self.view.setModel(self.model)
        self.view.setItemDelegate(TimelineDelegate(self.view))
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(False)
        self.view.setMouseTracking(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.doubleClicked.connect(self._edit_index)
        self.empty = QLabel(self)
        self.empty.setObjectName("timelineEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        composer_row = QHBoxLayout()
        side = QVBoxLayout()
        side.addWidget(self.kind)
        side.addWidget(self.save_button)
        side.addStretch(1)
        composer_row.addWidget(self.composer, 1)
        composer_row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 8)
        layout.addWidget(self.header)
        layout.addLayout(composer_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)

        self.composer.submitted.connect(self._submit)
        self.save_button.clicked.connect(self._submit)
        self.model.modelReset.connect(self._update_empty)
        self.model.rowsInserted.connect(self._update_empty)
        self.retranslate()
        self.set_account("")

    def retranslate(self) -> None:
        current = self.kind.currentData()
        self.kind.clear()
        for kind in COMPOSER_KINDS:
            self.kind.addItem(kind_icon(kind), kind_label(kind), kind)
        if current:
            self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.setAccessibleName(self.tr("Entry kind"))
        self.composer.setPlaceholderText(
            self.tr("Write a note, call or meeting… Markdown works. Ctrl+Enter saves.")
        )
        self.composer.setAccessibleName(self.tr("New timeline entry"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the entry (Ctrl+Enter)"))
        self.view.setAccessibleName(self.tr("Timeline"))
        self._show_header()  # same client, new words
        self._update_empty()

    def _load_detail(self) -> None:
        """Read the selected client's card once; retranslating re-renders it from here."""
        self.detail = (
            client_queries.account_detail(self.store, self.account_id) if self.account_id else None
        )
        self.health = (
            health_queries.account_health(self.store, self.account_id) if self.detail else None
        )
        self._show_header()

    def _show_header(self) -> None:
        # Whether there is any client: counting stops at the first (not 100,000 of them).
        has_clients = bool(self.account_id) or client_queries.client_count(self.store, cap=0) > 0
        self.header.show_account(self.detail, self.store.clock.now(), has_clients=has_clients)
        self.header.show_health(self.health if self.detail else None)

    def set_account(self, account_id: str) -> None:
        self.account_id = account_id
        enabled = bool(account_id)
        self.composer.setEnabled(enabled)
        self.kind.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        self._load_detail()
        self.model.set_account(account_id)
        self.view.scrollToTop()

    def _submit(self) -> None:
        text = self.composer.toPlainText().strip()
        if text and self.account_id:
            self.save_note.emit(str(self.kind.currentData() or InteractionKind.NOTE.value), text)

    def clear_composer(self) -> None:
        self.composer.clear()

    def current_entry(self) -> str:
        index = self.view.currentIndex()
        item = self.model.item(index.row()) if index.isValid() else None
        return item.id if isinstance(item, InteractionRow) else ""

    def _edit_index(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        if isinstance(item, InteractionRow):
            self.edit_entry.emit(item.id)

    def apply_changes(self, changes: Changes) -> None:
        if not self.account_id:
            return
        if (
            self.account_id in changes.of("account")
            or changes.of("contact")
            or changes.of("deal")
            or changes.of("followup")  # an overdue one done: the health line changes
        ):
            self._load_detail()
        scroll = self.view.verticalScrollBar().value()
        self.model.apply_changes(changes)
        self.view.verticalScrollBar().setValue(scroll)

    def _update_empty(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if not self.account_id:
            self.empty.setText("")
        else:
            self.empty.setText(
                self.tr("Nothing on this client's timeline yet — write the first note above.")
            )
