"""Documents on the command line (no window):

* ``attach CLIENT FILE [--deal TITLE]`` keeps FILE with the client (and one of its
  deals) and prints ``{"document": ID, "bytes": N}``;
* ``documents CLIENT`` prints one JSON object per line per live document, newest
  first: ``{"id", "name", "bytes", "deal", "added"}`` (``deal`` the deal's title or
  null, ``added`` ISO 8601 in UTC);
* ``document ID --to PATH [--force]`` writes the original bytes to PATH atomically
  (an existing PATH is refused unless ``--force``) and prints
  ``{"document", "name", "bytes", "path"}``.

CLIENT is a client's id, its exact name or a short form of exactly one (as ``note
--client``); several clients sharing a short name are refused with their names.
``--deal`` is a deal's id or its title (exact, else the one title containing it).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import ValidationError

if TYPE_CHECKING:
    from models.store import Store

__all__ = ["add_parsers", "cmd_attach", "cmd_document", "cmd_documents", "resolve_deal"]


def resolve_deal(store: Store, account_id: str, given: str) -> str:
    """The id of the client's live deal ``given`` names; ValidationError naming the
    deals when there is none or more than one."""
    from sqlalchemy import select

    from models.entities import Deal

    wanted = " ".join(given.split())
    if not wanted:
        raise ValidationError("deal", "--deal needs a deal's title")
    with store.read() as s:
        deals = [
            (str(i), str(t))
            for i, t in s.execute(
                select(Deal.id, Deal.title)
                .where(Deal.account_id == account_id, Deal.deleted_at.is_(None))
                .order_by(Deal.title)
            )
        ]
    folded = wanted.casefold()
    for matches in (
        [d for d in deals if d[0] == wanted],
        [d for d in deals if " ".join(d[1].split()).casefold() == folded],
        [d for d in deals if folded in d[1].casefold()],
    ):
        if len(matches) == 1:
            return matches[0][0]
        if len(matches) > 1:
            names = ", ".join(repr(t) for _i, t in matches)
            raise ValidationError(
                "deal", f"--deal {wanted!r} could be several deals ({names}); give the full title"
            )
    known = ", ".join(repr(t) for _i, t in deals) or "none"
    raise ValidationError("deal", f"the client has no deal {wanted!r} (its deals: {known})")


def cmd_attach(args: argparse.Namespace) -> int:
    from models.cli.note_client import resolve_client_name
    from models.cli.opening import open_from_args
    from models.queries.documents import document
    from models.services.documents import attach

    path = Path(args.file)
    if path.is_dir():
        raise ValidationError("file", f"{path} is a folder; give a file")
    with open_from_args(args) as store:
        client = resolve_client_name(store, args.client, "client")
        assert client.id is not None
        deal_id = resolve_deal(store, client.id, args.deal) if args.deal is not None else None
        with store.write() as uow:
            doc = attach(uow, name=path.name, data=path, account_id=client.id, deal_id=deal_id)
        size = document(store, doc).size
    print(json.dumps({"document": doc, "bytes": size}))
    return 0


def cmd_documents(args: argparse.Namespace) -> int:
    from models.cli.note_client import resolve_client_name
    from models.cli.opening import open_from_args
    from models.queries.documents import documents_of

    with open_from_args(args) as store:
        client = resolve_client_name(store, args.client, "client")
        rows = documents_of(store, account_id=client.id)
    for row in rows:
        line = {
            "id": row.id,
            "name": row.name,
            "bytes": row.size,
            "deal": row.deal_title,
            "added": row.added.isoformat(),
        }
        print(json.dumps(line, ensure_ascii=False))
    return 0


def cmd_document(args: argparse.Namespace) -> int:
    from models.cli.opening import open_from_args
    from models.queries.documents import document, export_document

    target = Path(args.to)
    with open_from_args(args) as store:
        row = document(store, args.id)
        size = export_document(store, row.id, target, overwrite=args.force)
    out = {"document": row.id, "name": row.name, "bytes": size, "path": str(target.absolute())}
    print(json.dumps(out, ensure_ascii=False))
    return 0


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "attach", help="keep a file with a client (or one of its deals); prints one JSON object"
    )
    p.add_argument("client", metavar="CLIENT", help="the client's name or id")
    p.add_argument("file", metavar="FILE", help="the file to keep (at most 100 MB)")
    p.add_argument("--deal", metavar="TITLE", help="one of the client's deals (title or id)")
    p = sub.add_parser(
        "documents", help="list a client's documents, one JSON object per line, newest first"
    )
    p.add_argument("client", metavar="CLIENT", help="the client's name or id")
    p = sub.add_parser("document", help="write a document's original bytes to a file")
    p.add_argument("id", metavar="ID", help="the document's id (from `documents`)")
    p.add_argument("--to", metavar="PATH", required=True, help="the file to write")
    p.add_argument("--force", action="store_true", help="replace PATH if it exists")
