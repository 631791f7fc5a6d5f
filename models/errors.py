"""Exceptions the data layer raises; the UI and the CLI decide how to show them.

Each carries a stable ``code`` (for the UI to pick a translated message) and an
English one-line ``message`` (what the command line prints).
"""

from __future__ import annotations

import errno


class RelasiError(Exception):
    """Base of every error Relasi reports to a user."""

    code = "error"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


class StoreError(RelasiError):
    """The database cannot be opened or used."""

    code = "store"


class FolderMissingError(StoreError):
    code = "folder-missing"


class NotADatabaseError(StoreError):
    """The file is not a Relasi database (or its key does not match)."""

    code = "not-a-database"


class DatabaseInUseError(StoreError):
    """Another Relasi (a window or a command) holds the database; restore and re-key
    must wait until it is closed."""

    code = "in-use"


class DiskFullError(StoreError):
    """The disk (or the file system's quota) is full; the database itself is fine."""

    code = "disk-full"


class PlaintextDatabaseError(StoreError):
    """The file is an unencrypted SQLite database."""

    code = "plaintext"


class KeyMissingError(StoreError):
    """The database exists but its key is not in the keyring."""

    code = "key-missing"


class KeyringUnavailableError(StoreError):
    """No usable keyring backend, or the backend failed."""

    code = "keyring-unavailable"


class TooNewError(StoreError):
    """The database was written by a newer Relasi."""

    code = "too-new"


class SqliteTooOldError(StoreError):
    code = "sqlite-too-old"


class ValidationError(RelasiError):
    """Input refused, with the field it is about."""

    code = "invalid"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(RelasiError):
    code = "not-found"


class ImportRefusedError(RelasiError):
    """A file offered for import is not what it claims (binary, empty, too large, wrong format)."""

    code = "import-refused"


class ImportCancelledError(RelasiError):
    """The user cancelled an import; nothing was written."""

    code = "import-cancelled"


#: SQLite's result code for "database or disk is full".
SQLITE_FULL = 13


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (or the driver error SQLAlchemy wrapped in it) says the disk is full."""
    for e in (exc, getattr(exc, "orig", None)):
        if e is None:
            continue
        if isinstance(e, DiskFullError) or getattr(e, "sqlite_errorcode", None) == SQLITE_FULL:
            return True
        if isinstance(e, OSError) and e.errno == errno.ENOSPC:
            return True
        if "database or disk is full" in str(e):
            return True
    return False


def unreadable(path: object, exc: BaseException) -> StoreError:
    """The error for a database file the driver refused: a full disk says so (the file is
    fine), anything else is a file that is not ours or a key that does not match."""
    if is_disk_full(exc):
        return DiskFullError(
            f"the disk holding {path} is full; free some space and try again "
            "(the database was left as it is)",
            path=str(path),
        )
    return NotADatabaseError(
        f"{path} is not a Relasi database, or its key does not match", path=str(path)
    )


def describe(exc: BaseException) -> str:
    """One line saying what went wrong, for any exception (a driver error's own text)."""
    if isinstance(exc, RelasiError):
        return exc.message
    if is_disk_full(exc):
        return "the disk is full"
    orig = getattr(exc, "orig", None)  # SQLAlchemy wraps the DB-API error
    if orig is not None:
        return str(orig) or type(orig).__name__
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc) or type(exc).__name__


class ServerError(RelasiError):
    """The team server (PostgreSQL) could not be used; the laptop's own data is untouched."""

    code = "server"


class ServerAuthError(ServerError):
    """The team server refused the user name or password (never part of the message)."""

    code = "server-auth"


class ServerUnreachableError(ServerError):
    """The team server did not answer (offline, wrong address, firewall, timeout)."""

    code = "server-unreachable"


class ServerTlsError(ServerError):
    """TLS was required and the team server does not offer it (or the handshake failed)."""

    code = "server-tls"


class SchemaMismatchError(ServerError):
    """The team server's schema version differs from this Relasi's (one clear message:
    which version each has and what to do)."""

    code = "schema-mismatch"

    def __init__(self, message: str, *, server: str | None, app: str) -> None:
        super().__init__(message)
        self.server_version = server
        self.app_version = app
