"""A deal title from what the note says was discussed: the product, package or service named.

* Indonesian puts the kind first: "paket enterprise", "lisensi ERP",
  "perpanjangan kontrak maintenance" (the kind word and up to three words
  after it).
* English puts it last: "ERP license renewal", "Premium plan", "fleet
  tracking module" (up to three words before the kind word, then any kind
  words that follow).
* Failing both, what the client is "interested in" / "tertarik" with.

A name stops at an amount, a number, a date word, punctuation or a linking
word ("senilai", "untuk", "for", "at"). When the note gives an amount, the
mention nearest before it in the same sentence wins, else the first one.
None when nothing is named: never the first words of the note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from models.capture.amounts import Amount

__all__ = ["clear_cache", "deal_title"]

_ID_HEADS = (
    "paket|lisensi|layanan|produk|modul|sistem|aplikasi|software|perpanjangan|pengadaan|"
    "proyek|implementasi|langganan|instalasi|jasa|solusi|platform|program|unit|upgrade"
)
_EN_HEADS = (
    "license|licence|licenses|licences|renewal|renewals|package|plan|subscription|module|"
    "modules|suite|upgrade|implementation|rollout|roll-out|project|system|platform|seats|"
    "integration|migration|service|services|edition|tier|bundle|software|solution|app"
)
_STOP = (
    "senilai|seharga|sebesar|harga|dengan|untuk|utk|di|ke|yang|yg|dan|atau|dari|buat|sekitar|"
    "kira-kira|total|budget|anggaran|rp|idr|usd|sgd|the|a|an|for|about|on|of|their|our|with|"
    "in|at|to|and|or|is|was|are|were|they|we|he|she|it|its|this|that|want|wants|wanted|"
    "discussed|interested|need|needs|pricing|price|prices|quote|mereka|kami|kita|saya|ini|itu|"
    "besok|lusa|minggu|depan|next|today|tomorrow|tertarik|mau|minta|ingin|butuh|perlu|"
    "new|baru|sama|soal|tentang|terkait|per|jt|juta|miliar|m|k|bulan|tahun|year|month|"
    "kirim|send|follow|call|telepon|hubungi|proposal|penawaran|demo|also|juga|ada|"
    "karena|because|but|tapi|so|jadi|lagi|still|masih|sudah|already|went|well|approved"
)
_WORD = r"[^\W\d_][\w&+'’-]*"
_STOP_SET = frozenset(_STOP.split("|"))
_HEAD_FIRST = re.compile(
    r"(?<!\w)(?P<head>" + _ID_HEADS + r")(?P<rest>(?:\s+" + _WORD + r"){0,3})", re.IGNORECASE
)
_HEAD_LAST = re.compile(
    r"(?P<before>(?:"
    + _WORD
    + r"\s+){0,3})(?P<head>(?:"
    + _EN_HEADS
    + r")(?:\s+(?:"
    + _EN_HEADS
    + r"))*)(?!\w)",
    re.IGNORECASE,
)
_INTERESTED = re.compile(
    r"(?<!\w)(?:interested\s+in|tertarik(?:\s+(?:dengan|dgn|sama|sm|pada|untuk|utk))?)\s+"
    r"(?:the\s+|our\s+|a\s+|an\s+)?(?P<rest>" + _WORD + r"(?:\s+" + _WORD + r"){0,2})",
    re.IGNORECASE,
)
_END = re.compile(r"[.!?\n]")
_CHEAP_CHECK = frozenset((*_ID_HEADS.split("|"), *_EN_HEADS.split("|"), "interested", "tertarik"))
_MAX = 80


def _keep(words: Sequence[str]) -> list[str]:
    """The leading words before the first stop word."""
    kept: list[str] = []
    for word in words:
        if word.casefold() in _STOP_SET:
            break
        kept.append(word)
    return kept


def _candidates(text: str) -> list[tuple[int, int, str]]:
    """Every mention in the text, line by line (each line's remembered: the preview re-reads)."""
    found: list[tuple[int, int, str]] = []
    offset = 0
    interested: list[tuple[int, int, str]] = []
    for line in text.split("\n"):
        heads, others = _line_candidates(line)
        found.extend((start + offset, end + offset, name) for start, end, name in heads)
        interested.extend((start + offset, end + offset, name) for start, end, name in others)
        offset += len(line) + 1
    return sorted(found) if found else sorted(interested)


@lru_cache(maxsize=512)
def _line_candidates(
    text: str,
) -> tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, int, str], ...]]:
    """(product mentions, "interested in" mentions) in one line."""
    lower = text.casefold()
    if not any(word in lower for word in _CHEAP_CHECK):  # the regexes are slow on every line
        return (), ()
    found: list[tuple[int, int, str]] = []
    for m in _HEAD_FIRST.finditer(text):
        rest = _keep(m["rest"].split())
        if rest:
            found.append((m.start(), m.end(), " ".join([m["head"], *rest])))
    for m in _HEAD_LAST.finditer(text):
        before = list(reversed(_keep(list(reversed(m["before"].split())))))
        head = m["head"].split()
        if before and before[-1].casefold() not in {"paket", "lisensi"}:
            found.append(
                (m.start("head") - len(" ".join(before)), m.end(), " ".join(before + head))
            )
    interested: list[tuple[int, int, str]] = []
    for m in _INTERESTED.finditer(text):
        rest = _keep(m["rest"].split())
        if rest:
            interested.append((m.start("rest"), m.end(), " ".join(rest)))
    return tuple(found), tuple(interested)


def clear_cache() -> None:
    """Forget the remembered mentions (for a benchmark of the cold path)."""
    _line_candidates.cache_clear()


def deal_title(text: str, amounts: Sequence[Amount] = ()) -> str | None:
    """What the deal is about, capitalised, or None (see the module docstring)."""
    found = _candidates(text)
    if not found:
        return None
    chosen = found[0]
    if amounts:
        at = amounts[0].start
        same = [
            c
            for c in found
            if c[1] <= at + len(amounts[0].text) and not _END.search(text, c[1], at)
        ]
        same_after = [c for c in found if c[0] >= at and not _END.search(text, at, c[0])]
        if same:
            chosen = same[-1]
        elif same_after:
            chosen = same_after[0]
    title = chosen[2].strip(" -'’")
    if len(title) > _MAX:
        title = title[:_MAX].rsplit(" ", 1)[0]
    return title[:1].upper() + title[1:] if title else None
