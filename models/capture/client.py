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
    "rank_clients",
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
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?(?!\w)")


@dataclass(frozen=True, slots=True)
class ClientMatch:
    """A candidate client for the note, with its score (0-100, higher is better)."""

    account_id: str
    name: str
    score: float
    #: The mention's words are the name's words, or a run of them ("Maju Jaya" for
    #: "PT Maju Jaya Sejahtera"): ranked before every fuzzy match.
    exact: bool = False


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


# -- ranking a mention found anywhere in the note (models.capture.client_lookup) ----------

#: Scores of the ranks: a name equal to the mention, a short form of the name,
#: and the cap of fuzzy matches (always below every exact one).
EXACT_SCORE = 100.0
SHORT_FORM_SCORE = 96.0
FUZZY_CAP = 89.0
#: A fuzzy match (rapidfuzz ratio of the normalised names) below this is not offered.
FUZZY_CUTOFF = 84.0
#: ... and at or above this (with a name of 6+ characters) it is a typo that matches well.
FUZZY_GOOD = 90.0


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def _is_run(words: Sequence[str], run: Sequence[str]) -> bool:
    """Whether ``run`` occurs in ``words`` as consecutive whole words."""
    size = len(run)
    return any(list(words[i : i + size]) == list(run) for i in range(len(words) - size + 1))


def _rank_one(query: str, name: str) -> tuple[float, bool] | None:
    query_words, name_words = query.split(), normalize_company(name).split()
    query = " ".join(query_words)
    if not name_words:
        return None
    if name_words == query_words:
        return EXACT_SCORE, True
    if len(query_words) == 1:
        short = name_words[0] == query_words[0] and len(query_words[0]) >= 3
    else:
        short = _is_run(name_words, query_words)
    if short:
        return max(90.0, SHORT_FORM_SCORE - (len(name_words) - len(query_words))), True
    if _numbers(query) != _numbers(" ".join(name_words)):
        return None  # "Klien 004242" is not "Klien 004472", however close
    plain = " ".join(_NON_WORD.sub(" ", name.casefold()).split())
    ratio = float(max(fuzz.ratio(query, " ".join(name_words)), fuzz.ratio(query, plain)))
    if ratio < FUZZY_CUTOFF:
        return None
    return min(FUZZY_CAP, round(ratio * FUZZY_CAP / 100.0, 1)), False


def rank_clients(
    mention: str, candidates: Sequence[tuple[str, str]], limit: int = 5
) -> list[ClientMatch]:
    """The candidates ``(account_id, name)`` that ``mention`` may mean, best first.

    Exact matches first: the same words once legal forms and punctuation are
    dropped ("Maju Jaya" = "PT Maju Jaya"), then short forms ("Maju Jaya" in "PT
    Maju Jaya Sejahtera"; one word only as the name's first: "Globex" for "Globex
    Corporation"); then close spellings (rapidfuzz ratio of the whole names, so
    "Maju Indah" is not "Maju Jaya" and "Globe Express" is not "Globex"). Poor
    matches are left out; ties are ordered by name.
    """
    query = normalize_company(_POSSESSIVE.sub("", mention))
    if not query or limit <= 0:
        return []
    found: dict[str, ClientMatch] = {}
    for account_id, name in candidates:
        ranked = _rank_one(query, name)
        if ranked is not None and account_id not in found:
            found[account_id] = ClientMatch(account_id, name, ranked[0], exact=ranked[1])
    ordered = sorted(found.values(), key=lambda m: (-m.score, m.name.casefold(), m.account_id))
    return ordered[:limit]


def matches_well(match: ClientMatch, mention: str) -> bool:
    """An exact or short-form match, or a close spelling of a name of 6+ characters."""
    if match.exact:
        return True
    query = normalize_company(mention)
    return len(query) >= 6 and match.score >= round(FUZZY_GOOD * FUZZY_CAP / 100.0, 1)


def is_sure(matches: Sequence[ClientMatch]) -> bool:
    """Whether the best of ``rank_clients``' matches can be taken without asking: an exact
    match that no other exact match ties (two clients both "Maju Jaya ..." must be asked)."""
    if not matches or not matches[0].exact:
        return False
    if len(matches) == 1 or not matches[1].exact:
        return True
    best, second = matches[0], matches[1]
    if normalize_company(best.name) == normalize_company(second.name):
        return False
    return best.score > second.score
