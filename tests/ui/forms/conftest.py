from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui.commands import UndoStack


@pytest.fixture
def stack(qapp: QApplication) -> UndoStack:
    return UndoStack()
