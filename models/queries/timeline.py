"""Timeline queries: one client's entries, newest first, a page at a time.

Columns, not entities, in ONE statement per page: each entry's people (id and name,
by name) come in the same row as a JSON array from a correlated subquery, so a page
is one round trip on one connection. The statements are built once (bound
parameters), so SQLAlchemy finds them compiled in its cache on every click.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import Label, Select, bindparam, literal_column, select, tuple_

from models.entities import Interaction
from models.rows import InteractionRow, TimelineCursor
from models.store import Store

_TABLE = Interaction.__table__
#: InteractionRow's own columns (its people are read beside them).
_NAMES = [f.name for f in fields(InteractionRow) if f.name not in ("contact_ids", "contact_names")]
#: The entry's people as a JSON array of [id, name] pairs, by name (SQLite 3.44+:
#: ORDER BY inside an aggregate); contacts in Trash still show on old entries.
_PEOPLE: Label[Any] = literal_column(
    "(SELECT json_group_array(json_array(c.id, c.name) ORDER BY c.name) "
    "FROM interaction_contacts x JOIN contacts c ON c.id = x.contact_id "
    "WHERE x.interaction_id = interactions.id)"
).label("people")


def _select() -> Select[Any]:
    return select(*(_TABLE.c[n] for n in _NAMES), _PEOPLE).where(_TABLE.c.deleted_at.is_(None))


_NEWEST_FIRST = (_TABLE.c.occurred_at.desc(), _TABLE.c.id.desc())
_FIRST_PAGE = (
    _select()
    .where(_TABLE.c.account_id == bindparam("account_id"))
    .order_by(*_NEWEST_FIRST)
    .limit(bindparam("limit"))
)
_NEXT_PAGE = (
    _select()
    .where(
        _TABLE.c.account_id == bindparam("account_id"),
        tuple_(_TABLE.c.occurred_at, _TABLE.c.id)
        < tuple_(
            bindparam("before_at", type_=_TABLE.c.occurred_at.type),
            bindparam("before_id", type_=_TABLE.c.id.type),
        ),
    )
    .order_by(*_NEWEST_FIRST)
    .limit(bindparam("limit"))
)
_BY_IDS = _select().where(_TABLE.c.id.in_(bindparam("ids", expanding=True)))
#: One entry, also one in Trash (the entry dialog may show it).
_ANY_ONE = select(*(_TABLE.c[n] for n in _NAMES), _PEOPLE).where(_TABLE.c.id == bindparam("id"))


def _row(r: Any) -> InteractionRow:
    people: list[list[str]] = json.loads(r.people) if r.people else []
    values = dict(zip(_NAMES, r, strict=False))
    return InteractionRow(
        **values,
        contact_ids=tuple(p[0] for p in people),
        contact_names=tuple(p[1] for p in people),
    )


def _rows(store: Store, stmt: Select[Any], params: dict[str, Any]) -> list[InteractionRow]:
    with store.engine.connect() as conn:
        return [_row(r) for r in conn.execute(stmt, params)]


def timeline_page(
    store: Store, account_id: str, *, before: TimelineCursor | None = None, limit: int = 50
) -> tuple[list[InteractionRow], TimelineCursor | None]:
    """A client's entries newest first, ``limit`` at a time, older than ``before``."""
    params: dict[str, Any] = {"account_id": account_id, "limit": limit}
    if before is None:
        rows = _rows(store, _FIRST_PAGE, params)
    else:
        params.update(before_at=before.occurred_at, before_id=before.id)
        rows = _rows(store, _NEXT_PAGE, params)
    cursor = None
    if len(rows) == limit:
        cursor = TimelineCursor(rows[-1].occurred_at, rows[-1].id)
    return rows, cursor


def live_interactions(store: Store, ids: Sequence[str]) -> dict[str, InteractionRow]:
    """The entries among ``ids`` that exist and are not in Trash."""
    if not ids:
        return {}
    return {r.id: r for r in _rows(store, _BY_IDS, {"ids": list(ids)})}


def interaction(store: Store, interaction_id: str) -> InteractionRow | None:
    """One entry (also one in Trash: the entry dialog may show it), or None."""
    found = _rows(store, _ANY_ONE, {"id": interaction_id})
    return found[0] if found else None
