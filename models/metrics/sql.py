"""SQL pieces the metrics share: "not of a client in Trash", and exact sums.

A client in Trash takes its deals and interactions out of every figure. Asking "is the
client id among the (few) clients in Trash" reads a small partial index
(``ix_accounts_trashed``) once per query, instead of every client's row.

Sums are exact at any amount a deal may hold (up to 10^17 minor units): SQL adds the
high and low halves of each amount apart and Python joins them, so SQLite's 64-bit
``sum()`` can never overflow.
"""

from __future__ import annotations

SPLIT = 1_000_000_000


def live_client(column: str) -> str:
    """SQL: ``column`` (a client id) names a client that is not in Trash."""
    return f"{column} NOT IN (SELECT id FROM accounts WHERE deleted_at IS NOT NULL)"


def exact_sum(expr: str, weight: str = "1") -> str:
    """Two SQL sums whose ``hi * SPLIT + lo`` is ``sum(expr * weight)`` exactly."""
    return f"sum(({expr} / {SPLIT}) * {weight}), sum(({expr} % {SPLIT}) * {weight})"


def joined(hi: int | None, lo: int | None) -> int:
    return int(hi or 0) * SPLIT + int(lo or 0)
