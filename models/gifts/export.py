"""The gift log as CSV for the compliance team: one line per recipient's share of a
gift, every field, through the same writer as the data export (UTF-8 with a BOM so
Excel reads the accents, CRLF, cells escaped against formula injection), written
private (0600) and atomically.

Amounts are decimal strings in major units ("100.00"); ``Year total`` is the
recipient's running total for the calendar year with this gift, in ``Cap currency``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.metrics.money import major_units as major
from models.queries.gifts import LogRow
from models.transfer.exporter import csv_bytes
from models.transfer.output import write_private

HEADER = (
    "Date", "Year", "Client", "Recipient", "Kind", "Counted", "Description",
    "Gift value", "Gift currency", "Recipients", "Share", "Share in cap currency",
    "Cap currency", "Year total", "Cap", "Rule from", "Over cap", "Rate missing",
    "Gift ID", "Entry ID",
)  # fmt: skip

UNKNOWN_RECIPIENT = "(recipient unknown)"


def _amount(minor: int | None, currency: str | None) -> str:
    return "" if minor is None or currency is None else major(minor, currency)


def csv_rows(rows: Sequence[LogRow]) -> list[list[Any]]:
    out: list[list[Any]] = []
    for r in rows:
        line, share = r.line, r.line.share
        cap_cur = line.rule.currency if line.rule else None
        out.append([
            share.given_on, share.given_on.year, r.client, r.recipient or UNKNOWN_RECIPIENT,
            share.kind, share.counted, r.description,
            major(r.value_minor, share.currency), share.currency, r.recipients,
            major(share.share_minor, share.currency), _amount(line.in_cap_minor, cap_cur),
            cap_cur or "", _amount(line.total_minor, cap_cur),
            _amount(line.rule.cap_minor if line.rule else None, cap_cur),
            line.rule.effective_from if line.rule else "", line.over_cap,
            line.missing_rate or "", r.gift_id, r.interaction_id,
        ])  # fmt: skip
    return out


def export_csv(rows: Sequence[LogRow], path: Path) -> int:
    """Write the log's ``rows`` to ``path``; returns how many lines."""
    write_private(path, csv_bytes(HEADER, csv_rows(rows)))
    return len(rows)
