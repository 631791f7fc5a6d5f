"""Who a note names: "Pak Budi", "Bu Sari", "Mr Tan", "Dr. Wijaya", and bare first names,
matched to the chosen client's contacts.

* A titled mention (Pak, Bu, Bapak, Ibu, Mas, Mbak, Mr, Mrs, Ms, Dr, Prof) is the
  title and the one or two capitalised words after it ("Pak Budi Santoso"); typed
  in lower case ("pak budi") the one word after it.
* A contact matches a mention by whole words, never by a prefix: "Budi" is Budi
  Santoso's first name (and "Santoso" his last), but not Budiman's. A mention of
  two words must match both.
* A bare word matches a contact whose first name it is, or a full name anywhere.
* Several contacts for one mention (two Budis) are ``ambiguous``: nobody is linked
  until the user picks; a titled mention with no contact is ``unknown``, and the
  preview offers to add it as a new contact (named without the title).

No database here: the caller passes the client's contacts as ``(id, name)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from models.capture.mentions import PERSON_TITLES, STOP_WORDS

__all__ = ["PersonMatch", "find_people", "linked_contact_ids"]

_TITLE_WORDS = "|".join(sorted(PERSON_TITLES, key=len, reverse=True))
_TITLED = re.compile(
    r"(?<!\w)(?P<title>" + _TITLE_WORDS + r")\.?\s+"
    r"(?P<first>[^\W\d_][\w'’-]*)(?:[ \t]+(?P<second>[^\W\d_][\w'’-]*))?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NAME_TITLE = re.compile(r"^(?:" + _TITLE_WORDS + r")\.?\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """One person the note names and the contacts that can be them.

    ``contacts`` holds ``(id, name)``: one is a match, several are ambiguous, none
    is unknown (``new_name`` is then what a new contact would be called, or None
    for a bare word, which is never offered as a new person).
    """

    mention: str
    start: int
    contacts: tuple[tuple[str, str], ...]
    new_name: str | None = None

    @property
    def ambiguous(self) -> bool:
        return len(self.contacts) > 1

    @property
    def unknown(self) -> bool:
        return not self.contacts


def _words(name: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(_NAME_TITLE.sub("", name.strip()))]


def _clean(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def _matching(words: Sequence[str], contacts: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Contacts whose name has every one of ``words`` as a whole word; the full name
    (or first name) first, so a full-name match settles it."""
    wanted = [w.casefold() for w in words]
    full, first, other = [], [], []
    for contact in contacts:
        name_words = _words(contact[1])
        if not name_words or not all(w in name_words for w in wanted):
            continue
        if name_words == wanted:
            full.append(contact)
        elif name_words[0] == wanted[0]:
            first.append(contact)
        else:
            other.append(contact)
    return full[:1] if full else (first or other)


def find_people(text: str, contacts: Sequence[tuple[str, str]]) -> list[PersonMatch]:
    """The people ``text`` names, in order of first mention, each once."""
    found: list[PersonMatch] = []
    taken: list[tuple[int, int]] = []
    linked: set[str] = set()
    for match in _TITLED.finditer(text):
        first, second = _clean(match["first"]), match["second"]
        if first.casefold() in STOP_WORDS or first.casefold() in PERSON_TITLES:
            continue
        lower = not first[:1].isupper()
        words = [first]
        if second and not lower and second[:1].isupper():
            two = _matching([first, _clean(second)], contacts)
            if (two or not _matching([first], contacts)) and _clean(
                second
            ).casefold() not in STOP_WORDS:
                words.append(_clean(second))
        hits = tuple(_matching(words, contacts))
        if not hits and len(words) == 2:
            words, hits = [first], tuple(_matching([first], contacts))
        end = match.start("first") + len(" ".join(words))
        mention = text[match.start() : end]
        new_name = None if hits else " ".join(w[:1].upper() + w[1:] for w in words)
        found.append(PersonMatch(" ".join(mention.split()), match.start(), hits, new_name))
        taken.append((match.start(), end))
        linked.update(c[0] for c in hits)
    for whole in (True, False):  # full names first: "Budi ... Budi Hartono"
        for contact in contacts:
            if contact[0] in linked:
                continue
            for start, mention in _bare_mentions(text, contact[1], whole):
                if any(a <= start < b for a, b in taken):
                    continue
                hits = tuple(_bare_candidates(mention, contacts))
                if any(c[0] in linked for c in hits):
                    continue  # "Budi Santoso ... Budi": the Budi already named
                if hits:
                    found.append(PersonMatch(mention, start, hits))
                    taken.append((start, start + len(mention)))
                    linked.update(c[0] for c in hits)
                    break
    found.sort(key=lambda p: p.start)
    unique: dict[str, PersonMatch] = {}
    for person in found:
        key = "|".join(sorted(c[0] for c in person.contacts)) or person.mention.casefold()
        unique.setdefault(key, person)
    return list(unique.values())


def _bare_mentions(text: str, name: str, whole: bool) -> list[tuple[int, str]]:
    """Where ``name`` in full (``whole``) or its first name stands as words in ``text``."""
    words = _WORD.findall(_NAME_TITLE.sub("", name.strip()))
    if not words:
        return []
    if whole:
        full = re.compile(
            r"(?<![\w-])" + r"\s+".join(map(re.escape, words)) + r"(?:nya|['’]s)?(?![\w-])",
            re.IGNORECASE,
        )
        return [(m.start(), " ".join(m.group(0).split())) for m in full.finditer(text)]
    hits: list[tuple[int, str]] = []
    if len(words) > 1 and len(words[0]) >= 3 and words[0].casefold() not in STOP_WORDS:
        first = re.compile(
            r"(?<![\w-])" + re.escape(words[0]) + r"(?:nya|['’]s)?(?![\w-])", re.IGNORECASE
        )
        hits += [(m.start(), m.group(0)) for m in first.finditer(text)]
    return sorted(hits, key=lambda h: (h[0], -len(h[1])))


def _bare_candidates(mention: str, contacts: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    words = _words(re.sub(r"(?:nya|['’]s)$", "", mention, flags=re.IGNORECASE))
    if len(words) > 1:
        return _matching(words, contacts)
    return [c for c in contacts if _words(c[1])[:1] == words]


def linked_contact_ids(people: Sequence[PersonMatch]) -> list[str]:
    """The ids of the people matched to exactly one contact, in order, each once."""
    return list(dict.fromkeys(p.contacts[0][0] for p in people if len(p.contacts) == 1))
