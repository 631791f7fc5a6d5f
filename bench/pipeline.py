"""Benchmark: the pipeline board's load, the deals list's first page and the client list
sorted by account health, at team scale (100,000 clients, 50,000 deals).

    QT_QPA_PLATFORM=offscreen python bench/pipeline.py [--accounts 100000] [--deals 50000]
        [--runs 15] [--db PATH]

``--db`` keeps the generated database (made once, reused when it exists). Prints
medians (ms), each beside a floor measured in the same run, the runs alternating:
the board beside one ``SELECT`` per column of the same cards in raw SQLite; the client
list's first page by name (each row computing its health) beside the same page without
health in raw SQLite; sorting by health (every client's score) beside both.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from sqlalchemy import insert, select

from bench.generate import Scale, bench_key, generate
from models.entities import (
    Account,
    Contact,
    Deal,
    DealStageChange,
    Interaction,
    interaction_contacts,
    new_id,
)
from models.queries import clients as client_queries
from models.queries import deals as deal_queries
from models.rows import ClientFilter
from models.store import Store
from tests.keyrings import MemoryKeyring

STAGES = ["lead", "qualified", "demo", "proposal", "negotiation", "won", "lost"]


def add_deals(store: Store, deals: int, seed: int = 2) -> None:
    """Deals with a stage history, and the people present at recent entries."""
    rng = random.Random(seed)
    now = store.clock.now()
    with store.write() as uow:
        s = uow.session
        accounts = list(s.scalars(select(Account.id)))
        by_account: dict[str, list[str]] = {}
        for cid, aid in s.execute(select(Contact.id, Contact.account_id)):
            by_account.setdefault(aid, []).append(cid)
        recent = s.execute(
            select(Interaction.id, Interaction.account_id).where(
                Interaction.occurred_at >= now - timedelta(days=90)
            )
        ).all()
        links = [
            {"interaction_id": iid, "contact_id": rng.choice(by_account[aid])}
            for iid, aid in recent
            if by_account.get(aid)
        ]
        if links:
            # the generator links some already: those stay as they are
            s.execute(insert(interaction_contacts).prefix_with("OR IGNORE"), links)
        rows, changes = [], []
        for i in range(deals):
            stage = rng.choice(STAGES)
            created = now - timedelta(days=rng.randint(1, 540))
            moved = created + timedelta(days=rng.randint(0, max(0, (now - created).days)))
            did = new_id()
            rows.append(
                {
                    "id": did,
                    "account_id": rng.choice(accounts),
                    "title": f"Deal {i:06d}",
                    "stage": stage,
                    "amount_minor": rng.randint(1, 5000) * 100_000,
                    "currency": rng.choice(["IDR", "IDR", "IDR", "USD"]),
                    "probability": rng.choice([10, 25, 50, 75, 90]),
                    "expected_close": (now + timedelta(days=rng.randint(-60, 180))).date(),
                    "closed_at": moved if stage in ("won", "lost") else None,
                    "created_at": created,
                    "updated_at": moved,
                }
            )
            changes.append(
                {
                    "id": new_id(),
                    "deal_id": did,
                    "from_stage": None,
                    "to_stage": "lead",
                    "changed_at": created,
                    "created_at": created,
                    "updated_at": created,
                }
            )
            if stage != "lead":
                changes.append(
                    {
                        "id": new_id(),
                        "deal_id": did,
                        "from_stage": "lead",
                        "to_stage": stage,
                        "changed_at": moved,
                        "created_at": moved,
                        "updated_at": moved,
                    }
                )
        s.execute(insert(Deal), rows)
        s.execute(insert(DealStageChange), changes)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(fn: object) -> float:
    t = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - t


def raw_board_floor(conn: Any) -> None:
    """One SELECT per column of the same cards in raw SQLite (no ORM, no Qt)."""
    for stage in STAGES:
        conn.execute(
            "SELECT d.id, a.name, d.title, d.amount_minor, d.currency, d.expected_close "
            "FROM deals d JOIN accounts a ON a.id = d.account_id WHERE d.stage = ? "
            "AND d.deleted_at IS NULL ORDER BY coalesce(d.expected_close, '9999-12-31'), d.id "
            "LIMIT 100",
            (stage,),
        ).fetchall()
    conn.execute(
        "SELECT stage, currency, count(*), sum(amount_minor) FROM deals "
        "WHERE deleted_at IS NULL GROUP BY stage, currency"
    ).fetchall()


def raw_name_page(conn: Any) -> None:
    """The client list's first page by name in raw SQLite, without the health columns."""
    conn.execute(
        "SELECT id, name, tier, status, last_contact_at, next_followup_at FROM accounts "
        "WHERE deleted_at IS NULL ORDER BY name, id LIMIT 100"
    ).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--deals", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    path = args.db or Path(tempfile.mkdtemp()) / "team.db"
    fresh = not path.exists()
    if fresh:
        t = time.perf_counter()
        # bench/generate.py's bulk path (its own transactions), then the deals.
        generate(
            path, Scale(args.accounts, args.accounts * 4, args.accounts * 10, args.accounts, 0)
        )
    key = bench_key()
    store = Store(path, key)
    if fresh:
        add_deals(store, args.deals)
        print(f"generated in {time.perf_counter() - t:.0f} s", flush=True)

    import sqlcipher3
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.pipeline.board import PipelineBoard
    from ui.settings import Settings

    raw = sqlcipher3.connect(str(path))
    raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    app = QApplication.instance() or QApplication([])
    ini = path.with_name("bench-settings.ini")
    board = PipelineBoard(store, settings=Settings(QSettings(str(ini), QSettings.Format.IniFormat)))
    board.resize(1600, 900)
    board.show()
    app.processEvents()
    samples: dict[str, list[float]] = {
        k: [] for k in ("board", "floor", "health", "name", "raw_name")
    }

    def load_board() -> None:
        board.reload()
        app.processEvents()

    health_sort = ClientFilter(sort="health")
    for _ in range(args.runs):  # alternating, so a busy moment hits both alike
        samples["board"].append(timed(load_board))
        samples["floor"].append(timed(lambda: raw_board_floor(raw)))
        samples["health"].append(timed(lambda: client_queries.client_page(store, health_sort)))
        samples["name"].append(timed(lambda: client_queries.client_page(store, ClientFilter())))
        samples["raw_name"].append(timed(lambda: raw_name_page(raw)))
    deals_page = {
        sort: [
            timed(
                lambda sort=sort: deal_queries.deal_list_page(
                    store, deal_queries.DealListFilter(sort=sort)
                )
            )
            for _ in range(5)
        ]
        for sort in deal_queries.LIST_SORTS
    }
    board.close()
    raw.close()
    store.close()
    rows = [
        ("board: 7 columns + totals, painted", samples["board"]),
        ("  floor: the same reads in raw SQLite", samples["floor"]),
        ("client list by name (with health), page 1", samples["name"]),
        ("  floor: by name, no health, raw SQLite", samples["raw_name"]),
        ("client list sorted by health, page 1", samples["health"]),
    ]
    rows += [(f"deals list by {sort}, page 1", values) for sort, values in deals_page.items()]
    print(f"{'operation':<44}{'median ms':>10}")
    for label, values in rows:
        print(f"{label:<44}{median_ms(values):>10.1f}")


if __name__ == "__main__":
    main()
