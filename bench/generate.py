"""A realistic, encrypted benchmark database at the DESIGN.md scales.

    python bench/generate.py --scale tiny|laptop|team --db PATH [--seed 1] [--force] [--profile]

Skewed like a real book of business (Zipf-like: a few clients with thousands of
timeline entries, a long tail with a handful), notes of real length in English and
Indonesian, follow-ups around today (done, overdue, today, upcoming, snoozed), deals
with stage histories across 18 months, tags, and about 1% of every kind in Trash.

Rows go in through the services' bulk insert (``models.services.bulk.insert_rows``)
inside units of work (``store.write()``), so the schema's triggers keep the search
index, the client filter index, last contact and next follow-up current, as in use.
New contacts are indexed set-wise as the importer does, and so are new timeline entries
(their search documents and their clients' last contact, once per batch of 100,000
rather than per row, with the statements of ``models.search_docs``): the result is the
same as the per-row triggers' (a test compares them), in less than half the time.

The database is encrypted with :func:`bench_key` (derived from the seed), which the
benchmark knows; nothing is written to a keyring unless ``--store-key`` is given (then
``python main.py --db PATH`` can open it). Deterministic for a seed and a day: the
dates are relative to today (UTC midnight). Prints what it wrote and how long each
table took, as one JSON object.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Table, text

from bench import vocab
from models.entities import (
    DEFAULT_CADENCE,
    Account,
    Contact,
    Deal,
    DealStageChange,
    FollowUp,
    Interaction,
    Tag,
    Tier,
    account_tags,
    interaction_contacts,
)
from models.queries.followups import all_day_value
from models.search_docs import CONTACTS, DOCS, REFRESH_CLIENTS_OF_NEW_CONTACTS, index_new_rows
from models.services.bulk import insert_rows
from models.store import Store, migrate

#: Rows per executemany, and per transaction.
CHUNK = 5_000
PER_TRANSACTION = 100_000
#: Page cache of the generating connection (KiB): fewer spills of encrypted pages.
CACHE_KIB = 256 * 1024


@dataclass(frozen=True)
class Scale:
    accounts: int
    contacts: int
    interactions: int
    followups: int
    deals: int


SCALES = {
    "tiny": Scale(200, 800, 5_000, 500, 150),
    "laptop": Scale(2_000, 8_000, 50_000, 5_000, 1_500),
    "team": Scale(100_000, 400_000, 1_000_000, 100_000, 50_000),
}

KINDS = ["meeting"] * 5 + ["call"] * 5 + ["email"] * 6 + ["note"] * 4 + [
    "demo", "proposal", "contract", "gift", "other"]  # fmt: skip
DEAL_TITLES = ["Renewal", "Perluasan", "New licences", "Pilot", "Implementasi"]
STAGES = ["lead", "qualified", "demo", "proposal", "negotiation"]
#: Zipf exponent of entries per client: at team scale the busiest client has about
#: 4,000 entries, the 100th about 250, the last ones a few.
SKEW = 0.6


def bench_key(seed: int = 1) -> bytes:
    """The raw 256-bit key of the benchmark database made with ``seed``."""
    return hashlib.sha256(f"relasi-bench-key-{seed}".encode()).digest()


def today() -> datetime:
    """Midnight UTC today: the generated dates are relative to it."""
    now = datetime.now(UTC)
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


class Gen:
    """The random choices of one database (one seeded generator, one reference day)."""

    def __init__(self, scale: Scale, seed: int, day: datetime) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self.day = day
        self.now = day + timedelta(hours=9)

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def weights(self, n: int, skew: float) -> list[float]:
        """Cumulative Zipf weights over ``n`` items in a shuffled order (the busiest
        clients are not the first in the alphabet)."""
        w = [1.0 / (i + 1) ** skew for i in range(n)]
        self.rng.shuffle(w)
        return list(accumulate(w))

    def deleted(self, when: datetime) -> datetime | None:
        """About 1% of rows are in Trash, moved there in the last 20 days (so that no
        opening purges them: the data stays the same from run to run)."""
        if self.rng.random() < 0.01:
            return max(when, self.now - timedelta(minutes=self.rng.randint(0, 20 * 1440)))
        return None

    def past(self, days: int) -> datetime:
        return self.now - timedelta(minutes=self.rng.randint(0, days * 1440))


def accounts(g: Gen) -> tuple[list[dict[str, Any]], list[str]]:
    rng = g.rng
    rows, ids = [], []
    for i in range(g.scale.accounts):
        tier = rng.choices("ABC", weights=(1, 3, 6))[0]
        created = g.past(900)
        id_ = g.uid()
        ids.append(id_)
        rows.append(
            {
                "id": id_,
                "name": vocab.company(rng, i),
                "industry": rng.choice(vocab.INDUSTRIES),
                "tier": tier,
                "status": rng.choices(
                    ["active", "prospect", "dormant", "lost"], weights=(12, 5, 2, 1)
                )[0],
                "website": f"https://www.klien{i:06d}.example",
                "phone": f"+6221{rng.randint(1000000, 9999999)}",
                "address": f"Jl. {rng.choice(vocab.ID_WORDS)} No. {rng.randint(1, 200)}, "
                f"{rng.choice(vocab.CITIES)}",
                "notes": vocab.note(rng, rng.random() < 0.6, 1) if rng.random() < 0.3 else "",
                "cadence_days": DEFAULT_CADENCE[Tier(tier)],
                "last_contact_at": None,
                "next_followup_at": None,
                "created_at": created,
                "updated_at": created,
                "deleted_at": g.deleted(created),
            }
        )
    return rows, ids


def contacts(g: Gen, account_ids: list[str]) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    rng = g.rng
    cum = g.weights(len(account_ids), SKEW * 0.7)
    owners = rng.choices(account_ids, cum_weights=cum, k=g.scale.contacts)
    rows, by_account = [], {}
    for i, owner in enumerate(owners):
        name = vocab.person(rng)
        created = g.past(800)
        id_ = g.uid()
        by_account.setdefault(owner, []).append(id_)
        first = name.split()[0].lower()
        rows.append(
            {
                "id": id_,
                "account_id": owner,
                "name": name,
                "title": rng.choice(vocab.TITLES),
                "emails": [f"{first}.{i}@klien.example"],
                "phones": [f"+62812{rng.randint(10000000, 99999999)}"]
                if rng.random() < 0.7
                else [],
                "linkedin_url": "",
                "birthday": date(rng.randint(1960, 2000), rng.randint(1, 12), rng.randint(1, 28))
                if rng.random() < 0.2
                else None,
                "notes": "",
                "created_at": created,
                "updated_at": created,
                "deleted_at": g.deleted(created),
            }
        )
    return rows, by_account


def interactions(
    g: Gen, account_ids: list[str], people: dict[str, list[str]], links: list[dict[str, str]]
) -> Iterator[dict[str, Any]]:
    """Timeline entries over 18 months, Zipf-skewed over the clients, in batches."""
    rng = g.rng
    cum = g.weights(len(account_ids), SKEW)
    for start in range(0, g.scale.interactions, CHUNK):
        n = min(CHUNK, g.scale.interactions - start)
        for owner in rng.choices(account_ids, cum_weights=cum, k=n):
            indonesian = rng.random() < 0.6
            kind = rng.choice(KINDS)
            at = g.past(540)
            id_ = g.uid()
            present = people.get(owner)
            if present and rng.random() < 0.4:
                links.append({"interaction_id": id_, "contact_id": rng.choice(present)})
            gift = kind == "gift"
            yield {
                "id": id_,
                "account_id": owner,
                "kind": kind,
                "occurred_at": at,
                "subject": rng.choice(vocab.ID_SUBJECTS if indonesian else vocab.EN_SUBJECTS),
                # Mostly a few sentences, sometimes a long meeting report.
                "body": vocab.note(rng, indonesian, min(12, 1 + int(rng.expovariate(0.35)))),
                "body_format": "markdown",
                "location": rng.choice(vocab.CITIES) if kind == "meeting" else "",
                "duration_minutes": rng.choice([15, 30, 45, 60, 90]) if kind != "email" else None,
                "outcome": rng.choice(vocab.OUTCOMES),
                "gift_value_minor": rng.randint(100_000, 1_500_000) * 100 if gift else None,
                "gift_currency": "IDR" if gift else None,
                "amount_minor": None,
                "amount_currency": None,
                "created_at": at,
                "updated_at": at,
                "deleted_at": g.deleted(at),
            }


def followups(g: Gen, account_ids: list[str]) -> list[dict[str, Any]]:
    """Done, overdue, due today, upcoming and snoozed, around today."""
    rng = g.rng
    cum = g.weights(len(account_ids), SKEW * 0.8)
    rows = []
    for owner in rng.choices(account_ids, cum_weights=cum, k=g.scale.followups):
        state = rng.choices(
            ["done", "overdue", "today", "upcoming", "snoozed"], weights=(40, 15, 5, 35, 5)
        )[0]
        offset = {
            "done": -rng.randint(0, 180),
            "overdue": -rng.randint(1, 30),
            "today": 0,
            "upcoming": rng.randint(1, 90),
            "snoozed": -rng.randint(0, 5),
        }[state]
        all_day = rng.random() < 0.6
        day = (g.day + timedelta(days=offset)).date()
        due = (
            all_day_value(day)
            if all_day
            else g.day + timedelta(days=offset, hours=rng.randint(1, 10))
        )
        created = due - timedelta(days=rng.randint(1, 30))
        done_at = due + timedelta(hours=rng.randint(0, 72)) if state == "done" else None
        if done_at is not None and done_at > g.now:
            done_at = g.now - timedelta(hours=1)
        indonesian = rng.random() < 0.6
        rows.append(
            {
                "id": g.uid(),
                "account_id": owner,
                "interaction_id": None,
                "title": rng.choice(vocab.ID_FOLLOWUPS if indonesian else vocab.EN_FOLLOWUPS),
                "due_at": due,
                "all_day": all_day,
                "priority": rng.choices([0, 1, 2], weights=(2, 6, 2))[0],
                "done_at": done_at,
                "snoozed_until": g.now + timedelta(days=rng.randint(1, 14))
                if state == "snoozed"
                else None,
                "notes": "",
                "contact_id": None,
                "created_at": created,
                "updated_at": done_at or created,
                "deleted_at": g.deleted(created),
            }
        )
    return rows


def deals(g: Gen, account_ids: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Deals opened over the last 18 months, each with its stage moves."""
    rng = g.rng
    cum = g.weights(len(account_ids), SKEW * 0.8)
    rows, moves = [], []
    for owner in rng.choices(account_ids, cum_weights=cum, k=g.scale.deals):
        id_ = g.uid()
        opened = g.past(540)
        at, stage, previous = opened, "lead", None
        history = [(None, "lead", opened)]
        closed_at = None
        for nxt in [*STAGES[1:], "won"]:
            step = timedelta(days=rng.randint(3, 40))
            if at + step > g.now or rng.random() < 0.25:
                break
            at += step
            if rng.random() < 0.15:
                nxt = "lost"
            history.append((stage, nxt, at))
            stage = nxt
            if nxt in ("won", "lost"):
                closed_at = at
                break
        for previous, to, when in history:
            moves.append(
                {
                    "id": g.uid(),
                    "deal_id": id_,
                    "from_stage": previous,
                    "to_stage": to,
                    "changed_at": when,
                    "created_at": when,
                    "updated_at": when,
                    "deleted_at": None,
                }
            )
        probability = {"lead": 10, "qualified": 25, "demo": 40, "proposal": 60,
                       "negotiation": 80, "won": 100, "lost": 0}[stage]  # fmt: skip
        rows.append(
            {
                "id": id_,
                "account_id": owner,
                "title": f"{rng.choice(DEAL_TITLES)} {opened.year}",
                "stage": stage,
                "amount_minor": rng.randint(5, 2_000) * 1_000_000 * 100,
                "currency": "IDR" if rng.random() < 0.85 else "USD",
                "probability": probability,
                "expected_close": (opened + timedelta(days=rng.randint(30, 200))).date(),
                "closed_at": closed_at,
                "lost_reason": rng.choice(["price", "harga", "competitor", "timing"])
                if stage == "lost"
                else "",
                "notes": "",
                "contact_id": None,
                "created_at": opened,
                "updated_at": at,
                "deleted_at": g.deleted(opened),
            }
        )
    return rows, moves


