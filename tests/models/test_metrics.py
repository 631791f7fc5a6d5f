"""The KPIs against the hand-worked history in tests/kpi_fixture.py (every figure is
worked out in its docstring), empty periods, a reopened deal, skipped stages, mixed
currencies, and the pieces (periods, money, commission, quotas) on their own."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from models import services
from models.clock import FixedClock
from models.errors import ValidationError
from models.metrics import drill
from models.metrics.commission import commission_minor, earnings
from models.metrics.kpis import compute, trend_months
from models.metrics.money import major_units
from models.metrics.period import Period, months_back, parse_day, preset
from models.metrics.report import as_json
from models.metrics.targets import Plan, quota_for
from models.store import Store
from models.transfer.exporter import export_csv
from tests.kpi_fixture import build

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
JAKARTA = timezone(timedelta(hours=7))


@pytest.fixture
def history(store: Store, clock: FixedClock) -> dict[str, str]:
    return build(store, clock)


@pytest.mark.parametrize("zone", [UTC, JAKARTA, timezone(timedelta(hours=-10))])
def test_november_figures(store: Store, history: dict[str, str], zone: timezone) -> None:
    k = compute(store, NOV, zone=zone)
    assert (k.closes.won, k.closes.lost) == (4, 1)
    assert k.win_rate == pytest.approx(0.8)
    assert k.closes.won_minor == {"IDR": 6_000_000, "USD": 500_000}
    assert k.average_deal_minor == {"IDR": 2_000_000, "USD": 500_000}
    assert k.average_cycle_days == pytest.approx(35.0)
    assert k.pipeline.open_count == {"IDR": 2, "USD": 1}
    assert k.pipeline.open_minor == {"IDR": 5_000_000, "USD": 1_000_000}
    assert k.pipeline.weighted_minor == {"IDR": 1_700_000, "USD": 500_000}
    assert k.pipeline.closing_weighted_minor == {"IDR": 1_600_000, "USD": 500_000}
    assert k.forecast_minor == {"IDR": 7_600_000, "USD": 1_000_000}
    velocity = k.velocity_minor_per_day
    assert velocity["IDR"] == pytest.approx(2 * 0.8 * 2_000_000 / 35)
    assert velocity["USD"] == pytest.approx(1 * 0.8 * 500_000 / 35)
    assert k.quota_minor == {"IDR": 10_000_000}
    assert k.quota_attainment == {"IDR": pytest.approx(0.6)}


def test_the_funnel_counts_skipped_stages(store: Store, history: dict[str, str]) -> None:
    f = compute(store, NOV, zone=UTC).funnel
    assert f.reached == {
        "lead": 5,
        "qualified": 4,
        "demo": 3,
        "proposal": 2,
        "negotiation": 2,
        "won": 2,
    }
    assert f.skipped == {
        "lead": 0,
        "qualified": 2,
        "demo": 2,
        "proposal": 1,
        "negotiation": 2,
        "won": 0,
    }
    assert [round(s.rate or 0, 4) for s in f.steps] == [0.8, 0.75, 0.6667, 1.0, 1.0]
    assert f.lead_to_won == pytest.approx(0.4)


def test_activity_cold_clients_and_earnings(store: Store, history: dict[str, str]) -> None:
    k = compute(store, NOV, zone=UTC)
    assert k.activity.totals == {"meeting": 3, "call": 2, "email": 1}
    assert k.activity.weekly == {
        "meeting": [2, 0, 1, 0, 0],
        "call": [0, 2, 0, 0, 0],
        "email": [0, 0, 0, 1, 0],
    }
    assert k.activity.per_week("meeting") == pytest.approx(0.7)
    assert k.activity_targets == {"meeting": 2}
    assert k.cold_by_tier == {"A": 0, "B": 0, "C": 1}
    e = k.earnings
    assert e is not None
    assert (e.currency, e.base_minor, e.commission_minor, e.pipeline_adds_minor) == (
        "IDR",
        5_000_000,
        300_000,
        80_000,
    )
    assert e.total_minor == 5_300_000


def test_json_holds_the_same_figures(store: Store, history: dict[str, str]) -> None:
    out = as_json(compute(store, NOV, zone=UTC))
    assert out["won_amount"] == {"IDR": "6000000", "USD": "5000.00"}
    assert out["weighted_pipeline"] == {"IDR": "1700000", "USD": "5000.00"}
    assert out["velocity_per_day"] == {"IDR": "91429", "USD": "114.29"}
    assert out["quota_attainment"] == 0.6
    assert out["conversion"]["demo_to_proposal"] == 0.6667
    assert out["activity"]["call"] == {"count": 2, "per_week": 0.47, "target_per_week": None}
    assert out["earnings"]["pipeline_would_add"] == "80000"


def test_a_reopened_deal_counts_by_its_latest_close(store: Store, history: dict[str, str]) -> None:
    october = compute(store, Period(date(2026, 10, 1), date(2026, 10, 31)), zone=UTC)
    # D4 was won on 10-20, reopened and won again on 11-20; D5 was won and reopened.
    assert (october.closes.won, october.closes.lost) == (0, 0)
    assert october.win_rate is None
    ids = {r.id for r in drill.deals(store, "won", NOV, zone=UTC)}
    assert history["D4"] in ids and history["D5"] not in ids
    nov_20 = compute(store, Period(date(2026, 11, 20), date(2026, 11, 20)), zone=UTC)
    assert nov_20.closes.won == 1  # D4, once


def test_an_empty_period_divides_by_nothing(store: Store, history: dict[str, str]) -> None:
    k = compute(store, Period(date(2025, 1, 1), date(2025, 1, 31)), zone=UTC)
    out = as_json(k)
    assert (out["won"], out["lost"], out["win_rate"]) == (0, 0, None)
    assert out["won_amount"] == {} and out["average_deal_size"] == {}
    assert out["average_cycle_days"] is None and out["velocity_per_day"] == {}
    assert out["quota_attainment"] is None and out["lead_to_won"] is None
    assert set(out["conversion"].values()) == {None}
    assert out["open_pipeline"] == {"IDR": "5000000", "USD": "10000.00"}  # a snapshot


def test_an_empty_database(store: Store) -> None:
    out = as_json(compute(store, NOV, zone=UTC))
    assert out["won"] == 0 and out["open_pipeline"] == {} and out["earnings"] is None
    assert out["quota"] == {} and out["going_cold_by_tier"] == {"A": 0, "B": 0, "C": 0}


def test_mixed_currencies_are_never_added(store: Store, history: dict[str, str]) -> None:
    k = compute(store, NOV, zone=UTC)
    # A USD quota beside the IDR one: each currency is measured against its own.
    with store.write() as uow:
        services.set_quota(uow, NOV.start, NOV.end, 10_000 * 100, "USD")
    k = compute(store, NOV, zone=UTC)
    assert k.quota_attainment == {"IDR": pytest.approx(0.6), "USD": pytest.approx(0.5)}
    out = as_json(k)
    assert out["quota_attainment"] is None  # two currencies: no single figure
    assert out["quota_attainment_by_currency"] == {"IDR": 0.6, "USD": 0.5}
    plan = k.plan
    assert plan is not None and plan.currency == "IDR"
    assert k.earnings is not None and k.earnings.commission_minor == 300_000  # no USD in it


def test_amounts_are_in_the_exports_units(
    store: Store, history: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "deals.csv"
    export_csv(store, "deals", path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    amounts = {r[k] for r in rows for k in r if k and "mount" in k}
    assert major_units(500_000, "USD") in amounts  # D8 as the export writes it
    assert major_units(3_000_000, "IDR") in amounts
    assert major_units(123, "JPY") == "123" and major_units(-5, "USD") == "-0.05"


def test_trashed_client_takes_its_deals_out(store: Store, history: dict[str, str]) -> None:
    with store.write() as uow:
        services.soft_delete(uow, "account", history["kopi"])
    k = compute(store, NOV, zone=UTC)
    # Kopi held D3 (lost), D5 (open USD), D7 (open IDR), D8 (won USD)
    assert (k.closes.won, k.closes.lost) == (3, 0)
    assert k.pipeline.open_count == {"IDR": 1}


def test_trend_months_and_quota_proration(store: Store, history: dict[str, str]) -> None:
    k = compute(store, NOV, zone=UTC)
    assert [p.month.start for p in k.trend] == [date(2026, m, 1) for m in range(6, 12)]
    assert k.trend[-1].won_minor == {"IDR": 6_000_000, "USD": 500_000}
    assert k.trend[-1].quota_minor == {"IDR": 10_000_000}
    assert k.trend[-2].won_minor == {}
    with store.read() as s:
        assert quota_for(s, Period(date(2026, 11, 1), date(2026, 11, 15))) == {"IDR": 5_000_000}
        assert quota_for(s, Period(date(2026, 11, 16), date(2026, 12, 31))) == {
            "IDR": 5_000_000 + 12_000_000
        }
    quarter = Period(date(2026, 10, 1), date(2026, 12, 31))
    assert trend_months(quarter)[0].start == date(2026, 7, 1) and len(trend_months(quarter)) == 6
    year = Period(date(2026, 1, 1), date(2026, 12, 31))
    assert len(trend_months(year)) == 12


def test_commission_tiers_are_marginal() -> None:
    plan = Plan("IDR", 1_000, 500, ((100, 1000), (150, 1500)))
    assert commission_minor(0, 10_000_000, plan) == 0
    assert commission_minor(8_000_000, 10_000_000, plan) == 400_000  # 8M x 5%
    # 10M x 5% + 2M x 10% = 500,000 + 200,000
    assert commission_minor(12_000_000, 10_000_000, plan) == 700_000
    # 10M x 5% + 5M x 10% + 5M x 15% = 500,000 + 500,000 + 750,000
    assert commission_minor(20_000_000, 10_000_000, plan) == 1_750_000
    assert commission_minor(20_000_000, None, plan) == 1_000_000  # no quota: 5% of all
    e = earnings(plan, 8_000_000, 4_000_000, 10_000_000, 3.0)
    # base 3 x 1,000; with 12M: 700,000 - 400,000 = 300,000 more
    assert (e.base_minor, e.commission_minor, e.pipeline_adds_minor) == (3_000, 400_000, 300_000)


def test_huge_amounts_add_up_exactly(store: Store, clock: FixedClock) -> None:
    big = 10**17
    with store.write() as uow:
        acme = services.create_account(uow, "Acme")
        for _ in range(200):  # 2 x 10^19: beyond a 64-bit sum
            services.create_deal(uow, acme, "Big", amount_minor=big, currency="USD")
    k = compute(store, NOV, zone=UTC)
    assert k.pipeline.open_minor == {"USD": 200 * big}
    assert k.pipeline.weighted_minor == {"USD": 200 * big // 10}


def test_periods() -> None:
    assert preset("month", date(2026, 11, 24)) == NOV
    assert preset("quarter", date(2026, 11, 24)) == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert preset("year", date(2026, 2, 3)) == Period(date(2026, 1, 1), date(2026, 12, 31))
    assert months_back(date(2026, 2, 10), 3) == Period(date(2025, 12, 1), date(2026, 2, 28))
    assert Period(date(2026, 1, 15), date(2026, 3, 31)).month_fraction() == pytest.approx(
        17 / 31 + 2
    )
    start, end = NOV.bounds(JAKARTA)
    assert start == datetime(2026, 10, 31, 17, tzinfo=UTC)
    assert end == datetime(2026, 11, 30, 17, tzinfo=UTC)
    with pytest.raises(ValidationError):
        preset("week", date(2026, 1, 1))
    with pytest.raises(ValidationError):
        Period(date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(ValidationError, match="not a date"):
        parse_day("2026-02-30", "--from")
    assert parse_day(" 2026-02-28 ", "--from") == date(2026, 2, 28)


def test_every_figure_lists_what_is_behind_it(store: Store, history: dict[str, str]) -> None:
    def names(key: str) -> list[str]:
        return [r.title for r in drill.deals(store, key, NOV, zone=UTC)]

    assert names("won") == ["D4", "D2", "D8", "D1"]  # newest close first
    assert names("lost") == ["D3"] and sorted(names("closed")) == ["D1", "D2", "D3", "D4", "D8"]
    assert names("open") == ["D6", "D5", "D7"] and names("closing") == ["D6", "D5"]
    assert sorted(names("funnel:proposal")) == ["D2", "D8"]
    assert len(names("funnel:lead")) == 5
    first = drill.deals(store, "won", NOV, zone=UTC, limit=2)
    rest = drill.deals(store, "won", NOV, zone=UTC, offset=2)
    assert [r.title for r in first + rest] == names("won")
    d4 = first[0]
    assert d4.closed_at == datetime(2026, 11, 20, 12, tzinfo=UTC) and d4.account_name == "Acme Corp"
    assert drill.deals(store, "open", NOV)[0].expected_close == date(2026, 11, 25)
    cold = drill.clients(store, "cold:C", NOV)
    assert [c.name for c in cold] == ["Globex Inc"]
    meetings = drill.clients(store, "activity:meeting", NOV, zone=UTC)
    assert [(c.name, c.count) for c in meetings] == [("Acme Corp", 2), ("PT Kopi Nusantara", 1)]
    for bad in ("funnel:lost", "everything"):
        with pytest.raises(ValidationError):
            drill.deals(store, bad, NOV)
    with pytest.raises(ValidationError):
        drill.clients(store, "cold:Z", NOV)


def latest_closes_in_history(store: Store) -> dict[str, datetime | None]:
    """Each deal's latest move into won/lost when that is its stage now (None: open),
    read from the stage history row by row: the definition the figures rely on."""
    from sqlalchemy import select

    from models.entities import Deal, DealStageChange

    out: dict[str, datetime | None] = {}
    with store.read() as s:
        for deal in s.scalars(select(Deal)):
            moves = s.scalars(
                select(DealStageChange)
                .where(DealStageChange.deal_id == deal.id)
                .order_by(DealStageChange.changed_at, DealStageChange.created_at)
            ).all()
            last = moves[-1]
            closed = deal.stage in ("won", "lost") and last.to_stage == deal.stage
            out[deal.id] = last.changed_at if closed else None
    return out


def test_the_close_time_read_is_the_historys_latest_close(
    store: Store, history: dict[str, str]
) -> None:
    from sqlalchemy import select

    from models.entities import Deal

    expected = latest_closes_in_history(store)
    with store.read() as s:
        copies = {d.id: d.closed_at for d in s.scalars(select(Deal))}
    assert copies == expected
    assert expected[history["D4"]] == datetime(2026, 11, 20, 12, tzinfo=UTC)  # reopened
    assert expected[history["D5"]] is None  # won, reopened, open
