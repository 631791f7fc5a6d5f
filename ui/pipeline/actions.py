"""View ▸ Pipeline: opens (or raises) the pipeline window, which shares the main
window's undo stack and follows its changes; a deal opened there opens its dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from models.store import Changes
from ui.window_host import WindowHost

if TYPE_CHECKING:
    from ui.pipeline.window import PipelineWindow


class PipelineActions(QObject):
    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.window())
        self.host = host
        self.window: PipelineWindow | None = None

    def show_board(self) -> PipelineWindow:
        host = self.host
        if self.window is None:
            from ui.pipeline.window import PipelineWindow  # on first use: a sooner start

            self.window = PipelineWindow(
                host.store, host.stack, host.settings, host.run, host.window()
            )
            self.window.open_deal.connect(self.open_deal)
        elif not self.window.isVisible():  # changes made while it was closed
            self.window.board.reload()
            self.window.deals.model_.reload()
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def open_deal(self, deal_id: str) -> None:
        from ui.dialogs import DealDialog

        parent = self.window or self.host.window()
        self.host.open_dialog(
            DealDialog(self.host.store, self.host.stack, deal_id=deal_id, parent=parent)
        )

    def apply_changes(self, changes: Changes) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.apply_changes(changes)

    def retranslate(self) -> None:
        if self.window is not None:
            self.window.retranslate()
