"""What :mod:`models.sync`'s API does: settings in ``sync_state``, the password from the
keyring, the schema check, then :func:`models.sync.client.run`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from models.errors import ServerAuthError, ValidationError
from models.server.connect import engine_for, parse_url
from models.server.schema import check_schema
from models.store import Store
from models.sync.client import run
from models.sync.credentials import load_password
from models.sync.outbox import start_recording
from models.sync.report import SyncError, SyncReport, SyncStatus
from models.sync.server_ops import NeedsPull


def _settings(store: Store) -> tuple[str | None, str | None, bool]:
    with store.read() as session:
        url, user, tls = session.execute(
            text("SELECT server_url, user_name, require_tls FROM sync_state WHERE id = 1")
        ).one()
    return url, user, bool(tls)


def user_of(url: str, user: str | None = None) -> str:
    """The server user: given, or the one in the address."""
    name = user or parse_url(url)[0].username
    if not name:
        raise ValidationError("user", "no server user: give one (postgresql://USER@HOST/DB)")
    return str(name)


def save_settings(store: Store, url: str, user: str, require_tls: bool) -> None:
    _clean, password = parse_url(url)
    if password is not None:
        raise ValidationError("url", "the server address must not carry a password")
    with store.write() as uow:
        start_recording(uow.session)
        uow.session.execute(
            text(
                "UPDATE sync_state SET server_url = :u, user_name = :n, require_tls = :t "
                "WHERE id = 1"
            ),
            {"u": url, "n": user, "t": int(require_tls)},
        )


def read_status(store: Store) -> SyncStatus:
    with store.read() as session:
        url, user, last, pending = session.execute(
            text(
                "SELECT server_url, user_name, last_sync_at, "
                "(SELECT count(*) FROM sync_changes WHERE seq > pushed_upto) "
                "FROM sync_state WHERE id = 1"
            )
        ).one()
    return SyncStatus(datetime.fromisoformat(last) if last else None, int(pending), url, user)


def run_sync(
    store: Store, url: str | None, password: str | None, *, require_tls: bool | None
) -> SyncReport:
    saved_url, saved_user, saved_tls = _settings(store)
    url = url or saved_url
    if not url:
        raise SyncError("no team server is set: give its address (postgresql://USER@HOST/DB)")
    user = user_of(url, saved_user if url == saved_url else None)
    tls = saved_tls if require_tls is None else require_tls
    if password is None:
        password = load_password(url, user)
    if password is None:
        raise ServerAuthError(f"no password for {user} on the team server is saved")
    clean = parse_url(url)[0].set(username=user)
    engine = engine_for(clean.render_as_string(hide_password=False), password, require_tls=tls)
    try:
        check_schema(engine)
        with store.write() as uow:
            start_recording(uow.session)
        counts = run(store, engine)
    except NeedsPull as exc:
        raise SyncError(str(exc)) from None
    except DBAPIError as exc:
        first = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise SyncError(f"the team server refused the sync: {first}") from None
    finally:
        engine.dispose()
    if (url, user, tls) != (saved_url, saved_user, saved_tls):
        save_settings(store, url, user, tls)
    return SyncReport(counts.pushed, counts.pulled, counts.conflicts)
