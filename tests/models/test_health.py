"""Account health against hand-made clients: each score worked out in a comment from
the rules in models/queries/health.py, the reasons listed, the two SQL forms equal,
and the client list sorted by it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from models import services
from models.clock import FixedClock
from models.queries import clients as client_queries
from models.queries import health
from models.rows import ClientFilter
from models.store import Store

DAY = timedelta(days=1)


@pytest.fixture
def clients(store: Store, clock: FixedClock) -> dict[str, str]:
    now = clock.now()
    ids: dict[str, str] = {}
    with store.write() as uow:
        # Healthy: tier A (14-day cadence), met 3 days ago with two people, an open deal,
        # no overdue follow-up.  Points: 0 + 0 + 0 + 0 -> 100.
        ids["good"] = a = services.create_account(uow, "Healthy Co", tier="A")
        p1 = services.create_contact(uow, "Ani", account_id=a)
        p2 = services.create_contact(uow, "Budi", account_id=a)
        services.add_interaction(
            uow, a, kind="meeting", subject="Visit", occurred_at=now - 3 * DAY, contact_ids=[p1, p2]
        )
        services.create_deal(uow, a, "Renewal", stage="proposal")
        # Single-threaded and late: tier B (30 days), last call 45 days ago with one
        # person, one open deal.  Points: 25 (45 > 30) + 15 (one person) -> 60.
        ids["single"] = b = services.create_account(uow, "Single Thread", tier="B")
        p3 = services.create_contact(uow, "Citra", account_id=b)
        services.add_interaction(
            uow, b, kind="call", subject="Visit", occurred_at=now - 45 * DAY, contact_ids=[p3]
        )
        services.create_deal(uow, b, "Pilot", stage="demo")
        # At risk: tier A (14), last note 40 days ago (> 28 = twice) with nobody present,
        # four overdue follow-ups (capped at 30), only a won deal.
        # Points: 40 + 25 + 30 + 10 = 105 -> score 0 (never below).
        ids["risk"] = c = services.create_account(uow, "At Risk", tier="A")
        services.add_interaction(uow, c, kind="note", subject="note", occurred_at=now - 40 * DAY)
        for i in range(4):
            services.create_followup(uow, c, f"Overdue {i}", now - (i + 1) * DAY)
        services.create_followup(uow, c, "Done one", now - DAY, done_at=now)
        services.create_deal(uow, c, "Old win", stage="won")
        # Person reached long ago and a lost deal: tier C (90 days), contact 100 days
        # ago with one person (outside the 90-day window), one overdue follow-up.
        # Points: 25 (100 > 90) + 25 (nobody in 90 days) + 10 + 10 (no open deal) -> 30.
        ids["old"] = d = services.create_account(uow, "Long Ago", tier="C")
        p4 = services.create_contact(uow, "Dewi", account_id=d)
        services.add_interaction(
            uow, d, kind="meeting", subject="Visit", occurred_at=now - 100 * DAY, contact_ids=[p4]
        )
        services.create_followup(uow, d, "Call Dewi", now - 2 * DAY)
        services.create_deal(uow, d, "Lost one", stage="lost")
    return ids


EXPECTED = {"good": 100, "single": 60, "risk": 0, "old": 30}


def test_scores_match_the_hand_worked_fixture(store: Store, clients: dict[str, str]) -> None:
    for key, score in EXPECTED.items():
        h = health.account_health(store, clients[key])
        assert h is not None
        assert h.score == score, key


def test_reasons_name_each_part_and_add_up(store: Store, clients: dict[str, str]) -> None:
    single = health.account_health(store, clients["single"])
    assert single is not None
    codes = [r.code for r in single.reasons]
    assert codes == ["contact_late", "single_threaded", "no_overdue", "open_pipeline"]
    assert single.reasons[0].english() == "No contact for 45 days, past the 30-day cadence"
    assert sum(r.points for r in single.reasons) == 100 - single.score
    risk = health.account_health(store, clients["risk"])
    assert risk is not None
    assert [r.code for r in risk.reasons] == [
        "contact_very_late",
        "nobody_reached",
        "overdue",
        "no_pipeline",
    ]
    assert risk.overdue_followups == 4 and risk.reasons[2].english() == "Overdue follow-ups: 4"
    assert risk.level == "risk"
    good = health.account_health(store, clients["good"])
    assert good is not None and good.level == "good" and good.people_reached == 2
    assert good.reasons[1].english() == "People reached in the last 90 days: 2"
    old = health.account_health(store, clients["old"])
    assert old is not None and old.people_reached == 0 and old.level == "risk"
    assert health.account_health(store, "no-such-id") is None


def test_the_grouped_form_equals_the_per_row_form(store: Store, clients: dict[str, str]) -> None:
    every = health.all_health(store)
    for key, id_ in clients.items():
        one = health.account_health(store, id_)
        assert every[id_] == one, key


def test_the_client_list_shows_and_sorts_by_health(store: Store, clients: dict[str, str]) -> None:
    rows, _ = client_queries.client_page(store, ClientFilter())
    assert {r.name: r.health for r in rows} == {
        "Healthy Co": 100,
        "Single Thread": 60,
        "At Risk": 0,
        "Long Ago": 30,
    }
    rows, _ = client_queries.client_page(store, ClientFilter(sort="health"))
    assert [r.name for r in rows] == ["At Risk", "Long Ago", "Single Thread", "Healthy Co"]
    rows, _ = client_queries.client_page(store, ClientFilter(sort="health", descending=True))
    assert [r.health for r in rows] == [100, 60, 30, 0]
    # Paged by keyset on (score, name, id): two at a time gives the same order.
    first, cursor = client_queries.client_page(store, ClientFilter(sort="health"), limit=2)
    rest, _ = client_queries.client_page(store, ClientFilter(sort="health"), after=cursor, limit=2)
    assert [r.name for r in first + rest] == ["At Risk", "Long Ago", "Single Thread", "Healthy Co"]
    fresh = client_queries.client_rows(store, [clients["single"]])
    assert fresh[clients["single"]].health == 60


def test_health_moves_when_things_change(
    store: Store, clock: FixedClock, clients: dict[str, str]
) -> None:
    b = clients["single"]
    with store.write() as uow:
        p = services.create_contact(uow, "Eko", account_id=b)
        people = [p]
        services.add_interaction(uow, b, kind="meeting", subject="meeting", contact_ids=people)
    h = health.account_health(store, b)
    assert h is not None
    # Contacted now with Eko (Citra's call is 45 days old, still inside 90 days):
    # two people, within cadence -> 100.
    assert h.score == 100 and h.people_reached == 2
    clock.advance(timedelta(days=50))  # Citra's call leaves the window; 50 > 30 days
    h = health.account_health(store, b)
    assert h is not None and h.people_reached == 1 and h.score == 100 - 25 - 15


def test_deleted_things_do_not_count(store: Store, clients: dict[str, str]) -> None:
    c = clients["risk"]
    with store.write() as uow:
        deal = services.create_deal(uow, c, "Fresh", stage="lead", expected_close=date(2027, 1, 1))
    h = health.account_health(store, c)
    assert h is not None and h.open_deals == 1
    with store.write() as uow:
        services.soft_delete(uow, "deal", deal)
    h = health.account_health(store, c)
    assert h is not None and h.open_deals == 0


def test_overdue_counts_as_the_follow_ups_pane_does(store: Store, clock: FixedClock) -> None:
    from models.clock import to_local
    from models.queries.followups import all_day_value, followups

    now = clock.now()
    with store.write() as uow:
        a = services.create_account(uow, "Timing Co")
        services.create_followup(uow, a, "All day, today", all_day_value(to_local(now).date()))
        services.create_followup(
            uow, a, "Timed, an hour ago", now - timedelta(hours=1), all_day=False
        )
        services.create_followup(
            uow, a, "All day yesterday", all_day_value(to_local(now).date() - DAY)
        )
    h = health.account_health(store, a)
    assert h is not None
    pane = followups(store, account_id=a)
    assert h.overdue_followups == len(pane.overdue) == 2
    assert health.all_health(store)[a].overdue_followups == 2
