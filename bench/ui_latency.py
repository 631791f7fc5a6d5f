"""Benchmark: keystroke in clientSearch → updated client list, and selecting a client →
its first timeline page, in the real window, on the demo database and at scale.

    QT_QPA_PLATFORM=offscreen python bench/ui_latency.py [--accounts 100000] [--runs 30]

Prints medians (ms) beside their floor: the same query in raw SQLite on the same
encrypted file (no Qt, no ORM). Budget (DESIGN.md): 16 ms for both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from bench.datagen import Scale, generate
from models.demo import fill_demo
from models.store import open_store
from models.vault import unlock
from tests.keyrings import MemoryKeyring
from ui.main_window import MainWindow
from ui.settings import Settings

QUERIES = ["k", "kl", "kli", "klie", "000", "pt", "budget", "zzz"]


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def raw_floor(path: Path, key: bytes, runs: int) -> tuple[float, float]:
    """The two reads in plain SQL on a fresh sqlcipher3 connection."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    filt, tl = [], []
    ids = [r[0] for r in conn.execute("SELECT id FROM accounts LIMIT 50")]
    for i in range(runs):
        q = f"%{QUERIES[i % len(QUERIES)]}%"
        t = time.perf_counter()
        conn.execute(
            "SELECT id, name, tier, status, last_contact_at, next_followup_at FROM accounts "
            "WHERE deleted_at IS NULL AND name LIKE ? ORDER BY name, id LIMIT 100",
            (q,),
        ).fetchall()
        filt.append(time.perf_counter() - t)
        t = time.perf_counter()
        conn.execute(
            "SELECT * FROM interactions WHERE account_id = ? AND deleted_at IS NULL "
            "ORDER BY occurred_at DESC, id DESC LIMIT 50",
            (ids[i % len(ids)],),
        ).fetchall()
        tl.append(time.perf_counter() - t)
    conn.close()
    return median_ms(filt), median_ms(tl)


def measure(app: QApplication, path: Path, runs: int, tmp: Path) -> tuple[float, float]:
    store = open_store(path)
    settings = Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store, settings)
    window.show()
    app.processEvents()
    search = window.clients.search
    filt = []
    for i in range(runs):
        text = QUERIES[i % len(QUERIES)]
        t = time.perf_counter()
        search.setText(text)  # textChanged → query → model reset
        app.processEvents()  # the list repaints
        filt.append(time.perf_counter() - t)
    search.clear()
    app.processEvents()
    model = window.clients.model
    select = []
    for i in range(runs):
        row = (i * 7) % max(1, model.rowCount())
        t = time.perf_counter()
        window.clients.view.selectRow(row)
        app.processEvents()
        select.append(time.perf_counter() - t)
    window.close()
    store.close()
    return median_ms(filt), median_ms(select)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp())
    results = []
    demo = tmp / "demo.db"
    store = open_store(demo)
    fill_demo(store)
    store.close()
    big = tmp / "big.db"
    store = open_store(big)
    n = args.accounts
    generate(store, Scale(n, n * 4, n * 2, n, n // 2))
    store.close()
    for label, path in (("demo (200 accounts)", demo), (f"{n:,} accounts", big)):
        key = unlock.load_key(path)
        floor_f, floor_t = raw_floor(path, key, args.runs)
        f, t = measure(app, path, args.runs, tmp)
        results.append((label, f, floor_f, t, floor_t))
    print(f"{'database':<24}{'filter ms':>12}{'floor':>8}{'select ms':>12}{'floor':>8}")
    for label, f, ff, t, tf in results:
        print(f"{label:<24}{f:>12.1f}{ff:>8.1f}{t:>12.1f}{tf:>8.1f}", flush=True)
    print("budget: 16 ms each (median; floor = the same read in raw SQLite)", flush=True)


if __name__ == "__main__":
    main()
