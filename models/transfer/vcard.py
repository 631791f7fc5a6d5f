"""vCard (.vcf) import and export with vobject: versions 2.1, 3.0 and 4.0.

Reading: the file is split into cards first, so one broken card is reported (card
number, property, why) and the others still go in. Before vobject parses a card, its
lines are unfolded and quoted-printable values (2.1, with soft line breaks) decoded
here, and commas in single-valued text (FN, NOTE, TITLE, ORG...) escaped: vobject
keeps only the text before the first unescaped comma, and 2.1 writers (Android) never
escape them. Photos and other binary properties (PHOTO, LOGO, SOUND, KEY) are dropped
while the file is split into cards, before anything decodes or even unfolds them, so a
card with a 20 MB photo costs what a card without one does; a remaining line longer
than MAX_LINE is that card's error. Every e-mail, phone and URL is kept (URLs go into
the notes, as contacts have no URL field).

Writing: vCard 3.0, the version every address book reads, one card per contact, UTF-8.
"""

from __future__ import annotations

import logging
import quopri
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import vobject

from models.transfer import sniff
from models.transfer.records import Cells
from models.transfer.source_types import RowError, Source

_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^END:VCARD\s*$", re.IGNORECASE)
_FIELDS = {"email": "emails", "tel": "phones", "url": "urls", "title": "title", "note": "notes"}


@dataclass(frozen=True, slots=True)
class VCardContact:
    """What a vCard export needs of a contact."""

    name: str
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    account_name: str = ""
    birthday: date | None = None
    notes: str = ""
    linkedin_url: str = ""


#: Properties holding binary data Relasi does not keep: never unfolded or decoded.
BINARY_PROPS = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
#: The longest content line (unfolded) a card may keep; vobject needs ~150x its size.
MAX_LINE = 256 * 1024
_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")


def split_cards(text: str) -> list[tuple[int, str]]:
    """Each ``BEGIN:VCARD`` ... ``END:VCARD`` block with the line it starts on (a card
    whose END:VCARD is missing ends where the next one begins, or at the end), without
    its binary properties (:data:`BINARY_PROPS`) and their continuation lines (folded,
    or vCard 2.1 base64 lines that start with no property name)."""
    cards: list[tuple[int, str]] = []
    start: int | None = None
    lines: list[str] = []
    binary = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _BEGIN.match(line):
            if start is not None:  # the card before has no END:VCARD: it ends here
                cards.append((start, "\r\n".join([*lines, "END:VCARD"]) + "\r\n"))
            start, lines, binary = number, [line], False
        elif start is not None:
            if binary:
                if line[:1] in (" ", "\t") or not line.strip() or not _PROPERTY.match(line):
                    continue
                binary = False
            found = _PROPERTY.match(line)
            if found is not None and found.group(1).upper() in BINARY_PROPS:
                binary = True
                continue
            lines.append(line)
            if _END.match(line):
                cards.append((start, "\r\n".join(lines) + "\r\n"))
                start, lines = None, []
    if start is not None:  # the last card has no END:VCARD (a truncated file)
        cards.append((start, "\r\n".join([*lines, "END:VCARD"]) + "\r\n"))
    return cards


_TEXT_PROPS = frozenset({"FN", "N", "NOTE", "TITLE", "ROLE", "ORG", "ADR", "LABEL"})
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")