def _table(entity: Any) -> Table:
    table: Table = entity.__table__
    return table


class Writer:
    """Rows into the store through the bulk path, timed per table."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.seconds: dict[str, float] = {}

    def write(
        self,
        name: str,
        table: Table,
        rows: Iterator[dict[str, Any]] | list[dict[str, Any]],
        around: Callable[[Any, str], None] | None = None,
    ) -> int:
        started = time.perf_counter()
        count = 0
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= PER_TRANSACTION:
                count += self._commit(table, batch, around)
                batch = []
        if batch:
            count += self._commit(table, batch, around)
        self.seconds[name] = round(time.perf_counter() - started, 2)
        return count

    def _commit(
        self, table: Table, rows: list[dict[str, Any]], around: Callable[[Any, str], None] | None
    ) -> int:
        with self.store.write() as uow:
            uow.session.execute(text(f"PRAGMA cache_size = -{CACHE_KIB}"))
            if around:
                around(uow, "before")
            insert_rows(uow, table, rows, CHUNK)
            if around:
                around(uow, "after")
        return len(rows)


def _deferred_contact_index() -> Callable[[Any, str], None]:
    """Index new contacts set-wise after the insert, as the importer's bulk write does
    (the per-row triggers wait while index_deferral holds a token)."""
    state: dict[str, Any] = {}

    def around(uow: Any, when: str) -> None:
        s = uow.session
        if when == "before":
            state["last"] = s.execute(text("SELECT coalesce(max(rowid), 0) FROM contacts")).scalar()
            s.execute(text("INSERT INTO index_deferral(token) VALUES ('bench')"))
            return
        for statement in (*index_new_rows(CONTACTS), REFRESH_CLIENTS_OF_NEW_CONTACTS):
            s.execute(text(statement), {"last": state["last"]})
        s.execute(text("DELETE FROM index_deferral WHERE token = 'bench'"))

    return around


_LAST_CONTACT = """UPDATE accounts SET last_contact_at = (
    SELECT max(occurred_at) FROM interactions
    WHERE account_id = accounts.id AND deleted_at IS NULL)
