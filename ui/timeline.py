"""The timeline pane: the selected client's header card, the note composer, and its
interactions newest first, grouped by day, fetched a page at a time."""

from __future__ import annotations

from collections.abc import Callable

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
from models.queries import header as header_queries
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
from ui.timeline_paint import AfterPaint, TimelineView

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
        self.view = TimelineView(self)
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
        # What else a selection or a change updates waits for the list's next paint.
        self.after_paint = AfterPaint(self.view.viewport(), self)
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
        self.model.rowsRemoved.connect(self._update_empty)
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

    def _load_detail(self, *, health_later: bool = False) -> None:
        """Read the selected client's card once; retranslating re-renders it from here.

        ``health_later``: its health line (a scan of 90 days of entries: tens of ms for
        a busy client) is read right after the timeline has painted, its place kept."""
        account_id = self.account_id
        self.detail = header_queries.account_header(self.store, account_id) if account_id else None
        self.health = None
        if self.detail is not None and health_later:
            self.after_paint.call(lambda: self._load_health(account_id))
        elif self.detail is not None:
            self.health = health_queries.account_health(self.store, account_id)
        self._show_header()
        if self.detail is not None and self.health is None:
            self.header.show_health_pending()

    def _load_health(self, account_id: str) -> None:
        if account_id == self.account_id and self.detail is not None:  # still selected
            self.health = health_queries.account_health(self.store, account_id)
            self.header.show_health(self.health)

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
        self._load_detail(health_later=True)
        self.view.measure_first_screen()  # the rest of the page once it has painted
        self.model.set_account(account_id)
        self.view.scrollToTop()
        self.after_paint.call(self.view.measure_all)

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

    def apply_changes(
        self, changes: Changes, then: Callable[[Changes], object] | None = None
    ) -> bool:
        """The list first; the header card (read again when the client, its people,
        deals or follow-ups changed) and ``then`` (the window's other panes) right after
        the list has painted, in that order. True when the list changed."""
        listed = False
        if self.account_id:
            scroll = self.view.verticalScrollBar().value()
            listed = self.model.apply_changes(changes)
            self.view.verticalScrollBar().setValue(scroll)
            if (
                self.account_id in changes.of("account")
                or changes.of("contact")
                or changes.of("deal")
                or changes.of("followup")  # an overdue one done: the health line changes
            ):
                account_id = self.account_id
                self.after_paint.call(
                    lambda: self._reload_detail_of(account_id), expect_paint=listed
                )
        if then is not None:
            self.after_paint.call(lambda: then(changes), expect_paint=listed)
        return listed

    def _reload_detail_of(self, account_id: str) -> None:
        if account_id == self.account_id:  # not another client selected meanwhile
            self._load_detail()

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
