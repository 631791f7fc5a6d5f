"""Team sync in the window: Settings ▸ Team sync (password only in the keyring), F9
syncing in the background without blocking the window, one sync at a time, the
status bar's states, the password asked again after a refusal, and the conflict
log's restore with undo."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.errors import RelasiError
from models.queries.clients import client_names
from models.store import Store, UnitOfWork
from tests.ui.test_settings_dialog import open_settings
from ui import sync_backend
from ui.conflict_log import ConflictLogDialog
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.sync_backend import ConflictView, Report, Status, SyncApi
from ui.sync_password import SyncPasswordDialog

SERVICE = "Relasi team sync"
URL = "postgresql://sync.example.test:5432/relasi"


class ServerAuthError(RelasiError):
    code = "server-auth"


class ServerUnreachableError(RelasiError):
    code = "server-unreachable"


class SchemaMismatchError(RelasiError):
    code = "schema-mismatch"


@dataclass
class FakeApi(SyncApi):
    """Temporary stand-in for models.sync until the protocol branch is merged."""

    store: Store
    clock: FixedClock
    password: str = "right horse battery"
    url: str | None = None
    user: str | None = None
    tls: bool = False
    last_sync: datetime | None = None
    pending: int = 0
    gate: threading.Event | None = None
    fail: BaseException | None = None
    syncs: int = 0
    conflicts: list[ConflictView] = field(default_factory=list)

    def available(self) -> bool:
        return True

    def status(self, store: Store) -> Status:
        return Status(self.last_sync, self.pending, self.url, self.user, self.tls)

    def configure(self, store: Store, url: str, user: str, require_tls: bool) -> None:
        self.url, self.user, self.tls = url or None, user or None, require_tls

    def sync(self, store: Store, password: str | None = None) -> Report:
        self.syncs += 1
        if self.gate is not None:
            self.gate.wait(30)
        if self.fail is not None:
            raise self.fail
        given = password or self.load_password(self.url or "", self.user or "")
        if given != self.password:
            raise ServerAuthError(f"The server refused the password for {self.user}.")
        self.last_sync, self.pending = self.clock.now(), 0
        return Report(pushed=2, pulled=0, conflicts=len(self.conflicts))

    def save_password(self, url: str, user: str, password: str) -> None:
        keyring.set_password(SERVICE, f"{user}@{url}", password)

    def load_password(self, url: str, user: str) -> str | None:
        return keyring.get_password(SERVICE, f"{user}@{url}")

    def list_conflicts(self, store: Store, *, limit: int, offset: int) -> list[ConflictView]:
        return self.conflicts[offset : offset + limit]

    def restore_conflict(self, uow: UnitOfWork, conflict_id: str) -> None:
        row = next(c for c in self.conflicts if c.id == conflict_id)
        services.update_account(uow, row.client_id, name=row.lost)  # type: ignore[attr-defined]


@pytest.fixture
def api(store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeApi]:
    fake = FakeApi(store, clock)
    monkeypatch.setattr(sync_backend, "default_api", lambda: fake)
    yield fake
    if fake.gate is not None:
        fake.gate.set()


@pytest.fixture
def sync_window(
    qtbot: QtBot, store: Store, settings: Settings, sample: dict[str, str], api: FakeApi
) -> Iterator[MainWindow]:
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def configured(api: FakeApi) -> None:
    api.url, api.user = URL, "sari"
    keyring.set_password(SERVICE, f"sari@{URL}", api.password)


def status_text(window: MainWindow) -> str:
    return window.sync_actions.status.text()


def test_settings_keep_the_password_in_the_keyring_only(
    sync_window: MainWindow, qtbot: QtBot, api: FakeApi, tmp_path: Path
) -> None:
    dialog = open_settings(sync_window, qtbot)
    page = dialog.sync_page
    dialog.tabs.setCurrentWidget(page)
    page.server.setText(URL)
    page.user.setText("sari")
    page.require_tls.setChecked(True)
    secret = "s3cret-Kata-Sandi"
    qtbot.keyClicks(page.password, secret)
    page.interval.setValue(12)
    dialog.accept()
    assert (api.url, api.user, api.tls) == (URL, "sari", True)
    qtbot.waitUntil(lambda: api.load_password(URL, "sari") == secret)
    sync_window.settings.sync()
    stored = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert "sync/interval_minutes" in stored.replace("\\", "/") or "interval_minutes" in stored
    assert secret not in stored
    # opened again, the field shows nothing of what is stored
    again = open_settings(sync_window, qtbot)
    assert again.sync_page.password.text() == ""
    assert again.sync_page.server.text() == URL and again.sync_page.require_tls.isChecked()
    assert again.sync_page.interval.value() == 12


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mysql://host/db", "must start with postgresql://"),
        ("postgresql://sari:pw@host/db", "not in the address"),
        ("postgresql:///db", "names no host"),
        ("::not a url::", "cannot be read"),
    ],
)
def test_a_bad_address_is_refused_and_nothing_saved(
    sync_window: MainWindow, qtbot: QtBot, api: FakeApi, url: str, expected: str
) -> None:
    dialog = open_settings(sync_window, qtbot)
    page = dialog.sync_page
    page.server.setText(url)
    page.user.setText("sari")
    page.password.setText("pw")
    dialog.accept()
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert expected in page.result.text()
    assert api.url is None and keyring.get_password(SERVICE, f"sari@{url}") is None


def test_f9_syncs_in_the_background_one_at_a_time(
    sync_window: MainWindow, qtbot: QtBot, api: FakeApi, clock: FixedClock
) -> None:
    configured(api)
    api.pending = 3
    sync_window.sync_actions.runner.refresh_status()
    assert "3 changes to send" in status_text(sync_window)
    api.gate = threading.Event()
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
    api.gate.set()
    qtbot.waitUntil(lambda: status_text(sync_window).startswith("Synced"))
    assert api.syncs == 1
    assert status_text(sync_window) == "Synced just now"
    clock.advance(timedelta(minutes=3))
    sync_window.sync_actions.status.update_text()
    assert status_text(sync_window) == "Synced 3 minutes ago"


def test_status_bar_states(sync_window: MainWindow, qtbot: QtBot, api: FakeApi) -> None:
    status = sync_window.sync_actions.status
    assert status.text() == "Team sync off" and status.accessibleName() == "Team sync status"
    configured(api)
    sync_window.sync_actions.runner.refresh_status()
    assert status.text() == "Not synced yet"
    api.pending = 2
    api.fail = ServerUnreachableError("The team server sync.example.test cannot be reached.")
    sync_window.sync_actions.sync_now()
    qtbot.waitUntil(lambda: status.text().startswith("Offline"))
    assert status.text() == "Offline · 2 changes to send"
    assert "cannot be reached" in status.toolTip()
    assert "Offline" in status.accessibleDescription()
    api.fail = SchemaMismatchError("The server has schema 0016; this app has 0017: update.")
    sync_window.sync_actions.sync_now()
    qtbot.waitUntil(lambda: status.text().startswith("Sync failed"))
    assert status.text() == "Sync failed: The server has schema 0016; this app has 0017: update."
    api.fail = None
    sync_window.sync_actions.sync_now()
    qtbot.waitUntil(lambda: status.text() == "Synced just now")
    # a local write changes the pending count shown
    api.pending = 5
    with sync_window.store.write() as uow:
        services.create_account(uow, "Initech")
    qtbot.waitUntil(lambda: status.text() == "Synced just now · 5 changes to send")


def test_background_syncs_run_every_interval(
    sync_window: MainWindow, qtbot: QtBot, api: FakeApi, settings: Settings
) -> None:
    configured(api)
    settings.sync_interval_minutes = 7
    runner = sync_window.sync_actions.runner
    sync_window.sync_actions.start_background()
    qtbot.waitUntil(lambda: api.syncs == 1 and not runner.running)
    assert runner.timer.isActive() and runner.timer.interval() == 7 * 60_000
    runner.timer.timeout.emit()
    qtbot.waitUntil(lambda: api.syncs == 2 and not runner.running)


def test_wrong_password_is_asked_again_and_kept_only_once_it_works(
    sync_window: MainWindow, qtbot: QtBot, api: FakeApi
) -> None:
    configured(api)
    keyring.set_password(SERVICE, f"sari@{URL}", "old password")
    sync_window.sync_actions.sync_now()
    qtbot.waitUntil(lambda: sync_window.sync_actions.password_dialog is not None)
    dialog = sync_window.sync_actions.password_dialog
    assert isinstance(dialog, SyncPasswordDialog) and dialog.isVisible()
    assert dialog.message.text() == "The server refused the password for sari."
    assert "wrong password" in status_text(sync_window)
    # background syncs pause until the password is entered again
    assert not sync_window.sync_actions.runner.sync_now(interactive=False)
    dialog.field.setText("still wrong")
    dialog.accept()
    qtbot.waitUntil(lambda: sync_window.sync_actions.password_dialog is not None)
    assert api.load_password(URL, "sari") == "old password"  # nothing stored
    again = sync_window.sync_actions.password_dialog
    assert again is not None and again is not dialog
    again.field.setText(api.password)
    again.accept()
    qtbot.waitUntil(lambda: status_text(sync_window).startswith("Synced"))
    assert api.load_password(URL, "sari") == api.password
    assert sync_window.sync_actions.password_dialog is None


def test_clicking_the_error_asks_for_the_password(
    sync_window: MainWindow, qtbot: QtBot, api: FakeApi
) -> None:
    configured(api)
    keyring.set_password(SERVICE, f"sari@{URL}", "old password")
    sync_window.sync_actions.start_background()  # in the background: no dialog pops up
    qtbot.waitUntil(lambda: "wrong password" in status_text(sync_window))
    assert sync_window.sync_actions.password_dialog is None
    sync_window.sync_actions.status.click()
    assert sync_window.sync_actions.password_dialog is not None


def test_conflict_log_restores_a_value_with_undo(
    sync_window: MainWindow, qtbot: QtBot, api: FakeApi, store: Store, sample: dict[str, str]
) -> None:
    acme = sample["acme"]
    row = ConflictView(
        id="c1",
        at=None,
        client="Acme Corp",
        what="account.name",
        kept="Acme Corp",
        lost="Acme Corporation",
        by="budi · laptop-2",
    )
    object.__setattr__(row, "client_id", acme)
    api.conflicts = [row]
    sync_window.actions_["actionConflictLog"].trigger()
    dialogs = [d for d in sync_window.findChildren(ConflictLogDialog) if d.isVisible()]
    assert len(dialogs) == 1
    log = dialogs[0]
    model = log.model
    assert model.rowCount() == 1
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells[1:] == [
        "Acme Corp",
        "account.name",
        "Acme Corp",
        "Acme Corporation",
        "budi · laptop-2",
    ]
    assert not log.restore.isEnabled()
    log.view.selectRow(0)
    assert log.restore.isEnabled()
    qtbot.mouseClick(log.restore, Qt.MouseButton.LeftButton)
    assert dict(client_names(store))[acme] == "Acme Corporation"
    sync_window.stack.undo()
    assert dict(client_names(store))[acme] == "Acme Corp"
    log.close()
    assert isinstance(log, QDialog)
