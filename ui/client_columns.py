"""The client list's column widths: the names get the room, and the other columns
(tier, status, last contact, next follow-up, health) shrink first when the pane is narrow,
elided at the right with their whole text in a tooltip; the selected client is kept
in view when the list is resized."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QTableView


class ClientColumns(QObject):
    """Lays out the columns of the client table ``view`` (column 0 is the name)."""

    def __init__(self, view: QTableView, parent: QObject) -> None:
        super().__init__(parent)  # the pane: gone after the view, never before it
        self.view = view
        self._viewport = view.viewport()
        # What the columns after the name would like (their header and a typical value).
        self.wanted: dict[int, int] = {1: 44}
        # The widest name loaded, in pixels, as text and with the icon and margins.
        self._widest_text = self._widest_name = 0
        header = view.horizontalHeader()
        # A header narrowed for the names reads "Last con…", not a clipped middle.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._viewport.installEventFilter(self)
        model = view.model()
        model.modelReset.connect(lambda: self.measure_names(0, model.rowCount() - 1, again=True))
        model.rowsInserted.connect(lambda _parent, first, last: self.measure_names(first, last))
        model.dataChanged.connect(
            lambda top, bottom, _roles=(): self.measure_names(top.row(), bottom.row())
        )

    def fit(self, texts: dict[int, list[str]]) -> None:
        """Each column as wide as its widest text (its header and typical values)."""
        metrics = self.view.fontMetrics()
        for column, values in texts.items():
            self.wanted[column] = max(metrics.horizontalAdvance(t) for t in values) + 24
        self.measure_names(0, self.view.model().rowCount() - 1, again=True)

    def measure_names(self, first: int, last: int, *, again: bool = False) -> None:
        metrics = self.view.fontMetrics()
        model = self.view.model()
        widest = 0 if again else self._widest_text
        for row in range(max(0, first), min(last + 1, model.rowCount())):
            name = model.data(model.index(row, 0, QModelIndex()))
            widest = max(widest, metrics.horizontalAdvance(str(name)))
        self._widest_text = widest
        self._widest_name = widest + (self.view.iconSize().width() + 28 if widest else 0)
        self.layout()

    def layout(self) -> None:
        """The name column has the space: the others shrink first (elided, their whole
        text in a tooltip), down to a minimum, when the names would not fit."""
        available = self.view.viewport().width()
        if available <= 0:
            return
        header = self.view.horizontalHeader()
        minimum = header.minimumSectionSize()
        wanted = sum(self.wanted.values())
        spare = max(available - self._widest_name, minimum * len(self.wanted))
        scale = min(1.0, spare / wanted) if wanted else 1.0
        for column, width in self.wanted.items():
            header.resizeSection(column, max(minimum, int(width * scale)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.layout()
            self.keep_selection_visible()
        return super().eventFilter(watched, event)

    def keep_selection_visible(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.scrollTo(index.siblingAtColumn(0))
