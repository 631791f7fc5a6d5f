"""Benchmark: the search while a word is typed, before and after the FTS5 prefix index
(migration 0019), on the same data, in the same run, alternating.

    .venv/bin/python bench/search_prefix.py --before DB_AT_0018 --after DB_AT_0019 [--runs 15]

Both files are the generated bench database (``bench/generate.py``, key ``bench_key``),
the second one migrated to 0019 (see bench/README or the README "Performance"). Each
typed text is searched (``models.queries.search.search``, 50 hits) on the database
without the prefix index, then on the one with it, then its floor on the latter (the
same FTS5 MATCH, newest first, LIMIT 50, joined to its documents, in raw SQL), ``--runs``
times in turn. Nothing is written to either file. Prints medians and p95 in ms.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlcipher3

from bench import floors, vocab
from bench.generate import bench_key
from bench.measure import percentile
from models.queries.search import search
from models.store import Store

#: What is typed: the start of common words, of a client's name, five letters (past
#: the prefix index), two letters (a word, not a prefix), common and rare whole words.
TYPED = ("pro", "meet", "kir", "propo", "pr", vocab.COMMON_WORD, vocab.RARE_WORD, "budi pro")


def raw(path: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cache_size = -65536")
    return conn


#: The CPU time (ms) of each timed call, by label: on a loaded machine the wall time
#: mostly measures waiting for a core; this process's CPU time much less so.
CPU: dict[str, list[float]] = {}


def timed_ms(work: object, label: str = "") -> float:
    started, cpu = time.perf_counter(), time.process_time()
    work()  # type: ignore[operator]
    CPU.setdefault(label, []).append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--before-code",
        type=Path,
        help="models/queries/search.py of the tree before (e.g. a git archive): the "
        "'before' column runs its search() instead of this tree's",
    )
    args = parser.parse_args()
    key = bench_key(args.seed)
    search_before = search
    if args.before_code:
        spec = importlib.util.spec_from_file_location("search_before", args.before_code)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        search_before = module.search
    before, after = Store(args.before, key), Store(args.after, key)
    floor_conn = raw(args.after, key)
    load = os.getloadavg()[0]
    print(f"{'typed':<12}{'hits':>5}{'before':>9}{'p95':>8}{'after':>9}{'p95':>8}"
          f"{'floor':>8}{'ratio':>7}{'cpu before':>11}{'cpu after':>10}")  # fmt: skip
    try:
        for typed in TYPED:
            a: list[float] = []
            b: list[float] = []
            f: list[float] = []
            hits = 0
            for _ in range(args.runs):
                a.append(timed_ms(lambda t=typed: search_before(before, t), f"before {typed}"))
                b.append(timed_ms(lambda t=typed: search(after, t), f"after {typed}"))
                f.append(timed_ms(lambda t=typed: floors.search_newest(floor_conn, t)))
            hits = len(search(after, typed))
            old_ids = [h.id for h in search_before(before, typed)]
            same = old_ids == [h.id for h in search(after, typed)]
            ma, mb, mf = (statistics.median(x) for x in (a, b, f))
            print(
                f"{typed!r:<12}{hits:>5}{ma:>9.1f}{percentile(a, 95):>8.1f}{mb:>9.1f}"
                f"{percentile(b, 95):>8.1f}{mf:>8.1f}{mb / mf if mf else 0:>7.1f}"
                f"{statistics.median(CPU[f'before {typed}']):>11.1f}"
                f"{statistics.median(CPU[f'after {typed}']):>10.1f}"
                + ("" if same else "  (hits differ)"),
                flush=True,
            )
    finally:
        floor_conn.close()
        before.engine.dispose()  # no checkpoint: nothing was written
        after.engine.dispose()
    print(
        f"medians and p95 of {args.runs} alternating runs, ms (cpu: this process's CPU time, "
        f"median); floor = the same MATCH newest first LIMIT 50 in raw SQL on the 'after' "
        f"file. Load {load:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
