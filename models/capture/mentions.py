"""Where a note names companies: "PT Maju Jaya", "Globex Corporation", "Globex's",
"Acme — met Budi", anywhere in the text (not only on the first line).

Three sources, in this order of trust:

* a legal form and the capitalised words beside it ("PT Maju Jaya", "CV. Sinar
  Jaya", "Maju Jaya Tbk", "Globex Corp", "koperasi Sumber Rejeki"); typed all in
  lower case ("pt maju jaya") the words after the form count up to the first
  ordinary word;
* the first line's client part when it is set off by a dash or a colon
  ("Acme — met Budi"), and is short and not a label ("Catatan:", "Meeting:");
* runs of capitalised words that are not ordinary words, people ("Pak Budi")
  or the start of a sentence alone ("Ketemu", "Mereka").

Only the first two may name a new client (``CompanyMention.can_create``): a run of
capitalised words is looked up, never turned into a client. Nothing here reads the
database; ``models.capture.client_lookup`` does that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.capture.client import LEGAL_FORMS, split_client_line

__all__ = ["PERSON_TITLES", "STOP_WORDS", "CompanyMention", "find_mentions", "words_of"]


def words_of(text: str) -> frozenset[str]:
    """The blank-separated words of ``text`` as a set (word lists written as prose)."""
    return frozenset(text.split())


#: Forms written before the name (Indonesian) and after it (English, "Tbk").
PREFIX_FORMS = frozenset({"pt", "cv", "ud", "fa", "koperasi", "perum", "yayasan", "pd"})
SUFFIX_FORMS = frozenset(
    {
        "tbk", "inc", "incorporated", "ltd", "limited", "corp", "corporation", "llc",
        "llp", "plc", "gmbh", "co", "company", "pte", "pty", "bhd", "sdn", "ag", "nv",
        "bv", "sa", "persero", "group", "holdings",
    }
)  # fmt: skip
PERSON_TITLES = frozenset(
    {"pak", "bu", "bapak", "ibu", "mas", "mbak", "mr", "mrs", "ms", "dr", "prof", "sir"}
)
#: Ordinary words (English and Indonesian) that are never part of a company's name here.
STOP_WORDS = words_of(
    """
    a an the and or but of for to in on at by with about from into after before as is
    are was were be been will would can could should need needs want wants we they he she
    it i you our their his her my your this that these those there here then than also
    not no yes please today tomorrow yesterday next last this week month year monday tuesday
    wednesday thursday friday saturday sunday meeting met meet call called email demo
    proposal contract gift note notes update follow up followup todo send sent visit
    visited lunch dinner budget deal team office re fw fwd subject summary agenda
    di ke dari dan atau yang untuk dengan pada dalam oleh karena jika kalau akan sudah
    belum tidak bukan ada ini itu mereka kami kita saya dia beliau besok lusa hari minggu
    senin selasa rabu kamis jumat sabtu bulan depan lalu kemarin nanti tadi pagi siang sore
    malam jam ketemu bertemu rapat kunjungan kunjungi kantor catatan tindak lanjut kirim
    kirimkan hubungi telepon telpon jadwalkan siapkan minta perlu mau ingin tertarik paket
    penawaran kontrak hadiah makan soal terkait tentang juga lagi masih baru sangat
    """
)
#: What ends a capitalised name after a legal form ("PT Sinar Baru di Jakarta").
NAME_BREAKERS = words_of(
    """
    di ke dari dan atau untuk dengan yang pada and or for with at in on the to from about
    monday tuesday wednesday thursday friday saturday sunday senin selasa rabu kamis jumat
    sabtu minggu today tomorrow besok lusa hari ini
    """
)
_WORD = re.compile(r"[^\W_](?:[\w&]|['’.-](?=[^\W_]))*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$", re.IGNORECASE)
_MAX_WORDS = 6
_MAX_LOWER_NAME_WORDS = 3
_PARENS = str.maketrans("()", "  ")
_NOT_NAMES = frozenset({"rp", "idr", "usd", "us", "sgd", "eur", "jt", "juta", "rb", "k"})
_MAX_CLIENT_PART_WORDS = 6
_MAX_LOWER_WORDS = 8


@dataclass(frozen=True, slots=True)
class CompanyMention:
    """A company named in the note: its words as written, where, and whether it may
    name a new client (a legal form or the first line's client part)."""

    text: str
    start: int
    end: int
    can_create: bool


@dataclass(frozen=True, slots=True)
class _Word:
    text: str  # without a possessive ending
    start: int
    end: int
    gap_before: str  # the characters between the previous word and this one

    @property
    def key(self) -> str:
        return self.text.casefold().rstrip(".")

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()


def _words(text: str) -> list[_Word]:
    words: list[_Word] = []
    last = 0
    text = text.translate(_PARENS)  # "PT Bank Mandiri (Persero) Tbk" is one name
    for match in _WORD.finditer(text):
        raw = match.group(0)
        stem = _POSSESSIVE.sub("", raw)
        words.append(_Word(stem or raw, match.start(), match.start() + len(stem or raw),
                           text[last : match.start()]))  # fmt: skip
        last = match.end()
    return words


def _joined(word: _Word) -> bool:
    """Whether ``word`` continues the previous one's name (only blanks between them)."""
    return word.gap_before.strip() in ("", "&") and "\n" not in word.gap_before


def _name_word(word: _Word, lower_ok: bool) -> bool:
    key = word.key
    if key in STOP_WORDS or key in PERSON_TITLES or key in PREFIX_FORMS or key in _NOT_NAMES:
        return False
    if key.replace(".", "").replace(",", "").isdigit():
        return False
    return word.capitalised or lower_ok


def _after_prefix(words: list[_Word], i: int) -> int:
    """Index after the name words that follow the prefix form at ``i``."""
    lower_ok = not words[i].capitalised
    most = _MAX_LOWER_NAME_WORDS if lower_ok else _MAX_WORDS
    j = i + 1
    if j < len(words) and words[j].gap_before.strip() == ".":  # "PT. Maju Jaya"
        words[j] = _Word(words[j].text, words[j].start, words[j].end, " ")
    while j < len(words) and j - i <= most and _joined(words[j]):
        if words[j].key in SUFFIX_FORMS and j > i + 1:
            j += 1
            while j < len(words) and words[j].key in SUFFIX_FORMS and _joined(words[j]):
                j += 1  # "(Persero) Tbk"
            return j
        if lower_ok:
            if not _name_word(words[j], True):
                break
        elif not words[j].capitalised or words[j].key in NAME_BREAKERS:
            break  # capitalised ordinary words stay: "CV Sinar Baru", "PT Sinar Mas"
        elif j == i + 1 and words[j].key in PERSON_TITLES:
            break
        j += 1
    return j


def _before_suffix(words: list[_Word], i: int) -> int:
    """Index of the first name word before the suffix form at ``i``."""
    j = i
    while j > 0 and i - j < _MAX_WORDS and _joined(words[j]):
        if not _name_word(words[j - 1], False):
            break
        j -= 1
    return j


def _span(text: str, words: list[_Word], first: int, last: int) -> tuple[str, int, int]:
    start, end = words[first].start, words[last].end
    while (
        end < len(text)
        and text[end] == ")"
        and text.count("(", start, end) > text.count(")", start, end)
    ):
        end += 1
    return " ".join(text[start:end].split()).rstrip(".,"), start, end


def _first_line_part(text: str) -> CompanyMention | None:
    offset = len(text) - len(text.lstrip())
    line = text.lstrip().split("\n", 1)[0]
    part, rest = split_client_line(line)
    if not rest or not part:
        return None
    words = part.split()
    if len(words) > _MAX_CLIENT_PART_WORDS:
        return None
    if all(w.casefold().strip(".,") in STOP_WORDS for w in words):
        return None
    start = offset + line.find(part)
    return CompanyMention(part.rstrip(".,"), start, start + len(part), True)


def find_mentions(text: str) -> list[CompanyMention]:
    """The companies ``text`` names, in order of trust and then position, each once."""
    words = _words(text)
    legal: list[CompanyMention] = []
    used: set[int] = set()
    for i, word in enumerate(words):
        if i in used:
            continue
        key = word.key
        if key in PREFIX_FORMS and (word.capitalised or key in ("pt", "cv")):
            end = _after_prefix(words, i)
            if end > i + 1:
                phrase, start, stop = _span(text, words, i, end - 1)
                legal.append(CompanyMention(phrase, start, stop, True))
                used.update(range(i, end))
        elif key in SUFFIX_FORMS and word.capitalised and i > 0:
            first, last = _before_suffix(words, i), i
            while (
                last + 1 < len(words)
                and words[last + 1].key in SUFFIX_FORMS
                and _joined(words[last + 1])
            ):
                last += 1  # "(Persero) Tbk"
            if first < i:
                phrase, start, stop = _span(text, words, first, last)
                legal.append(CompanyMention(phrase, start, stop, True))
                used.update(range(first, last + 1))
    found: list[CompanyMention] = list(legal)
    part = _first_line_part(text)
    if part is not None:
        found.insert(0, part)
    runs: list[CompanyMention] = []
    i = 0
    while i < len(words):
        word = words[i]
        after_title = i > 0 and words[i - 1].key in PERSON_TITLES and _joined(word)
        if i in used or after_title or not _name_word(word, False):
            i += 1
            continue
        j = i + 1
        while j < len(words) and j - i < _MAX_WORDS and j not in used and _joined(words[j]):
            if not _name_word(words[j], False) and not words[j].text.isdigit():
                break  # a number inside a name stays: "Klien 004242 Budget"
            j += 1
        phrase, start, stop = _span(text, words, i, j - 1)
        runs.append(CompanyMention(phrase, start, stop, False))
        i = j
    if not found and not runs:  # written all in lower case: its uncommon words
        runs = [
            CompanyMention(w.text, w.start, w.end, False)
            for w in words
            if len(w.text) >= 4 and _name_word(w, True) and not w.text.isdigit()
        ][:_MAX_LOWER_WORDS]
    seen: set[str] = set()
    unique: list[CompanyMention] = []
    for mention in found + runs:
        folded = mention.text.casefold()
        if folded and folded not in seen:
            seen.add(folded)
            unique.append(mention)
    return unique


def is_legal_form(word: str) -> bool:
    """Whether ``word`` is a legal form ("PT", "Tbk", "Inc.")."""
    key = word.casefold().strip(".,()")
    return key in LEGAL_FORMS or key in PREFIX_FORMS or key in SUFFIX_FORMS
