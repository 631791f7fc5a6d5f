"""Benchmark: the cost of encryption. The performance-budget scenarios on an
SQLCipher database and on a plain SQLite copy of the same data, side by side.

Generates the ``laptop`` scale with ``bench/generate.py`` into an encrypted
database, makes a plaintext copy with ``sqlcipher_export`` (``KEY ''``), then
times on each: open (engine + first query), client filter query (first page of
a text filter), first timeline page of a busy client, save a note durably
(``synchronous=FULL`` commit), full-text search first 50 hits. Medians of
``--runs`` runs taken in turn (encrypted, plain, encrypted, ...), and the
ratio encrypted / plain (goal: within 1.3x).

    python bench/encryption_overhead.py [--runs 30]

Nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring
import sqlcipher3
from sqlalchemy import func, select

from bench.generate import SCALES, bench_key, generate
from models import services
from models.entities import Interaction
from models.queries import clients as client_queries
from models.queries import search
from models.queries import timeline as timeline_queries
from models.rows import ClientFilter
from models.store import Store
from models.vault.unlock import key_pragma
from tests.keyrings import MemoryKeyring


def plain_copy(encrypted: Path, key: bytes, target: Path) -> None:
    conn = sqlcipher3.connect(str(encrypted), isolation_level=None)
    conn.execute(key_pragma(key))
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    conn.execute("SELECT sqlcipher_export('plain')").fetchall()
    conn.execute("DETACH DATABASE plain")
    conn.close()


def open_plain(path: Path) -> Store:
    """A Store on a plaintext file: the same engine and pragmas, no key."""
    with mock.patch("models.store._key_pragma", lambda _key: "SELECT 1"):
        return Store(path, b"")


def paired_ms(fns: list[Callable[[], object]], runs: int) -> list[float]:
    """Median ms of each function, run in turn (a, b, a, b, ...) so that load on the
    machine falls on both sides alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, out in zip(fns, times, strict=True):
            started = time.perf_counter()
            fn()
            out.append(time.perf_counter() - started)
    return [statistics.median(t) * 1000 for t in times]


def scenarios(makers: list[Callable[[], Store]], runs: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}

    def opener(make: Callable[[], Store]) -> Callable[[], None]:
        def open_and_query() -> None:
            s = make()
            client_queries.client_count(s)
            s.engine.dispose()

        return open_and_query

    out["open (engine + first query)"] = paired_ms([opener(m) for m in makers], runs)
    stores = [m() for m in makers]
    try:
        with stores[0].read() as s:
            busy = s.execute(
                select(Interaction.account_id)
                .group_by(Interaction.account_id)
                .order_by(func.count().desc())
                .limit(1)
            ).scalar_one()
        flt = ClientFilter(text="ma")

        def saver(store: Store) -> Callable[[], None]:
            def save_note() -> None:
                with store.write() as uow:
                    services.add_interaction(uow, busy, subject="bench", body="a quick note")

            return save_note

        out["client filter, first page"] = paired_ms(
            [lambda st=st: client_queries.client_page(st, flt) for st in stores], runs
        )
        out["first timeline page"] = paired_ms(
            [lambda st=st: timeline_queries.timeline_page(st, busy) for st in stores], runs
        )
        out["save a note (durable)"] = paired_ms([saver(st) for st in stores], runs)
        out["full-text search, 50 hits"] = paired_ms(
            [lambda st=st: search.search(st, "meeting", limit=50) for st in stores], runs
        )
    finally:
        for st in stores:
            st.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--scale", default="laptop", choices=sorted(SCALES))
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        enc = Path(tmp) / "encrypted.db"
        generate(enc, SCALES[args.scale])
        key = bench_key()
        plain = Path(tmp) / "plain.db"
        plain_copy(enc, key, plain)
        timed = scenarios([lambda: Store(enc, key), lambda: open_plain(plain)], args.runs)
    print(f"{'scenario':<30}{'SQLCipher ms':>14}{'SQLite ms':>11}{'ratio':>8}")
    for name, (enc_ms, plain_ms) in timed.items():
        print(f"{name:<30}{enc_ms:>14.2f}{plain_ms:>11.2f}{enc_ms / plain_ms:>8.2f}")
    print(f"(scale {args.scale}, median of {args.runs} runs; goal: ratio within 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
