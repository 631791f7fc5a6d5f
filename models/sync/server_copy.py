"""The server's copies of the models' tables, rebuilt from the newest field values.

The server keeps each field's newest value in ``sync_server_fields``; after a push this
module writes the rows whose fields changed into the tables the models' migrations made
on the server (``accounts``, ``contacts``, ...), so the team's data can be read, backed
up and reported on with PostgreSQL's own tools, and so row-level security can rely on
``accounts.owner``: a new client belongs to the user who first pushed it (the server's
own trigger fills it in). Values travel
in the laptop's stored form (SQLite's); each column's own type turns them into Python
values (public SQLAlchemy API) before PostgreSQL gets them.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError, IntegrityError, ProgrammingError

from models.entities import Base
from models.sync.tables import SYNCED, from_wire

log = logging.getLogger(__name__)
_SQLITE = sqlite.dialect()
Decoder = Callable[[Any], Any]


def _decoders(table: Table) -> dict[str, Decoder | None]:
    return {
        c.name: c.type.dialect_impl(_SQLITE).result_processor(_SQLITE, None) for c in table.columns
    }


_DECODERS = {name: _decoders(Base.metadata.tables[name]) for name in SYNCED}


def decode(tbl: str, column: str, raw: Any) -> Any:
    """A value in the laptop's stored form as the column's Python value."""
    raw = from_wire(tbl, column, raw)  # a BLOB's hex text: bytes (BYTEA)
    decoder = _DECODERS[tbl].get(column)
    return raw if decoder is None or raw is None else decoder(raw)


def _present(conn: Connection) -> set[str]:
    """The models' tables this server database has and this user may write (a member
    may not write the personal ones: quotas, templates); asked once per connection."""
    if "relasi_copy" not in conn.info:
        present = conn.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND has_table_privilege(format('%I.%I', schemaname, tablename), 'INSERT')"
            )
        ).scalars()
        conn.info["relasi_copy"] = set(present) & set(SYNCED)
    cached: set[str] = conn.info["relasi_copy"]
    return cached


def refresh_rows(conn: Connection, touched: set[tuple[str, str]]) -> None:
    """Write the rows ``touched`` ((table, row id) pairs) from their newest fields."""
    if not touched:
        return
    present = _present(conn)
    wanted = sorted(t for t in touched if t[0] in present)
    if not wanted:
        return
    found = conn.execute(
        text(
            "SELECT tbl, row_id, field, value FROM sync_server_fields "
            "WHERE (tbl, row_id) IN (SELECT * FROM unnest(CAST(:t AS text[]), CAST(:r AS text[])))"
        ),
        {"t": [t for t, _ in wanted], "r": [r for _, r in wanted]},
    ).all()
    rows: dict[tuple[str, str], dict[str, str | None]] = defaultdict(dict)
    for tbl, row_id, field, value in found:
        rows[(tbl, row_id)][field] = value
    by_table: dict[str, list[tuple[str, dict[str, str | None]]]] = defaultdict(list)
    for (tbl, row_id), fields in rows.items():
        by_table[tbl].append((row_id, fields))
    for tbl in SYNCED:  # parents before children
        if tbl in by_table:
            try:
                with conn.begin_nested():
                    _write(conn, Base.metadata.tables[tbl], by_table[tbl])
            except (IntegrityError, DataError, ProgrammingError) as exc:
                # E.g. two laptops made a tag of the same name, an amount too large for the
                # server's column, or the child of such a row (which row-level security
                # cannot place). The push itself was checked on the change log; its changes
                # are kept there and reach every laptop; only this copy misses the rows.
                log.warning("sync: the server's copy of %s refused rows: %s", tbl, exc.orig)


def _write(conn: Connection, table: Table, rows: list[tuple[str, dict[str, str | None]]]) -> None:
    synced = SYNCED[table.name]
    if synced.is_link:
        for row_id, fields in rows:
            _write_link(conn, table, row_id, fields.get("*"))
        return
    values = []
    for row_id, fields in rows:
        if "*" not in fields:  # only a field of a row the server never got whole
            continue
        row = {"id": row_id}
        for name in synced.fields:
            if name in fields:
                text_value = fields[name]
                raw = json.loads(text_value) if text_value is not None else None
                row[name] = decode(table.name, name, raw)
        values.append(row)
    if not values:
        return
    # A plain INSERT of the new rows and UPDATEs of the others (INSERT ... ON CONFLICT
    # would need the new rows to pass the read policy before they exist).
    ids = [row["id"] for row in values]
    have = set(conn.execute(select(table.c.id).where(table.c.id.in_(ids))).scalars())
    new = [row for row in values if row["id"] not in have]
    old = [row for row in values if row["id"] in have]
    if new:
        conn.execute(table.insert(), new)
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in old:
        columns = tuple(sorted(k for k in row if k != "id"))
        by_columns[columns].append({f"v_{k}": v for k, v in row.items()})
    for columns, params in by_columns.items():  # one executemany per set of columns
        stmt = (
            table.update()
            .where(table.c.id == bindparam("v_id"))
            .values({c: bindparam(f"v_{c}") for c in columns})
        )
        conn.execute(stmt, params)


def _write_link(conn: Connection, table: Table, row_id: str, whole: str | None) -> None:
    """One link: removed (``None``), or its whole row (the keys and any extra columns:
    a deal lost to this competitor, a document chunk's bytes) inserted or updated."""
    synced = SYNCED[table.name]
    parts = dict(zip(synced.keys, row_id.split("|"), strict=True))
    keys = {k: int(v) if table.c[k].type.python_type is int else v for k, v in parts.items()}
    match = [table.c[k] == v for k, v in keys.items()]
    if whole is None:
        conn.execute(table.delete().where(*match))
        return
    loaded = json.loads(whole)
    row = loaded if isinstance(loaded, dict) else {}
    values = {n: decode(table.name, n, row[n]) for n in synced.fields if n in row}
    # An UPDATE first, then an INSERT when there was none (INSERT ... ON CONFLICT would
    # need a new row to pass the read policy before it exists).
    if values and conn.execute(table.update().where(*match).values(values)).rowcount:
        return
    conn.execute(postgresql.insert(table).values({**keys, **values}).on_conflict_do_nothing())
