"""The command palette (Ctrl+K): jump to any client by fuzzy name, or run a menu action."""

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
from models.store import Store
from ui.display import visible
from ui.icons import icon

LIMIT = 12


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # "client" | "action"
    key: str  # account id or index into actions
    label: str


class CommandPalette(QDialog):
    """A search field over client names and the window's actions."""

    client_chosen = Signal(str)

    def __init__(self, store: Store, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("commandPalette")
        self.store = store
        self.actions_ = [a for a in actions if a.text() and a.isEnabled()]
        self._entries: list[Entry] = []
        self.input = QLineEdit(self)
        self.input.setObjectName("commandPaletteInput")
        self.input.setPlaceholderText(self.tr("Jump to a client or run a command…"))
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

    def _filter(self, text: str) -> None:
        self.list.clear()
        if text.strip():
            labels = [e.label for e in self._entries]
            found = process.extract(
                text,
                labels,
                scorer=fuzz.WRatio,
                processor=utils.default_process,
                limit=LIMIT,
                score_cutoff=45,
            )
            chosen = [self._entries[i] for _label, _score, i in found]
        else:
            chosen = [e for e in self._entries if e.kind == "action"][:LIMIT]
        for entry in chosen:
            # Matched on the name as stored, shown with its hidden characters marked.
            item = QListWidgetItem(visible(entry.label), self.list)
            item.setIcon(icon("client") if entry.kind == "client" else icon("palette"))
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
        else:
            self.actions_[int(entry.key)].trigger()
