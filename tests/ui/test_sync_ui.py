"""Team sync in the window, against a real PostgreSQL server (the ``pg_server``
fixture) and the real sync: Settings ▸ Team sync (the password only in the keyring,
the real Secret Service), F9 syncing in the background without blocking the window,
one sync at a time, the status bar's states, pulled changes shown, the password asked
again after a refusal, and the conflict log's restore with undo."""

from __future__ import annotations

import logging
import secrets
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

import models.sync as sync_api
from models import services
from models.clock import FixedClock
from models.queries.clients import client_names
from models.server.schema import init_server
from models.store import Store, open_store
from models.sync import credentials, outbox
from models.vault import keys
from tests.pg_server import PgServer, free_port
from tests.ui.test_settings_dialog import open_settings
from ui.conflict_log import ConflictLogDialog
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.sync_password import SyncPasswordDialog


@dataclass
class Server:
    """One prepared team database and two of its users."""

    pg: PgServer
    database: str
    user: str
    password: str
    lead: str
    lead_password: str

    @property
    def address(self) -> str:
        """What the Server field holds: no user, no password."""
        return f"postgresql://{self.pg.host}:{self.pg.port}/{self.database}"

    def url(self, user: str | None = None) -> str:
        return self.pg.url(self.database, user=user or self.user)


@pytest.fixture
def server(pg_server: PgServer) -> Server:
    database = make_url(pg_server.new_database()).database or ""
    init_server(pg_server.url(database), pg_server.admin_password)
    tag = secrets.token_hex(3)
    user, lead = f"sari_{tag}", f"lena_{tag}"
    pg_server.new_user(user, f"{user}-pw")
    pg_server.new_user(lead, f"{lead}-pw", lead=True)
    return Server(pg_server, database, user, f"{user}-pw", lead, f"{lead}-pw")


@pytest.fixture
def sync_window(
    qtbot: QtBot, store: Store, settings: Settings, sample: dict[str, str]
) -> Iterator[MainWindow]:
    with store.write() as uow:
        outbox.new_device(uow.session)  # the template's copies must not share one
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


@pytest.fixture
def colleague(
    tmp_path: Path, template_db: tuple[Path, bytes], clock: FixedClock
) -> Iterator[Store]:
    """A second laptop (its own encrypted database and device)."""
    source, key = template_db
    path = tmp_path / "colleague.db"
    shutil.copyfile(source, path)
    keys.store_key(path, key)
    other = open_store(path, clock=clock)
    with other.write() as uow:
        outbox.new_device(uow.session)
    yield other
    other.close()


def configure(
    window: MainWindow, server: Server, *, password: str | None = None, lead: bool = False
) -> None:
    """Set the window's laptop up for ``server`` (the password in the keyring), as its
    member user or as the team lead."""
    user = server.lead if lead else server.user
    secret = password or (server.lead_password if lead else server.password)
    sync_api.configure(window.store, server.url(user), user, False)
    credentials.save_password(server.url(user), user, secret)
    read_status(window)


def read_status(window: MainWindow) -> None:
    """Read the sync status again (in its worker) and wait for it."""
    runner = window.sync_actions.runner
    runner.refresh_status()
    for _ in range(2000):
        if not runner.reading:
            return
        QApplication.processEvents()
        time.sleep(0.005)
    raise AssertionError("the status read did not finish")


def status_text(window: MainWindow) -> str:
    return window.sync_actions.status.text()


def wait_synced(window: MainWindow, qtbot: QtBot) -> None:
    runner = window.sync_actions.runner
    qtbot.waitUntil(lambda: not runner.running, timeout=30_000)
    assert runner.phase == "idle", (runner.phase, runner.message)


