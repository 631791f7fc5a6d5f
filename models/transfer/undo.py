"""Undoing an import as a whole, and listing the imports that can be undone.

Undo restores the old values of every row the import changed, and moves every row it
created to Trash (soft delete), in one transaction; the batch is marked undone.

Why soft delete rather than delete: between the import and its undo the user may have
logged meetings on an imported client or added an imported contact to a note; deleting
for good would cascade and take that work with it, and Trash is where every other
deletion in Relasi goes (restorable, and the tombstone a later sync needs). Trash is
emptied by ``services.purge_trash`` as usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, select, update

from models.entities import KINDS, ImportBatch, ImportBatchItem
from models.errors import NotFoundError, ValidationError
from models.store import Store, UnitOfWork

IN_CHUNK = 500


@dataclass(frozen=True, slots=True)
class ImportBatchRow:
    """One import, as the Edit > Undo import menu lists it."""

    id: str
    source_name: str
    created_at: datetime
    created: int
    updated: int
    skipped: int
    errors: tuple[str, ...]
    undone_at: datetime | None


@dataclass(frozen=True, slots=True)
class UndoResult:
    batch_id: str
    deleted: int
    restored: int


def import_batches(store: Store, *, include_undone: bool = False) -> list[ImportBatchRow]:
    """Imports, newest first."""
    with store.read() as session:
        stmt = select(ImportBatch).where(ImportBatch.deleted_at.is_(None))
        if not include_undone:
            stmt = stmt.where(ImportBatch.undone_at.is_(None))
        stmt = stmt.order_by(ImportBatch.created_at.desc(), ImportBatch.id)
        return [
            ImportBatchRow(
                b.id,
                b.source_name,
                b.created_at,
                b.created_count,
                b.updated_count,
                b.skipped_count,
                tuple(b.errors or ()),
                b.undone_at,
            )
            for b in session.scalars(stmt)
        ]


def _decoded(cls: Any, name: str, value: Any) -> Any:
    """An old value from JSON back to the column's Python type."""
    column = cls.__table__.c[name]
    if isinstance(value, str) and isinstance(column.type, Date):
        return date.fromisoformat(value)
    if isinstance(value, str) and getattr(column.type, "impl", None) is not None:
        try:
            if column.type.python_type is datetime:
                return datetime.fromisoformat(value)
        except NotImplementedError:
            pass
    return value


def undo_import(store: Store, batch_id: str) -> UndoResult:
    """Revert a whole import batch; ValidationError if it was already undone."""
    with store.write() as uow:
        batch = uow.session.get(ImportBatch, batch_id)
        if batch is None or batch.deleted_at is not None:
            raise NotFoundError(f"no import with id {batch_id}")
        if batch.undone_at is not None:
            raise ValidationError("batch", f"the import of {batch.source_name} was already undone")
        items = list(
            uow.session.execute(
                select(
                    ImportBatchItem.kind,
                    ImportBatchItem.ref_id,
                    ImportBatchItem.action,
                    ImportBatchItem.old_values,
                ).where(ImportBatchItem.batch_id == batch_id)
            )
        )
        restored = _restore(uow, [(k, r, o) for k, r, a, o in items if a == "update"])
        deleted = _trash(uow, [(k, r) for k, r, a, _ in items if a == "create"])
        batch.undone_at = uow.now
        batch.updated_at = uow.now
        uow.touched("import_batch", batch.id)
    return UndoResult(batch_id, deleted, restored)


def _restore(uow: UnitOfWork, items: list[tuple[str, str, dict[str, Any]]]) -> int:
    count = 0
    for kind, ref_id, old in items:
        cls = KINDS[kind]
        obj = uow.session.get(cls, ref_id)
        if obj is None:
            continue
        for name, value in old.items():
            setattr(obj, name, _decoded(cls, name, value))
        obj.updated_at = uow.now
        uow.touched(kind, ref_id)
        if account_id := getattr(obj, "account_id", None):
            uow.touched("account", account_id)
        if old.get("account_id"):
            uow.touched("account", old["account_id"])
        count += 1
    uow.session.flush()
    return count


def _trash(uow: UnitOfWork, items: list[tuple[str, str]]) -> int:
    count = 0
    # Entries and contacts before the accounts they belong to.
    for kind in ("interaction", "contact", "account"):
        ids = [ref for k, ref in items if k == kind]
        cls = KINDS[kind]
        for i in range(0, len(ids), IN_CHUNK):
            part = ids[i : i + IN_CHUNK]
            result = uow.session.execute(
                update(cls)
                .where(cls.id.in_(part), cls.deleted_at.is_(None))
                .values(deleted_at=uow.now, updated_at=uow.now)
                .execution_options(synchronize_session=False)
            )
            count += int(getattr(result, "rowcount", 0) or 0)
            uow.touched(kind, *part)
    return count
