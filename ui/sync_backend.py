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

from dataclasses import dataclass
from datetime import datetime

import models.sync as sync_api
from models.errors import (
    RelasiError,
    SchemaMismatchError,
    ServerAuthError,
    ServerUnreachableError,
)
from models.queries.conflicts import ConflictRow
from models.services.conflicts import restore_conflict
from models.store import Store, UnitOfWork
from models.sync import credentials

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
    table: str
    field: str
    kept: str
    lost: str
    by: str
    restored: bool = False


def _text(value: object) -> str:
    return "" if value is None else str(value)


def with_user(url: str, user: str) -> str:
    """``url`` naming ``user`` (the server's address as models.sync keeps it)."""
    from sqlalchemy.engine import make_url

    return make_url(url.strip()).set(username=user).render_as_string(hide_password=False)


def without_user(url: str) -> str:
    """``url`` without its user (what the Server field shows beside the User field)."""
    from sqlalchemy.engine import URL, make_url

    u = make_url(url)
    bare = URL.create(u.drivername, host=u.host, port=u.port, database=u.database, query=u.query)
    return bare.render_as_string(hide_password=False)


class SyncApi:
    """The contract's functions, each a thin call; nothing here keeps state."""

    def available(self) -> bool:
        """Whether this build has team sync (kept for a build without it)."""
        return True

    def status(self, store: Store) -> Status:
        s = sync_api.status(store)
        return Status(
            last_sync=s.last_sync,
            pending=s.pending,
            url=s.url,
            user=s.user,
            require_tls=bool(getattr(s, "require_tls", False)),
        )

    def configure(self, store: Store, url: str, user: str, require_tls: bool) -> None:
        sync_api.configure(store, url, user, require_tls)

    def sync(self, store: Store, password: str | None = None) -> Report:
        r = sync_api.sync(store, password=password)
        return Report(pushed=r.pushed, pulled=r.pulled, conflicts=r.conflicts)

    def test_connection(self, url: str, password: str | None, require_tls: bool) -> None:
        """Connect to ``url`` (naming its user) and check the server's schema; raises
        what went wrong (ServerAuthError, ServerUnreachableError, SchemaMismatchError…)."""
        from models.server.connect import engine_for
        from models.server.schema import check_schema

        engine = engine_for(url, password, require_tls=require_tls)
        try:
            check_schema(engine)
        finally:
            engine.dispose()

    # -- the password, in the OS keyring (may block: call from a worker) -----------------
    def save_password(self, url: str, user: str, password: str) -> None:
        credentials.save_password(url, user, password)

    def load_password(self, url: str, user: str) -> str | None:
        return credentials.load_password(url, user)

    # -- the conflict log ----------------------------------------------------------------
    def list_conflicts(self, store: Store, *, limit: int, offset: int) -> list[ConflictView]:
        from models.queries.clients import client_rows
        from models.queries.conflicts import list_conflicts

        with store.read() as session:
            rows = list_conflicts(session, limit=limit, offset=offset)
        accounts = [r.row_id for r in rows if r.table == "accounts"]
        accounts += [str(a) for r in rows if (a := getattr(r, "account_id", None))]
        names = {id_: row.name for id_, row in client_rows(store, accounts).items()}
        return [self._view(row, names) for row in rows]

    @staticmethod
    def _view(row: ConflictRow, names: dict[str, str]) -> ConflictView:
        account = row.row_id if row.table == "accounts" else getattr(row, "account_id", None)
        return ConflictView(
            id=row.id,
            at=row.noticed_at,
            client=names.get(str(account), "") if account else "",
            table=row.table,
            field=row.field,
            kept=_text(row.kept_value),
            lost=_text(row.lost_value),
            by=row.lost_device,
            restored=row.restored_at is not None,
        )

    def restore_conflict(self, uow: UnitOfWork, conflict_id: str) -> None:
        restore_conflict(uow, conflict_id)

    # -- errors --------------------------------------------------------------------------
    @staticmethod
    def kind_of(exc: BaseException) -> str:
        """Which of AUTH, OFFLINE, SCHEMA or OTHER ``exc`` is."""
        if isinstance(exc, ServerAuthError):
            return AUTH
        if isinstance(exc, ServerUnreachableError):
            return OFFLINE
        if isinstance(exc, SchemaMismatchError):
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
    if not parsed.database:
        return "no-database"
    return None


def default_api() -> SyncApi:
    """The API the window uses (tests may replace this function)."""
    return SyncApi()
