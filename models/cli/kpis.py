"""``kpis --from DATE --to DATE`` (or ``--period month|quarter|year``): the dashboard's
figures as one JSON object on stdout."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING

from models.errors import ValidationError
from models.metrics.period_names import PRESETS

if TYPE_CHECKING:
    from models.metrics.period import Period


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "kpis",
        help="print the KPIs of a period (local days, both included) as one JSON object",
    )
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day, YYYY-MM-DD")
    p.add_argument(
        "--period", choices=PRESETS, help="this month, quarter or year instead of --from/--to"
    )


def period_from_args(args: argparse.Namespace, today: date) -> Period:
    from models.metrics.period import Period, parse_day, preset

    if args.period and (args.date_from or args.date_to):
        raise ValidationError("period", "give either --period or --from and --to, not both")
    if args.period:
        return preset(args.period, today)
    if not args.date_from or not args.date_to:
        raise ValidationError("from", "give --from DATE and --to DATE (or --period)")
    start = parse_day(args.date_from, "--from")
    end = parse_day(args.date_to, "--to")
    if end < start:
        raise ValidationError("to", f"--to {end} is before --from {start}")
    return Period(start, end)


def cmd_kpis(args: argparse.Namespace) -> int:
    # The database and the queries are imported only when the command runs (start-up).
    from models.cli.opening import open_from_args
    from models.metrics.kpis import compute
    from models.metrics.period import today_local
    from models.metrics.report import as_json

    # Dates are checked before the database is opened: a typo never touches the file.
    period_from_args(args, date.today())
    with open_from_args(args) as store:
        period = period_from_args(args, today_local(store.clock.now()))
        print(json.dumps(as_json(compute(store, period)), ensure_ascii=False))
    return 0
