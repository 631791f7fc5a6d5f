"""Documents: attaching a file to a client, a deal or a timeline entry.

The bytes go into ``document_chunks`` inside the encrypted database, in the same
transaction as the document's row: one key, one commit, one backup. They are read
and written a chunk (:data:`CHUNK_BYTES`) at a time, so a file near the size limit
never sits whole in memory. Moving a document to Trash (undo of attaching it) keeps
its bytes; emptying Trash deletes them (the foreign key cascades).
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import unicodedata
from collections.abc import Callable
from typing import BinaryIO

from sqlalchemy import insert

from models.entities import Document, document_chunks
from models.errors import ValidationError
from models.services.base import get, live_account, service, stamp_new
from models.services.trash import record_created
from models.store import UnitOfWork

__all__ = [
    "CHUNK_BYTES",
    "MAX_DOCUMENT_BYTES",
    "DocumentSource",
    "DocumentTooLargeError",
    "DocumentUnreadableError",
    "attach",
    "clean_name",
    "human_size",
]

#: The bytes of one row of ``document_chunks`` (also how much is read at a time).
CHUNK_BYTES = 1 << 20
#: The largest document kept: 100 MiB.
MAX_DOCUMENT_BYTES = 100 * CHUNK_BYTES
#: A document name's longest length, in characters.
NAME_MAX = 255
DEFAULT_NAME = "document"
DEFAULT_MIME = "application/octet-stream"

#: What ``attach`` reads: the bytes themselves, an open binary file, or a path (a
#: ``str`` is a path too, never text to keep).
DocumentSource = bytes | BinaryIO | os.PathLike[str] | str


class DocumentTooLargeError(ValidationError):
    """A file over :data:`MAX_DOCUMENT_BYTES`; ``size`` is what was seen (at least)."""

    code = "too-large"

    def __init__(self, name: str, size: int, limit: int = MAX_DOCUMENT_BYTES) -> None:
        super().__init__(
            "data",
            f"{name!r} is {human_size(size)}; a document can be at most {human_size(limit)}",
        )
        self.name = name
        self.size = size
        self.limit = limit


class DocumentUnreadableError(ValidationError):
    """The chosen file cannot be read (gone since it was chosen, a folder, no access)."""

    code = "unreadable"

    def __init__(self, name: str, reason: str) -> None:
        super().__init__("data", f"cannot read {name!r}: {reason}")
        self.name = name
        self.reason = reason


def human_size(size: int) -> str:
    """``size`` bytes in the largest unit that keeps it at least 1 (1024-based)."""
    value = float(size)
    for unit in ("bytes", "KB", "MB"):
        if value < 1024 or unit == "MB":
            return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


def clean_name(name: str) -> str:
    """The name a document is kept under: the last part of a path (``/`` and ``\\``
    both count), without control or invisible format characters, at most
    :data:`NAME_MAX` characters (the extension kept); never empty, ``.`` or ``..``."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"))
    base = base.strip()
    if base in ("", ".", ".."):
        return DEFAULT_NAME
    if len(base) > NAME_MAX:
        stem, dot, ext = base.rpartition(".")
        if dot and 0 < len(ext) <= 16 and stem:
            base = stem[: NAME_MAX - len(ext) - 1] + "." + ext
        else:
            base = base[:NAME_MAX]
    return base


def _guess_mime(name: str) -> str:
    guessed, _encoding = mimetypes.guess_type(name, strict=False)
    return guessed or DEFAULT_MIME


def _write_chunks(
    uow: UnitOfWork, document_id: str, name: str, data: DocumentSource
) -> tuple[int, str]:
    """Store ``data`` as chunks of ``document_id``; returns its size and SHA-256."""
    digest = hashlib.sha256()
    size = 0
    seq = 0

    def put(chunk: bytes) -> None:
        nonlocal size, seq
        size += len(chunk)
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentTooLargeError(name, size)
        digest.update(chunk)
        uow.session.execute(
            insert(document_chunks), {"document_id": document_id, "seq": seq, "data": chunk}
        )
        seq += 1

    if isinstance(data, bytes | bytearray | memoryview):
        view = memoryview(data)
        if len(view) > MAX_DOCUMENT_BYTES:
            raise DocumentTooLargeError(name, len(view))
        for start in range(0, len(view), CHUNK_BYTES):
            put(bytes(view[start : start + CHUNK_BYTES]))
    elif isinstance(data, os.PathLike | str):
        try:
            with open(os.fspath(data), "rb") as stream:
                seen = os.fstat(stream.fileno()).st_size
                if seen > MAX_DOCUMENT_BYTES:
                    raise DocumentTooLargeError(name, seen)
                _read_stream(stream, put)
        except FileNotFoundError:
            raise DocumentUnreadableError(name, "the file is no longer there") from None
        except IsADirectoryError:
            raise DocumentUnreadableError(name, "it is a folder, not a file") from None
        except PermissionError:
            raise DocumentUnreadableError(name, "permission denied") from None
    else:
        _read_stream(data, put)
    return size, digest.hexdigest()


def _read_stream(stream: BinaryIO, put: Callable[[bytes], None]) -> None:
    while chunk := stream.read(CHUNK_BYTES):
        put(bytes(chunk))


def _owned(uow: UnitOfWork, kind: str, id_: str, account_id: str) -> None:
    obj = get(uow, kind, id_)
    if obj.account_id != account_id:
        raise ValidationError(f"{kind}_id", f"the {kind} is not one of this client's")
    uow.touched(kind, id_)


@service
def attach(
    uow: UnitOfWork,
    *,
    name: str,
    data: DocumentSource,
    account_id: str,
    deal_id: str | None = None,
    interaction_id: str | None = None,
    mime: str | None = None,
) -> str:
    """Keep ``data`` as a document of a client (and of one of its deals or entries);
    returns its id. Undo moves it to Trash. Raises DocumentTooLargeError over
    :data:`MAX_DOCUMENT_BYTES` and DocumentUnreadableError for a path that cannot be
    read; either way nothing is written."""
    live_account(uow, account_id)
    if deal_id:
        _owned(uow, "deal", deal_id, account_id)
    if interaction_id:
        _owned(uow, "interaction", interaction_id, account_id)
    kept = clean_name(name)
    document = Document(
        account_id=account_id,
        deal_id=deal_id or None,
        interaction_id=interaction_id or None,
        name=kept,
        mime=(mime or "").strip()[:127] or _guess_mime(kept),
        size=0,
        sha256="",
    )
    stamp_new(uow, document, "document")
    document.size, document.sha256 = _write_chunks(uow, document.id, kept, data)
    uow.touched("account", account_id)
    record_created(uow, "document", document.id)
    return document.id
