"""The server's half of a sync: accepting a batch of pushed changes, and handing out
the changes since a sequence number. Each runs in one transaction of its own.

A push takes the sync lock (pushes go one at a time, so sequence numbers commit in
order and a pull never skips one still being written), refuses to go ahead of a laptop
that has not pulled what others pushed since (:class:`NeedsPull`: it pulls and merges
first, so every conflict is seen on a laptop), inserts the changes (a retried change is
skipped by its unique ``(device_id, change_id)``), keeps the newest value of each field,
and rebuilds the server's copies of the rows whose fields won.
"""

from __future__ import annotations

import psycopg
from psycopg.types.array import ListBinaryDumper
from sqlalchemy import Connection, text

from models.sync.server_copy import refresh_rows
from models.sync.wire import Change, Pulled

#: The advisory lock that lets one push at a time through.
PUSH_LOCK = 4_217_017


def binary_lists(conn: Connection) -> None:
    """Send this connection's list parameters (the arrays ``unnest`` turns into rows) in
    PostgreSQL's binary format: psycopg's text format quotes every element with a regular
    expression (~70 ms for 1,000 strings, most of a push's own time), its binary format
    copies them (~1.5 ms). Asked once per connection."""
    raw = conn.connection.driver_connection
    if isinstance(raw, psycopg.Connection) and "relasi_lists" not in conn.info:
        raw.adapters.register_dumper(list, ListBinaryDumper)
        conn.info["relasi_lists"] = True


class NeedsPull(Exception):
    """Others pushed since this laptop last pulled: pull, merge, then push again."""


def _expanded(change: Change) -> list[tuple[str, str | None]]:
    """A change as (field, value) pairs: a new row's every field, or the one field."""
    if change.field != "*" or change.value is None or "|" in change.row_id:
        return [(change.field, change.value)]
    import json

    row = json.loads(change.value)
    return [("*", "true")] + [
        (name, json.dumps(value)) for name, value in row.items() if name != "id"
    ]


def push(conn: Connection, device: str, pulled_upto: int, changes: list[Change]) -> int:
    """Apply one batch of a laptop's changes in the caller's transaction; returns how
    many were new (a retried batch returns 0)."""
    binary_lists(conn)
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PUSH_LOCK})
    head = conn.execute(text("SELECT relasi_sync_head(:d)"), {"d": device}).scalar_one()
    if head > pulled_upto:
        raise NeedsPull(f"the server has changes up to {head}; this laptop read to {pulled_upto}")
    if not changes:
        return 0
    inserted = conn.execute(
        text(
            "INSERT INTO sync_server_changes "
            "(device_id, change_id, tbl, row_id, field, value, account_id, hlc) "
            "SELECT * FROM unnest(CAST(:dev AS text[]), CAST(:cid AS text[]), "
            "CAST(:tbl AS text[]), CAST(:rid AS text[]), CAST(:fld AS text[]), "
            "CAST(:val AS text[]), CAST(:acc AS text[]), CAST(:hlc AS text[])) "
            "ON CONFLICT (device_id, change_id) DO NOTHING RETURNING change_id"
        ),
        {
            "dev": [device] * len(changes),
            "cid": [c.change_id for c in changes],
            "tbl": [c.tbl for c in changes],
            "rid": [c.row_id for c in changes],
            "fld": [c.field for c in changes],
            "val": [c.value for c in changes],
            "acc": [c.account_id for c in changes],
            "hlc": [c.hlc for c in changes],
        },
    )
    new_ids = set(inserted.scalars())
    fresh = [c for c in changes if c.change_id in new_ids]
    # The newest value per field within the batch (later in the batch wins a tie).
    newest: dict[tuple[str, str, str], tuple[str | None, str, str | None]] = {}
    for c in fresh:
        for field, value in _expanded(c):
            key = (c.tbl, c.row_id, field)
            if key not in newest or newest[key][1] <= c.hlc:
                newest[key] = (value, c.hlc, c.account_id)
    if newest:
        keys = list(newest)
        won = conn.execute(
            text(
                "INSERT INTO sync_server_fields (tbl, row_id, field, value, hlc, account_id) "
                "SELECT * FROM unnest(CAST(:tbl AS text[]), CAST(:rid AS text[]), "
                "CAST(:fld AS text[]), CAST(:val AS text[]), CAST(:hlc AS text[]), "
                "CAST(:acc AS text[])) "
                "ON CONFLICT (tbl, row_id, field) DO UPDATE SET value = excluded.value, "
                "hlc = excluded.hlc, account_id = excluded.account_id, pushed_by = current_user "
                "WHERE sync_server_fields.hlc <= excluded.hlc RETURNING tbl, row_id"
            ),
            {
                "tbl": [k[0] for k in keys],
                "rid": [k[1] for k in keys],
                "fld": [k[2] for k in keys],
                "val": [newest[k][0] for k in keys],
                "hlc": [newest[k][1] for k in keys],
                "acc": [newest[k][2] for k in keys],
            },
        )
        refresh_rows(conn, {(str(t), str(r)) for t, r in won})
    return len(fresh)


def pull(conn: Connection, device: str, after: int, limit: int) -> Pulled:
    """Other devices' changes after sequence ``after`` that this user may see, oldest
    first; the caller's transaction must be REPEATABLE READ (one snapshot)."""
    rows = conn.execute(
        text(
            "SELECT seq, change_id, device_id, tbl, row_id, field, value, account_id, hlc "
            "FROM sync_server_changes WHERE seq > :after AND device_id <> :d "
            "ORDER BY seq LIMIT :n"
        ),
        {"after": after, "d": device, "n": limit},
    ).all()
    changes = [Change(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]) for r in rows]
    if len(rows) == limit:
        return Pulled(changes, int(rows[-1][0]), True)
    head = conn.execute(text("SELECT relasi_sync_head(:d)"), {"d": device}).scalar_one()
    return Pulled(changes, max(int(head), after), False)
