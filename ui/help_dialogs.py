"""Help ▸ Keyboard shortcuts and Help ▸ User guide.

The shortcut sheet reads the window's own actions (their text and shortcuts), so it
lists what the keys really do and never goes stale. The guide is
resources/guide_<language>.md, shown as Markdown; the translation names the language.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.row_table import RowTableModel

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def action_label(action: QAction) -> str:
    """'&Undo New note…' -> 'Undo New note' (no mnemonic marks, no trailing dots)."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action that has a shortcut, in the order given."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if not keys:
            continue
        text = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        row = (action_label(action), text)
        if row not in rows:
            rows.append(row)
    return rows


class ShortcutModel(RowTableModel):
    """(what, keys) rows of the shortcut sheet."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Command"), self.tr("Keys"))

    def cell(self, row: Any, column: int, role: int) -> Any:
        return row[column] if role == Qt.ItemDataRole.DisplayRole else None


class ShortcutSheet(QDialog):
    """The window's keyboard shortcuts, read from its actions."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(actions)
        self.model = ShortcutModel(self)
        self.model.set_rows(rows)
        self.table = QTableView(self)
        self.table.setObjectName("shortcutTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 480)


def guide_language() -> str:
    # The translation answers with its own language code, so the guide follows the UI.
    return QCoreApplication.translate("help", "en", "language code of the user guide file")


def guide_path(language: str) -> Path:
    path = RESOURCES / f"guide_{language}.md"
    return path if path.exists() else RESOURCES / "guide_en.md"


class GuideDialog(QDialog):
    """A short user guide in the interface's language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_path(guide_language()).read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 520)