@pytest.mark.secret_service
def test_settings_keep_the_password_in_the_keyring_only(
    secret_service: object,  # first: the database's key goes to it too
    sync_window: MainWindow,
    qtbot: QtBot,
    server: Server,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    dialog = open_settings(sync_window, qtbot)
    page = dialog.sync_page
    dialog.tabs.setCurrentWidget(page)
    page.server.setText(server.address)
    page.user.setText(server.user)
    page.require_tls.setChecked(True)
    qtbot.keyClicks(page.password, server.password)
    page.interval.setValue(12)
    dialog.accept()
    assert not dialog.isVisible()
    qtbot.waitUntil(
        lambda: credentials.load_password(server.url(), server.user) == server.password,
        timeout=10_000,
    )
    status = sync_api.status(sync_window.store)
    assert (status.url, status.user) == (server.url(), server.user)
    sync_window.settings.sync()
    stored = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert "interval_minutes=12" in stored
    assert server.password not in stored
    assert server.password not in caplog.text
    # opened again: the fields as saved, and nothing of the password shows
    again = open_settings(sync_window, qtbot)
    assert again.sync_page.password.text() == ""
    assert again.sync_page.server.text() == server.address
    assert again.sync_page.user.text() == server.user
    assert again.sync_page.require_tls.isChecked() and again.sync_page.interval.value() == 12
    again.reject()


def test_test_connection_says_what_happened(
    sync_window: MainWindow, qtbot: QtBot, server: Server
) -> None:
    dialog = open_settings(sync_window, qtbot)
    page = dialog.sync_page
    page.server.setText(server.address)
    page.user.setText(server.user)
    page.password.setText("not the password")
    page.test_button.click()
    assert page.result.text() == "Connecting…"
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=20_000)
    assert page.result.text().startswith("Could not connect:")
    assert "not the password" not in page.result.text()
    page.password.setText(server.password)
    page.test_button.click()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=20_000)
    assert page.result.text() == ("Connected: the server answers and its schema matches this app.")
    # testing stores nothing
    assert credentials.load_password(server.url(), server.user) is None
    dialog.reject()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mysql://host/db", "must start with postgresql://"),
        ("postgresql://sari:pw@host/db", "not in the address"),
        ("postgresql:///db", "names no host"),
        ("postgresql://host:5432", "names no database"),
        ("::not a url::", "cannot be read"),
    ],
)
def test_a_bad_address_is_refused_and_nothing_saved(
    sync_window: MainWindow, qtbot: QtBot, url: str, expected: str
) -> None:
    dialog = open_settings(sync_window, qtbot)
    page = dialog.sync_page
    page.server.setText(url)
    page.user.setText("sari")
    page.password.setText("pw")
    dialog.accept()
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert expected in page.result.text()
    assert sync_api.status(sync_window.store).url is None
    assert credentials.load_password(url, "sari") is None
    dialog.reject()


def test_f9_syncs_in_the_background_one_at_a_time(
    sync_window: MainWindow,
    qtbot: QtBot,
    server: Server,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    configure(sync_window, server)
    pending = sync_api.status(sync_window.store).pending
    assert pending > 0 and f"{pending} changes to send" in status_text(sync_window)
    gate = threading.Event()
    real = sync_api.sync
    calls: list[int] = []

    def held(*args: object, **kwargs: object) -> sync_api.SyncReport:
        calls.append(1)
        gate.wait(30)  # the server is slow today
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_api, "sync", held)
    try:
        qtbot.keyClick(sync_window, Qt.Key.Key_F9)
        assert status_text(sync_window) == "Syncing…"
        # the window still handles events while the sync waits on the server
        ticked: list[bool] = []
        QTimer.singleShot(0, lambda: ticked.append(True))
        qtbot.keyClicks(sync_window.clients.search, "kopi")
        qtbot.waitUntil(lambda: ticked == [True])
        qtbot.waitUntil(lambda: sync_window.clients.model.rowCount() == 1)
        # a second request while one runs starts nothing
        assert sync_window.actions_["actionSyncNow"].shortcut().toString() == "F9"
        sync_window.actions_["actionSyncNow"].trigger()
        assert "already running" in sync_window.statusBar().currentMessage()
    finally:
        gate.set()
    wait_synced(sync_window, qtbot)
    assert calls == [1]
    assert status_text(sync_window) == "Synced just now"
    assert sync_window.sync_actions.runner.last_report is not None
    assert sync_window.sync_actions.runner.last_report.pushed == pending
    clock.advance(timedelta(minutes=3))
    sync_window.sync_actions.status.update_text()
    assert status_text(sync_window) == "Synced 3 minutes ago"


