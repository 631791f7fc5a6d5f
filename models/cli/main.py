"""The command-line subcommands that need no window: machine-readable output on
stdout, one-line errors on stderr with exit status 2.

Building the parser imports nothing heavy (no SQLAlchemy, keyring, importer or
phone library): the window starts through the same parser, so each subcommand's
module is imported only when that subcommand runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from models.cli import (
    competitors,
    documents,
    gifts,
    kpis,
    note,
    safety,
    search,
    server,
    sync,
    transfer,
    unlock,
)
from models.errors import RelasiError, StoreError, ValidationError, is_disk_full

EXIT_ERROR = 2


def fail(message: str) -> int:
    """The one line on stderr (a newline inside a file name is shown escaped)."""
    one_line = message.replace("\r", "\\r").replace("\n", "\\n")
    print(f"relasi: error: {one_line}", file=sys.stderr)
    return EXIT_ERROR


def cmd_stats(args: argparse.Namespace) -> int:
    from models.cli.opening import open_from_args
    from models.queries.stats import live_counts

    with open_from_args(args) as store:
        print(json.dumps(live_counts(store)))
    return 0


#: Each subcommand's function; the modules import their heavy parts inside it.
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
    "search": search.cmd_search,
    "note": note.cmd_note,
    "kpis": kpis.cmd_kpis,
    "attach": documents.cmd_attach,
    "documents": documents.cmd_documents,
    "document": documents.cmd_document,
    "gift": gifts.cmd_gift,
    "gift-rule": gifts.cmd_gift_rule,
    "gift-rate": gifts.cmd_gift_rate,
    "competitors": competitors.cmd_competitors,
    "server": server.cmd_server,
    "sync": sync.cmd_sync,
}


def add_subcommands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub.add_parser("stats", help="print live row counts as one JSON object")
    safety.add_parsers(sub)
    transfer.add_parsers(sub)
    unlock.add_parsers(sub)
    search.add_parsers(sub)
    note.add_parsers(sub)
    kpis.add_parsers(sub)
    documents.add_parsers(sub)
    gifts.add_parsers(sub)
    competitors.add_parsers(sub)
    server.add_parsers(sub)
    sync.add_parsers(sub)


def read_passphrase_fd(fd: int) -> str:
    """One line from file descriptor ``fd`` (0: standard input), without its newline.

    Read a byte at a time from a descriptor other than 0, so nothing after the line
    is consumed; standard input goes through ``sys.stdin``, which later reads share.
    """
    if fd == 0:
        line = sys.stdin.readline()
    else:
        data = bytearray()
        try:
            while not data.endswith(b"\n"):
                chunk = os.read(fd, 1)
                if not chunk:
                    break
                data += chunk
        except OSError as exc:
            raise ValidationError(
                "passphrase", f"cannot read the passphrase from descriptor {fd}: {exc.strerror}"
            ) from None
        line = data.decode("utf-8", errors="strict")
    line = line.rstrip("\r\n")
    if not line:
        raise ValidationError("passphrase", f"no passphrase on file descriptor {fd}")
    return line


def _unlock_from_fd(args: argparse.Namespace) -> None:
    from models.paths import resolve_db_path
    from models.vault import unlock

    fd = getattr(args, "passphrase_fd", None)
    if fd is None:
        return
    passphrase = read_passphrase_fd(fd)
    db = Path(resolve_db_path(args.db))
    if not db.is_file():
        raise StoreError(f"{db} does not exist", path=str(db))
    unlock.unlock_with_passphrase(db, passphrase)


def run(
    args: argparse.Namespace, command: Callable[[argparse.Namespace], int] | None = None
) -> int:
    """Run a window-less subcommand; every RelasiError becomes one line and status 2.

    ``command``: a subcommand main.py registers itself (one that needs Qt, like
    ``report``), run under the same error handling."""
    from models.vault.quiet import quiet_sqlcipher
    from models.vault.unlock import PassphraseRequiredError

    quiet_sqlcipher()
    # Libraries that log what Relasi reports itself (one line per error, not theirs too).
    if not getattr(args, "verbose", False):
        import logging

        logging.getLogger("extract_msg").setLevel(logging.CRITICAL)
    try:
        _unlock_from_fd(args)
        return (command or COMMANDS[args.command])(args)
    except PassphraseRequiredError as exc:
        return fail(
            f"{exc.message} (on the command line: --passphrase-fd N reads it from descriptor "
            "N, 0 for standard input)"
        )
    except RelasiError as exc:
        return fail(exc.message)
    except OSError as exc:
        if is_disk_full(exc):
            return fail(f"the disk is full: {exc.filename or ''}".rstrip(": "))
        return fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
    except Exception as exc:
        if is_disk_full(exc):  # a write refused by SQLite: the database is as it was
            return fail("the disk is full; free some space and try again (nothing was changed)")
        raise
