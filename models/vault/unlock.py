"""How a database is unlocked: the keyring (the default) or a passphrase.

Keyring mode: a random 256-bit raw key in the OS keyring (models.vault.keys).

Passphrase mode: the key is SQLCipher's own derivation of the passphrase,
PBKDF2-HMAC-SHA512 with SQLCipher 4's default 256,000 iterations and the
16-byte random salt SQLCipher keeps in the file's first 16 bytes. The file is
created by SQLCipher itself (``ATTACH ... KEY 'passphrase'``), so
``PRAGMA key = 'passphrase'`` in any SQLCipher 4 tool opens it. At open the
same derivation runs once here (``hashlib.pbkdf2_hmac``, the same function
and parameters) and the store uses the result as a raw key with its salt,
``x'<key><salt>'``: one derivation per open instead of one per pooled
connection, and backups made with that key get the same salt, so the
passphrase opens them too. No KDF code of our own, no parameters to get wrong.

Where the mode is kept: in ``<db>.unlock`` next to the database, a small JSON
file holding only ``{"mode": ..., "switching_from": ...}``. It must be
readable before any secret is known and without a keyring (passphrase mode is
for machines without one), and it holds nothing secret: it says no more than
"this file needs a passphrase". No sidecar means keyring mode (every database
made before this existed). A lost sidecar is not a lock-out: the passphrase
unlock writes it again.

Switching protocol (models.vault.rekey does the work, ``load_key`` the repair).
The database is re-encrypted into a new file next to it with
``sqlcipher_export`` (``PRAGMA rekey`` does not work in WAL mode), fsynced,
verified, and moved over the old one with ``os.replace``. Before that swap:

1. a new keyring key is stored as the *pending* entry (the current one stays);
2. the sidecar is rewritten atomically with the new mode and
   ``switching_from`` = the old mode.

After the swap: the pending key becomes current (or the old keyring entry is
deleted when the new mode is a passphrase), then the sidecar loses
``switching_from``. A process killed at any point leaves the old file with its
old secret or the new file with its new secret, and a sidecar that still says
a switch was under way. ``load_key`` then tries every secret it can get
without asking (current, then pending keyring key) and, when the switch
involves a passphrase, asks for it; whichever opens the file says which side
of the swap the kill fell on, and the sidecar and keyring are set to match.

Nothing here logs or formats a key or a passphrase.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from models.errors import KeyMissingError, StoreError, ValidationError
from models.vault import keys
from models.vault.quiet import quiet_sqlcipher

MODE_KEYRING = "keyring"
MODE_PASSPHRASE = "passphrase"
MODE_PLAINTEXT = "plaintext"  # only as "switching_from", while encrypting a plain file
KDF_ITERATIONS = 256_000  # SQLCipher 4's default kdf_iter
SALT_BYTES = 16
SIDECAR_SUFFIX = ".unlock"
REKEY_SUFFIX = ".rekey-tmp"

_RAW_KEY = re.compile(r"^[xX]'[0-9a-fA-F]*'$")


class PassphraseRequiredError(StoreError):
    """The database is protected by a passphrase; ask for it, then ``unlock_with_passphrase``."""

    code = "passphrase-required"


class WrongPassphraseError(StoreError):
    code = "wrong-passphrase"


@dataclass(frozen=True)
class UnlockState:
    """What the sidecar says: the mode, and the mode a switch started from."""

    mode: str = MODE_KEYRING
    switching_from: str | None = None


# Keys unlocked by a passphrase in this process, by absolute path (never on disk).
_unlocked: dict[str, bytes] = {}


def _abs(path: Path) -> Path:
    return Path(os.path.abspath(path))


def sidecar_path(db_path: Path) -> Path:
    return Path(f"{_abs(db_path)}{SIDECAR_SUFFIX}")


def rekey_tmp_path(db_path: Path) -> Path:
    db_path = _abs(db_path)
    return db_path.with_name(f".{db_path.name}{REKEY_SUFFIX}")


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_temp(path: Path, data: bytes) -> Path:
    """``data`` written and fsynced under a temporary name next to ``path`` (mode 0600)."""
    tmp = path.with_name(f".{path.name}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    return tmp


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file, fsync, replace), mode 0600."""
    os.replace(_write_temp(path, data), path)
    fsync_dir(path.parent)


