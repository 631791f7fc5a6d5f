"""The benchmark's scenarios that run whole processes (start-up, import, export) or
compare two databases (encrypted and plain ``stats``), each alternating with its floor.

Children run in a :class:`bench.environment.PrivateSession` (private home and keyring);
their peak memory is their own ``ru_maxrss``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

import sqlcipher3

from bench import hubspot_csv
from bench.environment import ROOT, PrivateSession, copy_database
from bench.generate import bench_key
from bench.measure import Row, run_child
from models.queries.stats import live_counts
from models.store import Store, migrate

PY = sys.executable
MAIN = str(ROOT / "main.py")

#: A bare QApplication + QMainWindow started the same way as the app, to its first paint.
BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
sys.path.insert(0, ROOT)
from main import process_age_ms
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print(f"painted-ms {process_age_ms():.0f}", flush=True); QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
""".replace("ROOT", repr(str(ROOT)))


def _painted_ms(out: str, what: str = "painted-ms") -> float:
    lines = [x for x in out.splitlines() if x.startswith(what)]
    if not lines:
        raise RuntimeError(f"no {what} line in {out!r}")
    return float(lines[-1].split()[1])


def startup(session: PrivateSession, db: Path, runs: int) -> list[Row]:
    """``main.py --quit-after-paint`` and the bare window, fresh processes, in turn: the
    window's frame to its first paint (``painted-ms``; the store opens after it), and
    the window with its lists filled to its paint (``filled-ms``), both beside the bare
    window's first paint."""
    app = [PY, MAIN, "--db", str(db), "--quit-after-paint"]
    bare = [PY, "-c", BARE]
    # As installed: Relasi's own modules compiled once (the first start below), not at
    # every start as PYTHONDONTWRITEBYTECODE in a development shell would have it. The
    # bare window runs in the same environment.
    env = {k: v for k, v in session.env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(session.home / "pycache")
    run_child(app, env)  # the first start after a copy warms the OS cache, and compiles
    run_child(bare, env)
    a: list[float] = []
    filled: list[float] = []
    b: list[float] = []
    peaks: list[float] = []
    for _ in range(runs):
        started = run_child(app, env)
        a.append(_painted_ms(started.stdout))
        filled.append(_painted_ms(started.stdout, "filled-ms"))
        peaks.append(started.peak_mb)
        b.append(_painted_ms(run_child(bare, env).stdout))
    return [
        Row(
            "start-up to painted window (process)",
            a,
            b,
            budget="≤1.5x bare (2.5x first)",
            ok=statistics.median(a) <= 2.5 * statistics.median(b),
            note="the window's frame: menus, panes empty; the store opens beside it",
        ),
        Row(
            "start-up to the filled window painted (process)",
            filled,
            b,
            budget="≤2.5x bare (issue 16)",
            ok=statistics.median(filled) <= 2.5 * statistics.median(b),
            note=f"lists filled; peak RSS of the app: {statistics.median(peaks):.0f} MB",
        ),
    ]


def empty_database(folder: Path, seed: int) -> Path:
    """An empty database at the schema head with the benchmark key (import target)."""
    path = folder / "empty.db"
    if not path.exists():
        store = Store(path, bench_key(seed))
        migrate(store)
        store.close()
    return path


def csv_import(session: PrivateSession, folder: Path, seed: int, rows: int, runs: int) -> list[Row]:
    """``main.py import`` of a HubSpot contacts CSV into a fresh empty database, and its
    floor (csv + phonenumbers + one executemany) into another, in turn."""
    source = hubspot_csv.write(folder / f"hubspot-{rows}.csv", rows, seed=seed)
    template = empty_database(folder, seed)
    key = bench_key(seed)
    times: tuple[list[float], list[float]] = ([], [])
    peaks: tuple[list[float], list[float]] = ([], [])
    for i in range(runs):
        target = copy_database(template, folder / f"import-{i}.db")
        session.store_key(target, key)
        done = run_child([PY, MAIN, "--db", str(target), "import", str(source)], session.env)
        summary = json.loads(done.stdout.strip().splitlines()[-1])
        if summary.get("created", 0) < rows * 0.99:
            raise RuntimeError(f"the import created too few contacts: {summary}")
        times[0].append(done.seconds)
        peaks[0].append(done.peak_mb)
        floor_db = copy_database(template, folder / f"floor-{i}.db")
        floor = run_child(
            [PY, str(ROOT / "bench" / "process_floors.py"), "import", str(floor_db), str(source)],
            session.env,
            stdin=key.hex(),
        )
        times[1].append(floor.seconds)
        peaks[1].append(floor.peak_mb)
        for p in (target, floor_db):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{p}{suffix}").unlink(missing_ok=True)
    median_s = statistics.median(times[0])
    rate = rows / median_s
    ratio = median_s / statistics.median(times[1])
    return [
        Row(
            f"CSV import {rows:,} rows (main.py import)",
            times[0],
            times[1],
            unit="s",
            budget="≤3x floor, ≥20,000 rows/s",
            ok=ratio <= 3 and rate >= 20_000,
            note=f"{rate:,.0f} rows/s; floor {rows / statistics.median(times[1]):,.0f} rows/s",
        ),
        Row(
            "CSV import peak RSS",
            peaks[0],
            peaks[1],
            unit="MB",
            budget="300 MB",
            ok=max(peaks[0]) <= 300,
        ),
    ]


def export(session: PrivateSession, db: Path, folder: Path, seed: int, runs: int) -> list[Row]:
    """``main.py export contacts`` of every contact, and its floor (one SELECT, csv)."""
    key = bench_key(seed)
    times: tuple[list[float], list[float]] = ([], [])
    peaks: tuple[list[float], list[float]] = ([], [])
    count = 0
    for _ in range(runs):
        out = folder / "contacts.csv"
        done = run_child([PY, MAIN, "--db", str(db), "export", "contacts", str(out)], session.env)
        count = int(json.loads(done.stdout.strip().splitlines()[-1])["exported"])
        times[0].append(done.seconds)
        peaks[0].append(done.peak_mb)
        floor = run_child(
            [PY, str(ROOT / "bench" / "process_floors.py"), "export", str(db), str(out)],
            session.env,
            stdin=key.hex(),
        )
        times[1].append(floor.seconds)
        peaks[1].append(floor.peak_mb)
        out.unlink(missing_ok=True)
    return [
        Row(f"export {count:,} contacts (main.py export)", times[0], times[1], unit="s"),
        Row(
            "export peak RSS",
            peaks[0],
            peaks[1],
            unit="MB",
            budget="300 MB, bounded",
            ok=max(peaks[0]) <= 300,
        ),
    ]


def plain_copy(encrypted: Path, key: bytes, target: Path) -> Path:
    """A plaintext copy of the database (``sqlcipher_export``), made once."""
    if target.exists():
        return target
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(encrypted), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(partial),))
    conn.execute("SELECT sqlcipher_export('plain')").fetchall()
    conn.execute("DETACH DATABASE plain")
    conn.close()
    partial.rename(target)
    return target


def stats_scan(db: Path, plain: Path, seed: int, runs: int) -> Row:
    """The ``stats`` counts on a freshly opened store, encrypted and plain, in turn."""
    key = bench_key(seed)

    def encrypted() -> float:
        started = time.perf_counter()
        store = Store(db, key)
        live_counts(store)
        store.engine.dispose()
        return (time.perf_counter() - started) * 1000

    def unencrypted() -> float:
        started = time.perf_counter()
        with mock.patch("models.store._key_pragma", lambda _key: "SELECT 1"):
            store = Store(plain, b"")
            live_counts(store)
        store.engine.dispose()
        return (time.perf_counter() - started) * 1000

    # One uncounted run of each first: both files in the OS cache alike (the plain copy is
    # made once and may have been read from disk; the encrypted one was just copied).
    # Each run opens a fresh store, as ``main.py stats`` does: SQLite's own cache is cold
    # on both sides.
    encrypted()
    unencrypted()
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(encrypted())
        b.append(unencrypted())
    ratio = statistics.median(a) / statistics.median(b)
    return Row("stats counts, encrypted vs plain", a, b, budget="≤1.3x plain", ok=ratio <= 1.3)
