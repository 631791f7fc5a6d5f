"""Benchmark: full-text search (models.queries.search) at team scale, beside its floor.

    .venv/bin/python bench/search.py [--notes 1000000] [--runs 41] [--fresh]

Builds (or reuses, cached under /tmp/relasi-bench-search/) an encrypted database with
100,000 clients, 400,000 contacts, ``--notes`` realistic notes (English and Indonesian),
100,000 follow-ups and 50,000 deals through the services' bulk path
(:mod:`bench.search_data`), opens a copy (so a schema migration runs on it and is
timed), then measures common and rare words, prefixes and several words: each query
``--runs`` times, alternating with its floor (the same FTS5 MATCH with LIMIT 50 in raw
sqlite3 on the same file: no ranking choice, no snippets, no joins). Prints medians and
p95 in ms. Budget (DESIGN.md): 50 ms for the first 50 hits.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring

from bench import search_data
from models.queries.search import fts_query, search
from models.store import Store, open_store
from models.vault import keys
from tests.keyrings import MemoryKeyring

#: (label, the text a user types)
QUERIES = [
    ("common word", "meeting"),
    ("common word (id)", "rapat"),
    ("common prefix", "meet"),
    ("two letters", "pr"),
    ("three-letter prefix", "pro"),
    ("two common words", "proposal revisi"),
    ("rare word", search_data.RARE),
    ("client name", "globex"),
    ("no hit", "qwertyuiop"),
]


#: What the palette (Ctrl+K) searches as you type: contacts and deals only.
PALETTE = ["budi", "meeting", "enterprise"]


def open_bench(path: Path) -> Store:
    """Open (or create) ``path`` with the bench's fixed key in an in-memory keyring."""
    keyring.set_keyring(MemoryKeyring())
    if path.exists():
        keys.store_key(path, search_data.KEY)
    else:
        keys.new_key = lambda: search_data.KEY  # type: ignore[assignment]
    return open_store(path)


def build(notes: int, fresh: bool) -> Path:
    path = search_data.cached_path(notes)
    if fresh and path.exists():
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
    if path.exists():
        return path
    print(f"building {path} ...", flush=True)
    building = path.with_suffix(".building")
    for leftover in path.parent.glob(building.name + "*"):
        leftover.unlink()
    store = open_bench(building)
    scale = notes / 1_000_000
    search_data.generate(
        store,
        accounts=max(100, int(100_000 * scale)),
        contacts=max(400, int(400_000 * scale)),
        notes=notes,
        followups=max(100, int(100_000 * scale)),
        deals=max(50, int(50_000 * scale)),
    )
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    os.replace(building, path)
    return path


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


#: The query before issue 13 (snippets and joins for every match, then rank and LIMIT).
BEFORE = """SELECT d.kind, d.ref_id, snippet(search_fts, 1, '[', ']', '…', 12), search_fts.rank
    FROM search_fts JOIN search_docs d ON d.docid = search_fts.rowid
    LEFT JOIN accounts a ON a.id = d.account_id
    LEFT JOIN interactions i ON d.kind = 'interaction' AND i.id = d.ref_id
    LEFT JOIN contacts c ON d.kind = 'contact' AND c.id = d.ref_id
    WHERE search_fts MATCH ? AND (d.account_id IS NULL OR a.deleted_at IS NULL)
      AND i.deleted_at IS NULL AND c.deleted_at IS NULL
    ORDER BY search_fts.rank LIMIT 50"""
#: The floor: the same MATCH, LIMIT 50, nothing else.
FLOOR = "SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 50"
#: bm25 over every match in the FTS table alone (what ranking everything costs).
RANK_ALL = "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 50"


def raw_connection(path: Path) -> Any:
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{search_data.KEY.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return (time.perf_counter() - started) * 1000, result


def measure(store: Store, path: Path, runs: int, with_before: bool) -> list[list[str]]:
    conn = raw_connection(path)
    emails, phones = conn.execute(
        "SELECT emails, phones FROM contacts WHERE phones != '[]' LIMIT 1 OFFSET 777"
    ).fetchone()
    phone = json.loads(phones)[0]  # +628123456789: typed as 0812 3456 789
    national = "0" + phone[3:]
    typed_phone = f"{national[:4]} {national[4:8]} {national[8:]}"

    def raw(sql: str, query: str) -> list[Any]:
        return list(conn.execute(sql, (query,)).fetchall())

    queries = [*QUERIES, ("contact e-mail", json.loads(emails)[0]), ("phone", typed_phone)]
    queries += [(f"palette: {typed}", typed) for typed in PALETTE]
    table = []
    for label, typed in queries:
        kinds = ("contact", "deal") if label.startswith("palette") else ()
        query = fts_query(typed)
        assert query is not None
        app: list[float] = []
        floor: list[float] = []
        rank_all: list[float] = []
        before: list[float] = []
        hits = 0
        for run in range(runs):  # alternating: the app's search, then its floor
            ms, found = timed(partial(search, store, typed, limit=50, kinds=kinds))
            app.append(ms)
            hits = len(found)
            floor.append(timed(partial(raw, FLOOR, query))[0])
            if run < 5:  # slow ones: a few runs are enough to show them
                rank_all.append(timed(partial(raw, RANK_ALL, query))[0])
                if with_before:
                    before.append(timed(partial(raw, BEFORE, query))[0])
        total = conn.execute(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", (query,)
        ).fetchone()[0]
        table.append(
            [
                label,
                repr(typed),
                f"{total:,}",
                str(hits),
                f"{statistics.median(app):.1f}",
                f"{p95(app):.1f}",
                f"{statistics.median(floor):.1f}",
                f"{p95(floor):.1f}",
                f"{statistics.median(rank_all):.1f}",
                f"{statistics.median(before):.1f}" if before else "-",
            ]
        )
        print("  " + " | ".join(table[-1]), flush=True)
    conn.close()
    return table


HEADER = [
    "query",
    "typed",
    "matches",
    "hits",
    "search ms",
    "p95",
    "floor ms",
    "p95",
    "rank-all ms",
    "before ms",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=41)
    parser.add_argument("--fresh", action="store_true", help="build the database again")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--no-before", action="store_true", help="skip the old query")
    parser.add_argument(
        "--reuse-work", action="store_true", help="measure the copy the last run migrated"
    )
    args = parser.parse_args()
    cached = build(args.notes, args.fresh)
    if args.build_only:
        return
    work = cached.with_name("work-" + cached.name)
    if not (args.reuse_work and work.exists()):
        for leftover in work.parent.glob(work.name + "*"):
            leftover.unlink()
        shutil.copyfile(cached, work)
    started = time.perf_counter()
    store = open_bench(work)  # runs any pending migration
    print(f"open (with any migration): {time.perf_counter() - started:.1f} s", flush=True)
    table = measure(store, work, args.runs, with_before=not args.no_before)
    store.close()
    widths = [max(len(r[i]) for r in [HEADER, *table]) for i in range(len(HEADER))]
    print()
    print("| " + " | ".join(h.ljust(w) for h, w in zip(HEADER, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in table:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    print(
        f"\n{args.notes:,} notes; medians and p95 of {args.runs} alternating runs (rank-all and"
        " before: 5 runs). floor = the same MATCH as typed (the last word a prefix) with"
        " LIMIT 50 in raw SQLite on the same file (the search may run the word without its"
        " prefix: then below the floor);"
        " rank-all = ORDER BY rank LIMIT 50 over the FTS table alone; before = the query"
        " before issue 13. Load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    )


if __name__ == "__main__":
    main()
