"""Counts and the Trash listing: what `stats` prints and the Trash view shows."""

from __future__ import annotations

from sqlalchemy import func, select, text

from models.entities import KINDS
from models.rows import TrashRow
from models.store import Store

#: The kinds ``stats`` reports, by the key it prints them under.
STATS_KINDS = {
    "accounts": "account",
    "contacts": "contact",
    "interactions": "interaction",
    "followups": "followup",
    "deals": "deal",
}

_LABEL = {
    "account": "name",
    "contact": "name",
    "interaction": "subject",
    "followup": "title",
    "deal": "title",
    "document": "name",
    "competitor": "name",
}


#: The live rows per table, kept by triggers (migration 0019): counting them with
#: ``count(*)`` read every page of an index per kind, each decrypted on a fresh connection.
_LIVE_COUNTS = text("SELECT tbl, live FROM live_counts")
_TABLES = {
    "account": "accounts",
    "contact": "contacts",
    "interaction": "interactions",
    "followup": "follow_ups",
    "deal": "deals",
}


def live_counts(store: Store) -> dict[str, int]:
    """Rows not in Trash, per kind."""
    with store.read() as s:
        kept = {str(tbl): int(live) for tbl, live in s.execute(_LIVE_COUNTS)}
    return {key: kept[_TABLES[kind]] for key, kind in STATS_KINDS.items()}


def counted_live_rows(store: Store) -> dict[str, int]:
    """The same counts by reading the rows (what the kept counts must equal)."""
    out: dict[str, int] = {}
    with store.read() as s:
        for key, kind in STATS_KINDS.items():
            cls = KINDS[kind]
            out[key] = int(
                s.execute(
                    select(func.count()).select_from(cls).where(cls.deleted_at.is_(None))
                ).scalar_one()
            )
    return out


def is_empty(store: Store) -> bool:
    return not any(live_counts(store).values()) and not trash(store, limit=1)


def trash(store: Store, *, limit: int = 1000) -> list[TrashRow]:
    """What is in Trash, most recently deleted first."""
    rows: list[TrashRow] = []
    with store.read() as s:
        for kind, label in _LABEL.items():
            cls = KINDS[kind]
            cols = [cls.id, getattr(cls, label), cls.deleted_at]
            account_col = getattr(cls, "account_id", None)
            stmt = (
                select(*cols, account_col if account_col is not None else cls.id)
                .where(cls.deleted_at.is_not(None))
                .order_by(cls.deleted_at.desc())
                .limit(limit)
            )
            for r in s.execute(stmt):
                id_, text, deleted_at, account_id = r[0], r[1], r[2], r[3]
                rows.append(
                    TrashRow(
                        kind=kind,
                        id=id_,
                        label=text or "",
                        deleted_at=deleted_at,
                        account_id=account_id,
                    )
                )
    rows.sort(key=lambda r: r.deleted_at, reverse=True)
    return rows[:limit]