def _split_line(line: str) -> tuple[str, str] | None:
    """``NAME;PARAMS`` and the value of a content line (a colon in quotes is a param's)."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return line[:i], line[i + 1 :]
    return None


def _is_qp(head: str) -> bool:
    return "QUOTED-PRINTABLE" in head.upper()


def _decode_qp(head: str, value: str) -> tuple[str, str]:
    params = head.split(";")
    charset = "utf-8"
    kept = [params[0]]
    for param in params[1:]:
        upper = param.upper()
        if upper.startswith("CHARSET="):
            charset = param.split("=", 1)[1].strip('"') or "utf-8"
        elif upper not in {"ENCODING=QUOTED-PRINTABLE", "QUOTED-PRINTABLE"}:
            kept.append(param)
    raw = quopri.decodestring(value.encode("ascii", "replace"))
    try:
        text = raw.decode(charset)
    except (LookupError, UnicodeDecodeError):
        text = raw.decode("cp1252", "replace")
    text = text.replace("\\", "\\\\").replace("\r\n", "\n").replace("\r", "\n")
    return ";".join(kept), text.replace("\n", "\\n")


def normalise_card(block: str) -> str:
    """One card's text, unfolded, quoted-printable decoded and text commas escaped.

    ValueError when a content line is longer than :data:`MAX_LINE`.
    """
    pieces: list[list[str]] = []  # each logical line as its pieces (joined once)
    size = 0
    soft = False
    for raw in block.splitlines():
        if pieces and soft:
            pieces[-1][-1] = pieces[-1][-1][:-1]
            pieces[-1].append(raw)
        elif pieces and raw[:1] in (" ", "\t"):
            pieces[-1].append(raw[1:])
        elif raw.strip():
            pieces.append([raw])
            size = 0
        else:
            continue
        size += len(raw)
        if size > MAX_LINE:
            name = pieces[-1][0].split(":", 1)[0].split(";", 1)[0]
            raise ValueError(f"its {name} line is over {MAX_LINE // 1024} KB long")
        soft = _is_qp(pieces[-1][0].split(":", 1)[0]) and pieces[-1][-1].endswith("=")
    logical = ["".join(p) for p in pieces]
    out: list[str] = []
    for line in logical:
        parts = _split_line(line)
        if parts is None:
            out.append(line)
            continue
        head, value = parts
        if _is_qp(head):
            head, value = _decode_qp(head, value)
        name = head.split(";", 1)[0].rsplit(".", 1)[-1].upper()
        if name in _TEXT_PROPS:
            value = _UNESCAPED_COMMA.sub("\\,", value)
        out.append(f"{head}:{value}")
    return "\r\n".join(out) + "\r\n"


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return " ".join(str(v).strip() for v in value if isinstance(v, str) and v.strip())
    return ""


def card_cells(card: Any) -> Cells:
    """The cells of one parsed vCard, under the field names the importer maps."""
    cells: Cells = {}
    for name, lines in card.contents.items():
        for line in lines:
            prop = name.upper()
            if name == "fn":
                cells.setdefault("name", []).append((prop, _text(line.value)))
            elif name == "n" and isinstance(line.value, vobject.vcard.Name):
                n = line.value
                parts = [_text(p) for p in (n.prefix, n.given, n.additional, n.family, n.suffix)]
                cells.setdefault("n", []).append((prop, " ".join(p for p in parts if p)))
            elif name == "org":
                org = line.value if isinstance(line.value, list) else [line.value]
                first = _text(org[0]) if org else ""
                cells.setdefault("account_name", []).append((prop, first))
            elif name == "bday":
                text = _text(line.value)
                if text and not text.startswith("--"):  # no year: nothing a date can hold
                    cells.setdefault("birthday", []).append((prop, text.split("T")[0]))
            elif name in _FIELDS:
                text = _text(line.value)
                if name == "tel" and text.casefold().startswith("tel:"):
                    text = text[4:]
                cells.setdefault(_FIELDS[name], []).append((prop, text))
    if "name" not in cells and "n" in cells:
        cells["name"] = cells["n"]
    cells.pop("n", None)
    return {k: [(c, t) for c, t in v if t] for k, v in cells.items() if any(t for _, t in v)}


def parse_vcards(text: str) -> tuple[list[tuple[int, Cells]], list[RowError]]:
    """Cards of a vCard file as cells, and the cards that could not be read."""
    cards = split_cards(text)
    out: list[tuple[int, Cells]] = []
    problems: list[RowError] = []
    quiet = logging.getLogger("vobject.base")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # unreadable lines are reported per card instead
    try:
        for number, block in cards:
            try:
                card = vobject.readOne(normalise_card(block), ignoreUnreadable=True)
            except Exception as exc:  # vobject raises several unrelated types
                problems.append(
                    RowError(number, "", f"the card cannot be read: {exc}", "card at line")
                )
                continue
            out.append((number, card_cells(card)))
    finally:
        quiet.setLevel(level)
    return out, problems


def load_vcards(path: Path, *, max_bytes: int = sniff.MAX_BYTES) -> Source:
    text, encoding = sniff.read_text(path, max_bytes=max_bytes)
    if not any(_BEGIN.match(line) for line in text.splitlines()[:200]):
        raise sniff.refuse(path, "it holds no vCard (no BEGIN:VCARD line)")
    cells, problems = parse_vcards(text)
    return Source(
        path=path, format="vcard", kind="contact", encoding=encoding, cells=cells, problems=problems
    )


def _split_name(name: str) -> tuple[str, str]:
    parts = name.rsplit(" ", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else ("", name)


def contacts_to_vcard(contacts: Iterable[VCardContact]) -> str:
    """vCard 3.0 text with one card per contact."""
    out: list[str] = []
    for c in contacts:
        card = vobject.vCard()
        card.add("fn").value = c.name
        given, family = _split_name(c.name)
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        for email in c.emails:
            line = card.add("email")
            line.value = email
            line.type_param = "INTERNET"
        for phone in c.phones:
            card.add("tel").value = phone
        if c.account_name:
            card.add("org").value = [c.account_name]
        if c.title:
            card.add("title").value = c.title
        if c.birthday is not None:
            card.add("bday").value = c.birthday.isoformat()
        if c.notes:
            card.add("note").value = c.notes
        if c.linkedin_url:  # as a URL: what address books (and our importer) read back
            line = card.add("url")
            line.value = c.linkedin_url
            line.type_param = "linkedin"
        out.append(card.serialize())
    return "".join(out)
