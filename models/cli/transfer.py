"""The ``import`` and ``export`` subcommands (issue 7).

``import FILE`` (.csv, .vcf, .ics, .eml, .msg) reads and checks the file before the
database is opened, applies the preset recognised from a CSV header, merges exact
matches, and creates the rest, possible duplicates included (a similar name only: a
script cannot ask, and a row is never dropped): they are listed in the summary's
``possible_duplicates`` (row, name, the similar record) for the user to merge.
It prints one JSON line ``{"created": n, "updated": n, "skipped": n, "errors": [...],
"possible_duplicates": [...], "warnings": [...]}``;
``warnings`` lists values imported as written rather than normalised (a phone number
that is not a valid one, kept instead of given a wrong +62); rows with errors are listed
there and do not stop the others. A file that cannot be
imported at all is one line on stderr, exit status 2, and nothing is written.

``export KIND FILE`` writes accounts, contacts, interactions, followups or deals;
the format follows FILE's extension (.csv for all, .vcf for contacts, .ics for
follow-ups) and prints ``{"exported": n, "file": "..."}``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def cmd_import(args: argparse.Namespace) -> int:
    from models.cli.opening import open_from_args
    from models.transfer.sources import load_source
    from models.transfer.streaming import import_source

    # The file is checked before the database opens; its rows are read a batch at a time.
    source = load_source(Path(args.file), lazy=True)
    with open_from_args(args) as store:
        result = import_source(store, source).result
    print(json.dumps(result.summary(), ensure_ascii=False))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from models.cli.opening import open_from_args
    from models.transfer.exporter import check_export, export_file

    path = Path(args.file)
    check_export(args.kind, path)
    with open_from_args(args) as store:
        count = export_file(store, args.kind, path)
    print(json.dumps({"exported": count, "file": str(path)}, ensure_ascii=False))
    return 0


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        help="import a .csv, .vcf, .ics, .eml or .msg file; prints a JSON summary",
    )
    p.add_argument("file", metavar="FILE")
    p = sub.add_parser(
        "export", help="export KIND to FILE (.csv; .vcf for contacts; .ics for followups)"
    )
    p.add_argument(
        "kind", metavar="KIND", help="accounts, contacts, interactions, followups or deals"
    )
    p.add_argument("file", metavar="FILE")
