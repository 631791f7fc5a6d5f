"""The board's and the deals list's reads, and a deal lost to a competitor."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models import operations, services
from models.clock import FixedClock
from models.queries import clients as client_queries
from models.queries import deals as q
from models.store import Store


@pytest.fixture
def account(store: Store) -> str:
    with store.write() as uow:
        return services.create_account(uow, "Acme", tier="B", tags=["vip"])


def test_board_pages_open_and_closed_columns(store: Store, clock: FixedClock, account: str) -> None:
    with store.write() as uow:
        for i in range(5):
            services.create_deal(
                uow, account, f"Open {i}", stage="demo", expected_close=date(2027, 1, 5 - i)
            )
        services.create_deal(uow, account, "No date", stage="demo")
    won = []
    for i in range(3):
        clock.advance(timedelta(hours=1))
        with store.write() as uow:
            won.append(services.create_deal(uow, account, f"Won {i}", stage="won"))
    first, cursor = q.board_cards(store, "demo", limit=4)
    rest, end = q.board_cards(store, "demo", after=cursor, limit=4)
    titles = [c.title for c in first + rest]
    assert titles == ["Open 4", "Open 3", "Open 2", "Open 1", "Open 0", "No date"]
    assert end is None
    first, cursor = q.board_cards(store, "won", limit=2)
    rest, _ = q.board_cards(store, "won", after=cursor, limit=2)
    assert [c.id for c in first + rest] == won[::-1]  # newest closed first
    card = first[0]
    assert card.account_name == "Acme" and card.tier == "B"
    assert card.days_in_stage(clock.now()) == 0 and not card.rotting(clock.now())


def test_totals_weight_open_deals_count_won_whole_and_lost_as_nothing(
    store: Store, account: str
) -> None:
    with store.write() as uow:
        services.create_deal(uow, account, "A", stage="proposal", amount_minor=1000, probability=30)
        services.create_deal(uow, account, "B", stage="proposal", amount_minor=500, probability=50)
        services.create_deal(
            uow, account, "C", stage="proposal", amount_minor=700, probability=50, currency="USD"
        )
        services.create_deal(uow, account, "W", stage="won", amount_minor=900, probability=10)
        services.create_deal(uow, account, "L", stage="lost", amount_minor=400, probability=90)
    totals = q.board_totals(store)
    # IDR: 1000 + 500 = 1500; weighted 1000*30% + 500*50% = 300 + 250 = 550.
    # USD kept apart: 700, weighted 350.
    assert totals["proposal"] == (
        q.CurrencyTotal("IDR", 2, 1500, 550),
        q.CurrencyTotal("USD", 1, 700, 350),
    )
    assert totals["won"] == (q.CurrencyTotal("IDR", 1, 900, 900),)
    assert totals["lost"] == (q.CurrencyTotal("IDR", 1, 400, 0),)
    assert totals["lead"] == ()


def test_filters_month_tier_tag(store: Store, account: str) -> None:
    with store.write() as uow:
        other = services.create_account(uow, "Other", tier="A")
        services.create_deal(uow, account, "Dec", stage="lead", expected_close=date(2026, 12, 31))
        services.create_deal(uow, other, "Jan", stage="lead", expected_close=date(2027, 1, 1))
    assert q.close_months(store) == [date(2026, 12, 1), date(2027, 1, 1)]
    assert q.month_range(date(2027, 2, 10)) == (date(2027, 2, 1), date(2027, 2, 28))

    def titles(flt: q.BoardFilter) -> list[str]:
        return [c.title for c in q.board_cards(store, "lead", flt)[0]]

    assert titles(q.BoardFilter(close_month=date(2026, 12, 15))) == ["Dec"]
    assert titles(q.BoardFilter(tier="A")) == ["Jan"]
    assert titles(q.BoardFilter(tag="vip")) == ["Dec"]
    assert titles(q.BoardFilter(tag="none")) == []


def test_deals_list_sorts_and_pages_both_ways(store: Store, account: str) -> None:
    with store.write() as uow:
        for i in range(7):
            services.create_deal(
                uow, account, f"D{i}", stage=q.STAGES[i], amount_minor=(i % 3) * 100
            )
    for sort in q.LIST_SORTS:
        for descending in (False, True):
            flt = q.DealListFilter(sort=sort, descending=descending)
            whole, _ = q.deal_list_page(store, flt, limit=50)
            paged, cursor = q.deal_list_page(store, flt, limit=3)
            while cursor is not None:
                more, cursor = q.deal_list_page(store, flt, after=cursor, limit=3)
                paged += more
            assert [c.id for c in paged] == [c.id for c in whole], (sort, descending)
    by_stage, _ = q.deal_list_page(store, q.DealListFilter(sort="stage"))
    assert [c.stage for c in by_stage] == list(q.STAGES)
    assert q.deal_count(store) == 7
    assert q.deal_count(store, q.DealListFilter(open_only=True)) == 5
    open_only, _ = q.deal_list_page(store, q.DealListFilter(open_only=True))
    assert {c.stage for c in open_only} == set(q.OPEN_STAGES)
    with pytest.raises(ValueError, match="cannot sort"):
        q.deal_list_page(store, q.DealListFilter(sort="colour"))
    assert q.deal_cards(store, []) == {}


def test_a_lost_deal_keeps_reason_and_competitor_and_undo_restores(
    store: Store, account: str
) -> None:
    with store.write() as uow:
        deal = services.create_deal(uow, account, "Big one", stage="negotiation")
    op = operations.run(
        store,
        lambda uow: services.move_deal_stage(
            uow, deal, "lost", lost_reason="price", lost_to="Globex"
        ),
    )
    d = client_queries.deal(store, deal)
    assert d is not None and (d.stage, d.lost_reason, d.lost_to) == ("lost", "price", "Globex")
    op.undo(store)
    d = client_queries.deal(store, deal)
    assert d is not None and (d.stage, d.lost_reason, d.lost_to) == ("negotiation", "", "")
    op.redo(store)
    d = client_queries.deal(store, deal)
    assert d is not None and d.lost_to == "Globex"
    # The dialog's save: stage and fields in one unit of work.
    with store.write() as uow:
        services.edit_deal(uow, deal, stage="lost", lost_reason="budget", lost_to="Initech")
    d = client_queries.deal(store, deal)
    assert d is not None and (d.lost_reason, d.lost_to) == ("budget", "Initech")
    with store.write() as uow:
        old = services.edit_deal(uow, deal, stage="lead", title="Back again")
    assert old["stage"] == "lost"


def test_deleted_deals_and_clients_leave_the_board(store: Store, account: str) -> None:
    with store.write() as uow:
        keep = services.create_deal(uow, account, "Keep", stage="lead")
        gone = services.create_deal(uow, account, "Gone", stage="lead")
        services.soft_delete(uow, "deal", gone)
    assert [c.id for c in q.board_cards(store, "lead")[0]] == [keep]
    assert q.board_totals(store)["lead"] == (q.CurrencyTotal("IDR", 1, 0, 0),)
    with store.write() as uow:
        services.soft_delete(uow, "account", account)
    assert q.board_cards(store, "lead")[0] == []
    assert q.board_totals(store)["lead"] == ()  # a client in Trash: its deals not summed
    assert q.board_totals(store, q.BoardFilter(tier="B"))["lead"] == ()
