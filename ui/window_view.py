"""The main window's view choices kept between runs: the client list's sort, the
follow-ups' scope and the last client, applied once the store is attached and saved at
close (with the window's layout)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from models.store import Store
    from ui.client_list import ClientListPane
    from ui.followups import FollowUpsPane
    from ui.settings import Settings
    from ui.window_actions import WindowActions


class ViewWindow(Protocol):
    """What of the main window its view settings read and set."""

    settings: Settings
    store: Store
    clients: ClientListPane
    followups: FollowUpsPane
    actions_: WindowActions
    is_attached: bool

    @property
    def current_client(self) -> str: ...

    def select_client(self, account_id: str) -> None: ...

    def save_window_layout(self) -> None: ...


def apply_view_settings(window: ViewWindow) -> None:
    """The client list's sort, the follow-ups' scope, and the last client selected."""
    from models.queries import clients as client_queries

    s = window.settings
    window.clients.set_sort(s.sort_column, s.sort_descending)
    window.followups.set_all_clients(s.followups_all_clients)
    window.actions_["actionAllFollowUps"].setChecked(s.followups_all_clients)
    last = s.last_client_id
    if last and window.clients.show_client(last, fetch=False):
        return
    if last and client_queries.client_rows(window.store, [last]):
        # Past the list's first page: shown without paging the list down to it (a
        # client at row 90,000 cost the start 900 pages); the list finds it on demand.
        window.select_client(last)
    elif window.clients.model.rowCount():
        window.clients.view.selectRow(0)


def save_view_settings(window: ViewWindow) -> None:
    """The window layout and view choices, written to disk."""
    s = window.settings
    window.save_window_layout()
    if not window.is_attached:
        s.sync()
        return
    s.sort_column = window.clients.model.filter.sort
    s.sort_descending = window.clients.model.filter.descending
    s.followups_all_clients = window.followups.all_clients
    s.last_client_id = window.current_client
    s.sync()
