"""Guards the PySide6 pin: calling void Qt methods must not use up None's refcount.

PySide6 6.12.0 on Python 3.11 decrements None's refcount on every call of a method
that returns void; a window that paints for a while then dies with
"deallocating None". pyproject.toml keeps PySide6 below 6.12 for that reason.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtGui import QPainter, QPixmap
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    pixmap = QPixmap(8, 8)
    painter = QPainter(pixmap)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.save()
        painter.restore()
    gc.collect()
    after = sys.getrefcount(None)
    painter.end()
    assert after - before > -50  # a leak would show as about -1000