def test_status_bar_states(
    sync_window: MainWindow, qtbot: QtBot, server: Server, pg_server: PgServer
) -> None:
    status = sync_window.sync_actions.status
    assert status.text() == "Team sync off" and status.accessibleName() == "Team sync status"
    runner = sync_window.sync_actions.runner
    # offline: nothing answers at that port
    nowhere = f"postgresql://{server.user}@127.0.0.1:{free_port()}/{server.database}"
    sync_api.configure(sync_window.store, nowhere, server.user, False)
    credentials.save_password(nowhere, server.user, server.password)
    read_status(sync_window)
    assert status.text().startswith("Not synced yet · ")
    sync_window.sync_actions.sync_now()
    qtbot.waitUntil(lambda: not runner.running, timeout=30_000)
    pending = sync_api.status(sync_window.store).pending
    assert status.text() == f"Offline · {pending} changes to send"
    assert status.toolTip() == runner.message and runner.message
    assert "Offline" in status.accessibleDescription()
    # a database never prepared for Relasi: the schema message
    bare = make_url(pg_server.new_database()).database or ""
    unprepared = pg_server.url(bare, user=server.user)
    sync_api.configure(sync_window.store, unprepared, server.user, False)
    credentials.save_password(unprepared, server.user, server.password)
    sync_window.sync_actions.sync_now()
    qtbot.waitUntil(lambda: not runner.running, timeout=30_000)
    assert status.text().startswith("Sync failed: the team server's database is not prepared")
    # the real server: synced; a local write then waits to be sent
    configure(sync_window, server)
    sync_window.sync_actions.sync_now()
    wait_synced(sync_window, qtbot)
    assert status.text() == "Synced just now"
    with sync_window.store.write() as uow:
        services.create_account(uow, "Initech")
    qtbot.waitUntil(lambda: status.text() == "Synced just now · 1 changes to send")


def test_background_syncs_run_every_interval_and_show_what_they_pull(
    sync_window: MainWindow,
    qtbot: QtBot,
    server: Server,
    settings: Settings,
    colleague: Store,
) -> None:
    configure(sync_window, server, lead=True)  # the lead sees every client
    settings.sync_interval_minutes = 7
    runner = sync_window.sync_actions.runner
    sync_window.sync_actions.start_background()
    wait_synced(sync_window, qtbot)
    assert runner.timer.isActive() and runner.timer.interval() == 7 * 60_000
    # a colleague adds a client and syncs
    sync_api.configure(colleague, server.url(), server.user, False)
    with colleague.write() as uow:
        services.create_account(uow, "Umbrella Corp")
    sync_api.sync(colleague, password=server.password)
    assert "Umbrella Corp" not in [n for _id, n in client_names(sync_window.store)]
    runner.timer.timeout.emit()  # the next tick
    wait_synced(sync_window, qtbot)
    assert runner.last_report is not None and runner.last_report.pulled > 0
    names = [
        sync_window.clients.model.index(r, 0).data()
        for r in range(sync_window.clients.model.rowCount())
    ]
    assert "Umbrella Corp" in names


def test_wrong_password_is_asked_again_and_kept_only_once_it_works(
    sync_window: MainWindow, qtbot: QtBot, server: Server
) -> None:
    configure(sync_window, server, password="old password")
    actions = sync_window.sync_actions
    actions.sync_now()
    qtbot.waitUntil(lambda: actions.password_dialog is not None, timeout=30_000)
    dialog = actions.password_dialog
    assert isinstance(dialog, SyncPasswordDialog) and dialog.isVisible()
    assert dialog.message.text() == actions.runner.message
    assert server.user in dialog.message.text() and "old password" not in dialog.message.text()
    assert "wrong password" in status_text(sync_window)
    # background syncs pause until the password is entered again
    assert not actions.runner.sync_now(interactive=False)
    dialog.field.setText("still wrong")
    dialog.accept()
    qtbot.waitUntil(lambda: actions.password_dialog is not None, timeout=30_000)
    assert credentials.load_password(server.url(), server.user) == "old password"
    again = actions.password_dialog
    assert again is not None and again is not dialog
    again.field.setText(server.password)
    again.accept()
    wait_synced(sync_window, qtbot)
    assert status_text(sync_window) == "Synced just now"
    assert credentials.load_password(server.url(), server.user) == server.password
    assert actions.password_dialog is None


def test_clicking_the_error_asks_for_the_password(
    sync_window: MainWindow, qtbot: QtBot, server: Server
) -> None:
    configure(sync_window, server, password="old password")
    actions = sync_window.sync_actions
    actions.start_background()  # in the background: no dialog pops up
    qtbot.waitUntil(lambda: "wrong password" in status_text(sync_window), timeout=30_000)
    assert actions.password_dialog is None
    actions.status.click()
    assert actions.password_dialog is not None
    actions.password_dialog.reject()


