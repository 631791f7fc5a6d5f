"""Team sync: laptops that work offline and sync through the team's PostgreSQL server.

The API the window and the command line use: :func:`sync` (one full sync: pull and
merge, then push), :func:`status` (last sync, pending changes, server and user),
:func:`configure` (the server address, user and TLS choice, kept in the database; the
password lives in the keyring, :mod:`models.sync.credentials`). Errors are
:class:`SyncError` or the server's own (``ServerAuthError``,
``ServerUnreachableError``, ``SchemaMismatchError`` from :mod:`models.errors`).

How it works: :mod:`models.sync.tables` (what is synced, the recording triggers),
:mod:`models.sync.outbox` (stamping), :mod:`models.sync.merge`,
:mod:`models.sync.client` and :mod:`models.sync.server_ops`. The implementation is
imported when first used (the store imports :mod:`models.sync.outbox`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.sync.report import SyncError, SyncReport, SyncStatus

if TYPE_CHECKING:
    from models.store import Store


def sync(
    store: Store,
    url: str | None = None,
    password: str | None = None,
    *,
    require_tls: bool | None = None,
) -> SyncReport:
    """Sync with the server (None: the saved settings and the keyring's password)."""
    from models.sync.api import run_sync

    return run_sync(store, url, password, require_tls=require_tls)


def status(store: Store) -> SyncStatus:
    from models.sync.api import read_status

    return read_status(store)


def configure(store: Store, url: str, user: str, require_tls: bool) -> None:
    """Save the server address, user and TLS choice (the password goes to the keyring)."""
    from models.sync.api import save_settings

    save_settings(store, url, user, require_tls)


__all__ = ["SyncError", "SyncReport", "SyncStatus", "configure", "status", "sync"]
