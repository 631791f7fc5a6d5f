"""The start overlaps the store's open with the window's frame (ui/early_open.py), and
builds the window's rest only once the filled panes have painted (ui/window_attach.py):
what a fresh interpreter has imported by the filled paint, the rest arriving after it,
and the early open's outcome taken, raised or closed."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models.errors import RelasiError
from models.store import Store, open_store
from models.vault import unlock
from tests.models.helpers import account
from ui.early_open import EarlyOpen
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.window_start import WindowStart

ROOT = Path(__file__).resolve().parents[2]

#: What the rest of the window brings (menus' dialogs, team sync, documents, ...):
#: none of it may be imported by the time the filled window paints.
LATER = [
    "ui.dialogs",
    "ui.forms.deal",
    "ui.record_actions",
    "ui.followup_actions",
    "ui.backup_actions",
    "ui.safety",
    "ui.lock_screen",
    "ui.unlock",
    "ui.window_features",
    "ui.sync_actions",
    "models.sync.api",
    "sqlalchemy.dialects.postgresql",
    "ui.documents.window_actions",
    "ui.gifts.actions",
    "ui.competitors.actions",
    "ui.dashboard.action",
    "ui.pipeline.actions",
]

#: A start in a fresh interpreter: the key in an in-memory keyring, the window started
#: as ``main.py --quit-after-paint`` does; the modules loaded at each time it takes
#: (the frame's paint, the filled paint, the rest built), then what it printed.
FRESH_START = r"""
import io, json, sys, contextlib
import keyring
from tests.keyrings import MemoryKeyring
keyring.set_keyring(MemoryKeyring())
from models.vault import keys
from pathlib import Path
keys.store_key(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]))
import main
from ui.app import run_gui
later = json.loads(sys.argv[3])
seen = []
def age():
    seen.append([m for m in later if m in sys.modules])
    return 1.0
args = main.build_parser().parse_args(["--db", sys.argv[1], "--quit-after-paint"])
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = run_gui(args, age)
print(json.dumps([code, seen, out.getvalue().split()]))
"""


def test_a_fresh_start_paints_the_filled_window_before_the_rest_is_imported(
    db_path: Path, tmp_path: Path
) -> None:
    seed = open_store(db_path)
    account(seed, "Acme Corp")
    seed.close()
    key = unlock.load_key(db_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    done = subprocess.run(
        [sys.executable, "-c", FRESH_START, str(db_path), key.hex(), json.dumps(LATER)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    code, seen, printed = json.loads(done.stdout.splitlines()[-1])
    assert code == 0
    painted, filled, ready = seen  # the frame's paint, the filled paint, the rest built
    assert painted == [] and filled == []
    # Then the rest arrived (team sync's client may wait for the sync to start).
    assert set(LATER) - set(ready) <= {"models.sync.api", "sqlalchemy.dialects.postgresql"}
    names = printed[::2]
    assert names[:2] == ["painted-ms", "filled-ms"] and "ready-ms" in names


def test_the_rest_arrives_after_the_filled_paint_and_only_quit_works_before(
    qtbot: QtBot, db_path: Path, settings: Settings
) -> None:
    seed = open_store(db_path)
    account(seed, "Acme Corp")
    seed.close()
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    states: list[list[str]] = []

    def enabled() -> None:
        states.append([a.objectName() for a in window.actions_.all() if a.isEnabled()])

    ready: list[bool] = []
    args = argparse_args(db_path)
    start = WindowStart(window, args, on_filled=enabled, on_ready=lambda: ready.append(True))
    with qtbot.waitSignal(window.attached, timeout=20_000):
        start.begin()
    # At the filled paint: the lists are there, the menus still as the frame had them.
    assert states == [["actionQuit"]]
    assert ready == [True] and window.is_attached
    assert window.actions_["actionNewClient"].isEnabled()
    for name in ("record_actions", "sync_actions", "lock_screen", "document_actions"):
        assert hasattr(window, name)
    assert window.clients.model.rowCount() == 1
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)  # checked, then closed
    assert start.finish() is None and start.store is not None
    start.store.close()


def argparse_args(db: Path) -> argparse.Namespace:
    return argparse.Namespace(db=str(db), demo=False, quit_after_paint=True)


def test_the_early_open_hands_over_the_store_once(db_path: Path) -> None:
    early = EarlyOpen(str(db_path))
    store = early.take()
    try:
        assert store.path == db_path and early.taken
        with pytest.raises(AssertionError):
            early.take()
        early.discard()  # taken: nothing to close
    finally:
        store.close()
    open_store(db_path).close()  # the lock was released


def test_the_early_open_raises_its_error_when_taken(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    early = EarlyOpen(str(folder))
    with pytest.raises(RelasiError):
        early.take()


def test_an_early_open_nobody_took_is_closed(db_path: Path) -> None:
    logged: list[bool] = []
    early = EarlyOpen(str(db_path), before=lambda: logged.append(True))
    early.discard()
    assert logged == [True] and early.taken
    open_store(db_path).close()  # not left holding the writer's lock


def test_the_first_fill_reads_the_client_list_once(
    qtbot: QtBot, store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Turning the list's sorting on read it in Qt's default order (by name, descending)
    before the saved order was applied: two reads and two statements compiled."""
    from models.queries import clients as client_queries

    account(store, "Acme Corp")
    read: list[tuple[str, bool]] = []
    page = client_queries.client_page

    def counted(*args: Any, **kwargs: Any) -> Any:
        read.append((args[1].sort, args[1].descending))
        return page(*args, **kwargs)

    monkeypatch.setattr(client_queries, "client_page", counted)
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    assert read == [("name", False)]
    window.clients.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # still sorts
    assert read[-1] == ("name", True)
    window.close()
