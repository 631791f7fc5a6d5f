"""Opening the window reads a bounded amount whatever the database holds: the last
client is shown without paging the client list down to it, and the follow-ups pane
reads first pages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.queries import clients as client_queries
from models.store import Store
from ui.client_list import PAGE
from ui.followups import SECTION_ROWS
from ui.main_window import MainWindow
from ui.settings import Settings


def test_the_last_client_past_the_first_page_opens_without_paging_the_list(
    qtbot: QtBot, store: Store, settings: Settings, clock: FixedClock
) -> None:
    with store.write() as uow:
        ids = [services.create_account(uow, f"Client {i:04d}") for i in range(3 * PAGE)]
        for i in range(SECTION_ROWS + 20):
            services.create_followup(
                uow, ids[i % 7], f"Task {i}", clock.now() + timedelta(days=3, minutes=i)
            )
    last = ids[-1]  # sorted by name: on the third page
    settings.last_client_id = last
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.current_client == last
    assert window.timeline.header.title.text() == f"Client {3 * PAGE - 1:04d}"
    assert window.clients.model.rowCount() == PAGE  # the first page only
    pane = window.followups
    assert pane.model.rows_fetched <= 4 * 2 * SECTION_ROWS  # first pages (and mine)
    assert len(pane.section_ids("upcoming")) == SECTION_ROWS
    # The list still finds it on demand (a jump), and a first-page client is selected
    # in the list itself.
    assert window.clients.show_client(last)
    assert window.clients.current_id() == last
    window.close()

    settings.last_client_id = ids[5]
    again = MainWindow(store, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.current_client == ids[5] and again.clients.current_id() == ids[5]
    again.close()


def test_a_deleted_last_client_opens_on_the_first(
    qtbot: QtBot, store: Store, settings: Settings
) -> None:
    with store.write() as uow:
        first = services.create_account(uow, "Alpha")
        gone = services.create_account(uow, "Zulu")
        services.soft_delete(uow, "account", gone)
    settings.last_client_id = gone
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.current_client == first
    window.close()


def test_a_change_to_a_client_not_read_yet_does_not_reread_the_list(
    qtbot: QtBot, store: Store, settings: Settings, clock: FixedClock, monkeypatch: MonkeyPatch
) -> None:
    with store.write() as uow:
        ids = [services.create_account(uow, f"Client {i:04d}") for i in range(2 * PAGE)]
        far = services.create_followup(uow, ids[-1], "Far away", clock.now() + timedelta(days=1))
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.clients.model
    assert model.rowCount() == PAGE
    pages: list[int] = []
    page = client_queries.client_page

    def counting(*args: Any, **kw: Any) -> Any:
        pages.append(kw.get("limit", 0))
        return page(*args, **kw)

    monkeypatch.setattr(client_queries, "client_page", counting)
    window.followup_actions.complete(far, True)  # its client's next follow-up changes
    qtbot.waitUntil(lambda: window.followups.section_titles("done") == ["Far away"])
    assert pages == [] and model.rowCount() == PAGE
    # A new client that sorts among the rows read does appear (the list is read again).
    with store.write() as uow:
        first = services.create_account(uow, "Aaron & Co")
    qtbot.waitUntil(lambda: model.row_of(first) == 0)
    assert pages != []
    window.close()
