"""The benchmark suite: every DESIGN.md budget scenario on a generated database, each
beside its floor measured in the same run, alternating.

    python bench/run.py --scale tiny|laptop|team [--runs N] [--heavy-runs N]
                        [--startup-runs N] [--only GROUP ...] [--json]

Generates the database (``bench/generate.py``) or reuses the cached one (keyed by
scale, seed, schema head, day and the generator's source; ``RELASI_BENCH_CACHE`` or
``~/.cache/relasi-bench``), works on a scratch copy of it, and runs:

- start-up to the window frame's first paint, and to the filled window's
  (``main.py --quit-after-paint``: ``painted-ms``, ``filled-ms``) vs a bare
  QApplication + QMainWindow, fresh processes in turn (``--startup-runs``, default
  ``--runs``), after one start of each that is not counted (it warms the OS cache);
- in the real main window, offscreen, in a fresh process (``bench/window_child.py``):
  filter keystroke, client selection, quick note, search (common and rare word, and
  the start of a word while it is typed: "pro", "meet", "kir", "propo", "pr"),
  follow-up completed, each vs the same SQL on a raw connection (``--runs``); then the
  peak memory after scrolling the whole client list;
- ``stats`` counts on an encrypted vs a plain copy, a fresh store each run, after one
  uncounted run of each (both files in the OS cache alike) (``--runs``);
- ``main.py export contacts`` vs one SELECT + csv (time, peak memory; ``--heavy-runs``);
- ``main.py import`` of a HubSpot CSV (100,000 rows; 2,000 at tiny scale) vs csv +
  phonenumbers + one executemany (time, peak memory; ``--heavy-runs``).

Prints a table (median, p95, floor median, ratio, budget, ✓/✗), or the rows as JSON
with ``--json``. Figures are never asserted in tests; the exit status is 0 whenever the
benchmark itself ran.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import processes
from bench.environment import ROOT, PrivateSession, cache_dir, cached_database, copy_database
from bench.generate import SCALES, bench_key
from bench.measure import Row, run_child, table

IMPORT_ROWS = {"tiny": 2_000, "laptop": 100_000, "team": 100_000}
GROUPS = ("startup", "window", "stats", "export", "import")


def machine() -> dict[str, Any]:
    model = ""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
        found = re.search(r"model name\s*:\s*(.+)", text)
        model = found.group(1).strip() if found else ""
    except OSError:
        pass
    memory = 0.0
    try:
        meminfo = Path("/proc/meminfo").read_text(encoding="ascii")
        memory = int(meminfo.split()[1]) / 1024 / 1024
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": round(memory, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def _budget_check(row: Row) -> None:
    """Fill ``ok`` of a row whose budget is a plain ceiling ("16 ms", "300 MB")."""
    found = re.fullmatch(r"(\d[\d,]*)\s*(ms|MB)", row.budget)
    if row.ok is None and found and found.group(2) == row.unit:
        row.ok = row.median <= float(found.group(1).replace(",", ""))


def window_rows(session: PrivateSession, db: Path, seed: int, runs: int) -> list[Row]:
    child = run_child(
        [sys.executable, str(ROOT / "bench" / "window_child.py"), "--db", str(db),
         "--seed", str(seed), "--runs", str(runs)],
        session.env,
    )  # fmt: skip
    data = json.loads(child.stdout.strip().splitlines()[-1])
    keep = {"scenario", "samples", "floor", "unit", "budget", "ok", "note"}
    return [Row(**{k: v for k, v in r.items() if k in keep}) for r in data]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="laptop")
    parser.add_argument("--runs", type=int, default=20, help="runs of each quick scenario")
    parser.add_argument("--heavy-runs", type=int, help="runs of import and export (default 3)")
    parser.add_argument("--startup-runs", type=int, help="runs of start-up (default --runs)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", nargs="+", choices=GROUPS, help="run only these groups")
    parser.add_argument("--import-rows", type=int, help="rows of the imported CSV")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    heavy = args.heavy_runs or min(3, args.runs)
    groups = set(args.only or GROUPS)
    started = time.perf_counter()
    load_before = os.getloadavg()
    cached, generated_s = cached_database(args.scale, args.seed, log=not args.json)
    rows: list[Row] = []
    with (
        tempfile.TemporaryDirectory(prefix="relasi-bench-work-") as tmp,
        PrivateSession() as session,
    ):
        work = Path(tmp)
        db = copy_database(cached, work / "relasi.db")
        session.store_key(db, bench_key(args.seed))
        if "startup" in groups:
            rows.extend(processes.startup(session, db, args.startup_runs or args.runs))
        if "window" in groups:
            rows.extend(window_rows(session, db, args.seed, args.runs))
        if "stats" in groups:
            plain = processes.plain_copy(
                cached, bench_key(args.seed), cache_dir() / f"{cached.stem}.plain.sqlite"
            )
            rows.append(processes.stats_scan(db, plain, args.seed, args.runs))
        if "export" in groups:
            rows.extend(processes.export(session, db, work, args.seed, heavy))
        if "import" in groups:
            count = args.import_rows or IMPORT_ROWS[args.scale]
            rows.extend(processes.csv_import(session, work, args.seed, count, heavy))
    for row in rows:
        _budget_check(row)
    scale = SCALES[args.scale]
    header = {
        "scale": args.scale,
        "counts": scale.__dict__,
        "seed": args.seed,
        "runs": args.runs,
        "heavy_runs": heavy,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "generated_s": generated_s,
        "total_s": round(time.perf_counter() - started, 1),
    }
    if args.json:
        print(json.dumps({**header, "rows": [r.as_json() for r in rows]}, ensure_ascii=False))
        return 0
    m = header["machine"]
    print(
        f"scale {args.scale} ({', '.join(f'{k} {v:,}' for k, v in scale.__dict__.items())}), "
        f"seed {args.seed}, {header['date']}\n"
        f"{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, Python {m['python']}; load "
        f"{header['load_before'][0]} before, {header['load_after'][0]} after; "
        f"runs {args.runs} (import/export {heavy}); "
        + (f"generated in {generated_s:.0f} s" if generated_s else "database from the cache")
    )
    print(table(rows))
    print(f"(times in ms unless the budget says s or MB; total {header['total_s']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
