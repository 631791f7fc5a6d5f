"""The command-line subcommands that need no window: machine-readable output on
stdout, one-line errors on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from models import cli_safety, cli_transfer, cli_unlock
from models.errors import RelasiError
from models.paths import resolve_db_path
from models.store import Store

EXIT_ERROR = 2


def fail(message: str) -> int:
    print(f"relasi: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def open_from_args(args: argparse.Namespace) -> Store:
    """Open the database named by ``--db`` / RELASI_DB / the default, filling it if --demo."""
    from models.backup import open_with_safety

    store = open_with_safety(Path(resolve_db_path(args.db)))
    if getattr(args, "demo", False):
        from models.demo import fill_demo

        try:
            fill_demo(store)
        except BaseException:
            store.close()
            raise
    return store


def cmd_stats(args: argparse.Namespace) -> int:
    from models.stats import live_counts

    with open_from_args(args) as store:
        print(json.dumps(live_counts(store)))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "stats": cmd_stats,
    "backup": cli_safety.cmd_backup,
    "check": cli_safety.cmd_check,
    "restore": cli_safety.cmd_restore,
    "import": cli_transfer.cmd_import,
    "export": cli_transfer.cmd_export,
    "unlock": cli_unlock.cmd_unlock,
    "export-recovery": cli_unlock.cmd_export_recovery,
    "passphrase": cli_unlock.cmd_passphrase,
    "encrypt": cli_unlock.cmd_encrypt,
}


def add_subcommands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub.add_parser("stats", help="print live row counts as one JSON object")
    cli_safety.add_parsers(sub)
    cli_transfer.add_parsers(sub)
    cli_unlock.add_parsers(sub)


def run(args: argparse.Namespace) -> int:
    """Run a window-less subcommand; every RelasiError becomes one line and status 2."""
    try:
        return COMMANDS[args.command](args)
    except RelasiError as exc:
        return fail(exc.message)
    except OSError as exc:
        return fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
