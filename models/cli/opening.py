"""The database a subcommand works on, named by ``--db`` / RELASI_DB / the default."""

from __future__ import annotations

import argparse

from models.store import Store
from models.vault.opening import open_database


def open_from_args(args: argparse.Namespace) -> Store:
    """Open the database the arguments name, filling it with demo data if ``--demo``."""
    return open_database(args.db, demo=getattr(args, "demo", False))
