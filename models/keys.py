"""Database keys: a random 256-bit raw key per database, kept in the OS keyring.

The key is never written to a file. Keyring failures become StoreErrors with a
clear message; they never fall back to storing the key in plain.
"""

from __future__ import annotations

import binascii
import contextlib
import secrets
from pathlib import Path

import keyring
import keyring.errors
from keyring.backends import fail as fail_backend

from models.errors import KeyMissingError, KeyringUnavailableError

SERVICE = "Relasi"
KEY_BYTES = 32


def key_username(db_path: Path) -> str:
    """The keyring entry name for a database: its absolute, resolved path."""
    return f"database-key:{db_path.resolve()}"


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _check_backend() -> None:
    backend = keyring.get_keyring()
    if isinstance(backend, fail_backend.Keyring):
        raise KeyringUnavailableError(
            "no usable keyring (Secret Service, Keychain or Credential Manager) was found; "
            "install and start one, e.g. gnome-keyring"
        )


def load_key(db_path: Path) -> bytes:
    """The key of an existing database, or KeyMissingError / KeyringUnavailableError."""
    _check_backend()
    try:
        stored = keyring.get_password(SERVICE, key_username(db_path))
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailableError(f"the keyring refused to give the key: {exc}") from None
    if stored is None:
        raise KeyMissingError(
            f"the key for {db_path} is not in the keyring (service {SERVICE!r}); "
            "the database cannot be opened without it",
            path=str(db_path),
        )
    try:
        key = binascii.unhexlify(stored)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyMissingError(
            f"the keyring entry for {db_path} is not a Relasi key (changed by another program?)",
            path=str(db_path),
        )
    return key


def store_key(db_path: Path, key: bytes) -> None:
    """Put a database key in the keyring; raises KeyringUnavailableError on failure."""
    _check_backend()
    try:
        keyring.set_password(SERVICE, key_username(db_path), key.hex())
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailableError(f"the keyring refused to store the key: {exc}") from None


def delete_key(db_path: Path) -> None:
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        keyring.delete_password(SERVICE, key_username(db_path))
