"""Undoing an import as a whole (Edit ▸ Undo an import…), and listing the imports.

The work is :func:`models.services.bulk.undo_batch`, the same step the import's own
undo runs.

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
from datetime import datetime

from sqlalchemy import select

from models import operations
from models.entities import ImportBatch
from models.services.bulk import undo_batch
from models.store import Store


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


def undo_import(store: Store, batch_id: str) -> UndoResult:
    """Revert a whole import batch; ValidationError if it was already undone."""
    deleted, restored = operations.run(store, lambda uow: undo_batch(uow, batch_id)).result
    return UndoResult(batch_id, deleted, restored)
