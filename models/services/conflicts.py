"""Restoring a value from the sync conflict log.

The lost value is written back to its field as an ordinary edit: the change log records
it (so it syncs and wins by its new clock stamp), and it can be undone.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text

from models.errors import NotFoundError, ValidationError
from models.services.base import service
from models.store import UnitOfWork
from models.sync.merge import KIND_OF
from models.sync.tables import SYNCED


def _stored(uow: UnitOfWork) -> str:
    return uow.now.replace(tzinfo=None).isoformat(sep=" ")


def _set(uow: UnitOfWork, table: str, row_id: str, field: str, value: Any) -> None:
    if table not in SYNCED or field not in SYNCED[table].fields or SYNCED[table].is_link:
        raise ValidationError("conflict", f"{table}.{field} cannot be restored")
    done = uow.session.execute(
        text(f"UPDATE {table} SET {field} = :v, updated_at = :now WHERE id = :id"),
        {"v": value, "now": _stored(uow), "id": row_id},
    )
    if done.rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError(f"the row of this conflict ({table} {row_id}) is gone")
    if (kind := KIND_OF.get(table)) is not None:
        uow.touched(kind, row_id)


def _mark(uow: UnitOfWork, conflict_id: str, restored: bool) -> None:
    uow.session.execute(
        text("UPDATE sync_conflicts SET restored_at = :at WHERE id = :id"),
        {"at": uow.now.isoformat() if restored else None, "id": conflict_id},
    )
    uow.touched("conflict", conflict_id)


@service
def restore_conflict(uow: UnitOfWork, conflict_id: str) -> None:
    """Put a conflict's losing value back into its field (undoable; it syncs)."""
    row = uow.session.execute(
        text("SELECT tbl, row_id, field, lost_value FROM sync_conflicts WHERE id = :id"),
        {"id": conflict_id},
    ).first()
    if row is None:
        raise NotFoundError(f"no conflict with id {conflict_id}")
    table, row_id, field, lost = row
    current = (
        uow.session.execute(
            text(f"SELECT {field} FROM {table} WHERE id = :id"), {"id": row_id}
        ).scalar()
        if table in SYNCED and field in SYNCED[table].fields
        else None
    )
    _set(uow, table, row_id, field, json.loads(lost) if lost is not None else None)
    _mark(uow, conflict_id, True)

    def undo(u: UnitOfWork) -> None:
        _set(u, table, row_id, field, current)
        _mark(u, conflict_id, False)

    uow.record(undo, lambda u: restore_conflict(u, conflict_id))
