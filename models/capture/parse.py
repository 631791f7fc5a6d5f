"""Parsing a quick-capture note into what will be created: follow-ups, kind, contacts, amounts.

No Qt and no database here: ``parse_capture`` turns the typed text into a
``CaptureResult`` that the quick-capture dialog shows before saving.

* Follow-ups are lines starting with ``- [ ]``, ``[ ]``, ``* [ ]``, ``TODO``,
  ``todo:``, ``Next step:``, ``Tindak lanjut:``, or a bullet (``-``, ``*``,
  ``+``, ``1.``) whose first word is an imperative verb (English or
  Indonesian, see ``FOLLOW_UP_VERBS``). ``- [x]`` lines are done items and
  stay in the body; so does a label with nothing after it ("Next steps:").
* Every line ends up either in the body or as a follow-up: ``body`` is the
  other lines in their order, verbatim (blank ones too), joined by "\\n"; a
  follow-up keeps its line as ``source_line`` and its index in
  ``text.splitlines()`` as ``line_no`` (0-based).
* A follow-up with no date gets the default policy (``default_working_days``
  working days ahead), marked ``is_default`` and ``needs_confirmation``.
* The kind is the first kind word found in the body (the client part of the
  first line excluded), "meeting" when there is none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from models.capture.amounts import Amount, find_amounts
from models.capture.client import ClientMatch, is_confident, match_client, split_client_line
from models.capture.dates import DueDate, default_due, parse_due
from models.capture.deal_title import deal_title
from models.capture.followup import ParsedFollowUp, make_followup
from models.capture.prose import (
    Who,
    action_spans,
    first_sentence,
    line_start,
    prose_followups,
)
from models.capture.titles import company_named, is_bare, person_named, tidy, with_whom

__all__ = [
    "FOLLOW_UP_VERBS",
    "KINDS",
    "Amount",
    "CaptureResult",
    "ClientMatch",
    "ParsedFollowUp",
    "detect_contacts",
    "detect_kind",
    "is_confident",
    "match_client",
    "parse_capture",
    "split_followup",
]

KINDS = ("meeting", "call", "email", "note", "demo", "proposal", "contract", "gift", "other")
FOLLOW_UP_VERBS = (
    "send", "call", "email", "e-mail", "follow up", "follow-up", "followup", "schedule",
    "prepare", "share", "book", "invite", "review", "check", "ask", "remind", "meet", "visit",
    "draft", "update", "confirm",
    "kirim", "kirimkan", "telepon", "telpon", "hubungi", "jadwalkan", "siapkan", "bagikan",
    "undang", "cek", "tanya", "tanyakan", "ingatkan", "temui", "kunjungi", "buat", "buatkan",
    "konfirmasi", "kabari", "kabarin", "tagih",
)  # fmt: skip
SUBJECT_MAX = 120

_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "meeting": ("meeting", "met", "meet", "rapat", "ketemu", "bertemu", "kunjungan", "visit",
                "visited", "lunch", "dinner", "makan siang"),
    "call": ("call", "called", "calls", "calling", "phone", "phoned", "telepon", "telpon",
             "ditelepon", "ditelpon", "menelepon", "nelpon", "teleponan", "telponan"),
    "email": ("email", "emailed", "emails", "e-mail", "e-mailed", "surel"),
    "demo": ("demo", "demos", "demoed", "demonstration"),
    "proposal": ("proposal", "proposals", "penawaran"),
    "contract": ("contract", "contracts", "kontrak"),
    "gift": ("gift", "gifts", "hadiah", "bingkisan", "parsel", "parcel", "hampers"),
}  # fmt: skip


def _words(words: Sequence[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", "-") for w in ordered)


_HEADING = re.compile(r"^\s*#")
_KIND_PATTERNS = {
    kind: re.compile(r"(?<!\w)(?:" + _words(words) + r")(?!\w)", re.IGNORECASE)
    for kind, words in _KIND_WORDS.items()
}
_BULLET = r"(?:[-*+•]|\d{1,3}[.)])"
_DONE = re.compile(r"^\s*(?:" + _BULLET + r"\s*)?\[[xX✓✔]\]")
_CHECKBOX = re.compile(r"^\s*(?:" + _BULLET + r"\s*)?\[\s?\]\s*(?P<rest>.*)$")
_TODO = re.compile(r"^\s*(?:" + _BULLET + r"\s*)?TODO(?!\w)\s*[:\-–]?\s*(?P<rest>.*)$")
_LABEL = re.compile(
    r"^\s*(?:" + _BULLET + r"\s*)?(?:to-?\s?do|next\s+steps?|tindak\s+lanjut|follow[- ]?ups?)"
    r"\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"^\s*" + _BULLET + r"\s+(?P<rest>(?:" + _words(FOLLOW_UP_VERBS) + r")(?!\w).*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class CaptureResult:
    """Everything read from one quick-capture note."""

    client_text: str | None
    subject: str
    body: str
    kind: str
    contacts: tuple[str, ...]
    amounts: tuple[Amount, ...]
    followups: tuple[ParsedFollowUp, ...]
    deal_title: str | None = None


def split_followup(line: str) -> str | None:
    """The text of an action-item line without its prefix, or None when it is not one."""
    if _DONE.match(line):
        return None
    for pattern in (_CHECKBOX, _TODO, _LABEL, _VERB):
        match = pattern.match(line)
        if match is not None:
            rest = match["rest"].strip()
            return rest or None
    return None


def _title(rest: str, due: DueDate | None) -> str:
    """The follow-up text without its date words, tidied; the whole text if nothing is left."""
    title = rest
    for start, end in sorted(due.spans if due else (), reverse=True):
        title = title[:start] + " " + title[end:]
    return tidy(title) or rest


def detect_kind(body: str) -> str:
    """The interaction kind named first in ``body``; "meeting" when none is."""
    best: tuple[int, int, str] | None = None
    for kind, pattern in _KIND_PATTERNS.items():
        match = pattern.search(body)
        if match is not None:
            key = (match.start(), -len(match.group(0)), kind)
            if best is None or key < best:
                best = key
    return "meeting" if best is None else best[2]


def _first_name(name: str) -> str | None:
    for word in name.split():
        if len(word) >= 2 and not word.endswith("."):
            return word
    return None


def detect_contacts(text: str, contact_names: Sequence[str]) -> tuple[str, ...]:
    """The contacts named in ``text`` (full name or first name), in order of first mention.

    Case-insensitive, on word boundaries, allowing Indonesian "-nya" ("Budinya").
    A first name shared by several contacts matches all of them unless one is
    named in full; the user confirms in the preview.
    """
    positions: dict[int, tuple[int, bool]] = {}
    for index, name in enumerate(contact_names):
        words = name.split()
        if not words:
            continue
        full = re.compile(
            r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?:nya)?(?!\w)", re.IGNORECASE
        )
        found = full.search(text)
        if found is not None:
            positions[index] = (found.start(), True)
            continue
        first = _first_name(name)
        if first is None:
            continue
        found = re.search(r"(?<!\w)" + re.escape(first) + r"(?:nya)?(?!\w)", text, re.IGNORECASE)
        if found is not None:
            positions[index] = (found.start(), False)
    named_in_full = {
        (_first_name(contact_names[i]) or "").casefold()
        for i, (_, full_match) in positions.items()
        if full_match
    }
    kept = [
        (pos, index)
        for index, (pos, full_match) in positions.items()
        if full_match or (_first_name(contact_names[index]) or "").casefold() not in named_in_full
    ]
    return tuple(dict.fromkeys(contact_names[index] for _, index in sorted(kept)))


def _subject(lines: Sequence[tuple[str, int, bool]]) -> str:
    text = first_sentence(list(lines))
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    if len(text) <= SUBJECT_MAX:
        return text
    cut = text[: SUBJECT_MAX - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > SUBJECT_MAX // 2 else cut).rstrip() + "…"


def parse_capture(
    text: str,
    *,
    now: datetime,
    date_order: str = "DMY",
    contact_names: Sequence[str] = (),
    default_working_days: int = 2,
    first_line_names_client: bool = False,
    default_currency: str = "IDR",
    client_name: str | None = None,
) -> CaptureResult:
    """Read a quick-capture note typed at ``now``.

    ``now`` must be timezone-aware and in the user's local zone (the app's
    clock tells UTC: pass ``clock.now().astimezone(local_zone)``), since
    "besok" and "jam 3 sore" are local; due dates come back in that zone.

    ``date_order`` ("DMY"/"MDY") reads numeric dates like 12/1;
    ``contact_names`` are the account's contacts to look for;
    ``first_line_names_client`` makes the first non-blank line's client part
    (see capture_client) the ``client_text``; that part is dropped from the
    body when a separator follows it ("Acme Corp — met Budi" -> "met Budi"),
    and the subject is read from the rest (or the next lines);
    ``default_currency`` is the currency of an amount that names none ("500 jt");
    ``client_name`` is the client the note will be filed under, used to title
    a bare "follow up" ("Follow up with Budi (PT Maju Jaya)").

    Raises ValueError for a naive ``now``, an unknown ``date_order`` or a
    negative ``default_working_days``; never because of the text.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    order = date_order.upper()
    if order not in ("DMY", "MDY", "YMD"):
        raise ValueError(f"date_order must be DMY, MDY or YMD, not {date_order!r}")
    if default_working_days < 0:
        raise ValueError("default_working_days must not be negative")
    lines = text.splitlines()
    client_line_no = next((i for i, line in enumerate(lines) if line.strip()), None)
    if not first_line_names_client:
        client_line_no = None
    client_text: str | None = None
    body_lines = list(lines)
    amounts = find_amounts(text, default_currency)
    contacts = detect_contacts(text, contact_names)
    topic = deal_title(text, amounts)
    if client_line_no is not None:
        client_text, remainder = split_client_line(lines[client_line_no])
        if remainder:
            body_lines[client_line_no] = remainder
    who = Who(
        person=person_named(text, contacts),
        client=client_name or client_text or company_named(text),
        topic=topic,
    )
    followups: list[ParsedFollowUp] = []
    prose_lines: list[tuple[str, int, bool]] = []  # for the subject: (line, where its words begin)
    kind_lines: list[str] = []
    content = False  # anything besides next steps: the note makes an entry
    for line_no, line in enumerate(lines):
        rest = None if line_no == client_line_no else split_followup(line)
        if rest is not None:
            due = parse_due(rest, now=now, date_order=order)
            chosen = due if due is not None else default_due(now, default_working_days)
            title = _title(rest, due)
            if is_bare(title):
                title = with_whom(title, who.person, who.client, who.topic)
            start = max(line.find(rest), 0)
            followups.append(make_followup(title, line, line_no, chosen, clause=rest, start=start))
            continue
        if line_no == client_line_no:
            content = _has_words(line)
            words = body_lines[line_no]
            begin = line.rfind(words) if words and words != line else len(line)
        else:
            begin = line_start(line)
        if _HEADING.match(line):
            prose_lines.append((line, begin, True))
            kind_lines.append(line[begin:])
            continue
        found = prose_followups(
            line,
            line_no,
            begin,
            now=now,
            order=order,
            default_days=default_working_days,
            who=who,
        )
        followups.extend(found)
        prose_lines.append((line, begin, False))
        kind_lines.append(
            _without(line[begin:], [(s - begin, e - begin) for s, e in action_spans(line, begin)])
        )
    return CaptureResult(
        client_text=client_text or None,
        subject=_subject(prose_lines),
        body="\n".join(body_lines) if content or any(map(_has_words, kind_lines)) else "",
        kind=detect_kind("\n".join(kind_lines)),
        contacts=contacts,
        amounts=amounts,
        followups=tuple(followups),
        deal_title=topic,
    )


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _without(text: str, spans: Sequence[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text
