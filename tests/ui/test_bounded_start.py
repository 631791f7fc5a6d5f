"""Opening the window reads a bounded amount whatever the database holds: the last
client is shown without paging the client list down to it, and the follow-ups pane
reads first pages."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
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
