"""Benchmark: the KPI dashboard's computation (models.metrics.kpis.compute) at team
scale, beside a floor measured in the same run.

    python bench/kpis.py [--db PATH] [--accounts 100000] [--deals 50000]
        [--interactions 1000000] [--runs 15] [--parts]

``--db``: a database made by bench/generate.py (``--scale team``: 100,000 clients,
50,000 deals with stage histories, 1,000,000 entries), opened with its fixed key and
only read (copy a cached one first: a newer schema migrates it in place). Without it,
builds a throw-away encrypted database: clients, deals created over 18 months with
stage histories (moves, skips, wins, losses, some reopened), activity of every kind,
monthly quotas and a commission plan. Then, alternating runs, times the dashboard's
figures for this month, this quarter and this year, and the floor: one raw SQL
aggregate scan of the deals table on the same connection pool (no ORM). ``--parts``
also times each part of the year's figures alone. Prints medians and p95 in ms.
Budget (DESIGN.md): 200 ms at team scale.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring
from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from bench.generate import bench_key
from bench.vocab import EN_WORDS as WORDS
from models import services
from models.clock import local_zone
from models.entities import (
    Account,
    Deal,
    DealStageChange,
    Interaction,
    new_id,
)
from models.metrics.activity import activity, cold_by_tier
from models.metrics.closes import closes_by_bucket
from models.metrics.funnel import funnel
from models.metrics.kpis import compute
from models.metrics.period import Period, preset, today_local
from models.metrics.pipeline import pipeline
from models.store import Store, migrate, open_store
from tests.keyrings import MemoryKeyring

PATH = ("lead", "qualified", "demo", "proposal", "negotiation")
KINDS = ("meeting", "call", "email", "note", "demo")


def build(store: Store, accounts: int, deals: int, interactions: int, chunk: int = 5_000) -> None:
    rng = random.Random(3)
    now = store.clock.now()
    with store.write() as uow:
        s = uow.session
        stamp = {"created_at": now, "updated_at": now}
        ids = [new_id() for _ in range(accounts)]
        for start in range(0, accounts, chunk):
            s.execute(
                insert(Account),
                [
                    {
                        "id": a,
                        "name": f"Klien {i:06d}",
                        "tier": rng.choice("ABC"),
                        "status": "active",
                        "cadence_days": 30,
                        "last_contact_at": now - timedelta(days=rng.uniform(0, 200)),
                        **stamp,
                    }
                    for i, a in enumerate(ids[start : start + chunk], start)
                ],
            )
        deal_rows: list[dict[str, object]] = []
        moves: list[dict[str, object]] = []
        for i in range(deals):
            created = now - timedelta(days=rng.uniform(0, 548))
            deal_id = new_id()
            when, index, stage, closed = created, 0, "lead", None
            moves.append(
                {"id": new_id(), "deal_id": deal_id, "from_stage": None, "to_stage": "lead",
                 "changed_at": created, "created_at": created, "updated_at": created}
            )  # fmt: skip
            while True:
                when += timedelta(days=rng.uniform(3, 24))
                if when >= now:
                    break
                if rng.random() < 0.2:
                    new = "lost"
                elif index == len(PATH) - 1:
                    new = "won"
                else:
                    index += 2 if index < 3 and rng.random() < 0.1 else 1
                    new = PATH[index]
                moves.append(
                    {"id": new_id(), "deal_id": deal_id, "from_stage": stage, "to_stage": new,
                     "changed_at": when, "created_at": when, "updated_at": when}
                )  # fmt: skip
                stage = new
                if new in ("won", "lost"):
                    closed = when
                    break
            deal_rows.append(
                {
                    "id": deal_id,
                    "account_id": ids[rng.randrange(accounts)],
                    "title": f"Deal {i}",
                    "stage": stage,
                    "amount_minor": rng.choice((50, 120, 250, 500)) * 1_000_000,
                    "currency": "USD" if i % 9 == 0 else "IDR",
                    "probability": {"won": 100, "lost": 0}.get(stage, 10 + 15 * index),
                    "expected_close": (now + timedelta(days=rng.randint(-20, 120))).date(),
                    "closed_at": closed,
                    "created_at": created,
                    "updated_at": when if closed else created,
                }
            )
        for start in range(0, deals, chunk):
            s.execute(insert(Deal), deal_rows[start : start + chunk])
        for start in range(0, len(moves), chunk):
            s.execute(insert(DealStageChange), moves[start : start + chunk])
        for start in range(0, interactions, chunk):
            s.execute(
                insert(Interaction),
                [
                    {
                        "id": new_id(),
                        "account_id": ids[rng.randrange(accounts)],
                        "kind": rng.choice(KINDS),
                        "occurred_at": now - timedelta(minutes=rng.randint(0, 790_000)),
                        "subject": " ".join(rng.sample(WORDS, 3)),
                        "body": "",
                        **stamp,
                    }
                    for _ in range(start, min(start + chunk, interactions))
                ],
            )
        first = (now - timedelta(days=548)).date().replace(day=1)
        for m in range(22):
            month = (first + timedelta(days=31 * m)).replace(day=1)
            end = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            services.set_quota(uow, month, end, 300_000_000_000, "IDR")
        services.set_commission_plan(uow, currency="IDR", rate_bp=300, tiers=[[100, 500]])


FLOOR_SQL = (
    "SELECT currency, stage, count(*), sum(amount_minor) FROM deals "
    "WHERE deleted_at IS NULL GROUP BY currency, stage"
)


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def parts(store: Store, period: Period) -> dict[str, Callable[[], object]]:
    """Each part of ``compute`` alone, in its own read transaction."""
    zone = local_zone()
    t0, t1 = period.bounds(zone)
    now = store.clock.now()

    def run(fn: Callable[[Session], object]) -> Callable[[], object]:
        def go() -> object:
            with store.read() as s:
                return fn(s)

        return go

    return {
        "  part: closes by month": run(lambda s: closes_by_bucket(s, [t0, t1])),
        "  part: open pipeline": run(lambda s: pipeline(s, period)),
        "  part: funnel": run(lambda s: funnel(s, t0, t1)),
        "  part: activity": run(lambda s: activity(s, t0, t1, period.days)),
        "  part: going cold": run(lambda s: cold_by_tier(s, now)),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path)
    ap.add_argument("--accounts", type=int, default=100_000)
    ap.add_argument("--deals", type=int, default=50_000)
    ap.add_argument("--interactions", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--parts", action="store_true")
    args = ap.parse_args()
    keyring.set_keyring(MemoryKeyring())
    if args.db:
        store = Store(args.db, bench_key())
        migrate(store)
        print(f"read {args.db}")
    else:
        folder = Path(tempfile.mkdtemp(prefix="relasi-kpis-"))
        store = open_store(folder / "team.db")
        t = time.perf_counter()
        build(store, args.accounts, args.deals, args.interactions)
        print(
            f"built {args.accounts} clients, {args.deals} deals with histories, "
            f"{args.interactions} interactions in {time.perf_counter() - t:.0f} s"
        )
    today = today_local(store.clock.now())
    periods = {name: preset(name, today) for name in ("month", "quarter", "year")}
    scenarios: dict[str, Callable[[], object]] = {
        f"dashboard figures, this {name}": (lambda p=p: compute(store, p))
        for name, p in periods.items()
    }
    if args.parts:
        scenarios.update(parts(store, periods["year"]))

    def floor() -> None:
        with store.read() as s:
            s.execute(text(FLOOR_SQL)).all()

    scenarios["floor: one raw aggregate scan of deals"] = floor
    samples: dict[str, list[float]] = {name: [] for name in scenarios}
    for fn in scenarios.values():  # warm the page cache once
        fn()
    for _ in range(args.runs):  # alternating: every scenario sees the same machine load
        for name, fn in scenarios.items():
            t = time.perf_counter()
            fn()
            samples[name].append(time.perf_counter() - t)
    base = statistics.median(samples["floor: one raw aggregate scan of deals"]) * 1000
    print(f"{'operation':<44}{'median ms':>10}{'p95 ms':>10}{'x floor':>9}")
    for name, values in samples.items():
        ms = statistics.median(values) * 1000
        print(f"{name:<44}{ms:>10.1f}{p95(values) * 1000:>10.1f}{ms / base:>9.1f}")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
