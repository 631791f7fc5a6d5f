"""Exceptions the data layer raises; the UI and the CLI decide how to show them.

Each carries a stable ``code`` (for the UI to pick a translated message) and an
English one-line ``message`` (what the command line prints).
"""

from __future__ import annotations


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


def describe(exc: BaseException) -> str:
    """One line saying what went wrong, for any exception (a driver error's own text)."""
    if isinstance(exc, RelasiError):
        return exc.message
    orig = getattr(exc, "orig", None)  # SQLAlchemy wraps the DB-API error
    if orig is not None:
        return str(orig) or type(orig).__name__
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc) or type(exc).__name__
