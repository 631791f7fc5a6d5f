"""Benchmark: the KPI dashboard's computation (models.metrics.kpis.compute) at team
scale, beside a floor measured in the same run.

    python bench/kpis.py [--accounts 100000] [--deals 50000] [--interactions 1000000] [--runs 15]

Builds a throw-away encrypted database: clients, deals created over 18 months with
stage histories (moves, skips, wins, losses, some reopened), activity of every kind,
monthly quotas and a commission plan. Then, alternating runs, times the dashboard's
figures for this month, this quarter and this year, and the floor: one raw SQL
aggregate scan of the deals table on the same connection pool (no ORM). Prints
medians in ms. Budget (DESIGN.md): 200 ms at team scale.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring
from sqlalchemy import insert, text

from bench.datagen import WORDS
from models import services
from models.entities import (
    Account,
    Deal,
    DealStageChange,
    Interaction,
    new_id,
)
from models.metrics.kpis import compute
from models.metrics.period import preset, today_local
from models.store import Store, open_store
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--accounts", type=int, default=100_000)
    ap.add_argument("--deals", type=int, default=50_000)
    ap.add_argument("--interactions", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    keyring.set_keyring(MemoryKeyring())
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
    samples: dict[str, list[float]] = {name: [] for name in [*periods, "floor"]}
    for period in periods.values():  # warm the page cache once
        compute(store, period)
    for _ in range(args.runs):  # alternating: every scenario sees the same machine load
        for name, period in periods.items():
            t = time.perf_counter()
            compute(store, period)
            samples[name].append(time.perf_counter() - t)
        with store.read() as s:
            t = time.perf_counter()
            s.execute(text(FLOOR_SQL)).all()
            samples["floor"].append(time.perf_counter() - t)
    floor = statistics.median(samples["floor"]) * 1000
    print(f"floor (one raw aggregate scan of the deals table): {floor:.1f} ms")
    for name in periods:
        ms = statistics.median(samples[name]) * 1000
        print(f"dashboard figures, this {name}: {ms:.1f} ms ({ms / floor:.1f}x floor)")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
