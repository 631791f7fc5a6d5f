"""View ▸ Competitors: opens (or raises) the competitor view, which shares the main
window's undo stack and follows its changes; an entry opened there is shown in its
client's timeline, a deal opens its dialog."""

from __future__ import annotations

from PySide6.QtCore import QObject

from models.rows import SearchHit
from models.store import Changes
from ui.competitors.view import CompetitorView
from ui.dialogs import DealDialog
from ui.window_host import WindowHost


class CompetitorActions(QObject):
    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.window())
        self.host = host
        self.view: CompetitorView | None = None

    def show_view(self) -> CompetitorView:
        host = self.host
        if self.view is None:
            self.view = CompetitorView(host.store, host.stack, host.window())
            self.view.open_entry.connect(self.open_entry)
            self.view.open_deal.connect(self.open_deal)
        elif not self.view.isVisible():  # changes made while it was closed
            self.view.reload()
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()
        return self.view

    def open_entry(self, account_id: str, interaction_id: str) -> None:
        """Select the entry on its client's timeline in the main window."""
        self.host.open_hit(SearchHit("interaction", interaction_id, account_id, "", ""))
        self.host.window().raise_()
        self.host.window().activateWindow()

    def open_deal(self, deal_id: str) -> None:
        parent = self.view or self.host.window()
        self.host.open_dialog(
            DealDialog(self.host.store, self.host.stack, deal_id=deal_id, parent=parent)
        )

    def apply_changes(self, changes: Changes) -> None:
        if self.view is not None and self.view.isVisible():
            self.view.apply_changes(changes)

    def retranslate(self) -> None:
        if self.view is not None:
            self.view.retranslate()
