"""Money amounts in quick-capture text ("Rp 500 jt", "$50k", "IDR 1,2 M", "50.000 USD").

Amounts come back as integer minor units plus an ISO 4217 code, with the
number of decimals from Babel (IDR 0, USD 2, JPY 0).

Reading the number:

* With both "." and "," the last one is the decimal mark (1.000.000,50 and
  1,000,000.50); a mark repeated (1.000.000) groups thousands.
* A single mark followed by 1, 2 or 4+ digits is a decimal mark (1,5 / 2.5).
* A single mark followed by exactly 3 digits groups thousands when the
  currency has fewer than 3 decimals and no multiplier follows ("50.000 USD"
  is fifty thousand dollars, "Rp 1,500" is 1500 rupiah); with a multiplier
  ("1.500 jt") the currency's usual locale decides (id_ID: "." groups).
* Multipliers: k/rb/ribu/thousand 10^3; jt/juta/mn/mio/million 10^6;
  miliar/milyar/b/bn/billion 10^9; t/tn/triliun/trillion 10^12. "M" is
  miliar (10^9) for IDR, as Indonesians write it, and million elsewhere.
* Indonesian multiplier words without a currency ("budget 500 jt") are in the
  default currency (``find_amounts(default_currency=...)``, IDR unless the user set another).
* A range ("Rp 500-700 jt") gives two amounts sharing the currency and multiplier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from babel.numbers import get_currency_precision, get_decimal_symbol, list_currencies

__all__ = ["Amount", "find_amounts", "read_number"]


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount of money: ``minor_units`` of ``currency`` (ISO 4217), and where it was said."""

    minor_units: int
    currency: str
    text: str
    start: int
    end: int


_SYMBOLS = {
    "rp": "IDR", "rp.": "IDR", "idr": "IDR", "us$": "USD", "usd": "USD", "$": "USD",
    "s$": "SGD", "sgd": "SGD", "a$": "AUD", "aud": "AUD", "rm": "MYR", "myr": "MYR",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY",
}  # fmt: skip
_WORDS = {
    "rupiah": "IDR", "dollar": "USD", "dollars": "USD", "dolar": "USD",
    "euro": "EUR", "euros": "EUR",
}  # fmt: skip
_LOCALES = {
    "IDR": "id_ID", "USD": "en_US", "SGD": "en_SG", "AUD": "en_AU", "MYR": "ms_MY",
    "EUR": "de_DE", "GBP": "en_GB", "JPY": "ja_JP",
}  # fmt: skip
_MULTIPLIERS = {
    "k": 3, "rb": 3, "rbu": 3, "ribu": 3, "thousand": 3,
    "jt": 6, "jta": 6, "juta": 6, "mn": 6, "mio": 6, "million": 6, "millions": 6,
    "miliar": 9, "milyar": 9, "b": 9, "bn": 9, "billion": 9, "billions": 9,
    "t": 12, "tn": 12, "triliun": 12, "trilyun": 12, "trillion": 12,
}  # fmt: skip
_INDONESIAN_MULTIPLIERS = ("rb", "rbu", "ribu", "jt", "jta", "juta", "miliar", "milyar", "triliun")
# ISO codes that are also ordinary capitalised words ("ALL staff", "TOP 10", "TRY again")
_WORD_CODES = {"ALL", "TOP", "CUP", "SOS", "PEN", "BOB", "MOP", "TRY", "GEL", "BAM", "MAD"}
_ISO_CODES = frozenset(list_currencies()) - _WORD_CODES


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = r"[0-9]{1,15}(?:[.,][0-9]{1,15})*"
_MULT = r"(?:" + _alt([*_MULTIPLIERS, "m"]) + r")(?![A-Za-z])"
_PREFIX = r"(?i:" + _alt([s for s in _SYMBOLS if s != "$"]) + r")(?![A-Za-z])|\$|(?-i:[A-Z]{3})"
_SUFFIX = r"(?i:" + _alt([*_SYMBOLS, *_WORDS]) + r")|(?-i:[A-Z]{3})"
_PATTERN = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    r"(?P<cur>" + _PREFIX + r")\s*(?P<num>" + _NUMBER + r")(?:\s*[-–]\s*(?P<to>" + _NUMBER + r"))?"
    r"(?:\s*(?P<mult>" + _MULT + r"))?"
    r"|(?P<num2>" + _NUMBER + r")(?:\s*[-–]\s*(?P<to2>" + _NUMBER + r"))?"
    r"(?:\s*(?P<mult2>" + _MULT + r"))?\s*(?P<cur2>" + _SUFFIX + r")(?![A-Za-z])"
    r"|(?P<num3>" + _NUMBER + r")(?:\s*[-–]\s*(?P<to3>" + _NUMBER + r"))?"
    r"\s*(?P<mult3>" + _alt(list(_INDONESIAN_MULTIPLIERS)) + r")"
    r")(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def _currency(token: str) -> str | None:
    code = _SYMBOLS.get(token.lower()) or _WORDS.get(token.lower())
    if code is None and len(token) == 3 and token.isupper() and token in _ISO_CODES:
        code = token
    return code


def read_number(digits: str, currency: str, *, has_multiplier: bool = False) -> Decimal | None:
    """The value of ``digits`` written with "." and/or "," marks, as described above."""
    marks = [c for c in digits if c in ".,"]
    if not marks:
        return Decimal(digits)
    groups = re.split(r"[.,]", digits)
    if len(set(marks)) == 2:
        decimal_mark = marks[-1]
        if marks.count(decimal_mark) > 1:
            return None
    elif len(marks) > 1:
        decimal_mark = ""
    elif len(groups[-1]) != 3:
        decimal_mark = marks[0]
    elif not has_multiplier and get_currency_precision(currency) < 3:
        decimal_mark = ""
    else:
        locale = _LOCALES.get(currency, "en_US")
        decimal_mark = marks[0] if get_decimal_symbol(locale) == marks[0] else ""
    if decimal_mark:
        whole, _, fraction = digits.rpartition(decimal_mark)
    else:
        whole, fraction = digits, ""
    whole = re.sub(r"[.,]", "", whole)
    try:
        return Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation:
        return None


def _minor_units(value: Decimal, currency: str, multiplier: str | None) -> int:
    exponent = 0
    if multiplier:
        word = multiplier.lower()
        exponent = (9 if currency == "IDR" else 6) if word == "m" else _MULTIPLIERS[word]
    scaled = value.scaleb(exponent + get_currency_precision(currency))
    return int(scaled.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def find_amounts(text: str, default_currency: str = "IDR") -> tuple[Amount, ...]:
    """Every amount of money in ``text``, in order (a range gives two); an amount that
    names no currency is in ``default_currency``."""
    found: list[Amount] = []
    for m in _PATTERN.finditer(text):
        if m["num"] is not None:
            code, numbers, mult = _currency(m["cur"]), (m["num"], m["to"]), m["mult"]
        elif m["num2"] is not None:
            code, numbers, mult = _currency(m["cur2"]), (m["num2"], m["to2"]), m["mult2"]
        else:
            code, numbers, mult = default_currency, (m["num3"], m["to3"]), m["mult3"]
        if code is None:
            continue
        for digits in numbers:
            if digits is None:
                continue
            value = read_number(digits, code, has_multiplier=bool(mult))
            if value is None:
                continue
            found.append(Amount(_minor_units(value, code, mult), code, m.group(0), *m.span()))
    return tuple(found)
