"""The ``search`` subcommand: full-text search over everything, one JSON object per hit.

``python main.py [--db PATH] search QUERY [--limit N]`` prints, best hit first, one line
``{"kind", "id", "client", "title", "snippet"}`` per hit (the words found in the snippet
in [brackets]); no hit prints nothing and exits 0. A bad ``--limit`` is one line on
stderr and exit status 2 (``models.cli.main.run``), like every other error.
"""

from __future__ import annotations

import argparse
import json

from models.errors import ValidationError

MAX_LIMIT = 1000


def _limit(value: str) -> int:
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError("limit", f"--limit must be a whole number from 1 to {MAX_LIMIT}")
    return limit


def cmd_search(args: argparse.Namespace) -> int:
    from pathlib import Path

    from models.paths import resolve_db_path
    from models.queries.search import search
    from models.vault.safe_open import open_with_safety

    limit = _limit(args.limit)
    if args.demo:  # fills a new or empty database first, as every subcommand does
        from models.cli.opening import open_from_args

        opened = open_from_args(args)
    else:  # a search never creates a database
        opened = open_with_safety(Path(resolve_db_path(args.db)), create=False)
    with opened as store:
        hits = search(store, args.query, limit=limit)
    for hit in hits:
        row = {
            "kind": hit.kind,
            "id": hit.id,
            "client": hit.client,
            "title": hit.title,
            "snippet": hit.marked,
        }
        print(json.dumps(row, ensure_ascii=False))
    return 0


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "search", help="search notes, clients, contacts, deals and follow-ups (JSON lines)"
    )
    p.add_argument("query", metavar="QUERY", help="the words to look for")
    # Read as text and checked by the command: a bad value is one line, not argparse's two.
    p.add_argument("--limit", metavar="N", default="50", help="at most N hits (default 50)")
