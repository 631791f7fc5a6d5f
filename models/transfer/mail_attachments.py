"""Keeping the attachments of a filed e-mail as documents of its timeline entry.

Importing an ``.eml``/``.msg`` lists its attachments by name only and never decodes
them (models.transfer.mail). When the user asks to keep them, the original file is
read again and each attachment is decoded one at a time, attached to the entry, and
let go before the next: memory holds the message's text and one attachment. An
attachment over the size limit is skipped and named in the result, not refused
with the rest; a file that is not the entry's message can be told by its subject.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32
from pathlib import Path
from typing import Any

from models.services import documents
from models.services.base import get
from models.store import UnitOfWork
from models.transfer import sniff
from models.transfer.mail import OLE_MAGIC, _attachment_name, _header

__all__ = ["KeptAttachments", "keep_mail_attachments", "mail_attachments", "mail_subject"]


@dataclass
class KeptAttachments:
    """What keeping a message's attachments did: the documents made, the ones skipped
    as too large (name, size)."""

    kept: list[str] = field(default_factory=list)
    too_large: list[tuple[str, int]] = field(default_factory=list)


def _is_msg(path: Path, head: bytes) -> bool:
    return path.suffix.casefold() == ".msg" or head.startswith(OLE_MAGIC)


def _eml(path: Path) -> Message:
    data = sniff.read_bytes(path)
    if (what := sniff.binary_kind(data)) is not None or b"\x00" in data[:4096]:
        raise sniff.refuse(path, f"it is {what or 'a binary file'}, not an e-mail message")
    msg = BytesParser(policy=compat32).parsebytes(data)
    if not any(msg.get(h) for h in ("From", "Date", "Message-ID")):
        raise sniff.refuse(path, "it is not an e-mail message (no From, Date or Message-ID)")
    return msg


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(8)
    except FileNotFoundError:
        raise sniff.refuse(path, "the file does not exist") from None
    except OSError as exc:
        raise sniff.refuse(path, exc.strerror or str(exc)) from None


def mail_subject(path: Path) -> str:
    """The subject of the message in ``path`` (to tell it is the entry's)."""
    if _is_msg(path, _head(path)):
        msg = _open_msg(path)
        try:
            return " ".join(str(msg.subject or "").split())
        finally:
            msg.close()
    return " ".join(_header(_eml(path).get("Subject")).split())


def _open_msg(path: Path) -> Any:
    import extract_msg

    if not _head(path).startswith(OLE_MAGIC):
        raise sniff.refuse(path, "it is not an Outlook message (.msg) file")
    try:
        return extract_msg.openMsg(str(path))
    except Exception as exc:  # extract-msg raises many types for damaged files
        raise sniff.refuse(path, f"the Outlook message cannot be read: {exc}") from None


def mail_attachments(path: Path) -> Iterator[tuple[str, str, bytes]]:
    """Each attachment of the message in ``path``: (name, MIME type, bytes), decoded
    only when its turn comes. Raises ImportRefusedError for a file that is not one."""
    if _is_msg(path, _head(path)):
        msg = _open_msg(path)
        try:
            for att in msg.attachments:
                data = getattr(att, "data", None)
                if not isinstance(data, bytes | bytearray):
                    continue  # an embedded message: not a file
                name = getattr(att, "longFilename", None) or getattr(att, "shortFilename", None)
                mime = str(getattr(att, "mimetype", None) or "")
                yield str(name or "attachment"), mime, bytes(data)
        finally:
            msg.close()
        return
    for part in _eml(path).walk():
        if part.is_multipart():
            continue
        if part.get_content_disposition() != "attachment" and not part.get_filename():
            continue
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        name = _attachment_name(part)
        yield (
            ("attachment" if name == "(unnamed attachment)" else name),
            part.get_content_type(),
            data,
        )


def keep_mail_attachments(uow: UnitOfWork, path: Path, interaction_id: str) -> KeptAttachments:
    """Attach every attachment of the message in ``path`` to the entry
    ``interaction_id`` (and its client); each attach records its own undo, so the
    operation that runs this undoes them together."""
    entry = get(uow, "interaction", interaction_id)
    result = KeptAttachments()
    for name, mime, data in mail_attachments(path):
        if len(data) > documents.MAX_DOCUMENT_BYTES:
            result.too_large.append((documents.clean_name(name), len(data)))
            continue
        result.kept.append(
            documents.attach(
                uow,
                name=name,
                data=data,
                account_id=entry.account_id,
                interaction_id=interaction_id,
                mime=mime or None,
            )
        )
    return result
