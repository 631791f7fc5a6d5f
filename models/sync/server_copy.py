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

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    String,
    Table,
    select,
    text,
    tuple_,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
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
        _write_links(conn, table, rows)
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
    by_shape: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in new:  # one INSERT per set of columns: the policy checked once
        by_shape[tuple(row)].append(row)
    for names, group in by_shape.items():
        _insert(conn, table, names, group)
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in old:
        by_columns[tuple(sorted(k for k in row if k != "id"))].append(row)
    for columns, group in by_columns.items():  # one UPDATE per set of columns
        _update(conn, table, columns, group)


#: Bound values per statement, well under PostgreSQL's 65,535.
_MAX_PARAMS = 30_000


def _update(
    conn: Connection,
    table: Table,
    columns: tuple[str, ...],
    rows: list[dict[str, Any]],
    keys: tuple[str, ...] = ("id",),
) -> None:
    """The rows' ``columns`` set in one ``UPDATE ... FROM unnest(...)``, matched on
    ``keys``: the row-level security policy's sub-selects run once per statement, not
    once per row (an executemany of 1,000 one-row UPDATEs cost ~7 ms each for those
    alone), and the statement's text is the same for any number of rows (a VALUES list
    was compiled again for each batch)."""
    quote = conn.dialect.identifier_preparer.quote
    names = (*keys, *columns)
    arrays, params = _arrays(conn, table, names, rows)
    name = quote(table.name)
    sets = ", ".join(f"{quote(c)} = v.{quote(c)}" for c in columns)
    where = " AND ".join(f"{name}.{quote(k)} = v.{quote(k)}" for k in keys)
    aliases = ", ".join(quote(n) for n in names)
    conn.execute(
        text(f"UPDATE {name} SET {sets} FROM unnest({arrays}) AS v({aliases}) WHERE {where}"),
        params,
    )


def _server_type(target: Column[Any]) -> Any:
    """``target``'s type as the server holds it: whole numbers as BIGINT (amounts in
    minor units are 64-bit there, migration 0018), so none is cast down to 32 bits."""
    return BigInteger() if isinstance(target.type, Integer) else target.type


def _array_type(target: Column[Any], dialect: Dialect) -> str:
    """The PostgreSQL array type a column's values travel in (text for any string:
    the column's own length and collation apply when the row goes in)."""
    if isinstance(target.type, String):
        return "TEXT[]"
    return f"{_server_type(target).compile(dialect=dialect)}[]"


def _arrays(
    conn: Connection, table: Table, names: tuple[str, ...], rows: list[dict[str, Any]]
) -> tuple[str, dict[str, list[Any]]]:
    """``unnest``'s arguments for ``rows``' ``names``: one typed array per column (SQL)
    and their parameters, each column's values prepared by its own type as for a plain
    INSERT (UTC times made naive, JSON as text); whole numbers travel as BIGINT."""
    dialect = conn.dialect
    params: dict[str, list[Any]] = {}
    casts = []
    for i, n in enumerate(names):
        target = table.c[n]
        prepare = target.type.dialect_impl(dialect).bind_processor(dialect)
        given = [row.get(n) for row in rows]
        params[f"c{i}"] = given if prepare is None else [prepare(v) for v in given]
        casts.append(f"CAST(:c{i} AS {_array_type(target, dialect)})")
    return ", ".join(casts), params


def _insert(
    conn: Connection,
    table: Table,
    names: tuple[str, ...],
    rows: list[dict[str, Any]],
    tail: str = "",
) -> None:
    """New rows of one set of columns in one ``INSERT ... SELECT FROM unnest(...)``: the
    statement's text is the same for any number of rows, so it is not compiled again for
    each batch (a multi-row VALUES was), and the row-level security policy is checked
    once per statement."""
    quote = conn.dialect.identifier_preparer.quote
    arrays, params = _arrays(conn, table, names, rows)
    columns = ", ".join(quote(n) for n in names)
    conn.execute(
        text(f"INSERT INTO {quote(table.name)} ({columns}) SELECT * FROM unnest({arrays}){tail}"),
        params,
    )


def _write_links(
    conn: Connection, table: Table, rows: list[tuple[str, dict[str, str | None]]]
) -> None:
    """Links: the removed ones (no whole row) deleted, the others (their keys and any
    extra columns: a deal lost to this competitor, a document chunk's bytes) updated, and
    inserted when there was none; a few statements per table, not a few per link."""
    synced = SYNCED[table.name]
    gone: list[tuple[Any, ...]] = []
    kept: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row_id, fields in rows:
        parts = dict(zip(synced.keys, row_id.split("|"), strict=True))
        keys = {k: int(v) if table.c[k].type.python_type is int else v for k, v in parts.items()}
        whole = fields.get("*")
        if whole is None:
            gone.append(tuple(keys[k] for k in synced.keys))
            continue
        loaded = json.loads(whole)
        row = loaded if isinstance(loaded, dict) else {}
        values = {n: decode(table.name, n, row[n]) for n in synced.fields if n in row}
        kept[tuple(values)].append({**keys, **values})
    key_columns = tuple_(*[table.c[k] for k in synced.keys])
    step = _MAX_PARAMS // len(synced.keys)
    for start in range(0, len(gone), step):
        conn.execute(table.delete().where(key_columns.in_(gone[start : start + step])))
    for columns, group in kept.items():
        # The existing ones updated, the others inserted (INSERT ... ON CONFLICT DO UPDATE
        # would need a new row to pass the read policy before it exists; one hidden from
        # this user stays as it is).
        wanted = [tuple(g[k] for k in synced.keys) for g in group]
        have: set[tuple[Any, ...]] = set()
        for start in range(0, len(wanted), step):
            found = conn.execute(
                select(*key_columns.clauses).where(key_columns.in_(wanted[start : start + step]))
            )
            have.update(tuple(r) for r in found)
        old = [g for g, key in zip(group, wanted, strict=True) if key in have]
        if columns and old:
            _update(conn, table, columns, old, synced.keys)
        new = [g for g, key in zip(group, wanted, strict=True) if key not in have]
        if new:
            _insert(conn, table, tuple(new[0]), new, " ON CONFLICT DO NOTHING")
