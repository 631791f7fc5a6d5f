"""The command-line subcommands that need no window: machine-readable output on
stdout, one-line errors on stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from models.cli import safety, transfer, unlock
from models.cli.opening import open_from_args
from models.errors import RelasiError

EXIT_ERROR = 2


def fail(message: str) -> int:
    print(f"relasi: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def cmd_stats(args: argparse.Namespace) -> int:
    from models.queries.stats import live_counts

    with open_from_args(args) as store:
        print(json.dumps(live_counts(store)))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "stats": cmd_stats,
    "backup": safety.cmd_backup,
    "check": safety.cmd_check,
    "restore": safety.cmd_restore,
    "import": transfer.cmd_import,
    "export": transfer.cmd_export,
    "unlock": unlock.cmd_unlock,
    "export-recovery": unlock.cmd_export_recovery,
    "passphrase": unlock.cmd_passphrase,
    "encrypt": unlock.cmd_encrypt,
}


def add_subcommands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub.add_parser("stats", help="print live row counts as one JSON object")
    safety.add_parsers(sub)
    transfer.add_parsers(sub)
    unlock.add_parsers(sub)


def run(args: argparse.Namespace) -> int:
    """Run a window-less subcommand; every RelasiError becomes one line and status 2."""
    try:
        return COMMANDS[args.command](args)
    except RelasiError as exc:
        return fail(exc.message)
    except OSError as exc:
        return fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
