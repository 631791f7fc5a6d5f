"""The main window's frame before the store is open: the three panes as empty
placeholders (with the objectNames the real panes' views carry) and the layout the
user left (size, toolbars, splitter). PySide6 only, so that the window paints before
the data layer is imported; ui/main_window.py replaces the placeholders in attach()."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.settings import Settings


class FirstPaintWatcher(QObject):
    """Calls back once, right after a widget's first paint event."""

    def __init__(self, widget: QWidget, on_paint: Callable[[], None]) -> None:
        super().__init__(widget)
        self._on_paint = on_paint
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._on_paint)
        return False


# The splitter's stretch for the client list, the timeline and the follow-ups.
PANE_STRETCH = (3, 5, 3)
# Their first widths, before the user moved the splitter.
FIRST_SIZES = (520, 560, 360)


def _placeholder(parent: QWidget, name: str, accessible: str, *, search: bool) -> QWidget:
    pane = QWidget(parent)
    pane.setObjectName(f"{name}Placeholder")
    column = QVBoxLayout(pane)
    if search:
        box = QLineEdit(pane)
        box.setObjectName("clientSearch")
        box.setEnabled(False)
        box.setAccessibleName(QCoreApplication.translate("window_shell", "Filter clients"))
        column.addWidget(box)
    view: QAbstractItemView = QTableView(pane) if search else QListView(pane)
    view.setObjectName(name)
    # Enabled, so its background is the lists' own (no grey-to-white flash when the
    # real pane comes), but never focused: there is nothing in it yet.
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setAccessibleName(accessible)
    column.addWidget(view, 1)
    return pane


def placeholder_panes(parent: QWidget) -> tuple[QWidget, QWidget, QWidget]:
    """Empty stand-ins for the client list, the timeline and the follow-ups."""
    return (
        _placeholder(
            parent,
            "clientList",
            QCoreApplication.translate("window_shell", "Clients"),
            search=True,
        ),
        _placeholder(
            parent,
            "timeline",
            QCoreApplication.translate("window_shell", "Timeline"),
            search=False,
        ),
        _placeholder(
            parent,
            "followUps",
            QCoreApplication.translate("window_shell", "Follow-ups"),
            search=False,
        ),
    )


def apply_layout(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    """Size, position, toolbar and splitter as the user left them (or a first layout)."""
    if settings.window_geometry is not None:
        window.restoreGeometry(settings.window_geometry)
    else:
        window.resize(1280, 800)
    if settings.window_toolbars is not None:
        window.restoreState(settings.window_toolbars)
    if settings.window_splitter is not None:
        splitter.restoreState(settings.window_splitter)
    else:
        splitter.setSizes(list(FIRST_SIZES))


def save_layout(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    settings.window_geometry = window.saveGeometry()
    settings.window_toolbars = window.saveState()
    settings.window_splitter = splitter.saveState()