WHERE id IN (SELECT account_id FROM interactions WHERE rowid > :last)"""


def _setwise_entries() -> Callable[[Any, str], None]:
    """Index a batch of new entries and update their clients' last contact once per
    batch, set-wise, instead of per row: within the batch's transaction the two insert
    triggers are dropped, the rows go in, the search documents are made with the live
    definition's own statements (``models.search_docs.index_new_rows``, in rowid order,
    so they get the docids the trigger would have given) and last contact is set as the
    trigger sets it; then the triggers are created again from their stored SQL, so the
    schema is exactly what the migrations made. Less than half the time of the per-row
    triggers (a test checks the result is the same)."""
    state: dict[str, Any] = {}

    def around(uow: Any, when: str) -> None:
        s = uow.session
        if when == "before":
            state["last"] = s.execute(
                text("SELECT coalesce(max(rowid), 0) FROM interactions")
            ).scalar()
            state["sql"] = dict(
                s.execute(
                    text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                         "('interactions_fts_ai', 'interactions_last_contact_ai')")
                ).all()
            )  # fmt: skip
            for name in state["sql"]:
                s.execute(text(f"DROP TRIGGER {name}"))
            return
        if "interactions_fts_ai" in state["sql"]:
            entries = next(d for d in DOCS if d.table == "interactions")
            for statement in index_new_rows(entries):
                s.execute(text(statement), {"last": state["last"]})
        if "interactions_last_contact_ai" in state["sql"]:
            s.execute(text(_LAST_CONTACT), {"last": state["last"]})
        for sql in state["sql"].values():
            s.execute(text(sql))

    return around


def generate(
    path: Path,
    scale: Scale,
    *,
    seed: int = 1,
    day: datetime | None = None,
    setwise: bool = True,
) -> dict[str, Any]:
    """Write a new database at ``path`` (which must not exist); returns counts and
    seconds per table."""
    if path.exists():
        raise FileExistsError(f"{path} exists")
    started, cpu = time.perf_counter(), time.process_time()
    store = Store(path, bench_key(seed))
    try:
        migrate(store)
        g = Gen(scale, seed, day or today())
        w = Writer(store)
        counts: dict[str, int] = {}
        account_rows, account_ids = accounts(g)
        counts["accounts"] = w.write("accounts", _table(Account), account_rows)
        del account_rows
        tags = [{"id": g.uid(), "name": t, "created_at": g.now, "updated_at": g.now,
                 "deleted_at": None} for t in vocab.TAGS]  # fmt: skip
        w.write("tags", _table(Tag), tags)
        tagged = [
            {"account_id": a, "tag_id": g.rng.choice(tags)["id"]}
            for a in account_ids
            if g.rng.random() < 0.1
        ]
        w.write("account_tags", account_tags, tagged)
        contact_rows, people = contacts(g, account_ids)
        counts["contacts"] = w.write(
            "contacts", _table(Contact), contact_rows, _deferred_contact_index()
        )
        del contact_rows
        links: list[dict[str, str]] = []
        counts["interactions"] = w.write(
            "interactions",
            _table(Interaction),
            interactions(g, account_ids, people, links),
            _setwise_entries() if setwise else None,
        )
        w.write("interaction_contacts", interaction_contacts, links)
        counts["followups"] = w.write("followups", _table(FollowUp), followups(g, account_ids))
        deal_rows, moves = deals(g, account_ids)
        counts["deals"] = w.write("deals", _table(Deal), deal_rows)
        counts["deal_stage_changes"] = w.write("deal_stage_changes", _table(DealStageChange), moves)
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA optimize")
    finally:
        store.close()
    return {
        "db": str(path),
        "seed": seed,
        "day": (day or today()).date().isoformat(),
        "counts": counts,
        "seconds": w.seconds,
        "total_seconds": round(time.perf_counter() - started, 1),
        "cpu_seconds": round(time.process_time() - cpu, 1),
        "bytes": path.stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="laptop")
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument(
        "--store-key",
        action="store_true",
        help="put the key in the keyring, so that 'python main.py --db PATH' opens it",
    )
    parser.add_argument(
        "--profile", action="store_true", help="print where the time went (cProfile) on stderr"
    )
    args = parser.parse_args(argv)
    path = args.db.absolute()
    if args.force:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        summary = profiler.runcall(generate, path, SCALES[args.scale], seed=args.seed)
        stats = pstats.Stats(profiler, stream=sys.stderr)
        stats.sort_stats("tottime").print_stats(15)
    else:
        summary = generate(path, SCALES[args.scale], seed=args.seed)
    if args.store_key:
        from models.vault import keys

        keys.store_key(path, bench_key(args.seed))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
