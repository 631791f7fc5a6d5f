"""Work that waits for the timeline's next paint: what a client selection or a saved
entry also changes elsewhere in the window (the follow-up pane, the client list row,
the header card after a note) is done right after the timeline has shown the new page,
so the timeline is never kept waiting by panes the user is not looking at first.

Nothing is lost or reordered: the callbacks run in the order they were queued, once,
right after the timeline viewport's next paint; if no paint is coming (the list is
hidden, the window is not shown, nothing in the view changed) they run on the next
turn of the event loop, or at the latest after :data:`FALLBACK_MS`; when the window
closes, at once. :meth:`flush` runs the pending ones now (a test that cannot wait).

:class:`TimelineView` is the list itself: a new client's page is measured a screenful
first, the rest right after that first paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QTimer
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

#: At the latest this long after being queued, the work runs even without a paint.
FALLBACK_MS = 100
#: Rows measured before a new client's first paint: more than a screenful.
FIRST_SCREEN = 16


class AfterPaint(QObject):
    """Runs queued callbacks right after ``widget`` (a view's viewport) next paints."""

    def __init__(self, widget: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._widget = widget
        self._pending: list[Callable[[], object]] = []
        self._painted = False
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(FALLBACK_MS)
        self._fallback.timeout.connect(self.flush)
        self._window: QWidget | None = None
        widget.installEventFilter(self)

    @property
    def pending(self) -> int:
        """How many callbacks wait for the paint."""
        return len(self._pending)

    def call(self, work: Callable[[], object], *, expect_paint: bool = True) -> None:
        """Run ``work`` right after the widget's next paint (``expect_paint``), else on
        the next turn of the event loop; at the latest after FALLBACK_MS."""
        self._pending.append(work)
        if self._window is None:  # its window closing runs what waits (the store is open)
            self._window = self._widget.window()
            self._window.installEventFilter(self)
        if not expect_paint or not self._widget.isVisible():
            QTimer.singleShot(0, self.flush)  # after the events already queued
        if not self._fallback.isActive():
            self._fallback.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.flush()
            return False
        if event.type() == QEvent.Type.Paint and self._pending and not self._painted:
            # Run after this paint has been drawn and flushed, not before it.
            self._painted = True
            QTimer.singleShot(0, self.flush)
        return False

    def flush(self) -> None:
        """Run every pending callback now, in the order they were queued."""
        self._fallback.stop()
        self._painted = False
        while self._pending:
            self._pending.pop(0)()


class TimelineView(QListView):
    """The timeline's list: a new client's page is measured a screenful at a time (its
    Markdown entries each take a text layout), so the first screen paints before the
    rest is measured; :meth:`measure_all` (after that paint, or before scrolling to a
    row) measures the whole page at once again."""

    def measure_first_screen(self) -> None:
        if self.layoutMode() != QListView.LayoutMode.Batched:
            self.setBatchSize(FIRST_SCREEN)
            self.setLayoutMode(QListView.LayoutMode.Batched)

    def measure_all(self) -> None:
        if self.layoutMode() != QListView.LayoutMode.SinglePass:
            self.setLayoutMode(QListView.LayoutMode.SinglePass)
            self.doItemsLayout()

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        if index.isValid():
            self.measure_all()  # a row not measured yet has no place to scroll to
        super().scrollTo(index, hint)
