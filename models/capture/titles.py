"""Follow-up titles: the clause's verb and object, without date words, tidied.

* ``tidy`` drops empty brackets, doubled spaces and dangling punctuation.
* ``clause_title`` cuts a clause from its verb, removes the date spans,
  turns an Indonesian passive into the active voice ("proposal harus
  dikirim" -> "Kirim proposal") and capitalises the first letter.
* ``with_whom`` completes a bare verb ("follow up", "call", "hubungi") with
  the person and the client the note is about: "Follow up with Budi (PT Maju
  Jaya)", "Call Sari", "Hubungi PT Maju Jaya"; with neither known, the
  note's topic: "Follow up: Paket enterprise".
* ``person_named`` and ``company_named`` find them in the text when the
  caller knows no contact or client.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "TITLE_MAX",
    "clause_title",
    "company_named",
    "is_bare",
    "person_named",
    "tidy",
    "with_whom",
]

TITLE_MAX = 120
_TIDY_SPACES = re.compile(r"\s{2,}")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_TIDY_PUNCT = re.compile(r"\s+([,.;:!?)])")
_TRAILING = re.compile(r"[\s,;:\-–—(.!?]+$")
_LEADING = re.compile(r"^[\s,;:\-–—.)]+")
_TRAILING_WORDS = re.compile(
    r"(?:\s+(?:ya|yah|yaa|aja|saja|please|pls|juga|ok|oke|by|on|at|before|pada|sebelum"
    r"|paling\s+lambat|jam|pukul|di|ke))+$",
    re.IGNORECASE,
)
_WITH = {"follow up", "follow-up", "followup", "fu", "f/u", "check in", "touch base",
         "circle back", "sync", "meet", "meet up", "meeting"}  # fmt: skip
_DIRECT = {
    "call", "call back", "phone", "ring", "ping", "chase", "email", "e-mail", "text",
    "whatsapp", "wa", "remind", "visit", "contact", "telepon", "telpon", "telp", "tlp",
    "hubungi", "kontak", "kabari", "kabarin", "ingatkan", "ingetin", "kunjungi", "temui",
    "tagih", "japri", "chat", "ketemu", "ketemuan", "tindak lanjuti", "tindaklanjuti",
    "tindak lanjut",
}  # fmt: skip
_HONORIFIC = re.compile(
    r"(?<!\w)(?:Pak|Bapak|Bpk\.?|Bp\.?|Bu|Ibu|Mbak|Mba|Mas|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+"
    r"(?P<name>[A-Z][a-z]+)(?!\w)"
)
_COMPANY = re.compile(
    r"(?<!\w)(?:(?:PT|CV|UD)\.?\s+[A-Z0-9][\w&'’-]*(?:\s+(?:[A-Z0-9][\w&'’-]*|&))*"
    r"(?:\s+Tbk\.?)?|[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}\s+"
    r"(?:Tbk|Inc|Corp|Ltd|LLC|Group|GmbH|Pte\s+Ltd)\.?)(?!\w)"
)


def tidy(text: str) -> str:
    """Spaces, empty brackets and punctuation left over after words were removed."""
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = _TIDY_PUNCT.sub(r"\1", _TIDY_SPACES.sub(" ", text)).strip()
    text = _LEADING.sub("", _TRAILING.sub("", text)).strip()
    return text


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(chars), end)):
            chars[i] = " "
    return "".join(chars)


def _shorten(title: str) -> str:
    if len(title) <= TITLE_MAX:
        return title
    cut = title[: TITLE_MAX - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > TITLE_MAX // 2 else cut).rstrip() + "…"


def _capitalise(title: str) -> str:
    return title[:1].upper() + title[1:]


def clause_title(
    clause: str,
    start: int,
    date_spans: Sequence[tuple[int, int]],
    *,
    active: str | None = None,
    passive: tuple[int, int] | None = None,
    object_start: int = 0,
    modal_words: re.Pattern[str] | None = None,
) -> str:
    """The title of the follow-up ``clause`` asks for, its verb at ``start``."""
    blanked = _blank(clause, date_spans)
    if active is not None and passive is not None:
        if object_start < passive[0]:
            thing = blanked[object_start : passive[0]]
            if modal_words is not None:
                thing = modal_words.sub(" ", thing)
            thing = tidy(thing)
            if thing[:1].isupper() and thing[1:2].islower():
                thing = thing[:1].lower() + thing[1:]
            rest = blanked[passive[1] :]
            title = tidy(f"{active} {thing} {rest}")
        else:
            title = tidy(f"{active} {blanked[passive[1] :]}")
    else:
        title = tidy(blanked[start:])
    title = tidy(_TRAILING_WORDS.sub("", title))
    if not title:
        title = tidy(clause[start:]) or clause.strip()
    return _shorten(_capitalise(title))


def is_bare(title: str) -> bool:
    """Whether the title is a verb alone ("Follow up", "Call", "Hubungi")."""
    key = re.sub(r"\s+", " ", title.casefold()).strip(" .!")
    return key in _WITH or key in _DIRECT


def person_named(text: str, contacts: Sequence[str]) -> str | None:
    """The first contact as the note names them (full or first name), else "Pak Budi" -> "Budi"."""
    for name in contacts:
        words = name.split()
        if not words:
            continue
        if re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", text, re.I):
            return name
        return words[0] if len(words[0]) > 1 else name
    m = _HONORIFIC.search(text)
    return m["name"] if m is not None else None


def company_named(text: str) -> str | None:
    """The first company named with its legal form ("PT Maju Jaya", "Globex Inc")."""
    m = _COMPANY.search(text)
    return m.group(0).rstrip(".") if m is not None else None


def with_whom(title: str, person: str | None, client: str | None, topic: str | None) -> str:
    """A bare verb title completed with who it is about (see the module docstring)."""
    verb = tidy(title)
    if person and client and person.casefold() not in client.casefold():
        who = f"{person} ({client})"
    else:
        who = person or client or ""
    if who:
        link = " with " if verb.casefold() in _WITH else " "
        return _shorten(_capitalise(verb + link + who))
    if topic:
        return _shorten(_capitalise(f"{verb}: {topic}"))
    return _capitalise(verb)
