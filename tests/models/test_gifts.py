"""The gift compliance log: the cap at its edges before and after a rule's date, new
years, excluded kinds, conversion with the user's rates, shares of one gift, the
migration of old gift entries, and undo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from models import operations, services
from models.errors import ValidationError
from models.gifts.ledger import MissingRate
from models.gifts.money import convert, split, to_minor
from models.metrics.money import major_units as major
from models.queries import gifts as gq
from models.queries.timeline import timeline_page
from models.services import gifts as gs
from models.store import Store, open_store

AMENDMENT = date(2026, 3, 1)  # the date the user enters for the USD 300 cap


def _client(store: Store, *names: str) -> tuple[str, list[str]]:
    with store.write() as uow:
        acc = services.create_account(uow, "PT Bank Maju")
        people = [services.create_contact(uow, n, account_id=acc) for n in names]
    return acc, people


def _gift(
    store: Store,
    acc: str,
    people: list[str],
    value: str,
    day: date,
    *,
    currency: str = "USD",
    kind: str = "business",
) -> str:
    with store.write() as uow:
        return gs.record_gift(
            uow, acc, contact_ids=people, value_minor=to_minor("value", value, currency),
            currency=currency, given_on=day, kind=kind, description="Hamper",
        )  # fmt: skip


def _preview(
    store: Store, people: list[str], value: str, day: date, currency: str = "USD",
    kind: str = "business",
) -> list[gq.RecipientPreview]:  # fmt: skip
    new = gq.NewGift(tuple(people), to_minor("value", value, currency), currency, day, kind)
    return gq.preview(store, new, store.clock.now())


def _with_amendment(store: Store) -> None:
    with store.write() as uow:
        gs.add_gift_rule(uow, AMENDMENT, 30000, "USD")


@pytest.mark.parametrize(
    ("value", "day", "cap", "over"),
    [
        ("99.99", date(2026, 2, 28), "100.00", False),
        ("100.00", date(2026, 2, 28), "100.00", False),
        ("100.01", date(2026, 2, 28), "100.00", True),
        ("100.01", AMENDMENT, "300.00", False),
        ("300.00", AMENDMENT, "300.00", False),
        ("300.01", date(2026, 12, 31), "300.00", True),
    ],
)
def test_cap_edges_before_and_after_the_amendment(
    store: Store, value: str, day: date, cap: str, over: bool
) -> None:
    _with_amendment(store)
    acc, (budi,) = _client(store, "Budi")
    (p,) = _preview(store, [budi], value, day)
    assert (major(p.total_minor, "USD"), major(p.rule.cap_minor, "USD")) == (value, cap)
    assert p.over_cap is over
    _gift(store, acc, [budi], value, day)
    (row,) = gq.log(store)
    assert row.line.over_cap is over and row.line.total_minor == p.total_minor


def test_running_total_within_a_year_and_a_new_year_from_zero(store: Store) -> None:
    acc, (budi,) = _client(store, "Budi")
    _gift(store, acc, [budi], "60.00", date(2025, 5, 1))
    _gift(store, acc, [budi], "40.00", date(2025, 9, 1))  # 100.00: at the cap
    (p,) = _preview(store, [budi], "0.01", date(2025, 12, 31))
    assert (p.total_minor, p.over_cap) == (10001, True)
    (p,) = _preview(store, [budi], "0.01", date(2026, 1, 1))
    assert (p.total_minor, p.over_cap) == (1, False)
    _gift(store, acc, [budi], "0.01", date(2025, 12, 31))
    lines = {(r.line.share.given_on, r.line.total_minor, r.line.over_cap) for r in gq.log(store)}
    assert lines == {
        (date(2025, 5, 1), 6000, False),
        (date(2025, 9, 1), 10000, False),
        (date(2025, 12, 31), 10001, True),
    }
    (total,) = gq.year_totals(gq.log(store))
    assert (total.year, total.total_minor, total.over_cap, total.gifts) == (2025, 10001, True, 3)
    assert gq.years(store) == [2025]


@pytest.mark.parametrize("kind", ["personal", "promotional"])
def test_excluded_kinds_are_logged_but_not_counted(store: Store, kind: str) -> None:
    acc, (budi,) = _client(store, "Budi")
    _gift(store, acc, [budi], "90.00", date(2026, 2, 1))
    _gift(store, acc, [budi], "500.00", date(2026, 2, 2), kind=kind)
    (p,) = _preview(store, [budi], "10.00", date(2026, 2, 3))
    assert (p.total_minor, p.over_cap) == (10000, False)
    (p,) = _preview(store, [budi], "1000.00", date(2026, 2, 3), kind=kind)
    assert p.total_minor == 9000
    rows = gq.log(store)
    assert [r.line.over_cap for r in rows] == [False, False]
    assert [r.line.share.kind for r in rows] == ["business", kind]


def test_conversion_with_the_users_rate_rounds_up(store: Store) -> None:
    _acc, (sari,) = _client(store, "Sari")
    with pytest.raises(MissingRate, match="no exchange rate from IDR to USD"):
        _preview(store, [sari], "1625000", date(2026, 2, 1), "IDR")
    with store.write() as uow:
        gs.set_gift_rate(uow, "IDR", "USD", "16250", date(2026, 1, 1))
    (p,) = _preview(store, [sari], "1625000", date(2026, 2, 1), "IDR")
    assert (p.total_minor, p.over_cap) == (10000, False)
    (p,) = _preview(store, [sari], "1625001", date(2026, 2, 1), "IDR")
    assert (p.total_minor, p.over_cap) == (10001, True)  # rounded up, never understated
    # a newer dated rate applies from its day; before every rate, the earliest
    with store.write() as uow:
        gs.set_gift_rate(uow, "IDR", "USD", "17000", date(2026, 6, 1))
    (p,) = _preview(store, [sari], "1700000", date(2026, 7, 1), "IDR")
    assert p.total_minor == 10000
    (p,) = _preview(store, [sari], "1625000", date(2025, 7, 1), "IDR")
    assert p.total_minor == 10000
    assert convert(1, "JPY", Decimal("3"), "USD") == 34  # USD 0.333.. -> 0.34
    assert convert(100, "JPY", Decimal("150"), "USD") == 67


def test_a_gift_with_no_rate_shows_in_the_log_asking_for_one(store: Store) -> None:
    acc, (sari,) = _client(store, "Sari")
    with store.write() as uow:
        gs.set_gift_rate(uow, "EUR", "USD", "0.9", date(2026, 1, 1))
        gs.record_gift(uow, acc, contact_ids=[sari], value_minor=5000, currency="EUR",
                       given_on=date(2026, 2, 1))  # fmt: skip
    assert gq.log(store)[0].line.total_minor == 5556  # 50 / 0.9 = 55.555... -> 55.56
    with store.write() as uow:
        services.soft_delete(uow, "gift_rate", gq.rates(store)[0].id)
    (row,) = gq.log(store)
    assert (row.line.total_minor, row.line.missing_rate) == (None, "EUR")
    (total,) = gq.year_totals([row])
    assert total.missing_rate == "EUR" and total.total_minor is None


def test_one_gift_to_several_people_is_split_per_person(store: Store) -> None:
    acc, people = _client(store, "Budi", "Sari", "Tono")
    gift = _gift(store, acc, people, "250.00", date(2026, 2, 1))
    shares = {r.recipient: r.line.share.share_minor for r in gq.log(store)}
    assert shares == {"Budi": 8334, "Sari": 8333, "Tono": 8333}
    assert sum(shares.values()) == 25000
    assert {r.gift_id for r in gq.log(store)} == {gift}
    assert {r.recipients for r in gq.log(store)} == {3}
    # a second gift to Budi alone: only his total passes the cap
    previews = _preview(store, people[:1], "16.67", date(2026, 3, 1))
    assert [(p.total_minor, p.over_cap) for p in previews] == [(10001, True)]
    assert split(1, 3) == [1, 0, 0]


def test_a_gift_is_undone_with_its_timeline_entry(store: Store) -> None:
    acc, (budi,) = _client(store, "Budi")
    op = operations.run(
        store,
        lambda u: gs.record_gift(u, acc, contact_ids=[budi], value_minor=5000, currency="usd",
                                 given_on=date(2026, 2, 1), description="Batik"),
    )  # fmt: skip
    assert len(gq.log(store)) == 1
    entries, _ = timeline_page(store, acc)
    assert [(e.kind, e.subject, e.gift_value_minor) for e in entries] == [("gift", "Batik", 5000)]
    op.undo(store)
    assert gq.log(store) == [] and timeline_page(store, acc)[0] == []
    op.redo(store)
    assert len(gq.log(store)) == 1
    # the entry moved to Trash from the timeline takes the gift out of the log
    with store.write() as uow:
        services.soft_delete(uow, "interaction", entries[0].id)
    assert gq.log(store) == []


def test_rules_and_rates_change_and_are_undone(store: Store) -> None:
    assert [(r.effective_from, r.cap_minor, r.currency) for r in gq.rules(store)] == [
        (date(1900, 1, 1), 10000, "USD")
    ]
    op = operations.run(store, lambda u: gs.add_gift_rule(u, AMENDMENT, 30000, "usd"))
    again = operations.run(store, lambda u: gs.add_gift_rule(u, AMENDMENT, 25000, "USD"))
    assert again.result == op.result
    assert [r.cap_minor for r in gq.rules(store)] == [10000, 25000]
    again.undo(store)
    assert [r.cap_minor for r in gq.rules(store)] == [10000, 30000]
    op.undo(store)
    assert [r.cap_minor for r in gq.rules(store)] == [10000]
    rate = operations.run(store, lambda u: gs.set_gift_rate(u, "IDR", "USD", "16250.5", AMENDMENT))
    assert [str(r.per_unit) for r in gq.rates(store)] == ["16250.5"]
    rate.undo(store)
    assert gq.rates(store) == []


@pytest.mark.parametrize(
    ("value", "currency", "message"),
    [
        ("10.005", "USD", "2 decimal places"),
        ("1.5", "JPY", "0 decimal places"),
        ("-5", "USD", "plain number"),
        ("1e3", "USD", "plain number"),
        ("NaN", "USD", "plain number"),
        ("0", "USD", "more than zero"),
        ("", "USD", "plain number"),
        ("1.2.3", "USD", "plain number"),
        ("9" * 30, "USD", "too large"),
    ],
)
def test_amounts_are_exact_or_refused(value: str, currency: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        to_minor("value", value, currency)


def test_bad_gifts_are_refused(store: Store) -> None:
    acc, (budi,) = _client(store, "Budi")
    with store.write() as uow:
        other = services.create_account(uow, "PT Lain")
        stranger = services.create_contact(uow, "Stranger", account_id=other)
    cases = [
        ({"contact_ids": []}, "at least one recipient"),
        ({"contact_ids": [stranger]}, "not one of this client's"),
        ({"kind": "bribe"}, "kind must be one of"),
        ({"currency": "XYZ"}, "not a known currency"),
        ({"value_minor": 0}, "more than zero"),
        ({"given_on": date(1800, 1, 1)}, "after 1900"),
    ]
    for change, message in cases:
        values = {"contact_ids": [budi], "value_minor": 100, "currency": "USD",
                  "given_on": date(2026, 1, 1), "kind": "business"} | change  # fmt: skip
        with pytest.raises(ValidationError, match=message), store.write() as uow:
            gs.record_gift(uow, acc, **values)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="two different"), store.write() as uow:
        gs.set_gift_rate(uow, "USD", "USD", "1", AMENDMENT)
    with pytest.raises(ValidationError, match="more than zero"), store.write() as uow:
        gs.set_gift_rate(uow, "IDR", "USD", "0", AMENDMENT)
    assert gq.log(store) == []


def test_salvage_keeps_gifts_and_a_changed_first_rule(store: Store, tmp_path: Path) -> None:
    from models.vault.integrity import salvage

    acc, (budi,) = _client(store, "Budi")
    _gift(store, acc, [budi], "50.00", date(2026, 2, 1))
    with store.write() as uow:
        gs.add_gift_rule(uow, date(1900, 1, 1), 15000, "USD")  # the seeded rule, changed
    result = salvage(store.path, store.key, tmp_path / "copy.db", clock=store.clock)
    assert result.skipped_rows == {}
    assert (result.recovered["gifts"], result.recovered["gift_recipients"]) == (1, 1)
    copy = open_store(tmp_path / "copy.db")
    try:
        assert [r.cap_minor for r in gq.rules(copy)] == [15000]
        assert [r.line.total_minor for r in gq.log(copy)] == [5000]
    finally:
        copy.close()
