"""Search over everything (Ctrl+Shift+F): notes, clients, contacts, deals and follow-ups,
grouped by kind, the words found highlighted; Enter or a double-click opens the hit in
place (the window selects its client, and the entry, deal or follow-up).

Keyboard: type (the results follow as you type), Up/Down move between hits (headings
are skipped), Enter opens, Esc closes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from models.queries import search as search_queries
from models.rows import SearchHit
from models.store import Store
from ui.search_delegate import HIT_ROLE, SearchHitDelegate

Index = QModelIndex | QPersistentModelIndex
#: How long typing may pause before the search runs (ms): a word, not every letter.
TYPING_PAUSE_MS = 120
LIMIT = 50


def kind_heading(kind: str) -> str:
    """The group heading of a kind of hit, in the interface's language."""
    headings = {
        "account": QCoreApplication.translate("SearchPanel", "Clients"),
        "contact": QCoreApplication.translate("SearchPanel", "Contacts"),
        "deal": QCoreApplication.translate("SearchPanel", "Deals"),
        "followup": QCoreApplication.translate("SearchPanel", "Follow-ups"),
        "interaction": QCoreApplication.translate("SearchPanel", "Notes"),
    }
    return headings.get(kind, kind)


def hit_title(hit: SearchHit) -> str:
    """What a hit is called in a list (an entry without a subject: its kind)."""
    if hit.title.strip():
        return hit.title
    return QCoreApplication.translate("SearchPanel", "(no subject)")


class SearchResultsModel(QAbstractListModel):
    """Headings and hits, grouped by kind, in each group the search's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[str | SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._rows = []
        for kind, group in search_queries.grouped(hits):
            self._rows.append(kind)
            self._rows.extend(group)
        self.endResetModel()

    def hits(self) -> list[SearchHit]:
        return [r for r in self._rows if isinstance(r, SearchHit)]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self._rows[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled  # a heading: not selectable
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == HIT_ROLE:
            return row if isinstance(row, SearchHit) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return kind_heading(row) if isinstance(row, str) else hit_title(row)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            if isinstance(row, str):
                return kind_heading(row)
            return f"{hit_title(row)} — {row.client} — {row.snippet}"
        return None

    def first_hit_row(self, start: int = 0, step: int = 1) -> int:
        """The first hit row from ``start`` in direction ``step`` (-1 if none)."""
        row = start
        while 0 <= row < len(self._rows):
            if isinstance(self._rows[row], SearchHit):
                return row
            row += step
        return -1


class SearchPanel(QDialog):
    """A search field over everything and its grouped results."""

    hit_chosen = Signal(object)  # SearchHit

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.store = store
        self.input = QLineEdit(self)
        self.input.setObjectName("searchPanelInput")
        self.input.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.view = QListView(self)
        self.view.setObjectName("searchPanelResults")
        self.view.setModel(self.model)
        self.view.setItemDelegate(SearchHitDelegate(self.view))
        self.view.setUniformItemSizes(False)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.status = QLabel(self)
        self.status.setObjectName("searchPanelStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.resize(640, 520)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_search)
        self.input.textChanged.connect(lambda _text: self.timer.start())
        self.input.returnPressed.connect(self.open_current)
        # A double-click, or Enter in the list (or one click where the platform opens so).
        self.view.activated.connect(lambda _index: self.open_current())
        self.input.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Search everything"))
        self.input.setPlaceholderText(
            self.tr("Search notes, clients, contacts, deals and follow-ups…")
        )
        self.input.setAccessibleName(self.tr("Search everything"))
        self.view.setAccessibleName(self.tr("Search results"))

    # -- searching ----------------------------------------------------------------------
    def run_search(self) -> None:
        """Search for what is typed now (the timer calls it when typing pauses)."""
        self.timer.stop()
        text = self.input.text()
        hits = search_queries.search(self.store, text, limit=LIMIT) if text.strip() else []
        self.model.set_hits(hits)
        first = self.model.first_hit_row()
        if first >= 0:
            self.view.setCurrentIndex(self.model.index(first))
            self.view.scrollToTop()
        if not text.strip():
            self.status.setText("")
        elif not hits:
            self.status.setText(self.tr("Nothing found for “{0}”.").format(text.strip()[:80]))
        elif len(hits) >= LIMIT:
            self.status.setText(
                self.tr("The first {0} results; type more words to narrow them.").format(LIMIT)
            )
        else:
            self.status.setText(self.tr("Results: {0}").format(len(hits)))

    def current_hit(self) -> SearchHit | None:
        hit = self.view.currentIndex().data(HIT_ROLE)
        return hit if isinstance(hit, SearchHit) else None

    def open_current(self) -> None:
        if self.timer.isActive():  # Enter right after typing: search what is typed first
            self.run_search()
        hit = self.current_hit()
        if hit is None:
            return
        self.accept()
        self.hit_chosen.emit(hit)

    # -- keyboard ---------------------------------------------------------------------------
    def _move(self, step: int) -> None:
        current = self.view.currentIndex().row()
        start = (current + step) if current >= 0 else 0
        row = self.model.first_hit_row(start, step)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        if (
            watched is self.input
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            if self.timer.isActive():
                self.run_search()
            self._move(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return super().eventFilter(watched, event)
