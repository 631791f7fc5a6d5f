"""The ``backup``, ``check`` and ``restore`` subcommands (registered by models.cli.main).

Each prints one JSON line on stdout; failures raise a RelasiError, which
``models.cli.main.run`` prints as one line on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def _db(args: argparse.Namespace) -> Path:
    from models.paths import resolve_db_path

    return Path(resolve_db_path(args.db))


def cmd_backup(args: argparse.Namespace) -> int:
    from models.vault.backup import backup_store
    from models.vault.safe_open import open_with_safety

    with open_with_safety(_db(args), create=False) as store:
        to = Path(args.to).expanduser() if args.to else None
        result = backup_store(store, to=to)
    print(json.dumps(result.as_json()))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from models.vault.integrity import DamagedDatabaseError, full_check
    from models.vault.safe_open import open_with_safety

    with open_with_safety(_db(args), create=False, check=False, trash_retention=None) as store:
        result = full_check(store)
    print(json.dumps(result.as_json()))
    if not result.ok:
        raise DamagedDatabaseError(
            f"{store.path} failed the check: {result.problems[0]}"
            + (f" (and {len(result.problems) - 1} more)" if len(result.problems) > 1 else ""),
            path=str(store.path),
            problems=result.problems,
        )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from models.errors import StoreError
    from models.vault import unlock
    from models.vault.restore import restore_backup

    db = _db(args)
    if not db.parent.is_dir():
        raise StoreError(f"the folder {db.parent} does not exist", path=str(db))
    result = restore_backup(db, Path(args.backup).expanduser(), unlock.load_key(db))
    print(json.dumps(result.as_json()))
    return 0


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = sub.add_parser("backup", help="make a verified, encrypted backup now")
    backup.add_argument(
        "--to", metavar="PATH", help="backup file to write (default: the backups folder)"
    )
    sub.add_parser("check", help="run the full integrity check; exit 2 if it fails")
    restore = sub.add_parser(
        "restore", help="replace the database with a backup (after backing it up)"
    )
    restore.add_argument("backup", metavar="PATH", help="the backup file to restore")
