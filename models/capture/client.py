"""Which client a quick-capture note is about, from its first line (fuzzy, with rapidfuzz).

The client part of the first line is the text before an em dash, an en dash,
a spaced hyphen or a colon ("Acme Corp — met Budi"), or the whole line. Legal
forms (PT, Tbk, CV, Corp, Inc, Ltd, Co., (Persero), ...) are dropped from both
sides before scoring, so "Acme" matches "Acme Corp" and "Bank Mandiri"
matches "PT Bank Mandiri (Persero) Tbk". Scores are 0-100 (rapidfuzz WRatio);
an acronym of the name ("BCA" for "Bank Central Asia") scores at least 90.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

__all__ = [
    "ClientMatch",
    "client_part",
    "is_confident",
    "match_client",
    "normalize_company",
    "split_client_line",
]

_LEGAL_FORM_WORDS = (
    "pt tbk cv ud fa persero perum perseroan terbatas corp corporation inc incorporated ltd "
    "limited co company llc llp lp plc gmbh ag sa bv nv pte pty kk sdn bhd"
)
LEGAL_FORMS = frozenset(_LEGAL_FORM_WORDS.split())
_SEPARATOR = re.compile(r"\s*(?:—|–|(?<=\s)-+|-+(?=\s)|(?<!\d):(?!\d))\s*")
_LEADING_MARK = re.compile(r"^\s*(?:[-*+•#>]+\s+)+")
_NON_WORD = re.compile(r"[\W_]+")
_ACRONYM_SCORE = 90.0


@dataclass(frozen=True, slots=True)
class ClientMatch:
    """A candidate client for the note, with its score (0-100, higher is better)."""

    account_id: str
    name: str
    score: float


def split_client_line(first_line: str) -> tuple[str, str]:
    """(client part, rest) of a first line: "Acme — met Budi" -> ("Acme", "met Budi").

    A leading bullet or heading mark is dropped; with no separator the whole
    line is the client part and the rest is "".
    """
    line = _LEADING_MARK.sub("", first_line)
    for match in _SEPARATOR.finditer(line):
        if line[: match.start()].strip():
            return line[: match.start()].strip(), line[match.end() :].strip()
    return line.strip(), ""


def client_part(first_line: str) -> str:
    """The text of the first line that names the client."""
    return split_client_line(first_line)[0]


def normalize_company(name: str) -> str:
    """Lower-case words of ``name`` without punctuation and leading/trailing legal forms."""
    words = _NON_WORD.sub(" ", name.casefold()).split()
    while len(words) > 1 and words[0] in LEGAL_FORMS:
        words.pop(0)
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def _acronym(normalized: str) -> str:
    words = normalized.split()
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def match_client(
    first_line: str,
    candidates: Sequence[tuple[str, str]],
    limit: int = 5,
    *,
    min_score: float = 50.0,
) -> list[ClientMatch]:
    """The best ``limit`` candidates ``(account_id, name)`` for the first line, best first.

    Candidates scoring under ``min_score`` are left out; ties are ordered by name.
    """
    query = normalize_company(client_part(first_line))
    if not query or limit <= 0:
        return []
    names = {index: normalize_company(name) for index, (_, name) in enumerate(candidates)}
    scores: dict[int, float] = {}
    for _, score, index in process.extract(
        query, names, scorer=fuzz.WRatio, limit=None, score_cutoff=min_score
    ):
        scores[index] = float(score)
    if " " not in query and 2 <= len(query) <= 6:
        for index, name in names.items():
            if _acronym(name) == query:
                scores[index] = max(scores.get(index, 0.0), _ACRONYM_SCORE)
    ranked = sorted(
        scores.items(), key=lambda item: (-item[1], candidates[item[0]][1].casefold(), item[0])
    )
    return [
        ClientMatch(candidates[index][0], candidates[index][1], round(score, 1))
        for index, score in ranked[:limit]
    ]


def is_confident(
    matches: Sequence[ClientMatch], *, threshold: float = 90.0, margin: float = 10.0
) -> bool:
    """Whether the best match can be taken without asking.

    True when it scores at least ``threshold`` and beats the runner-up by at
    least ``margin`` points (two accounts with the same name are never confident).
    """
    if not matches or matches[0].score < threshold:
        return False
    if len(matches) == 1:
        return True
    best, second = matches[0], matches[1]
    if normalize_company(best.name) == normalize_company(second.name):
        return False
    return best.score - second.score >= margin
