"""Explicit calendar dates ("5 Desember", "Dec 5", "12/1", "2026-12-05") via dateparser.

Patterns only find the fragments; dateparser reads each fragment on its own
(never the whole line, where it sees dates in ordinary words) and its answer
is checked against the fragment before the year is placed by our own rule.
``fuzzy_search`` is the flagged last resort over a whole line.
"""

from __future__ import annotations

import calendar
import re
import warnings
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import dateparser
from dateparser.search import search_dates

from models.capture.date_rules import (
    MONTH,
    REASON_PAST,
    Ctx,
    DateHit,
    Handler,
    Rules,
    hit,
    on_or_after,
    rule_into,
)

REASON_FUZZY = "fuzzy"
REASON_AMBIGUOUS_NUMERIC = "ambiguous_numeric"
LANGUAGES = ["en", "id"]
B, E = r"(?<!\w)", r"(?!\w)"
_MONTH_FIX = {"ags": "agustus", "agst": "agustus", "agus": "agustus"}  # unknown to dateparser
EXPLICIT_RULES: Rules = []
_SINCE = re.compile(
    r"(?<!\w)(?:since|sejak|dari\s+tanggal)\s+(?:the\s+|tanggal\s+|tgl\.?\s+)?$", re.I
)


def _rule(pattern: str) -> Callable[[Handler], Handler]:
    return rule_into(EXPLICIT_RULES, pattern)


def _dateparser(fragment: str, ctx: Ctx, order: str) -> datetime | None:
    settings: Any = {"PREFER_DATES_FROM": "future", "RELATIVE_BASE": ctx.now, "DATE_ORDER": order}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return dateparser.parse(fragment, languages=LANGUAGES, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None


def _explicit(m: re.Match[str], ctx: Ctx, day: int, year: int | None, order: str) -> DateHit | None:
    """Let dateparser read the fragment, check its day (and year), then place the year."""
    if _SINCE.search(ctx.text, 0, m.start()):
        return None  # "overdue since 15 Nov", "sejak 3 Maret": a past reference
    fragment = m.group(0)
    for short, full in _MONTH_FIX.items():
        fragment = re.sub(rf"(?<!\w){short}(?!\w)", full, fragment, flags=re.IGNORECASE)
    parsed = _dateparser(fragment, ctx, order)
    if parsed is None or parsed.day != day or (year is not None and parsed.year != year):
        return None
    if year is not None:
        found = parsed.date()
        return hit(m, found, *((REASON_PAST,) if found < ctx.today else ()), explicit=True)
    resolved = on_or_after(ctx.today, parsed.month, day)
    return None if resolved is None else hit(m, resolved, explicit=True)


_YEAR = r"(?:,?\s*(?P<y>(?:19|20)\d\d))?"


_DAY_FIRST = r"(?<![\w\-])(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-]*(?:" + MONTH + r")\.?"


@_rule(_DAY_FIRST + _YEAR + E)
@_rule(B + r"(?:" + MONTH + r")\.?\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\d.:]\d)" + E + _YEAR + E)
def _named_month(m: re.Match[str], ctx: Ctx) -> DateHit | None:
    return _explicit(m, ctx, int(m["d"]), int(m["y"]) if m["y"] else None, "DMY")


@_rule(B + r"(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + E)
def _iso(m: re.Match[str], ctx: Ctx) -> DateHit | None:
    try:
        found = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return hit(m, found, *((REASON_PAST,) if found < ctx.today else ()), explicit=True)


def _valid(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(2000 if year is None else year, month)[1]


_NUMERIC_TAIL = r"(?![\w/]|[.,:\-]\d)"


@_rule(r"(?<![\w/.,:\-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?" + _NUMERIC_TAIL)
@_rule(r"(?<![\w/.,:\-])(?P<a>\d{1,2})(?P<s>[.\-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
       + _NUMERIC_TAIL)  # fmt: skip
def _numeric(m: re.Match[str], ctx: Ctx) -> DateHit | None:
    a, b = int(m["a"]), int(m["b"])
    year = None if m["y"] is None else int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
    if (a, b, year) == (24, 7, None):  # "24/7" means always
        return None
    order = "DMY" if ctx.order == "DMY" else "MDY"
    day, month = (a, b) if order == "DMY" else (b, a)
    preferred = _valid(day, month, year)
    other = _valid(month, day, year)
    if not preferred and not other:
        return None
    if not preferred:
        day, month = month, day
        order = "MDY" if order == "DMY" else "DMY"
    hit = _explicit(m, ctx, day, year, order)
    if hit is None or (hit.day.month, hit.day.day) != (month, day):
        return None
    if preferred and other and a != b:
        return DateHit(hit.start, hit.end, hit.day, explicit=True,
                       reasons=(*hit.reasons, REASON_AMBIGUOUS_NUMERIC))  # fmt: skip
    return hit


FUZZY_VOCAB = re.compile(r"\d|day|week|month|year|fortnight|hari|minggu|pekan|bulan|tahun", re.I)
_NUMBERS_ONLY = re.compile(r"[\d\s/.,:\-]+")  # the numeric rule already judged these
_QUARTER = re.compile(r"(?<!\w)Q[1-4](?!\w)", re.IGNORECASE)


def fuzzy_search(ctx: Ctx, text: str) -> datetime | None:
    """dateparser's search_dates, keeping only finds that look like dates and lie ahead.

    search_dates reads ordinary words as dates ("may", "sat", "March office") and
    some phrases backwards ("two weeks from today" as two weeks ago), so a find
    must carry a number or a period word, must not be a quarter ("Q4"), and
    must fall between today and three years ahead.
    """
    settings: Any = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": ctx.now,
        "DATE_ORDER": ctx.order,
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(text, languages=LANGUAGES, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    for fragment, value in found or []:
        if not FUZZY_VOCAB.search(fragment) or _QUARTER.search(fragment):
            continue
        if _NUMBERS_ONLY.fullmatch(fragment) or value.tzinfo is not None:
            continue
        at = text.find(fragment)
        if at >= 0 and _SINCE.search(text, 0, at):
            continue
        if ctx.today <= value.date() <= ctx.today + timedelta(days=3 * 366):
            return value
    return None
