"""``competitors``: one JSON object per line for each competitor on the list, with the
deals won and lost against it (counts, and amounts per currency in major units)."""

from __future__ import annotations

import argparse
import json


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub.add_parser(
        "competitors",
        help="print each competitor with its won and lost deals, one JSON object a line",
    )


def cmd_competitors(args: argparse.Namespace) -> int:
    # The database and the queries are imported only when the command runs (start-up).
    from models.cli.opening import open_from_args
    from models.metrics.money import per_currency
    from models.queries import competitors as q

    with open_from_args(args) as store:
        for row in q.competitors(store):
            rec = q.record(store, row.id)
            line = {
                "id": row.id,
                "name": row.name,
                "website": row.website,
                "won": rec.won,
                "lost": rec.lost,
                "won_amount": per_currency({m.currency: m.amount_minor for m in rec.won_amounts}),
                "lost_amount": per_currency({m.currency: m.amount_minor for m in rec.lost_amounts}),
            }
            print(json.dumps(line, ensure_ascii=False))
    return 0
