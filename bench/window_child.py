"""The benchmark's in-window scenarios, run in a fresh process by ``bench/run.py``.

Opens the real main window offscreen on a benchmark database and drives its widgets:
a keystroke in the client filter, selecting a client, saving a note from the composer,
completing a follow-up, each until the changed view has painted, and the models'
full-text search; each alternates with its floor, the same reads and writes in raw SQL
on a separate sqlcipher3 connection to the same file. Last, it scrolls the whole client
list and reports this process's peak resident memory. Prints the rows as JSON.

    QT_QPA_PLATFORM=offscreen python bench/window_child.py --db PATH --seed 1 --runs 30
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import sqlcipher3
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from bench import floors, vocab
from bench.generate import bench_key
from bench.measure import Row, alternate
from models.queries import followups as followup_queries
from models.queries.search import search
from models.store import open_store
from models.vault import keys
from tests.keyrings import MemoryKeyring
from ui.main_window import MainWindow
from ui.settings import Settings

#: What a user types into the client filter, a keystroke at a time.
TYPED = ["m", "ma", "maj", "maju", "b", "bu", "bud", "budi", "nus", "nusa", "nusan",
         "glob", "globex", "zzq", "pt s", "pt su"]  # fmt: skip
#: The start of a word as it is typed into the search (prefixes of common words, of a
#: client's name, and two letters, which are searched as a word, not as a prefix).
TYPED_PREFIXES = ("pro", "meet", "kir", "propo", "pr")


class Painted(QObject):
    """Counts paint events of a widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def spin(app: QApplication, done: Callable[[], bool], limit_s: float = 30.0) -> None:
    end = time.perf_counter() + limit_s
    while not done():
        app.processEvents()
        if time.perf_counter() > end:
            raise RuntimeError("the window did not get there in time")


