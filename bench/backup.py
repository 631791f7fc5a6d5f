"""Benchmark: a verified, encrypted backup of the demo and the 50,000-interaction databases.

Builds both databases once in a temporary folder (demo: ``models.demo.fill_demo``;
50,000 interactions: ``bench/generate.py`` at the ``laptop`` scale), then times
``models.vault.backup.backup_store`` (online backup API in steps of 256 pages, fsync,
quick_check and row counts of the copy) ``--runs`` times each, plus
``open_with_safety`` (quick_check and Trash purge at open). Prints medians.

    python bench/backup.py [--runs 5]

Nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring

from bench.generate import SCALES, bench_key, generate
from models.demo import fill_demo
from models.store import open_store
from models.vault import keys
from models.vault.backup import backup_store
from models.vault.safe_open import open_with_safety
from tests.keyrings import MemoryKeyring


def build(folder: Path, which: str) -> Path:
    path = folder / which / "relasi.db"
    path.parent.mkdir()
    if which == "demo":
        store = open_store(path)
        fill_demo(store)
        store.close()
    else:
        generate(path, SCALES["laptop"])
        keys.store_key(path, bench_key())
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for which in ("demo", "50k-interactions"):
            path = build(Path(tmp), which)
            opens, times, steps = [], [], []
            size = 0
            interactions = 0
            for _ in range(args.runs):
                started = time.perf_counter()
                store = open_with_safety(path)
                opens.append(time.perf_counter() - started)
                calls: list[int] = []
                started = time.perf_counter()
                result = backup_store(store, progress=lambda done, total, c=calls: c.append(done))
                times.append(time.perf_counter() - started)
                steps.append(len(calls))
                store.close()
                size = result.bytes
                interactions = result.counts["interactions"]
                result.path.unlink()
            rows.append((which, interactions, size, statistics.median(opens), times, steps[0]))
    print(
        f"{'database':<18}{'notes':>8}{'MB':>8}{'open ms':>10}{'backup ms':>11}"
        f"{'min':>7}{'max':>7}{'steps':>7}"
    )
    for which, interactions, size, open_s, times, step_count in rows:
        print(
            f"{which:<18}{interactions:>8}{size / 1e6:>8.1f}{open_s * 1000:>10.0f}"
            f"{statistics.median(times) * 1000:>11.0f}{min(times) * 1000:>7.0f}"
            f"{max(times) * 1000:>7.0f}{step_count:>7}"
        )
    print(f"(median of {args.runs} runs; each backup verified: quick_check + row counts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
