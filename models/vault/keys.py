"""Database keys: a random 256-bit raw key per database, kept in the OS keyring.

The key is never written to a file. Keyring failures become StoreErrors with a
clear one-line message; they never fall back to storing the key in plain.

Each database has up to two keyring entries (service ``Relasi``):
``database-key:<absolute path>`` (the current key) and
``database-key-pending:<absolute path>`` (a new key while a re-key is under
way; see models.vault.unlock for the protocol).

``keyring_key`` only reads the keyring. The one question "which key opens this
database?" is ``models.vault.unlock.load_key``: it knows whether the database uses
the keyring or a passphrase and finishes a switch that a killed process left half done.
"""

from __future__ import annotations

import binascii
import secrets
import sys
from pathlib import Path

import keyring
import keyring.core
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import fail as fail_backend

from models.errors import KeyMissingError, KeyringUnavailableError

SERVICE = "Relasi"
KEY_BYTES = 32
#: A passphrase-derived key carries its 16-byte salt (see models.vault.unlock).
SALTED_KEY_BYTES = 48


def key_username(db_path: Path, *, pending: bool = False) -> str:
    """The keyring entry name for a database: its absolute, resolved path."""
    kind = "database-key-pending" if pending else "database-key"
    return f"{kind}:{db_path.resolve()}"


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _backend_failed(exc: BaseException, doing: str) -> KeyringUnavailableError:
    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyringUnavailableError(
            f"the keyring is locked and was not unlocked, so it refused to {doing}; "
            "unlock it (your login password) and try again"
        )
    if isinstance(exc, keyring.errors.KeyringError):
        return KeyringUnavailableError(f"the keyring refused to {doing}: {exc}")
    return KeyringUnavailableError(
        f"the keyring failed ({type(exc).__name__}) and could not {doing}; "
        "check that the keyring service is running"
    )


#: The one backend each platform's desktop keeps secrets in. keyring's own detection
#: imports and asks every installed backend (the macOS one alone costs about 120 ms on
#: Linux), at every start of the window.
PLATFORM_BACKENDS = {
    "linux": "keyring.backends.SecretService.Keyring",
    "darwin": "keyring.backends.macOS.Keyring",
    "win32": "keyring.backends.Windows.WinVaultKeyring",
}


def _platform_backend() -> KeyringBackend | None:
    """This platform's backend if it is usable here (its Secret Service answers)."""
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    name = PLATFORM_BACKENDS.get(platform)
    if name is None:
        return None
    try:
        return keyring.core.load_keyring(name)  # asks the backend whether it is viable
    except Exception:
        return None


def choose_backend() -> None:
    """Set the keyring backend once per process, cheaply, the way keyring would.

    A backend already set (by the program, or a test's in-memory one) stays; then,
    like keyring: ``PYTHON_KEYRING_BACKEND``, then ``keyringrc.cfg``; then the
    platform's own backend; only when that is not usable, keyring's full detection
    (a KWallet without Secret Service, a backend from a plugin).
    """
    if keyring.core._keyring_backend is not None:  # no public "is it set?" in keyring
        return
    chosen = keyring.core.load_env() or keyring.core.load_config() or _platform_backend()
    if chosen is None:
        keyring.core.init_backend()
    else:
        keyring.set_keyring(chosen)


def _check_backend() -> None:
    try:
        choose_backend()
        backend = keyring.get_keyring()
    except Exception as exc:
        raise _backend_failed(exc, "start") from None
    if isinstance(backend, fail_backend.Keyring):
        raise KeyringUnavailableError(
            "no usable keyring (Secret Service, Keychain or Credential Manager) was found; "
            "install and start one, e.g. gnome-keyring, or protect the database with a "
            "passphrase instead"
        )


def require_keyring() -> None:
    """Raise KeyringUnavailableError (with the reason) when there is no keyring backend."""
    _check_backend()


def moved_hint(db_path: Path) -> str:
    return (
        "if the database was moved or copied from another computer, run "
        f"'relasi --db {db_path} unlock --recovery FILE' with its recovery file "
        "(or 'unlock --passphrase-stdin' if it uses a passphrase)"
    )


def keyring_key(db_path: Path, *, pending: bool = False) -> bytes:
    """The key in the keyring entry for ``db_path``; KeyMissingError / KeyringUnavailableError."""
    _check_backend()
    try:
        stored = keyring.get_password(SERVICE, key_username(db_path, pending=pending))
    except Exception as exc:
        raise _backend_failed(exc, "give the key") from None
    if stored is None:
        raise KeyMissingError(
            f"the key for {db_path} is not in the keyring (service {SERVICE!r}); "
            f"the database cannot be opened without it; {moved_hint(db_path)}",
            path=str(db_path),
        )
    try:
        key = binascii.unhexlify(stored)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) not in (KEY_BYTES, SALTED_KEY_BYTES):
        raise KeyMissingError(
            f"the keyring entry for {db_path} is not a Relasi key (changed by another "
            "program?); restore it with 'unlock --recovery FILE'",
            path=str(db_path),
        )
    return key


def has_key(db_path: Path) -> bool:
    """Whether the keyring holds a current or pending entry for ``db_path``."""
    _check_backend()
    try:
        return any(
            keyring.get_password(SERVICE, key_username(db_path, pending=p)) is not None
            for p in (False, True)
        )
    except Exception as exc:
        raise _backend_failed(exc, "look up the key") from None


def store_key(db_path: Path, key: bytes, *, pending: bool = False) -> None:
    """Put a database key in the keyring and read it back.

    Raises KeyringUnavailableError when the keyring fails, or when it accepts the key
    but does not give it back (keyring's ``null`` backend, a broken one): a database
    written with a key that is kept nowhere could never be opened again.
    """
    _check_backend()
    username = key_username(db_path, pending=pending)
    try:
        keyring.set_password(SERVICE, username, key.hex())
        stored = keyring.get_password(SERVICE, username)
    except Exception as exc:
        raise _backend_failed(exc, "store the key") from None
    if stored is None or stored.lower() != key.hex():
        backend = type(keyring.get_keyring())
        raise KeyringUnavailableError(
            f"the keyring ({backend.__module__}.{backend.__name__}) did not keep the key "
            f"for {db_path}, so nothing was written; use a working keyring, or protect "
            f"the database with a passphrase: 'relasi --db {db_path} passphrase on' "
            "(reads it from standard input)"
        )


def delete_key(db_path: Path, *, pending: bool = False) -> None:
    """Remove a keyring entry; a missing entry is fine, a failing keyring raises."""
    _check_backend()
    try:
        keyring.delete_password(SERVICE, key_username(db_path, pending=pending))
    except keyring.errors.PasswordDeleteError:
        return
    except Exception as exc:
        raise _backend_failed(exc, "delete the key") from None