def peak_rss_mb() -> tuple[float, float]:
    """(peak, current) resident memory of this process in MB, from /proc."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(("VmHWM:", "VmRSS:")):
                values[line.split(":")[0]] = int(line.split()[1]) / 1024
    return values.get("VmHWM", float("nan")), values.get("VmRSS", float("nan"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    db = args.db.absolute()
    key = bench_key(args.seed)
    keyring.set_keyring(MemoryKeyring())
    keys.store_key(db, key)
    rng = random.Random(args.seed)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    store = open_store(db)
    settings = Settings(
        QSettings(str(db.parent / "bench-settings.ini"), QSettings.Format.IniFormat)
    )
    window = MainWindow(store, settings)
    window.resize(1280, 800)
    window.show()
    spin(app, lambda: window.isExposed() if hasattr(window, "isExposed") else True)
    app.processEvents()
    raw = sqlcipher3.connect(str(db), isolation_level=None)
    raw.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("PRAGMA busy_timeout = 10000")
    runs = args.runs
    rows: list[Row] = []

    # -- a keystroke in the client filter, to the repainted list ---------------------------
    pane = window.clients
    list_paint = Painted(pane.view.viewport())

    def keystroke(i: int) -> float:
        pane.search.clear()
        app.processEvents()
        seen = list_paint.count
        started = time.perf_counter()
        pane.search.setText(TYPED[i % len(TYPED)])
        spin(app, lambda: list_paint.count > seen or not pane.view.isVisible())
        return (time.perf_counter() - started) * 1000

    def keystroke_floor(i: int) -> None:
        floors.client_filter(raw, TYPED[i % len(TYPED)])

    a, b = alternate(keystroke, keystroke_floor, runs)
    rows.append(Row("filter keystroke → list painted", a, b, budget="16 ms", ok=None))
    pane.search.clear()
    app.processEvents()

    # -- selecting a client, to its painted first timeline page --------------------------
    busiest = [r[0] for r in raw.execute(floors.BUSIEST, (5,))]
    loaded = pane.model.rowCount()
    targets = [busiest[i % len(busiest)] if i % 2 == 0 else pane.model.row(
        pane.model.index(rng.randrange(loaded), 0)).id for i in range(runs)]  # fmt: skip
    for account_id in set(targets):  # pages fetched before, as if scrolled to
        while pane.model.row_of(account_id) < 0 and pane.model.canFetchMore():
            pane.model.fetchMore()
    timeline_paint = Painted(window.timeline.view.viewport())

    def select(i: int) -> float:
        seen = timeline_paint.count
        started = time.perf_counter()
        pane.show_client(targets[i])
        spin(app, lambda: timeline_paint.count > seen)
        return (time.perf_counter() - started) * 1000

    def select_floor(i: int) -> None:
        floors.select_client(raw, targets[i])

    a, b = alternate(select, select_floor, runs)
    rows.append(Row("select client → timeline painted", a, b, budget="16 ms"))

    # -- a note saved from the composer (durable), to its row on the timeline ------------
    pane.show_client(busiest[0])
    app.processEvents()
    model = window.timeline.model

    def note(i: int) -> float:
        window.timeline.composer.setPlainText(vocab.note(rng, i % 2 == 0, 2))
        app.processEvents()
        before = model.entry_count()
        seen = timeline_paint.count
        started = time.perf_counter()
        window.timeline.save_button.click()
        spin(app, lambda: model.entry_count() > before and timeline_paint.count > seen)
        return (time.perf_counter() - started) * 1000

    def note_floor(i: int) -> None:
        floors.save_note(raw, busiest[0])

    a, b = alternate(note, note_floor, runs)
    rows.append(Row("quick note saved → on the timeline", a, b, budget="10 ms"))

    # -- full-text search, common and rare words ----------------------------------------
    for label, word in (("common", vocab.COMMON_WORD), ("rare", vocab.RARE_WORD)):
        a, b = alternate(
            lambda _i, w=word: (search(store, w), None)[1],
            lambda _i, w=word: floors.search(raw, w),
            runs,
        )
        rows.append(Row(f"search, {label} word ({word!r}), 50 hits", a, b, budget="50 ms"))
    # the last word while it is typed: searched as a prefix (FTS5 prefix index, 3-4 letters)
    for typed in TYPED_PREFIXES:
        a, b = alternate(
            lambda _i, t=typed: (search(store, t), None)[1],
            lambda _i, t=typed: floors.search_newest(raw, t),
            runs,
        )
        rows.append(Row(f"search while typing {typed!r}, 50 hits", a, b, budget="50 ms"))

    # -- completing a follow-up, to the refreshed follow-up pane (all clients) ------------
    window.followups.set_all_clients(True)
    app.processEvents()
    buckets = followup_queries.followups(store)
    open_ids = [f.id for f in (*buckets.overdue, *buckets.today, *buckets.upcoming)]
    rng.shuffle(open_ids)
    followup_paint = Painted(window.followups.view.viewport())
    raw_done = open_ids[runs : 2 * runs]

    def complete(i: int) -> float:
        seen = followup_paint.count
        started = time.perf_counter()
        window.followup_actions.complete(open_ids[i], True)
        spin(app, lambda: followup_paint.count > seen)
        return (time.perf_counter() - started) * 1000

    def complete_floor(i: int) -> None:
        floors.complete_followup(raw, raw_done[i] if i < len(raw_done) else open_ids[0])

    n = min(runs, len(open_ids) // 2)
    a, b = alternate(complete, complete_floor, n)
    rows.append(Row("complete follow-up → pane refreshed", a, b, budget="16 ms"))

    # -- the whole client list scrolled through: peak memory -----------------------------
    pane.search.clear()
    app.processEvents()
    started = time.perf_counter()
    while pane.model.canFetchMore():
        pane.view.scrollToBottom()
        app.processEvents()
    scrolled_s = time.perf_counter() - started
    peak, current = peak_rss_mb()
    rows.append(
        Row(
            "window open, whole client list scrolled",
            [peak],
            unit="MB",
            budget="300 MB",
            note=f"peak RSS {peak:.0f} MB, now {current:.0f} MB; "
            f"{pane.model.rowCount():,} clients loaded in {scrolled_s:.1f} s",
        )
    )
    raw.close()
    window.close()
    store.close()
    print(json.dumps([r.as_json() for r in rows]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
