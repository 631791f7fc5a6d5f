"""Benchmark: the competitor view's reads at team scale: what was heard about a
competitor named in a tenth of a million entries (first page, and a page deep in the
list), its won/lost record and the competitor list with counts, over 50,000 deals.

    python bench/competitors.py [--entries 1000000] [--deals 50000] [--runs 15] [--db PATH]

``--db`` keeps the generated database (made once, reused when it exists). Prints
medians (ms), each beside a floor measured in the same run, the runs alternating: the
same page as one raw ``SELECT`` on a raw SQLCipher connection (no ORM, no rows built).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring
from sqlalchemy import insert

from bench.generate import bench_key
from models.entities import (
    Account,
    Competitor,
    Deal,
    Interaction,
    deal_competitors,
    interaction_competitors,
    new_id,
)
from models.queries import competitors as q
from models.store import Store, migrate
from tests.keyrings import MemoryKeyring

NAMES = ("Acme", "Globex", "Initech", "Hooli", "Umbrella")
#: Share of entries that name each competitor (Acme: one in ten).
SHARE = (0.10, 0.03, 0.01, 0.005, 0.001)


def generate(store: Store, entries: int, deals: int, seed: int = 1) -> dict[str, str]:
    rng = random.Random(seed)
    now = datetime(2026, 11, 30, tzinfo=UTC)
    ts = {"created_at": now, "updated_at": now}
    with store.write() as uow:
        s = uow.session
        accounts = [new_id() for _ in range(2000)]
        s.execute(insert(Account), [{"id": a, "name": f"PT Klien {i}", **ts}
                                    for i, a in enumerate(accounts)])  # fmt: skip
        comp = {n: new_id() for n in NAMES}
        s.execute(insert(Competitor), [{"id": c, "name": n, "name_key": n.lower(), **ts}
                                       for n, c in comp.items()])  # fmt: skip
    done = 0
    while done < entries:  # transactions of 100,000: one huge one spills its WAL
        rows, links = [], []
        for _ in range(min(100_000, entries - done)):
            iid = new_id()
            at = now - timedelta(minutes=rng.randint(0, 540 * 24 * 60))
            named = [n for n, share in zip(NAMES, SHARE, strict=True) if rng.random() < share]
            rows.append({"id": iid, "account_id": rng.choice(accounts), "occurred_at": at,
                         "kind": "meeting", "subject": "Visit",
                         "body": f"Talked budget; {' and '.join(named)} came up" if named
                         else "Talked budget", **ts})  # fmt: skip
            links += [{"interaction_id": iid, "competitor_id": comp[n], "occurred_at": at,
                       "by_hand": False} for n in named]  # fmt: skip
        with store.write() as uow:
            uow.session.execute(insert(Interaction), rows)
            if links:
                uow.session.execute(insert(interaction_competitors), links)
        done += len(rows)
        print(f"  {done:,} entries", flush=True)
    with store.write() as uow:
        drows, dlinks = [], []
        for i in range(deals):
            did = new_id()
            stage = rng.choice(("lead", "proposal", "won", "lost", "lost"))
            drows.append({"id": did, "account_id": rng.choice(accounts), "title": f"Deal {i}",
                          "stage": stage, "amount_minor": rng.randint(1, 900) * 1_000_000,
                          "currency": "IDR", **ts})  # fmt: skip
            if rng.random() < 0.3:
                dlinks.append({"deal_id": did, "competitor_id": comp[rng.choice(NAMES[:3])],
                               "lost_to": stage == "lost"})  # fmt: skip
        uow.session.execute(insert(Deal), drows)
        uow.session.execute(insert(deal_competitors), dlinks)
    return comp


RAW_PAGE = """SELECT i.id, i.account_id, a.name, i.occurred_at, i.kind, i.subject,
    substr(i.body, 1, 240), l.by_hand
FROM interaction_competitors l JOIN interactions i ON i.id = l.interaction_id
JOIN accounts a ON a.id = i.account_id
WHERE l.competitor_id = ? AND i.deleted_at IS NULL AND a.deleted_at IS NULL {extra}
ORDER BY l.occurred_at DESC, l.interaction_id DESC LIMIT 50"""


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(fn: Any) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--deals", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    path = args.db or Path(tempfile.mkdtemp()) / "competitors.db"
    fresh = not path.exists()
    store = Store(path, bench_key())  # synthetic data: the benchmark's fixed key
    migrate(store)
    if fresh:
        t = time.perf_counter()
        generate(store, args.entries, args.deals)
        print(f"generated in {time.perf_counter() - t:.0f} s", flush=True)
    acme = next(r.id for r in q.competitors(store) if r.name == "Acme")
    deep = q.heard_about(store, acme, limit=5000)[-1]  # a page 100 pages down
    cursor = (deep.occurred_at, deep.interaction_id)
    raw_cursor = (deep.occurred_at.replace(tzinfo=None).isoformat(sep=" "), deep.interaction_id)

    import sqlcipher3

    raw = sqlcipher3.connect(str(path))
    raw.execute(f"PRAGMA key = \"x'{bench_key().hex()}'\"")
    first_sql = RAW_PAGE.format(extra="")
    deep_sql = RAW_PAGE.format(extra="AND (l.occurred_at, l.interaction_id) < (?, ?)")
    scenarios = {
        "heard, first page (50)": lambda: q.heard_about(store, acme, limit=50),
        "  floor: raw SELECT": lambda: raw.execute(first_sql, (acme,)).fetchall(),
        "heard, page 101 (keyset)": lambda: q.heard_about(store, acme, limit=50, before=cursor),
        "  floor: raw SELECT ": lambda: raw.execute(
            deep_sql, (acme, raw_cursor[0], raw_cursor[1])
        ).fetchall(),
        "won/lost record": lambda: q.record(store, acme),
        "competitor list with counts": lambda: q.competitors(store),
    }
    samples: dict[str, list[float]] = {k: [] for k in scenarios}
    for fn in scenarios.values():
        fn()  # warm the page cache once
    for _ in range(args.runs):  # alternating, so a busy moment hits all alike
        for label, fn in scenarios.items():
            samples[label].append(timed(fn))
    raw.close()
    store.close()
    print(f"{'operation':<32}{'median ms':>10}{'p95 ms':>10}")
    for label, values in samples.items():
        p95 = sorted(values)[int(len(values) * 0.95) - 1] * 1000
        print(f"{label:<32}{median_ms(values):>10.2f}{p95:>10.2f}")


if __name__ == "__main__":
    main()
