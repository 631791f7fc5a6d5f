"""Settings ▸ Team sync: the server's address, the user, "Require TLS", the password,
how often to sync, "Test connection" and "Sync now".

The address, user and TLS choice are saved in the database by
``models.sync.configure``; the interval in QSettings; the password only in the OS
keyring (``models.sync.credentials``), never in QSettings, a log or a command line.
The password field never shows what is stored: left empty, the stored password
stays. Keyring calls and connecting can block, so they run in workers.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.errors import RelasiError
from models.store import Store
from ui.settings import Settings
from ui.sync_actions import SyncActions
from ui.sync_backend import SyncApi, url_problem, with_user, without_user
from ui.workers import run_in_thread


class SyncSettingsPage(QWidget):
    def __init__(
        self,
        settings: Settings,
        store: Store | None,
        api: SyncApi,
        actions: SyncActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsTeamSync")
        self.settings = settings
        self.store = store
        self.api = api
        self.sync_actions = actions  # the window's, if any
        status = actions.runner.status if actions is not None else None
        if status is None and store is not None and api.available():
            try:  # the window's runner had not read it yet (or there is no window)
                status = api.status(store)
            except Exception:  # an unreadable sync state: the fields start empty
                status = None
        self.saved = status
        shown = without_user(status.url) if status and status.url else ""
        self.server = QLineEdit(shown, self)
        self.server.setObjectName("syncServer")
        self.server.setPlaceholderText("postgresql://sync.example.com:5432/relasi")
        self.server.setAccessibleName(self.tr("Team server address"))
        self.user = QLineEdit(status.user or "" if status else "", self)
        self.user.setObjectName("syncUser")
        self.user.setAccessibleName(self.tr("Team server user"))
        self.require_tls = QCheckBox(self.tr("Require &TLS (refuse an unencrypted connection)"))
        self.require_tls.setObjectName("syncRequireTls")
        self.require_tls.setChecked(
            bool(status and (status.require_tls or settings.sync_require_tls))
        )
        self.password = QLineEdit(self)
        self.password.setObjectName("syncPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Team server password"))
        self.password.setPlaceholderText(self.tr("Kept in the system keyring; empty keeps it"))
        self.interval = QSpinBox(self)
        self.interval.setObjectName("syncInterval")
        self.interval.setRange(1, 240)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setValue(settings.sync_interval_minutes)
        self.interval.setAccessibleName(self.tr("Sync every minutes"))
        self.test_button = QPushButton(self.tr("Test &connection"), self)
        self.test_button.setObjectName("syncTest")
        self.test_button.clicked.connect(self.test_connection)
        self.sync_button = QPushButton(self.tr("Sync &now"), self)
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.clicked.connect(self.sync_now)
        self.result = QLabel(self)
        self.result.setObjectName("syncResult")
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Team sync result"))
        form = QFormLayout()
        form.addRow(self.tr("Ser&ver"), self.server)
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow("", self.require_tls)
        form.addRow(self.tr("Sync &every"), self.interval)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.sync_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        usable = store is not None and api.available()
        for widget in (self.server, self.user, self.password, self.require_tls):
            widget.setEnabled(usable)
        self.test_button.setEnabled(usable)
        self.sync_button.setEnabled(usable and actions is not None)
        if not api.available():
            self.result.setText(self.tr("Team sync is not part of this build."))

    # -- checks ---------------------------------------------------------------------------
    def problem(self) -> str | None:
        """Why the page cannot be saved (None: it can; both fields empty when sync was
        never set up leave it off)."""
        url, user = self.server.text().strip(), self.user.text().strip()
        if not url and not user:
            if self.saved is not None and self.saved.configured:
                return self.tr("Enter the server and user (team sync stays set up).")
            return None
        reasons = {
            "unreadable": self.tr("The server address cannot be read."),
            "not-postgresql": self.tr(
                "The server address must start with postgresql:// (a PostgreSQL server)."
            ),
            "password-in-url": self.tr(
                "Put the password in the password field, not in the address."
            ),
            "no-host": self.tr("The server address names no host."),
            "no-database": self.tr(
                "The server address names no database (postgresql://HOST:PORT/DATABASE)."
            ),
        }
        reason = url_problem(url) if url else "no-host"
        if reason is not None:
            return reasons[reason]
        if not user:
            return self.tr("Enter the user the server knows you by.")
        return None

    def _show(self, text: str) -> None:
        self.result.setText(text)

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> bool:
        """Save what the page shows (called by the dialog's OK); False if it cannot."""
        problem = self.problem()
        if problem is not None:
            self._show(problem)
            self.server.setFocus()
            return False
        self.settings.sync_interval_minutes = self.interval.value()
        if self.sync_actions is not None:
            self.sync_actions.set_interval(self.interval.value())
        if self.store is None or not self.api.available():
            return True
        address, user = self.server.text().strip(), self.user.text().strip()
        if not address:
            return True  # never set up, and left empty
        url, tls = with_user(address, user), self.require_tls.isChecked()
        saved = self.saved
        if saved is None or (saved.url, saved.user, self.settings.sync_require_tls) != (
            url,
            user,
            tls,
        ):
            try:
                self.api.configure(self.store, url, user, tls)
            except RelasiError as exc:
                self._show(exc.message)
                return False
        self.settings.sync_require_tls = tls
        password = self.password.text()
        self.password.clear()
        if password:
            self._save_password(url, user, password)
        if self.sync_actions is not None:
            self.sync_actions.runner.remember_settings(url, user, tls)
        return True

    def _save_password(self, url: str, user: str, password: str) -> None:
        """Into the keyring, in a worker (an unlock prompt may block)."""
        api = self.api
        notify = getattr(self.window().parent(), "notify", None)

        def failed(exc: BaseException) -> None:
            if callable(notify):
                notify(self.tr("The password could not be kept: {0}").format(api.message_of(exc)))

        run_in_thread(
            lambda: api.save_password(url, user, password),
            lambda _r: None,
            failed,
            self.sync_actions or self,
            name="relasi-keyring",
        )

    # -- buttons ----------------------------------------------------------------------------
    def test_connection(self) -> None:
        """Connect with what the page shows (the stored password if the field is empty)."""
        problem = self.problem()
        address, user = self.server.text().strip(), self.user.text().strip()
        if problem is None and not address:
            problem = self.tr("Enter the server's address.")
        if problem is not None:
            self._show(problem)
            return
        typed = self.password.text() or None
        tls = self.require_tls.isChecked()
        api, url = self.api, with_user(address, user)

        def work() -> None:
            password = typed if typed is not None else api.load_password(url, user)
            api.test_connection(url, password, tls)

        self.test_button.setEnabled(False)
        self._show(self.tr("Connecting…"))
        run_in_thread(work, self._tested, self._test_failed, self, name="relasi-sync-test")

    def _tested(self, _result: object) -> None:
        self.test_button.setEnabled(True)
        self._show(self.tr("Connected: the server answers and its schema matches this app."))

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self._show(self.tr("Could not connect: {0}").format(self.api.message_of(exc)))

    def sync_now(self) -> None:
        """Save, then sync in the background (the status bar follows it)."""
        if self.sync_actions is None or not self.save():
            return
        if self.sync_actions.sync_now():
            self._show(self.tr("Syncing in the background; the status bar shows how it went."))
