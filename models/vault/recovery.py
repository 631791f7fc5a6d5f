"""Recovery files: the database's raw key, to open it on another machine.

A recovery file is a small JSON document, mode 0600:
``{"format": "relasi-recovery", "version": 1, "database": "relasi.db",
"key": "<hex>", "check": "<8 hex>"}`` where ``check`` is the start of the
SHA-256 of the key (catches a mistyped or truncated copy). It opens the
database without the keyring or the passphrase, so it must be kept like one:
on a USB stick in a drawer, printed, or in a password manager.

``unlock_with_recovery`` checks the key against the database and stores it in
this machine's keyring: the database is in keyring mode afterwards (a
passphrase, if it had one, still opens it too until it is re-keyed).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from models.errors import StoreError
from models.store import Store
from models.vault import keys, unlock

FORMAT = "relasi-recovery"
MAX_BYTES = 4096


class RecoveryFileError(StoreError):
    code = "recovery-file"


def _check(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:8]


def export_recovery(source: Store | Path, target: Path) -> Path:
    """Write the recovery file for an open store (or a database path) to ``target``.

    ``target`` must not exist: an existing file (the database itself, a note) is
    never overwritten.
    """
    if isinstance(source, Store):
        db_path, key = source.path, source.key
    else:
        db_path = Path(os.path.abspath(source))
        key = unlock.load_key(db_path)
    target = Path(os.path.abspath(target))
    if not target.parent.is_dir():
        raise RecoveryFileError(f"the folder {target.parent} does not exist", path=str(target))
    body = {
        "format": FORMAT,
        "version": 1,
        "database": db_path.name,
        "key": key.hex(),
        "check": _check(key),
    }
    exists = f"{target} already exists; choose a new file name"
    if target.exists() or target.is_symlink():
        raise RecoveryFileError(exists, path=str(target))
    try:
        unlock.write_private_new(target, (json.dumps(body) + "\n").encode("utf-8"))
    except FileExistsError:
        raise RecoveryFileError(exists, path=str(target)) from None
    return target


def read_recovery(path: Path) -> tuple[bytes, str]:
    """The key and the database name in a recovery file, or RecoveryFileError."""
    try:
        raw = Path(path).read_bytes()[: MAX_BYTES + 1]
    except OSError as exc:
        raise RecoveryFileError(f"{path} cannot be read ({exc.strerror})", path=str(path)) from None
    try:
        if len(raw) > MAX_BYTES:
            raise ValueError("too large")
        data: Any = json.loads(raw.decode("utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError("format")
        key = bytes.fromhex(str(data["key"]))
        name = str(data.get("database", ""))
    except (ValueError, KeyError, AttributeError, UnicodeDecodeError):
        raise RecoveryFileError(f"{path} is not a Relasi recovery file", path=str(path)) from None
    if len(key) not in (keys.KEY_BYTES, keys.SALTED_KEY_BYTES) or data.get("check") != _check(key):
        raise RecoveryFileError(f"{path} is damaged (its checksum does not match)", path=str(path))
    return key, name


def unlock_with_recovery(db_path: Path, recovery: Path) -> dict[str, str]:
    """Verify the recovery file's key against the database, then keep it in the keyring."""
    db_path = Path(os.path.abspath(db_path))
    if not db_path.is_file():
        raise StoreError(f"{db_path} does not exist", path=str(db_path))
    key, name = read_recovery(recovery)
    if not unlock.key_opens(db_path, key):
        made_for = f" (it was made for {name!r})" if name else ""
        raise RecoveryFileError(
            f"the recovery file {recovery} does not open {db_path}{made_for}",
            path=str(db_path),
        )
    keys.store_key(db_path, key)
    with contextlib.suppress(StoreError):
        keys.delete_key(db_path, pending=True)
    with contextlib.suppress(FileNotFoundError):
        unlock.rekey_tmp_path(db_path).unlink()
    unlock.write_state(db_path, unlock.UnlockState())
    unlock.forget(db_path)
    return {"database": str(db_path), "mode": unlock.MODE_KEYRING}
