"""The command palette (Ctrl+K): jump to a client by fuzzy name, to a contact or deal
(full-text search over their names, e-mails, phones and titles), or run a menu action.

Poor matches are not listed: a fuzzy score below :data:`GOOD_MATCH` is dropped (a
word that is in no client's name lists no client), and a last line offers the same
words in the search over everything (Ctrl+Shift+F)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from rapidfuzz import fuzz, process, utils

from models.queries import clients as client_queries
from models.queries import search as search_queries
from models.rows import SearchHit
from models.store import Store
from ui.display import visible
from ui.icons import icon

LIMIT = 12
#: The lowest fuzzy score (0-100, rapidfuzz WRatio) a client or command is listed with:
#: a typo still matches ("globx", "nusantra": 80-90), a word the name lacks does not
#: ("proposal" against company names: 45-50).
GOOD_MATCH = 70
#: Contacts and deals listed at most (full-text hits).
FOUND_LIMIT = 6


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # "client" | "action" | "contact" | "deal" | "search"
    key: str  # account id, index into actions, hit id, or the words to search for
    label: str
    hit: SearchHit | None = None


class CommandPalette(QDialog):
    """A search field over client names and the window's actions."""

    client_chosen = Signal(str)
    hit_chosen = Signal(object)  # a contact's or deal's SearchHit
    search_requested = Signal(str)  # the words, for the search over everything

    def __init__(self, store: Store, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("commandPalette")
        self.store = store
        self.actions_ = [a for a in actions if a.text() and a.isEnabled()]
        self._entries: list[Entry] = []
        self.input = QLineEdit(self)
        self.input.setObjectName("commandPaletteInput")
        self.input.setPlaceholderText(
            self.tr("Jump to a client, contact or deal, or run a command…")
        )
        self.input.setAccessibleName(self.tr("Command palette"))
        self.list = QListWidget(self)
        self.list.setObjectName("commandPaletteList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.input)
        layout.addWidget(self.list)
        self.resize(520, 360)
        self.input.textChanged.connect(self._filter)
        self.input.returnPressed.connect(self._run_current)
        self.list.itemActivated.connect(lambda _item: self._run_current())
        self.input.installEventFilter(self)
        self._load()
        self._filter("")

    def _load(self) -> None:
        self._entries = [
            Entry("client", id_, name) for id_, name in client_queries.client_names(self.store)
        ]
        self._entries += [
            Entry("action", str(i), a.text().replace("&", "")) for i, a in enumerate(self.actions_)
        ]

    def _matches(self, text: str) -> list[Entry]:
        """Clients and commands by fuzzy name (good matches only), then contacts and deals
        found by full-text search, then the search over everything."""
        labels = [e.label for e in self._entries]
        found = process.extract(
            text,
            labels,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=LIMIT,
            score_cutoff=GOOD_MATCH,
        )
        chosen = [self._entries[i] for _label, _score, i in found]
        hits = search_queries.search(self.store, text, limit=FOUND_LIMIT, kinds=("contact", "deal"))
        for hit in hits:
            label = f"{hit.title}  ·  {hit.client}" if hit.client else hit.title
            chosen.append(Entry(hit.kind, hit.id, label, hit))
        chosen.append(
            Entry("search", text, self.tr("Search everything for “{0}”").format(text.strip()))
        )
        return chosen

    def _filter(self, text: str) -> None:
        self.list.clear()
        if text.strip():
            chosen = self._matches(text)
        else:
            chosen = [e for e in self._entries if e.kind == "action"][:LIMIT]
        icons = {"client": "client", "contact": "contact", "deal": "deal", "search": "search"}
        for entry in chosen:
            # Matched on the name as stored, shown with its hidden characters marked.
            item = QListWidgetItem(visible(entry.label), self.list)
            item.setIcon(icon(icons.get(entry.kind, "palette")))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            if entry.kind == "action":
                shortcut = self.actions_[int(entry.key)].shortcut().toString()
                if shortcut:
                    item.setText(f"{entry.label}    {shortcut}")
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.input
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ) and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
            self.list.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _run_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        entry: Entry = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
        if entry.kind == "client":
            self.client_chosen.emit(entry.key)
        elif entry.hit is not None:
            self.hit_chosen.emit(entry.hit)
        elif entry.kind == "search":
            self.search_requested.emit(entry.key)
        else:
            self.actions_[int(entry.key)].trigger()
