"""Subcommands about unlocking: ``unlock``, ``export-recovery``, ``passphrase``, ``encrypt``.

Secrets are read from stdin (one per line), never from arguments, which other
users can see in the process list.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from models.errors import StoreError, ValidationError

# models.vault.unlock (and with it keyring) is imported inside each command: the
# parser is built at every start of the window too.


def _db(args: argparse.Namespace) -> Path:
    from models.paths import resolve_db_path

    return Path(resolve_db_path(args.db))


def _stdin_lines(count: int) -> list[str]:
    lines = [sys.stdin.readline().rstrip("\r\n") for _ in range(count)]
    if any(not line for line in lines):
        raise ValidationError("passphrase", f"expected {count} passphrase line(s) on stdin")
    return lines


def cmd_unlock(args: argparse.Namespace) -> int:
    from models.vault import unlock
    from models.vault.recovery import unlock_with_recovery

    db = _db(args)
    if args.recovery:
        result = unlock_with_recovery(db, Path(args.recovery).expanduser())
    else:
        (passphrase,) = _stdin_lines(1)
        unlock.unlock_with_passphrase(db, passphrase)
        result = {"database": str(db), "mode": unlock.MODE_PASSPHRASE}
    print(json.dumps({"unlocked": True, **result}))
    return 0


def cmd_export_recovery(args: argparse.Namespace) -> int:
    from models.vault import unlock
    from models.vault.recovery import export_recovery

    db = _db(args)
    if args.passphrase_stdin:
        unlock.unlock_with_passphrase(db, _stdin_lines(1)[0])
    target = export_recovery(db, Path(args.file).expanduser())
    print(json.dumps({"recovery_file": str(target)}))
    return 0


def _create_with_passphrase(db: Path, passphrase: str) -> None:
    """A new database protected by ``passphrase`` (for a computer without a keyring)."""
    from models.store import refuse_if_it_existed
    from models.vault import unlock
    from models.vault.safe_open import open_with_safety

    if not db.parent.is_dir():
        raise StoreError(f"the folder {db.parent} does not exist", path=str(db))
    refuse_if_it_existed(db)
    unlock.create_with_passphrase(db, passphrase)
    open_with_safety(db).close()  # brings the new file to the current schema


def cmd_passphrase(args: argparse.Namespace) -> int:
    from models.vault import rekey, unlock

    db = _db(args)
    if args.action == "on" and not db.exists():
        (new,) = _stdin_lines(1)
        _create_with_passphrase(db, new)
    elif args.action == "on":
        (new,) = _stdin_lines(1)
        rekey.switch_to_passphrase(db, new)
    elif args.action == "change":
        old, new = _stdin_lines(2)
        rekey.change_passphrase(db, old, new)
    else:
        (old,) = _stdin_lines(1)
        rekey.switch_to_keyring(db, passphrase=old)
    print(json.dumps({"database": str(db), "mode": unlock.read_state(db).mode}))
    return 0


def cmd_encrypt(args: argparse.Namespace) -> int:
    from models.vault import rekey

    db = _db(args)
    kept = rekey.encrypt_plaintext(db, keep_plain=args.keep_plain)
    print(json.dumps({"encrypted": str(db), "plain_backup": str(kept) if kept else None}))
    return 0


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("unlock", help="make a moved or restored database openable here")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--recovery", metavar="FILE", help="store the key from a recovery file")
    how.add_argument(
        "--passphrase-stdin", action="store_true", help="check the passphrase read from stdin"
    )
    p = sub.add_parser("export-recovery", help="write a recovery file (keep it safe)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--passphrase-stdin", action="store_true", help="the passphrase, from stdin")
    p = sub.add_parser(
        "passphrase",
        help="on: protect with a passphrase (a new database if none is there); change; "
        "off: back to the keyring (stdin)",
    )
    p.add_argument("action", choices=["on", "change", "off"])
    p = sub.add_parser("encrypt", help="encrypt a plain SQLite Relasi database in place")
    p.add_argument("--keep-plain", action="store_true", help="keep the plain copy")
