"""The client filter's reads alone (no window): the first page and the capped count of
filter texts of every kind (one letter, rare, common, very common), best of ``--runs``,
on a generated database.

    python bench/client_filter.py --db PATH [--seed 1] [--runs 3] [TEXT ...]

The key is the generator's (``bench.generate.bench_key``). Nothing here is asserted in
tests; it shows which path of ``models.queries.clients`` answers each text and what it
costs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import bench_key
from models.queries import clients as client_queries
from models.rows import ClientFilter
from models.store import Store

TEXTS = ["m", "ma", "maj", "bud", "nus", "glob", "pt s", "pt su", "ana", "sar", "ind", "zzq"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("texts", nargs="*", default=TEXTS)
    args = parser.parse_args(argv)
    store = Store(args.db, bench_key(args.seed))
    try:
        for text in args.texts:
            flt = ClientFilter(text=text)
            pages, counts, found, total = [], [], 0, 0
            for _ in range(args.runs):
                started = time.perf_counter()
                rows, _cursor = client_queries.client_page(store, flt)
                middle = time.perf_counter()
                total = client_queries.client_count(store, flt, cap=client_queries.COUNT_CAP)
                pages.append(middle - started)
                counts.append(time.perf_counter() - middle)
                found = len(rows)
            print(
                f"{text!r:10} page {min(pages) * 1000:7.1f} ms  count {min(counts) * 1000:7.1f} ms"
                f"  rows {found}  count {total}"
            )
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
