"""Search over everything from the window: the search panel (Ctrl+Shift+F), and opening
a hit in place, from the panel or the command palette: its client selected, a note
selected and scrolled to on the timeline, a contact, deal or follow-up opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView

from models.queries import search as search_queries
from models.rows import SearchHit
from ui.followup_actions import FollowUpActions
from ui.record_actions import RecordActions
from ui.timeline import TimelinePane
from ui.window_host import WindowHost

if TYPE_CHECKING:
    from ui.search_panel import SearchPanel


class SearchActions(QObject):
    def __init__(
        self,
        host: WindowHost,
        timeline: TimelinePane,
        records: RecordActions,
        followups: FollowUpActions,
    ) -> None:
        super().__init__(host.window())
        self.host = host
        self.timeline = timeline
        self.records = records
        self.followups = followups
        self.panel: SearchPanel | None = None

    def show_panel(self, text: str = "") -> SearchPanel:
        """Ctrl+Shift+F: the search panel, its field focused (the last search kept)."""
        if self.panel is None:
            from ui.search_panel import SearchPanel  # on first use: a sooner start

            self.panel = SearchPanel(self.host.store, self.host.window())
            self.panel.hit_chosen.connect(self.open_hit)
        panel = self.panel
        if text:
            panel.input.setText(text)
            panel.run_search()
        panel.show()
        panel.raise_()
        panel.activateWindow()
        panel.input.setFocus()
        panel.input.selectAll()
        return panel

    def open_hit(self, hit: SearchHit) -> None:
        """Show ``hit`` where it lives: its client, then the entry, deal or follow-up."""
        if hit.account_id:
            self.host.jump_to(hit.account_id)
        if hit.kind == "interaction":
            self.reveal_entry(hit.id)
        elif hit.kind in ("contact", "deal"):
            self.records.open_link(hit.kind, hit.id)
        elif hit.kind == "followup":
            self.followups.edit(hit.id)

    def reveal_entry(self, interaction_id: str) -> bool:
        """Select an entry of the shown client on its timeline, loading the pages before it."""
        model = self.timeline.model
        row = model.row_of(interaction_id)
        if row < 0:
            newer = search_queries.entries_before(self.host.store, interaction_id)
            model.reload(at_least=newer + 1)
            row = model.row_of(interaction_id)
        if row < 0:
            return False
        view = self.timeline.view
        index = model.index(row)
        view.setCurrentIndex(index)
        view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
