"""Benchmark: quick capture on the demo database.

(a) open: constructing + showing QuickCaptureDialog until its first paint with the
    cursor in the text (and, separately, until its deferred database reads are done);
(b) save: from Ctrl+Enter (``dialog.save()``: parse, one durable transaction through
    the undo stack) until the new entry is a row of a TimelineModel on the same store,
    fed by the ChangeHub as in the window.

    QT_QPA_PLATFORM=offscreen python bench/capture.py [--runs 20]

Medians (ms) beside their floors: a bare QDialog with a QPlainTextEdit shown to first
paint, and one INSERT + COMMIT (synchronous=FULL) in raw sqlcipher3 on the same file.
Budget (issue 4): 100 ms to an editable dialog, 10 ms from save to the timeline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QVBoxLayout

from models.demo import fill_demo
from models.queries import clients as client_queries
from models.queries import timeline as timeline_queries
from models.store import Store, open_store
from tests.keyrings import MemoryKeyring
from ui.hub import ChangeHub
from ui.quick_capture import QuickCaptureDialog
from ui.timeline import TimelineModel

NOTE = (
    "{name} — met Budi and Sari, demo went well, budget ~ Rp 500 jt\n"
    "- kirim proposal besok\n"
    "- [ ] call Sari next Tuesday about pricing\n"
    "TODO: invite to webinar in 2 weeks"
)


class PaintSeen(QObject):
    def __init__(self, widget: QObject) -> None:
        super().__init__()
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def spin(app: QApplication, done: Callable[[], bool], limit_s: float = 5.0) -> None:
    end = time.perf_counter() + limit_s
    while not done():
        app.processEvents()
        if time.perf_counter() > end:
            raise RuntimeError("timed out")


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bare_dialog(app: QApplication, runs: int) -> float:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        dialog = QDialog()
        edit = QPlainTextEdit(dialog)
        QVBoxLayout(dialog).addWidget(edit)
        seen = PaintSeen(dialog)
        dialog.show()
        edit.setFocus()
        spin(app, lambda s=seen, e=edit: s.painted and QApplication.focusWidget() is e)
        samples.append(time.perf_counter() - t)
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
    return median_ms(samples)


def open_dialog(
    app: QApplication, store: Store, account_id: str | None, runs: int
) -> tuple[float, float]:
    """(to first paint with focus, to the deferred reads done), medians in ms."""
    painted, loaded = [], []
    stack = QUndoStack()
    for _ in range(runs):
        t = time.perf_counter()
        dialog = QuickCaptureDialog(store, stack, account_id)
        seen = PaintSeen(dialog)
        dialog.show()
        spin(app, lambda s=seen, d=dialog: s.painted and QApplication.focusWidget() is d.editor)
        painted.append(time.perf_counter() - t)
        spin(app, lambda d=dialog: d.template_combo.count() > 1)
        loaded.append(time.perf_counter() - t)
        dialog.hide()
        dialog.deleteLater()
        app.processEvents()
    return median_ms(painted), median_ms(loaded)


def save_to_timeline(
    app: QApplication, store: Store, account_id: str, name: str, runs: int
) -> tuple[float, float]:
    """(save() alone, save() until the entry is in the timeline model), medians in ms."""
    model = TimelineModel(store)
    model.set_account(account_id)
    hub = ChangeHub(store)
    hub.changed.connect(model.apply_changes)
    stack = QUndoStack()
    saves, seen = [], []
    for _ in range(runs):
        dialog = QuickCaptureDialog(store, stack, account_id)
        dialog.show()
        spin(app, lambda d=dialog: d.template_combo.count() > 1)
        dialog.editor.setPlainText(NOTE.format(name=name))
        dialog.reparse()
        t = time.perf_counter()
        assert dialog.save()
        saves.append(time.perf_counter() - t)
        new_id = next(i for k, i in dialog.created if k == "interaction")
        spin(app, lambda i=new_id: model.row_of(i) >= 0)
        seen.append(time.perf_counter() - t)
        dialog.deleteLater()
        app.processEvents()
    hub.detach()
    return median_ms(saves), median_ms(seen)


def raw_insert(store: Store, account_id: str, runs: int) -> float:
    import sqlcipher3

    conn = sqlcipher3.connect(str(store.path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{store.key.hex()}'\"")
    conn.execute("PRAGMA synchronous = FULL")
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO interactions (id, account_id, kind, occurred_at, subject, body, "
            "body_format, location, outcome, created_at, updated_at) VALUES "
            "(?, ?, 'note', datetime('now'), 'raw', 'raw', 'markdown', '', '', "
            "datetime('now'), datetime('now'))",
            (str(uuid.uuid4()), account_id),
        )
        conn.execute("COMMIT")
        samples.append(time.perf_counter() - t)
    conn.close()
    return median_ms(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "demo.db")
        fill_demo(store)
        busiest = max(
            client_queries.client_names(store),
            key=lambda c: len(timeline_queries.timeline_page(store, c[0], limit=500)[0]),
        )
        account_id, name = busiest
        runs = args.runs
        bare = bare_dialog(app, runs)
        fixed_paint, fixed_loaded = open_dialog(app, store, account_id, runs)
        free_paint, free_loaded = open_dialog(app, store, None, runs)
        save_ms, seen_ms = save_to_timeline(app, store, account_id, name, runs)
        raw = raw_insert(store, account_id, runs)
        store.close()
    rows = [
        ("open, client selected: first paint, cursor in text", fixed_paint, bare, 100),
        ("  … and templates + draft read", fixed_loaded, bare, 100),
        ("open, no client: first paint, cursor in text", free_paint, bare, 100),
        ("  … and templates + draft read", free_loaded, bare, 100),
        ("save (Ctrl+Enter) → committed", save_ms, raw, 10),
        ("save (Ctrl+Enter) → entry in timeline model", seen_ms, raw, 10),
    ]
    print(f"quick capture on the demo database ({name!r}), median of {runs} runs")
    print(f"{'operation':<52} {'median ms':>10} {'floor ms':>9} {'budget':>7}")
    for label, value, floor, budget in rows:
        print(f"{label:<52} {value:>10.1f} {floor:>9.1f} {budget:>7}")
    print("floors: a bare QDialog + QPlainTextEdit shown to first paint with focus; one raw")
    print("INSERT + COMMIT (synchronous=FULL) with sqlcipher3 on the same file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
