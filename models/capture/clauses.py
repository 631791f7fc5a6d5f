"""Splitting one line of a note into sentences, and a sentence into clauses.

Everything works on character offsets into the line, so a caller can keep
the exact words a follow-up came from.

* Sentences end at ".", "!", "?" or "…" followed by a space or the end of the
  line, except after a title or company abbreviation ("Pak.", "Bu.", "PT.",
  "Dr.", "Rp."), an initial ("S. Wijaya"), or a month abbreviation followed by
  a number ("Dec. 20"). A mark inside a word ("3.5", "budi@maju.co.id",
  "maju.co.id/x") never ends one.
* Clauses: a sentence is cut at ",", ";", ":" (after four words or more),
  " - ", "—", "and", "dan", "lalu", "then", "terus", "kemudian", "serta", "&",
  "+" only where the words after the cut start a new clause
  (``starts_clause``: an action verb, a modal, a subject pronoun, a
  negation...), so "Kirim proposal besok, jam 10" and
  "send it to Budi and Sari" stay whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["split_clauses", "split_sentences"]

_NON_FINAL = frozenset((
    "pak", "bu", "bpk", "bp", "ibu", "sdr", "sdri", "yth", "pt", "cv", "ud", "tbk", "dr",
    "drs", "dra", "ir", "prof", "mr", "mrs", "ms", "mx", "st", "jl", "jln", "no", "nr", "rp",
    "vs", "approx", "tgl", "pkl", "a.m", "p.m", "e.g", "i.e", "cf", "fig", "ref", "hj", "h",
))  # fmt: skip
_MONTH_ABBREVIATIONS = frozenset((
    "jan", "feb", "peb", "mar", "apr", "jun", "jul", "aug", "agu", "agt", "ags", "sep", "sept",
    "oct", "okt", "nov", "nop", "dec", "des",
))  # fmt: skip
_END = re.compile(r"[.!?…]+(?=[\s\"'’”)\]]|$)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NEXT = re.compile(r"[\s\"'’”)\]]*(\S?)")

_CUT = re.compile(
    r"\s*[,;:]\s*|\s+[-–—]+\s+|\s*—\s*|\s+(?:and(?:\s+then)?|dan|lalu|then|terus|trus|kemudian"
    r"|serta|&|\+)\s+",
    re.IGNORECASE,
)


def split_sentences(line: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the sentences in ``line``, blanks trimmed, none empty."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(line):
        if m.group(0) == "." and not _ends_sentence(line, m.start(), m.end()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(line)))
    return [trimmed for span in spans if (trimmed := _trim(line, *span)) is not None]


def _ends_sentence(line: str, dot: int, after: int) -> bool:
    before = _WORD_BEFORE.search(line, 0, dot)
    word = before.group(1).lower() if before else ""
    if not word:
        return True
    following = _NEXT.match(line, after)
    nxt = following.group(1) if following else ""
    if word in _NON_FINAL:
        return False
    if len(word) == 1 and word.isalpha() and line[dot - 1].isupper():
        return False  # an initial: "S. Wijaya"
    return not (word in _MONTH_ABBREVIATIONS and nxt.isdigit())


def _trim(line: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def split_clauses(
    text: str, start: int, end: int, starts_clause: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]`` as spans into ``text``.

    A cut is kept only when ``starts_clause`` says the words after it begin a
    clause of their own.
    """
    spans: list[tuple[int, int]] = []
    clause_start = start
    for m in _CUT.finditer(text, start, end):
        if m.start() <= clause_start or m.end() >= end:
            continue
        if not starts_clause(text[m.end() : end]):
            continue
        if ":" in m.group(0) and len(text[clause_start : m.start()].split()) <= 3:
            continue  # "Next week: site visit...", "Budi: will send": a label, not a clause
        spans.append((clause_start, m.start()))
        clause_start = m.end()
    spans.append((clause_start, end))
    return [trimmed for span in spans if (trimmed := _trim(text, *span)) is not None]
