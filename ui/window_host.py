"""What the window's action handlers may ask of the window.

The handlers (ui/record_actions.py, ui/followup_actions.py, ui/backup_actions.py,
ui/transfer_actions.py, ui/app_actions.py) hold the menu and toolbar work; the main
window composes the panes and hands itself to them as a :class:`WindowHost`. They
know this small surface, never the window class, so no handler imports
ui.main_window and the window imports each of them without a circle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QDialog, QWidget

from models.rows import SearchHit
from models.store import Store
from ui.commands import StoreCommand, UndoStack
from ui.settings import Settings


class WindowHost(Protocol):
    store: Store
    stack: UndoStack
    settings: Settings

    @property
    def current_client(self) -> str:
        """The selected client's id ("" for none)."""
        ...

    def window(self) -> QWidget:
        """The window itself: the parent of dialogs and handlers."""
        ...

    def run(self, command: StoreCommand) -> bool:
        """Do ``command`` through the undo stack; a refusal is shown, and False."""
        ...

    def open_dialog(self, dialog: QDialog) -> None:
        """Show ``dialog`` window-modal; it is deleted when it closes."""
        ...

    def jump_to(self, account_id: str) -> None:
        """Select a client in the list (clearing filters that hide it)."""
        ...

    def open_hit(self, hit: SearchHit) -> None:
        """Show a search hit where it lives (its client; the entry, deal or follow-up)."""
        ...

    def search_everything(self, text: str) -> None:
        """The search panel (Ctrl+Shift+F), searching for ``text``."""
        ...

    def notify(self, message: str) -> None:
        """A passing message in the status bar."""
        ...

    def reopen_after(self, action: Callable[[], object]) -> None:
        """Close window and store, run ``action``, and open both again."""
        ...
