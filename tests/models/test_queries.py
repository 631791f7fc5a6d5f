"""Queries for the panes: client list (filters, sort, keyset pages, going cold),
timeline pages, follow-up buckets, soft-deleted rows staying out."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from models import services
from models.clock import FixedClock
from models.queries import clients as client_queries
from models.queries import followups as followup_queries
from models.queries import timeline as timeline_queries
from models.queries.followups import all_day_value
from models.rows import ClientFilter
from models.store import Store
from tests.models.helpers import account, contact, followup, note

JAKARTA = ZoneInfo("Asia/Jakarta")


def names(store: Store, flt: ClientFilter = client_queries.NO_FILTER) -> list[str]:
    rows, _ = client_queries.client_page(store, flt, limit=1000)
    return [r.name for r in rows]


def test_filter_by_text_matches_name_contact_and_tag(store: Store) -> None:
    a = account(store, "PT Sinar Jaya", tags=["surabaya"])
    account(store, "Acme Corp")
    b = account(store, "Globex Inc")
    contact(store, b, "Budi Santoso")
    assert names(store, ClientFilter(text="sinar")) == ["PT Sinar Jaya"]
    assert names(store, ClientFilter(text="SANTOSO")) == ["Globex Inc"]
    assert names(store, ClientFilter(text="surab")) == ["PT Sinar Jaya"]
    assert names(store, ClientFilter(text="100%_")) == []
    # One or two letters match client names only; contacts and tags from three letters.
    assert client_queries.client_count(store, ClientFilter(text="a")) == 2
    assert names(store, ClientFilter(text="bu")) == []
    assert names(store, ClientFilter(text="bud")) == ["Globex Inc"]
    del a


def test_filter_by_tier_status_tag(store: Store) -> None:
    account(store, "A1", tier="A", status="active", tags=["vip"])
    account(store, "B1", tier="B", status="prospect")
    account(store, "C1", tier="C", status="lost", tags=["vip"])
    assert names(store, ClientFilter(tiers=frozenset({"A", "C"}))) == ["A1", "C1"]
    assert names(store, ClientFilter(statuses=frozenset({"prospect"}))) == ["B1"]
    assert names(store, ClientFilter(tag="vip")) == ["A1", "C1"]


def test_deleted_accounts_and_contacts_stay_out(store: Store) -> None:
    a = account(store, "Deleted Co")
    b = account(store, "Live Co")
    c = contact(store, b, "Hidden Person")
    with store.write() as uow:
        services.soft_delete(uow, "account", a)
        services.soft_delete(uow, "contact", c)
    assert names(store) == ["Live Co"]
    assert names(store, ClientFilter(text="Hidden")) == []
    assert client_queries.account_detail(store, b).contacts == ()  # type: ignore[union-attr]
    assert [n for _, n in client_queries.client_names(store)] == ["Live Co"]
    assert client_queries.account_detail(store, a).deleted_at is not None  # type: ignore[union-attr]


def test_sort_and_keyset_pages_cover_every_row_once(store: Store, clock: FixedClock) -> None:
    with store.write() as uow:
        for i in range(57):
            services.create_account(uow, f"Client {i:02d}", tier="ABC"[i % 3])
    for sort in ("name", "tier", "status", "last_contact", "next_followup"):
        for descending in (False, True):
            flt = ClientFilter(sort=sort, descending=descending)
            seen: list[str] = []
            cursor = None
            while True:
                rows, cursor = client_queries.client_page(store, flt, after=cursor, limit=10)
                seen += [r.name for r in rows]
                if cursor is None:
                    break
            assert sorted(seen) == sorted(f"Client {i:02d}" for i in range(57)), sort
    rows, _ = client_queries.client_page(store, ClientFilter(sort="tier", descending=True), limit=3)
    assert [r.tier for r in rows] == ["C", "C", "C"]
    rows, _ = client_queries.client_page(store, ClientFilter(sort="name", descending=True), limit=2)
    assert [r.name for r in rows] == ["Client 56", "Client 55"]
    with pytest.raises(ValueError, match="cannot sort"):
        client_queries.client_page(store, ClientFilter(sort="colour"))


def test_sort_by_next_followup_puts_none_last(store: Store, clock: FixedClock) -> None:
    soon = account(store, "Soon")
    late = account(store, "Late")
    account(store, "Never")
    followup(store, late, "x", clock.now() + timedelta(days=9), all_day=False)
    followup(store, soon, "x", clock.now() + timedelta(days=1), all_day=False)
    assert names(store, ClientFilter(sort="next_followup")) == ["Soon", "Late", "Never"]


def test_name_sort_ignores_case(store: Store) -> None:
    for n in ("beta", "Alpha", "charlie"):
        account(store, n)
    assert names(store) == ["Alpha", "beta", "charlie"]


@pytest.mark.parametrize(
    ("age", "cold"),
    [
        (timedelta(days=30), False),
        (timedelta(days=30, seconds=1), True),
        (timedelta(days=29, hours=23), False),
    ],
)
def test_going_cold_boundary(store: Store, clock: FixedClock, age: timedelta, cold: bool) -> None:
    a = account(store, "Cadence 30", cadence_days=30)
    note(store, a, "last visit", at=clock.now() - age)
    rows, _ = client_queries.client_page(store)
    assert rows[0].going_cold is cold
    assert client_queries.client_count(store, ClientFilter(going_cold_only=True)) == int(cold)


def test_going_cold_only_for_active_and_prospects(store: Store, clock: FixedClock) -> None:
    for status in ("active", "prospect", "dormant", "lost"):
        a = account(store, status, status=status, cadence_days=7)
        note(store, a, "long ago", at=clock.now() - timedelta(days=40))
    rows, _ = client_queries.client_page(store)
    assert {r.name: r.going_cold for r in rows} == {
        "active": True,
        "prospect": True,
        "dormant": False,
        "lost": False,
    }


def test_never_contacted_counts_from_creation(store: Store, clock: FixedClock) -> None:
    a = account(store, "New", cadence_days=14)
    assert client_queries.client_rows(store, [a])[a].going_cold is False
    clock.advance(timedelta(days=15))
    assert client_queries.client_rows(store, [a])[a].going_cold is True


def test_timeline_pages_newest_first(store: Store, clock: FixedClock) -> None:
    a = account(store)
    other = account(store, "Other")
    base = clock.now()
    ids = [note(store, a, f"n{i}", at=base - timedelta(hours=i)) for i in range(25)]
    note(store, other, "not mine")
    same = base - timedelta(hours=30)
    ids += [note(store, a, "tie", at=same) for _ in range(3)]
    with store.write() as uow:
        services.soft_delete(uow, "interaction", ids[3])
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        rows, cursor = timeline_queries.timeline_page(store, a, before=cursor, limit=10)
        pages += 1
        seen += [r.id for r in rows]
        times = [r.occurred_at for r in rows]
        assert times == sorted(times, reverse=True)
        if cursor is None:
            break
    expected = [i for i in ids if i != ids[3]]
    assert sorted(seen) == sorted(expected) and len(seen) == len(set(seen)) == 27
    assert seen[:3] == ids[:3]
    assert pages == 3


def test_followup_buckets(store: Store, clock: FixedClock) -> None:
    # now: Tuesday 2026-11-24 09:30 in Jakarta
    a = account(store, "A")
    b = account(store, "B")
    local = clock.now().astimezone(JAKARTA)
    today = local.date()
    f_yesterday = followup(store, a, "yesterday", all_day_value(today - timedelta(days=1), JAKARTA))
    f_today = followup(store, a, "today all day", all_day_value(today, JAKARTA))
    f_past_hour = followup(store, a, "an hour ago", clock.now() - timedelta(hours=1), all_day=False)
    f_tonight = followup(
        store, b, "tonight", datetime(2026, 11, 24, 20, 0, tzinfo=JAKARTA), all_day=False
    )
    f_tomorrow = followup(store, a, "tomorrow", all_day_value(date(2026, 11, 25), JAKARTA))
    f_midnight = followup(
        store, a, "just after midnight", datetime(2026, 11, 25, 0, 5, tzinfo=JAKARTA), all_day=False
    )
    f_done = followup(store, a, "done", all_day_value(today, JAKARTA))
    with store.write() as uow:
        services.complete_followup(uow, f_done)
    f_snoozed = followup(store, a, "snoozed", all_day_value(today - timedelta(days=2), JAKARTA))
    with store.write() as uow:
        services.snooze_followup(uow, f_snoozed, clock.now() + timedelta(days=3))
    all_ = followup_queries.followups(store, tz=JAKARTA)
    assert [f.id for f in all_.overdue] == [f_yesterday, f_past_hour]
    assert {f.id for f in all_.today} == {f_today, f_tonight}
    assert [f.id for f in all_.upcoming] == [f_tomorrow, f_midnight, f_snoozed]
    assert all_.upcoming[0].due_at == datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
    assert [f.id for f in all_.done] == [f_done]
    only_b = followup_queries.followups(store, account_id=b, tz=JAKARTA)
    assert [f.id for f in only_b.today] == [f_tonight] and only_b.overdue == ()
    assert only_b.today[0].account_name == "B"


def test_followups_of_deleted_clients_are_hidden(store: Store, clock: FixedClock) -> None:
    a = account(store)
    followup(store, a, "x", clock.now() - timedelta(days=1), all_day=False)
    with store.write() as uow:
        services.soft_delete(uow, "account", a)
    assert followup_queries.followups(store, tz=JAKARTA).overdue == ()


def test_due_between_for_reminders(store: Store, clock: FixedClock) -> None:
    a = account(store)
    inside = followup(store, a, "in", clock.now() + timedelta(minutes=5), all_day=False)
    followup(store, a, "out", clock.now() + timedelta(hours=5), all_day=False)
    followup(store, a, "all day", all_day_value(clock.now().date()))
    rows = followup_queries.due_between(store, clock.now(), clock.now() + timedelta(minutes=10))
    assert [r.id for r in rows] == [inside]


def test_local_day_bounds() -> None:
    now = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)  # 03:00 on the 25th in Jakarta
    start, tomorrow = followup_queries.local_day_bounds(now, JAKARTA)
    assert start == datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
    assert tomorrow == datetime(2026, 11, 25, 17, 0, tzinfo=UTC)


def test_unknown_rows_are_none(store: Store) -> None:
    assert client_queries.account_detail(store, "x") is None
    assert timeline_queries.interaction(store, "x") is None
    assert followup_queries.followup(store, "x") is None
    assert client_queries.contact(store, "x") is None
    assert client_queries.deal(store, "x") is None
    assert client_queries.client_rows(store, []) == {}


def test_filter_index_follows_contacts_tags_and_renames(store: Store) -> None:
    a = account(store, "Nusantara Logistik")
    c = contact(store, a, "Wahyu Pratama")
    assert names(store, ClientFilter(text="wahyu")) == ["Nusantara Logistik"]
    with store.write() as uow:
        services.update_contact(uow, c, name="Rizky Pratama")
    assert names(store, ClientFilter(text="wahyu")) == []
    assert names(store, ClientFilter(text="rizky")) == ["Nusantara Logistik"]
    with store.write() as uow:
        services.soft_delete(uow, "contact", c)
    assert names(store, ClientFilter(text="rizky")) == []
    with store.write() as uow:
        services.set_account_tags(uow, a, ["medan-hub"])
    assert names(store, ClientFilter(text="medan")) == ["Nusantara Logistik"]
    with store.write() as uow:
        services.set_account_tags(uow, a, [])
        services.update_account(uow, a, name="Samudra Logistik")
    assert names(store, ClientFilter(text="medan")) == []
    assert names(store, ClientFilter(text="samudra")) == ["Samudra Logistik"]
    assert names(store, ClientFilter(text="nusantara")) == []


@pytest.mark.parametrize(
    ("dense", "like"),
    [(1000, 2000), (10, 2000), (10, 20)],  # hits sorted, probed in name order, LIKE
)
def test_common_substring_is_answered_by_the_index_with_the_same_answer(
    store: Store, monkeypatch: pytest.MonkeyPatch, dense: int, like: int
) -> None:
    with store.write() as uow:
        for i in range(30):
            services.create_account(uow, f"Klien {i:02d}")
        other = services.create_account(uow, "Other")
        services.create_contact(uow, "Pak Klien", account_id=other)
        gone = services.create_account(uow, "Klien gone")
        services.soft_delete(uow, "account", gone)
    expected = [f"Klien {i:02d}" for i in range(30)] + ["Other"]
    few = names(store, ClientFilter(text="klien"))
    monkeypatch.setattr(client_queries, "FTS_CANDIDATES", 5)  # too many hits for a list
    monkeypatch.setattr(client_queries, "DENSE_HITS", dense)
    monkeypatch.setattr(client_queries, "LIKE_HITS", like)
    many = names(store, ClientFilter(text="klien"))
    assert few == many == expected
    descending = names(store, ClientFilter(text="klien", descending=True))
    assert descending == expected[::-1]
    assert client_queries.client_count(store, ClientFilter(text="klien")) == 31
    assert client_queries.client_count(store, ClientFilter(text="klien"), cap=10) == 11
    rows, cursor = client_queries.client_page(store, ClientFilter(text="klien"), limit=20)
    assert cursor is not None
    rest, _ = client_queries.client_page(store, ClientFilter(text="klien"), after=cursor)
    assert [r.name for r in rows + rest] == expected


def test_bucket_pages_counts_and_where_each_follow_up_is(store: Store, clock: FixedClock) -> None:
    a = account(store, "A")
    b = account(store, "B")
    ids = [
        followup(store, a if i % 2 else b, f"t{i}", clock.now() + timedelta(days=2, minutes=i))
        for i in range(7)
    ]
    late = followup(store, a, "late", clock.now() - timedelta(days=3), all_day=False)
    pages = [
        followup_queries.bucket_page(store, "upcoming", offset=o, limit=3, tz=JAKARTA)
        for o in (0, 3, 6)
    ]
    assert [len(p) for p in pages] == [3, 3, 1]
    assert [r.id for p in pages for r in p] == ids  # in due order, none twice
    mine = followup_queries.bucket_page(store, "upcoming", account_id=a, tz=JAKARTA)
    assert {r.account_id for r in mine} == {a} and len(mine) == 3
    assert followup_queries.bucket_count(store, "upcoming", tz=JAKARTA) == 7
    assert followup_queries.bucket_count(store, "upcoming", cap=4, tz=JAKARTA) == 5
    assert followup_queries.bucket_count(store, "upcoming", account_id=b, tz=JAKARTA) == 4
    with store.write() as uow:
        services.complete_followup(uow, ids[0])
    where = followup_queries.buckets_of(store, {ids[0], ids[1], late, "gone"}, tz=JAKARTA)
    assert where == {ids[0]: "done", ids[1]: "upcoming", late: "overdue"}
    assert followup_queries.buckets_of(store, set()) == {}
    # The same with the rows, as the pane moves them: each row as a page reads it.
    fresh = followup_queries.rows_in_buckets(store, {ids[0], ids[1], late, "gone"}, tz=JAKARTA)
    assert {k: bucket for k, (bucket, _row) in fresh.items()} == where
    done_page = followup_queries.bucket_page(store, "done", tz=JAKARTA)
    assert fresh[ids[0]][1] == done_page[0]
    assert fresh[ids[1]][1] == followup_queries.followup(store, ids[1])
    assert followup_queries.rows_in_buckets(store, set()) == {}
    assert client_queries.live_names(store, [a, b, "gone"]) == {a: "A", b: "B"}
    assert client_queries.live_names(store, []) == {}


def test_within_pages_tells_which_unread_clients_sort_among_the_rows_read(store: Store) -> None:
    ids = {n: account(store, n) for n in ("Alpha", "Bravo", "Charlie", "Delta", "Echo")}
    rows, cursor = client_queries.client_page(store, limit=2)  # Alpha, Bravo read
    assert [r.name for r in rows] == ["Alpha", "Bravo"] and cursor is not None
    new = account(store, "Able")  # sorts among them
    later = [ids["Delta"], ids["Echo"]]
    assert client_queries.within_pages(store, client_queries.NO_FILTER, [new, *later], cursor) == {
        new
    }
    assert client_queries.within_pages(store, client_queries.NO_FILTER, later, None) == set(later)
    only_c = ClientFilter(text="arl")  # the filter applies: Charlie alone matches
    assert client_queries.within_pages(store, only_c, [*later, ids["Charlie"]], None) == {
        ids["Charlie"]
    }
    back, back_cursor = client_queries.client_page(store, ClientFilter(descending=True), limit=2)
    assert [r.name for r in back] == ["Echo", "Delta"] and back_cursor is not None
    flt = ClientFilter(descending=True)
    assert client_queries.within_pages(store, flt, [new, ids["Echo"]], back_cursor) == {ids["Echo"]}
    assert client_queries.within_pages(store, client_queries.NO_FILTER, [], None) == set()


@pytest.mark.parametrize(
    "sort", ["name", "tier", "status", "last_contact", "next_followup", "health"]
)
def test_within_pages_agrees_with_the_pages_in_every_order(store: Store, sort: str) -> None:
    ids = [account(store, n) for n in ("Alpha", "Bravo", "Charlie", "Delta", "Echo")]
    for descending in (False, True):
        flt = ClientFilter(sort=sort, descending=descending)
        rows, cursor = client_queries.client_page(store, flt, limit=3)
        assert cursor is not None
        assert client_queries.within_pages(store, flt, ids, cursor) == {r.id for r in rows}