def write_private_new(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file ``path`` (mode 0600); FileExistsError if it exists.

    The data is written and fsynced under a temporary name, then linked to ``path``:
    ``link`` never replaces a file, so nothing that appeared meanwhile is overwritten.
    """
    tmp = _write_temp(path, data)
    try:
        os.link(tmp, path)
    finally:
        tmp.unlink()
    fsync_dir(path.parent)


def read_state(db_path: Path) -> UnlockState:
    path = sidecar_path(db_path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return UnlockState()
    except OSError as exc:
        raise StoreError(f"{path} cannot be read ({exc.strerror})", path=str(path)) from None
    try:
        data = json.loads(raw)
        mode = data["mode"]
        switching = data.get("switching_from")
        if mode not in (MODE_KEYRING, MODE_PASSPHRASE) or switching not in (
            None,
            MODE_KEYRING,
            MODE_PASSPHRASE,
            MODE_PLAINTEXT,
        ):
            raise ValueError(mode)
    except (ValueError, TypeError, KeyError):
        raise StoreError(
            f"{path} is damaged; it only says how the database is unlocked: delete it to "
            "use the keyring, or unlock with the passphrase to write it again",
            path=str(path),
        ) from None
    return UnlockState(mode=mode, switching_from=switching)


def write_state(db_path: Path, state: UnlockState) -> None:
    """Record the mode; plain keyring mode is the absence of a sidecar."""
    path = sidecar_path(db_path)
    if state == UnlockState():
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            fsync_dir(path.parent)
        return
    body = {"mode": state.mode, "switching_from": state.switching_from}
    write_private(path, (json.dumps(body) + "\n").encode("utf-8"))


def check_passphrase(passphrase: str) -> None:
    """Refuse passphrases SQLCipher would not take as a passphrase."""
    if not passphrase:
        raise ValidationError("passphrase", "the passphrase is empty")
    if "\x00" in passphrase:
        raise ValidationError("passphrase", "the passphrase contains a NUL character")
    if _RAW_KEY.match(passphrase):
        raise ValidationError("passphrase", "a passphrase cannot look like a raw key (x'…')")


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """SQLCipher 4's key for ``passphrase`` and ``salt``, followed by the salt (48 bytes)."""
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)
    return key + salt


def file_salt(db_path: Path) -> bytes:
    with _abs(db_path).open("rb") as f:
        salt = f.read(SALT_BYTES)
    if len(salt) != SALT_BYTES:
        raise StoreError(f"{db_path} is too small to be a Relasi database", path=str(db_path))
    return salt


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def passphrase_pragma(passphrase: str) -> str:
    """``PRAGMA key = '...'`` with the passphrase as an SQL string literal (quotes doubled)."""
    return "PRAGMA key = '" + passphrase.replace("'", "''") + "'"


