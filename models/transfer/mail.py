"""E-mail files as timeline entries: ``.eml`` with the standard library's ``email``
(``policy=default``: MIME multipart, encoded headers), Outlook ``.msg`` with extract-msg.

Each message becomes an ``email`` entry: subject, date, the plain-text body (or the
HTML body reduced to text), and a list of its attachments (name and size) at the end
of the body, so none goes unmentioned. The sender's and recipients' addresses are
what the importer matches to contacts.
"""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from models.transfer import sniff
from models.transfer.source_types import Source

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SUBJECT_MAX = 300


class _TextOf(HTMLParser):
    """Visible text of an HTML body: tags dropped, blocks on their own lines."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "head"}:
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "head"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} bytes"


def entry(
    subject: str,
    sent: datetime | None,
    body: str,
    addresses: list[str],
    attachments: list[tuple[str, int]],
    fallback_time: datetime,
) -> dict[str, Any]:
    """The values of an e-mail timeline entry."""
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    if attachments:
        listing = "\n".join(f"- {name} ({_size(size)})" for name, size in attachments)
        text = f"{text}\n\nAttachments:\n{listing}" if text else f"Attachments:\n{listing}"
    subject = " ".join(subject.split())
    if len(subject) > SUBJECT_MAX:
        subject = subject[: SUBJECT_MAX - 1] + "…"
    when = sent if sent is not None else fallback_time
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return {
        "kind": "email",
        "occurred_at": when.astimezone(UTC),
        "subject": subject or "(no subject)",
        "body": text,
        "body_format": "plain",
        "location": "",
        "duration_minutes": None,
        "outcome": "",
        "addresses": list(dict.fromkeys(a.strip().casefold() for a in addresses if "@" in a)),
        "match_column": "From/To/Cc",
    }


def eml_entry(data: bytes, fallback_time: datetime) -> dict[str, Any] | None:
    """The entry of an RFC 5322 message, or None when the bytes are not a message."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    if not any(msg.get(h) for h in ("From", "Date", "Message-ID")):
        return None
    addresses = [
        addr
        for _, addr in getaddresses(
            [str(v) for h in ("From", "To", "Cc") for v in msg.get_all(h, [])]
        )
    ]
    sent: datetime | None = None
    if msg.get("Date"):
        try:
            sent = parsedate_to_datetime(str(msg["Date"]))
        except (TypeError, ValueError):
            sent = None
    body = ""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is not None:
        content = part.get_content()
        body = html_to_text(content) if part.get_content_type() == "text/html" else content
    attachments: list[tuple[str, int]] = []
    for att in msg.iter_attachments():
        payload = att.get_payload(decode=True)
        size = len(payload) if isinstance(payload, bytes) else 0
        attachments.append((att.get_filename() or "(unnamed attachment)", size))
    return entry(str(msg.get("Subject", "")), sent, body, addresses, attachments, fallback_time)


def msg_entry(path: Path, fallback_time: datetime) -> dict[str, Any]:
    """The entry of an Outlook .msg file, read with extract-msg."""
    import extract_msg

    msg: Any = extract_msg.openMsg(str(path))
    try:
        addresses = [
            addr for _, addr in getaddresses([str(v) for v in (msg.sender, msg.to, msg.cc) if v])
        ]
        body = msg.body or ""
        if not body.strip() and getattr(msg, "htmlBody", None):
            body = html_to_text(msg.htmlBody.decode("utf-8", "replace"))
        attachments = []
        for att in msg.attachments:
            data = getattr(att, "data", None)
            size = len(data) if isinstance(data, bytes | bytearray) else 0
            name = getattr(att, "longFilename", None) or getattr(att, "shortFilename", None)
            attachments.append((str(name or "(unnamed attachment)"), size))
        sent = msg.date if isinstance(msg.date, datetime) else None
        return entry(str(msg.subject or ""), sent, body, addresses, attachments, fallback_time)
    finally:
        msg.close()


def load_mail(path: Path, *, max_bytes: int = sniff.MAX_BYTES) -> Source:
    data = sniff.read_bytes(path, max_bytes=max_bytes)
    modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    source = Source(path=path, format=path.suffix.casefold().lstrip("."), kind="interaction")
    if path.suffix.casefold() == ".msg":
        if not data.startswith(OLE_MAGIC):
            raise sniff.refuse(path, "it is not an Outlook message (.msg) file")
        try:
            source.entries.append((1, msg_entry(path, modified)))
        except Exception as exc:  # extract-msg raises many types for damaged files
            raise sniff.refuse(path, f"the Outlook message cannot be read: {exc}") from None
        return source
    if (what := sniff.binary_kind(data)) is not None or b"\x00" in data[:4096]:
        raise sniff.refuse(path, f"it is {what or 'a binary file'}, not an e-mail message")
    found = eml_entry(data, modified)
    if found is None:
        raise sniff.refuse(path, "it is not an e-mail message (no From, Date or Message-ID)")
    source.entries.append((1, found))
    return source
