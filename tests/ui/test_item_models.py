"""The lazy item models: checked by pytest-qt's model tester, and shown to fetch
rows in pages rather than all at once."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from models import services
from models.clock import FixedClock
from models.rows import ClientFilter, InteractionRow
from models.store import Store
from ui import client_list, timeline
from ui.client_list import ClientListModel
from ui.timeline import DayHeader, TimelineModel


def make_clients(store: Store, n: int) -> None:
    with store.write() as uow:
        for i in range(n):
            services.create_account(uow, f"Client {i:03d}")


def test_client_model_passes_model_tester(qtmodeltester: ModelTester, store: Store) -> None:
    make_clients(store, 30)
    model = ClientListModel(store)
    model.reload()
    assert model.rowCount() == 30  # the tester checks real rows, not an empty model
    qtmodeltester.check(model)


def test_client_model_fetches_in_pages(store: Store) -> None:
    make_clients(store, client_list.PAGE * 2 + 5)
    model = ClientListModel(store)
    model.reload()
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    assert model.rowCount() == client_list.PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * client_list.PAGE
    model.fetchMore()
    assert model.rowCount() == 2 * client_list.PAGE + 5 and not model.canFetchMore()
    assert inserted == [
        (client_list.PAGE, 2 * client_list.PAGE - 1),
        (2 * client_list.PAGE, 2 * client_list.PAGE + 4),
    ]


def test_client_model_filter_and_sort(store: Store) -> None:
    make_clients(store, 12)
    model = ClientListModel(store)
    model.set_filter(ClientFilter(text="Client 01"))
    assert model.rowCount() == 2  # 010, 011
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Client 011"


def test_timeline_model_pages_and_day_headers(
    qtmodeltester: ModelTester, store: Store, clock: FixedClock
) -> None:
    with store.write() as uow:
        account = services.create_account(uow, "Busy")
        for i in range(timeline.PAGE + 20):
            services.add_interaction(
                uow, account, body=f"note {i}", occurred_at=clock.now() - timedelta(hours=7 * i)
            )
    model = TimelineModel(store)
    model.set_account(account)
    assert model.entry_count() == timeline.PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.entry_count() == timeline.PAGE + 20 and not model.canFetchMore()
    items = [model.item(i) for i in range(model.rowCount())]
    assert isinstance(items[0], DayHeader)
    days = [i.day for i in items if isinstance(i, DayHeader)]
    assert days == sorted(set(days), reverse=True)  # one header per day, newest first
    bodies = [i.body for i in items if isinstance(i, InteractionRow)]
    assert bodies == [f"note {i}" for i in range(timeline.PAGE + 20)]
    fresh = TimelineModel(store)
    fresh.set_account(account)
    assert fresh.entry_count() == timeline.PAGE
    qtmodeltester.check(fresh)


def test_timeline_updates_only_the_changed_entry(store: Store, clock: FixedClock) -> None:
    with store.write() as uow:
        account = services.create_account(uow, "Edit me")
        first = services.add_interaction(uow, account, body="before")
    model = TimelineModel(store)
    model.set_account(account)
    changed: list[int] = []
    resets: list[bool] = []
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))
    model.modelReset.connect(lambda: resets.append(True))
    heard = []
    store.subscribe(heard.append)
    with store.write() as uow:
        services.update_interaction(uow, first, body="after")
    model.apply_changes(heard[-1])
    assert changed == [1] and resets == []
    item = model.item(1)
    assert isinstance(item, InteractionRow) and item.body == "after"