def test_conflict_log_restores_a_value_with_undo(
    sync_window: MainWindow,
    qtbot: QtBot,
    server: Server,
    colleague: Store,
    clock: FixedClock,
    sample: dict[str, str],
) -> None:
    store, acme = sync_window.store, sample["acme"]
    configure(sync_window, server)
    sync_window.sync_actions.sync_now()
    wait_synced(sync_window, qtbot)
    sync_api.configure(colleague, server.url(server.lead), server.lead, False)
    sync_api.sync(colleague, password=server.lead_password)
    # the same field edited on both laptops; the colleague's edit is the later one
    with store.write() as uow:
        services.update_account(uow, acme, industry="Logistics")
    clock.advance(timedelta(minutes=5))
    with colleague.write() as uow:
        services.update_account(uow, acme, industry="Retail")
    sync_api.sync(colleague, password=server.lead_password)
    sync_window.sync_actions.sync_now()
    wait_synced(sync_window, qtbot)
    assert "Conflict log" in sync_window.statusBar().currentMessage()
    sync_window.actions_["actionConflictLog"].trigger()
    shown = [d for d in sync_window.findChildren(ConflictLogDialog) if d.isVisible()]
    assert len(shown) == 1 and shown[0].objectName() == "conflictLog"
    log = shown[0]
    model = log.model
    assert model.rowCount() == 1
    cells = [model.index(0, c).data() for c in range(1, model.columnCount())]
    assert cells[:4] == ["Acme Corp", "Industry", "Retail", "Logistics"]
    assert cells[4]  # the device that wrote the overwritten value
    assert not log.restore.isEnabled()
    log.view.selectRow(0)
    assert log.restore.isEnabled()
    qtbot.mouseClick(log.restore, Qt.MouseButton.LeftButton)
    assert _industry(store, acme) == "Logistics"
    assert not log.restore.isEnabled()  # restored: shown as such
    assert "(restored)" in str(model.index(0, 4).data())
    qtbot.keyClick(log, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _industry(store, acme) == "Retail"
    log.close()


def _industry(store: Store, account_id: str) -> str | None:
    from models.queries.clients import account_detail

    detail = account_detail(store, account_id)
    return detail.industry if detail is not None else None


def test_the_first_sync_waits_for_the_first_paint_and_the_check(
    qtbot: QtBot, db_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    from models.vault import safe_open
    from ui import window_start

    monkeypatch.setattr(window_start, "SYNC_START_DELAY_MS", 0)
    monkeypatch.setattr(window_start, "DAILY_BACKUP_DELAY_MS", 10**8)
    checked = threading.Event()
    real_finish = safe_open.finish_open

    def slow_finish(store: Store) -> object:
        checked.wait(30)  # the integrity check of a big database
        return real_finish(store)

    monkeypatch.setattr(safe_open, "finish_open", slow_finish)
    open_store(db_path).close()
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    calls: list[str] = []
    window.attached.connect(
        lambda: monkeypatch.setattr(
            window.sync_actions, "start_background", lambda: calls.append("sync")
        )
    )
    args = argparse.Namespace(db=str(db_path), demo=False, quit_after_paint=False)
    start = window_start.WindowStart(window, args)
    with qtbot.waitSignal(window.attached, timeout=20_000):
        start.begin()
    qtbot.wait(100)
    assert calls == []  # painted, but writes still wait for the check
    checked.set()
    qtbot.waitUntil(lambda: calls == ["sync"], timeout=20_000)
    window.close()
    assert start.finish() is None
    assert start.store is not None
    start.store.close()


def test_clearing_the_server_keeps_sync_set_up(
    sync_window: MainWindow, qtbot: QtBot, server: Server
) -> None:
    configure(sync_window, server)
    dialog = open_settings(sync_window, qtbot)
    page = dialog.sync_page
    assert page.server.text() == server.address and page.user.text() == server.user
    page.server.clear()
    page.user.clear()
    dialog.accept()
    assert dialog.isVisible() and "stays set up" in page.result.text()
    assert sync_api.status(sync_window.store).url == server.url()
    dialog.reject()


def test_f9_without_a_server_says_so(sync_window: MainWindow, qtbot: QtBot) -> None:
    read_status(sync_window)
    runner = sync_window.sync_actions.runner
    assert runner.phase == "off"
    qtbot.keyClick(sync_window, Qt.Key.Key_F9)
    assert "not set up" in sync_window.statusBar().currentMessage()
    # before the first status read: the worker finds nothing set up, and says so
    sync_window.statusBar().clearMessage()
    runner.status = None
    assert sync_window.sync_actions.sync_now()
    qtbot.waitUntil(lambda: not runner.running)
    assert runner.phase == "off" and "not set up" in sync_window.statusBar().currentMessage()
    # clicking the status opens Settings ▸ Team sync
    sync_window.sync_actions.status.click()
    dialogs = [d for d in sync_window.findChildren(QDialog) if d.objectName() == "settingsDialog"]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    assert dialogs[0].tabs.currentWidget().objectName() == "settingsTeamSync"  # type: ignore[attr-defined]
    dialogs[0].reject()