def key_opens(db_path: Path, key: bytes) -> bool:
    """Whether ``key`` decrypts the file (read-only; nothing is written)."""
    quiet_sqlcipher()
    try:
        conn = sqlcipher3.connect(f"{_abs(db_path).as_uri()}?mode=ro", uri=True)
    except sqlcipher3.Error:
        return False
    try:
        conn.execute(key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def remember(db_path: Path, key: bytes) -> None:
    _unlocked[str(_abs(db_path))] = key


def forget(db_path: Path | None = None) -> None:
    """Drop a remembered passphrase key (all of them without a path)."""
    if db_path is None:
        _unlocked.clear()
    else:
        _unlocked.pop(str(_abs(db_path)), None)


def _passphrase_needed(db_path: Path, state: UnlockState) -> PassphraseRequiredError:
    return PassphraseRequiredError(
        f"{db_path} is protected by a passphrase; enter it to unlock the database",
        path=str(db_path),
    )


def load_key(db_path: Path) -> bytes:
    """The key that opens the existing database at ``db_path`` (keyring or passphrase)."""
    db_path = _abs(db_path)
    remembered = _unlocked.get(str(db_path))
    if remembered is not None:
        return remembered
    state = read_state(db_path)
    if state.switching_from is not None:
        return _settle(db_path, state, None)
    if state.mode == MODE_PASSPHRASE:
        raise _passphrase_needed(db_path, state)
    return keys.keyring_key(db_path)


def _quiet(action: object, *args: object, **kwargs: object) -> None:
    with contextlib.suppress(StoreError):
        action(*args, **kwargs)  # type: ignore[operator]


def _settle(db_path: Path, state: UnlockState, derived: bytes | None) -> bytes:
    """Finish or undo a switch that a killed process left half done (see the docstring)."""
    with contextlib.suppress(FileNotFoundError):
        rekey_tmp_path(db_path).unlink()
    failures: list[StoreError] = []
    for pending in (False, True):
        try:
            key = keys.keyring_key(db_path, pending=pending)
        except StoreError as exc:
            failures.append(exc)
            continue
        if key_opens(db_path, key):
            if pending:
                keys.store_key(db_path, key)
            _quiet(keys.delete_key, db_path, pending=True)
            write_state(db_path, UnlockState())
            return key
    involves_passphrase = MODE_PASSPHRASE in (state.mode, state.switching_from)
    if derived is not None and key_opens(db_path, derived):
        write_state(db_path, UnlockState(MODE_PASSPHRASE))
        _quiet(keys.delete_key, db_path, pending=True)
        _quiet(keys.delete_key, db_path)
        remember(db_path, derived)
        return derived
    if derived is not None:
        raise WrongPassphraseError(
            "wrong passphrase (a change of passphrase was interrupted: try the old one "
            "and the new one)",
            path=str(db_path),
        )
    if involves_passphrase:
        raise _passphrase_needed(db_path, state)
    raise (
        failures[0]
        if failures
        else KeyMissingError(
            f"no key opens {db_path}; {keys.moved_hint(db_path)}", path=str(db_path)
        )
    )


def unlock_with_passphrase(db_path: Path, passphrase: str) -> bytes:
    """Check ``passphrase`` against the database and remember its key for this process.

    Raises WrongPassphraseError (the file is untouched) or ValidationError (empty).
    A database whose sidecar was lost gets it back.
    """
    check_passphrase(passphrase)
    db_path = _abs(db_path)
    state = read_state(db_path)
    derived = derive_key(passphrase, file_salt(db_path))
    if state.switching_from is not None:
        return _settle(db_path, state, derived)
    if not key_opens(db_path, derived):
        raise WrongPassphraseError("wrong passphrase", path=str(db_path))
    if state.mode != MODE_PASSPHRASE:
        write_state(db_path, UnlockState(MODE_PASSPHRASE))
    remember(db_path, derived)
    return derived


def create_with_passphrase(db_path: Path, passphrase: str) -> bytes:
    """Make a new, empty database protected by ``passphrase`` (open it with open_store next)."""
    check_passphrase(passphrase)
    db_path = _abs(db_path)
    if db_path.exists():
        raise StoreError(f"{db_path} already exists", path=str(db_path))
    conn = sqlcipher3.connect(str(db_path), isolation_level=None)
    try:
        conn.execute(passphrase_pragma(passphrase))
        conn.execute("CREATE TABLE relasi_new(x)")
        conn.execute("DROP TABLE relasi_new")
    finally:
        conn.close()
    os.chmod(db_path, 0o600)
    write_state(db_path, UnlockState(MODE_PASSPHRASE))
    key = derive_key(passphrase, file_salt(db_path))
    remember(db_path, key)
    return key


@dataclass(frozen=True)
class Reauth:
    """Re-checks the secret of an open store (the app lock): no key leaves this object."""

    db_path: Path
    key: bytes

    @property
    def mode(self) -> str:
        """MODE_PASSPHRASE or MODE_KEYRING: how the lock screen asks."""
        return read_state(self.db_path).mode

    def passphrase(self, passphrase: str) -> bool:
        """True when ``passphrase`` derives this store's key (runs the KDF: ~0.2 s)."""
        if not passphrase or len(self.key) != keys.SALTED_KEY_BYTES:
            return False
        derived = derive_key(passphrase, self.key[keys.KEY_BYTES :])
        return hmac.compare_digest(derived, self.key)

    def keyring(self) -> bool:
        """True when the keyring still gives this store's key (may block on a prompt)."""
        return hmac.compare_digest(keys.keyring_key(self.db_path), self.key)
