"""E-mail files as timeline entries: ``.eml`` with the standard library's ``email``
(``policy=default``: MIME multipart, encoded headers), Outlook ``.msg`` with extract-msg.

Each message becomes an ``email`` entry: subject, date, the plain-text body (or the
HTML body reduced to text), and a list of its attachments (name and size) at the end
of the body, so none goes unmentioned. The sender's and recipients' addresses are
what the importer matches to contacts.

Attachments are not kept, so they are never decoded: the parser hands each attachment
part's payload to :class:`_LeanMessage`, which notes its encoded size and drops it, so
a message with 50,000 attachments holds names, not contents. Past
:data:`LISTED_ATTACHMENTS` the listing says how many more there are.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.errors import HeaderParseError
from email.feedparser import BytesFeedParser
from email.header import decode_header, make_header
from email.message import Message
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from models.transfer import sniff
from models.transfer.source_types import Source, moment

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SUBJECT_MAX = 300
#: Attachments named in an entry's body; the rest are counted.
LISTED_ATTACHMENTS = 500
FEED_SLICE = 64 * 1024


class _LeanMessage(Message):
    """A message part that drops an attachment's payload as the parser sets it, keeping
    only its size (counted from the encoded text: base64 holds 3 bytes per 4 characters,
    less its padding)."""

    encoded_size: int | None = None

    def __init__(self, policy: Any = compat32) -> None:
        super().__init__(policy)
        #: attachments of this multipart already read and let go: (name, size)
        self.dropped: list[tuple[str, int]] = []

    def attach(self, payload: Any) -> None:
        """Before the parser adds the next part, let the previous one go if it was an
        attachment (read in full by now): only its name and size stay."""
        parts: Any = self.get_payload() if self.is_multipart() else None
        if parts and (size := getattr(parts[-1], "encoded_size", None)) is not None:
            self.dropped.append((_attachment_name(parts.pop()), size))
        super().attach(payload)

    def set_payload(self, payload: Any, charset: Any = None) -> None:
        if (
            isinstance(payload, str | bytes)
            and not self.is_multipart()
            and self.get_content_disposition() == "attachment"
        ):
            text = payload if isinstance(payload, str) else payload.decode("ascii", "replace")
            size = len(text)
            if str(self.get("Content-Transfer-Encoding", "")).strip().casefold() == "base64":
                chars = size - sum(text.count(c) for c in "\r\n \t")
                padding = len(text.rstrip()) - len(text.rstrip().rstrip("="))
                size = max(0, chars * 3 // 4 - padding)
            self.encoded_size = size
            payload = ""
        super().set_payload(payload, charset)


def _header(value: Any) -> str:
    """A header's text with its encoded words (=?utf-8?q?...?=) decoded."""
    if value is None:
        return ""
    try:
        return str(make_header(decode_header(str(value))))
    except (LookupError, UnicodeError, ValueError, HeaderParseError):
        return str(value)


def _attachment_name(part: Message) -> str:
    name = part.get_filename()
    return _header(name) if name else "(unnamed attachment)"


def _text_of(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, "replace")
    except LookupError:
        return payload.decode("cp1252", "replace")


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
        listing = "\n".join(
            f"- {name} ({_size(size)})" for name, size in attachments[:LISTED_ATTACHMENTS]
        )
        if len(attachments) > LISTED_ATTACHMENTS:
            listing += f"\n- … and {len(attachments) - LISTED_ATTACHMENTS:,} more"
        text = f"{text}\n\nAttachments:\n{listing}" if text else f"Attachments:\n{listing}"
    subject = " ".join(subject.split())
    if len(subject) > SUBJECT_MAX:
        subject = subject[: SUBJECT_MAX - 1] + "…"
    when = sent if sent is not None else fallback_time
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        occurred_at = moment(when)
    except (ValueError, OverflowError):  # a Date header of year 1 or 9999: the file's time
        occurred_at = moment(fallback_time)
    return {
        "kind": "email",
        "occurred_at": occurred_at,
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
    # compat32: headers stay plain strings; the default policy's header objects cost
    # ~5 KB of parse tree per part read, which 50,000 parts turn into a gigabyte.
    # Fed in slices: given all at once, the parser splits the whole file into lines first.
    parser = BytesFeedParser(_factory=_LeanMessage, policy=compat32)
    for at in range(0, len(data), FEED_SLICE):
        parser.feed(data[at : at + FEED_SLICE])
    msg = parser.close()
    if not any(msg.get(h) for h in ("From", "Date", "Message-ID")):
        return None
    addresses = [
        addr
        for _, addr in getaddresses(
            [_header(v) for h in ("From", "To", "Cc") for v in msg.get_all(h, [])]
        )
    ]
    sent: datetime | None = None
    if msg.get("Date"):
        try:
            sent = parsedate_to_datetime(str(msg["Date"]))
        except (TypeError, ValueError, OverflowError):
            sent = None
    plain: Message | None = None
    html: Message | None = None
    attachments: list[tuple[str, int]] = []
    for part in msg.walk():
        if part.is_multipart():
            attachments.extend(getattr(part, "dropped", ()))
            continue
        disposition = part.get_content_disposition()
        name = part.get_filename()
        kind = part.get_content_type()
        if disposition != "attachment" and kind == "text/plain" and plain is None and not name:
            plain = part
        elif disposition != "attachment" and kind == "text/html" and html is None and not name:
            html = part
        elif disposition == "attachment" or name:
            size = getattr(part, "encoded_size", None)
            if size is None:  # an inline part (an image in the HTML): decode to measure
                payload = part.get_payload(decode=True)
                size = len(payload) if isinstance(payload, bytes) else 0
            attachments.append((_attachment_name(part), size))
    body = _text_of(plain) if plain is not None else html_to_text(_text_of(html)) if html else ""
    return entry(_header(msg.get("Subject")), sent, body, addresses, attachments, fallback_time)


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
