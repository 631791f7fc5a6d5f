"""The team-sync functions the window uses, in one place.

The window knows team sync only through the API of issue 17's contract:
``models.sync`` (``sync``, ``status``, ``configure``), ``models.sync.credentials``
(the password in the OS keyring), ``models.queries.conflicts.list_conflicts``,
``models.services.conflicts.restore_conflict`` and ``models.server.connect``
(``engine_for`` and ``check_schema`` for "Test connection"). :class:`SyncApi`
wraps them so the panes take one object, and tests can see what the window asks.

Every call that may wait on the network or the keyring is made in a worker, never
on the GUI thread (see ui/sync_runner.py).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from models.errors import RelasiError
from models.store import Store, UnitOfWork

#: What went wrong, for the status bar: the server refused the password, the server
#: cannot be reached, the schemas differ, or anything else.
AUTH, OFFLINE, SCHEMA, OTHER = "auth", "offline", "schema", "other"


@dataclass(frozen=True)
class Report:
    """What one sync did."""

    pushed: int
    pulled: int
    conflicts: int


@dataclass(frozen=True)
class Status:
    """The saved settings and the state of the change log."""

    last_sync: datetime | None
    pending: int
    url: str | None
    user: str | None
    require_tls: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.url and self.user)


@dataclass(frozen=True)
class ConflictView:
    """One overwritten value, as the conflict log shows it."""

    id: str
    at: datetime | None
    client: str
    what: str
    kept: str
    lost: str
    by: str


def _module(name: str) -> Any:
    return importlib.import_module(name)


def _text(value: object) -> str:
    return "" if value is None else str(value)


class SyncApi:
    """The contract's functions, each a thin call; nothing here keeps state."""

    def available(self) -> bool:
        """False when this build has no team sync (the models side is missing)."""
        try:
            _module("models.sync")
        except ImportError:
            return False
        return True

    def status(self, store: Store) -> Status:
        s = _module("models.sync").status(store)
        return Status(
            last_sync=s.last_sync,
            pending=int(s.pending),
            url=s.url,
            user=s.user,
            require_tls=bool(getattr(s, "require_tls", False)),
        )

    def configure(self, store: Store, url: str, user: str, require_tls: bool) -> None:
        _module("models.sync").configure(store, url, user, require_tls)

    def sync(self, store: Store, password: str | None = None) -> Report:
        r = _module("models.sync").sync(store, password=password)
        return Report(pushed=int(r.pushed), pulled=int(r.pulled), conflicts=int(r.conflicts))

    def test_connection(self, url: str, user: str, password: str | None, require_tls: bool) -> None:
        """Connect as ``user`` and check the server's schema; raises what went wrong."""
        from sqlalchemy.engine import make_url

        connect = _module("models.server.connect")
        target = make_url(url).set(username=user)
        engine = connect.engine_for(
            target.render_as_string(hide_password=False), password, require_tls=require_tls
        )
        try:
            connect.check_schema(engine)
        finally:
            engine.dispose()

    # -- the password, in the OS keyring (may block: call from a worker) -----------------
    def save_password(self, url: str, user: str, password: str) -> None:
        _module("models.sync.credentials").save_password(url, user, password)

    def load_password(self, url: str, user: str) -> str | None:
        value = _module("models.sync.credentials").load_password(url, user)
        return None if value is None else str(value)

    # -- the conflict log ----------------------------------------------------------------
    def list_conflicts(self, store: Store, *, limit: int, offset: int) -> list[ConflictView]:
        queries = _module("models.queries.conflicts")
        with store.read() as session:
            rows = queries.list_conflicts(session, limit=limit, offset=offset)
        return [self._view(row) for row in rows]

    @staticmethod
    def _view(row: Any) -> ConflictView:
        def pick(*names: str) -> object:
            for name in names:
                if getattr(row, name, None) is not None:
                    return getattr(row, name)
            return None

        table, field = _text(pick("entity", "table", "kind")), _text(pick("field", "column"))
        who = " · ".join(
            _text(v) for v in (pick("user", "user_name", "by_user"), pick("device", "device_id"))
        )
        at = pick("at", "created_at", "recorded_at")
        return ConflictView(
            id=_text(pick("id")),
            at=at if isinstance(at, datetime) else None,
            client=_text(pick("account_name", "client", "client_name")),
            what=f"{table}.{field}" if table and field else table or field,
            kept=_text(pick("kept_value", "winner_value", "winning_value", "current_value")),
            lost=_text(pick("lost_value", "loser_value", "losing_value", "value")),
            by=who.strip(" ·"),
        )

    def restore_conflict(self, uow: UnitOfWork, conflict_id: str) -> None:
        _module("models.services.conflicts").restore_conflict(uow, conflict_id)

    # -- errors --------------------------------------------------------------------------
    @staticmethod
    def kind_of(exc: BaseException) -> str:
        """Which of AUTH, OFFLINE, SCHEMA or OTHER ``exc`` is."""
        names = {cls.__name__ for cls in type(exc).__mro__}
        if "ServerAuthError" in names:
            return AUTH
        if "ServerUnreachableError" in names:
            return OFFLINE
        if "SchemaMismatchError" in names:
            return SCHEMA
        return OTHER

    @staticmethod
    def message_of(exc: BaseException) -> str:
        if isinstance(exc, RelasiError):
            return exc.message
        return f"{type(exc).__name__}"


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a team server's address (None when it can): read by
    SQLAlchemy's own URL parser, never by hand. The English reason is a key the
    settings page translates."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url.strip())
    except (ArgumentError, ValueError):
        return "unreadable"
    if parsed.get_backend_name() != "postgresql":
        return "not-postgresql"
    if parsed.password is not None:
        return "password-in-url"
    if not parsed.host:
        return "no-host"
    return None


def default_api() -> SyncApi:
    """The API the window uses (tests may replace this function)."""
    return SyncApi()
