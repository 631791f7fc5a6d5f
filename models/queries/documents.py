"""Documents: the lists (a client's, a deal's, an entry's) and their bytes.

Lists read the ``documents`` table alone (never a chunk). Bytes are read a chunk at a
time (one chunk by its key per statement), checked against the SHA-256 kept at attach,
and written out atomically: a temporary file beside the target, flushed to disk, then
linked (or, with ``overwrite``, renamed) into place, so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, cast

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models.entities import Deal, Document, document_chunks
from models.errors import NotFoundError, StoreError, ValidationError
from models.store import Store

__all__ = [
    "DocumentRow",
    "copy_document",
    "document",
    "documents_of",
    "export_document",
    "read_document",
]


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One document as the lists show it (no bytes)."""

    id: str
    account_id: str
    deal_id: str | None
    deal_title: str | None
    interaction_id: str | None
    name: str
    mime: str
    size: int
    sha256: str
    added: datetime


def _select() -> Select[Any]:
    stmt: Any = (
        select(
            Document.id,
            Document.account_id,
            Document.deal_id,
            Deal.title,
            Document.interaction_id,
            Document.name,
            Document.mime,
            Document.size,
            Document.sha256,
            Document.created_at,
        )
        .outerjoin(Deal, Deal.id == Document.deal_id)
        .where(Document.deleted_at.is_(None))
    )
    return cast("Select[Any]", stmt)


def documents_of(
    store: Store,
    *,
    account_id: str | None = None,
    deal_id: str | None = None,
    interaction_id: str | None = None,
) -> list[DocumentRow]:
    """The live documents of a client, a deal or an entry (whichever are given, all of
    them must match), newest first."""
    if account_id is None and deal_id is None and interaction_id is None:
        raise ValueError("documents_of needs a client, a deal or an entry")
    stmt = _select()
    if account_id is not None:
        stmt = stmt.where(Document.account_id == account_id)
    if deal_id is not None:
        stmt = stmt.where(Document.deal_id == deal_id)
    if interaction_id is not None:
        stmt = stmt.where(Document.interaction_id == interaction_id)
    stmt = stmt.order_by(Document.created_at.desc(), Document.name)
    with store.read() as s:
        return [DocumentRow(*r) for r in s.execute(stmt)]


def document(store: Store, document_id: str) -> DocumentRow:
    """One live document; NotFoundError when there is none (or it is in Trash)."""
    stmt = _select().where(Document.id == document_id)
    with store.read() as s:
        row = s.execute(stmt).first()
    if row is None:
        raise NotFoundError(f"no document with id {document_id}")
    return DocumentRow(*row)


def _chunks(session: Session, document_id: str) -> list[int]:
    c = document_chunks.c
    return list(session.scalars(select(c.seq).where(c.document_id == document_id).order_by(c.seq)))


def copy_document(store: Store, document_id: str, out: BinaryIO) -> int:
    """Write a live document's bytes to ``out`` a chunk at a time; returns the count.

    Raises StoreError when the bytes read back do not match their SHA-256 (the caller
    drops what it wrote)."""
    row = document(store, document_id)
    c = document_chunks.c
    digest = hashlib.sha256()
    size = 0
    with store.read() as s:
        for seq in _chunks(s, document_id):
            data = s.execute(
                select(c.data).where(c.document_id == document_id, c.seq == seq)
            ).scalar_one()
            digest.update(data)
            size += len(data)
            out.write(data)
    if size != row.size or digest.hexdigest() != row.sha256:
        raise StoreError(f"the bytes of {row.name!r} do not match what was attached")
    return size


def read_document(store: Store, document_id: str) -> bytes:
    """A live document's bytes (at most the size limit); for small ones and tests."""
    buffer = io.BytesIO()
    copy_document(store, document_id, buffer)
    return buffer.getvalue()


def export_document(store: Store, document_id: str, path: Path, *, overwrite: bool = False) -> int:
    """Write a document's original bytes to ``path`` atomically; returns the count.

    An existing ``path`` is refused unless ``overwrite``; a failure leaves no partial
    file behind (and an existing file as it was)."""
    target = Path(os.path.abspath(path))
    if target.is_dir():
        raise ValidationError("to", f"{target} is a folder; give a file name")
    if not overwrite and (target.exists() or target.is_symlink()):
        raise ValidationError("to", f"{target} already exists (overwrite it with --force)")
    if not target.parent.is_dir():
        raise ValidationError("to", f"the folder {target.parent} does not exist")
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name[:40]}.", suffix=".part", dir=target.parent
    )
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            size = copy_document(store, document_id, out)
            out.flush()
            os.fsync(out.fileno())
        if overwrite:
            os.replace(tmp, target)
        else:
            _link_new(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _fsync_dir(target.parent)
    return size


def _link_new(tmp: Path, target: Path) -> None:
    """Put ``tmp`` at ``target`` only if nothing is there (a file made meanwhile wins)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise ValidationError(
            "to", f"{target} already exists (overwrite it with --force)"
        ) from None
    except OSError:  # a file system without hard links: check, then rename
        if target.exists():
            raise ValidationError(
                "to", f"{target} already exists (overwrite it with --force)"
            ) from None
        os.replace(tmp, target)
        return
    tmp.unlink()


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
