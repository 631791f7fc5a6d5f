"""The window's undo stack class, apart from the commands (ui/commands.py) so that the
window's frame and menus can be built before the data layer is imported."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

if TYPE_CHECKING:
    from models.errors import RelasiError

#: Called with an error raised while undoing or redoing (the window shows it).
ErrorHandler = Callable[["RelasiError"], None]


class UndoStack(QUndoStack):
    """A QUndoStack that knows who to tell when an undo or redo step is refused."""

    def __init__(self, parent: QObject | None = None, on_error: ErrorHandler | None = None) -> None:
        super().__init__(parent)
        self.on_error = on_error
