"""The small rules behind capture_dates for days said relative to today.

Each rule finds one kind of phrase ("lusa", "Selasa depan", "akhir bulan",
"3 hari lagi") and says which day it means relative to a context.
Explicit calendar dates are in capture_date_explicit; the semantics are
documented in capture_dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

REASON_AMBIGUOUS_WORD = "ambiguous_word"
REASON_PAST = "past"
REASON_SAME_WEEKDAY = "same_weekday"


@dataclass(frozen=True, slots=True)
class Ctx:
    """What the rules need: the text, a naive local ``now`` and ``today``, the date order."""

    text: str
    now: datetime
    today: date
    order: str


@dataclass(frozen=True, slots=True)
class DateHit:
    """A phrase naming a day (or, for "in 2 hours", an exact naive local ``moment``)."""

    start: int
    end: int
    day: date
    moment: datetime | None = None
    explicit: bool = False
    reasons: tuple[str, ...] = ()
    kind: str = ""  # "weekday", "next_week", "next_month", "day_of_month": see combine()


def _alt(words: Iterable[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_WEEKDAYS = {
    "monday": 0, "mon": 0, "senin": 0,
    "tuesday": 1, "tue": 1, "tues": 1, "selasa": 1,
    "wednesday": 2, "wed": 2, "rabu": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "kamis": 3,
    "friday": 4, "fri": 4, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "saturday": 5, "sat": 5, "sabtu": 5,
    "sunday": 6, "sun": 6, "ahad": 6,
}  # fmt: skip
_NEEDS_PREFIX = {"mon", "wed", "sat", "sun"}  # also ordinary English words
_MONTH_WORDS = (
    "januari january jan februari pebruari february feb peb maret march mar april apr "
    "mei may juni june jun juli july jul agustus august aug agu agt ags agst agus "
    "september sept sep oktober october okt oct november nopember nov nop "
    "desember december des dec"
)
_MONTHS = _MONTH_WORDS.split()
_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "couple of": 2,
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10,
}  # fmt: skip

WD = _alt(_WEEKDAYS)
MONTH = _alt(_MONTHS)
NUM = r"\d{1,3}|" + _alt(_NUM_WORDS)
UNIT = (
    r"(?:working|business)\s+days?|hari\s+kerja|days?|hari|weeks?|wks?|minggu|pekan"
    r"|months?|bulan|hours?|hrs?|jam"
)
B, E = r"(?<!\w)", r"(?!\w)"

Handler = Callable[[re.Match[str], Ctx], DateHit | None]
Rules = list[tuple[re.Pattern[str], Handler]]
RELATIVE_RULES: Rules = []


def rule_into(
    registry: Rules, pattern: str, flags: int = re.IGNORECASE
) -> Callable[[Handler], Handler]:
    """A decorator adding a handler for ``pattern`` to ``registry``."""

    def register(handler: Handler) -> Handler:
        registry.append((re.compile(pattern, flags), handler))
        return handler

    return register


def _rule(pattern: str, flags: int = re.IGNORECASE) -> Callable[[Handler], Handler]:
    return rule_into(RELATIVE_RULES, pattern, flags)


def hit(
    m: re.Match[str], day: date, *reasons: str, explicit: bool = False, kind: str = ""
) -> DateHit:
    """A DateHit covering the whole match."""
    return DateHit(m.start(), m.end(), day, explicit=explicit, reasons=reasons, kind=kind)


def next_weekday(today: date, weekday: int, *, include_today: bool = False) -> date:
    """The first ``weekday`` (0=Monday) after today (or on it, with ``include_today``)."""
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and not include_today:
        ahead = 7
    return today + timedelta(days=ahead)


def add_working_days(start: date, days: int) -> date:
    """``start`` plus ``days`` working days (Monday-Friday); 0 gives ``start``."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def monday_next_week(today: date) -> date:
    """Monday of the calendar week after today's."""
    return today + timedelta(days=7 - today.weekday())


def friday_this_week(today: date) -> date:
    """Friday of this week, or of next week when today is a Saturday or a Sunday."""
    if today.weekday() <= 4:
        return today + timedelta(days=4 - today.weekday())
    return monday_next_week(today) + timedelta(days=4)


def last_of_month(year: int, month: int) -> date:
    """The last day of the month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """Same day-of-month ``months`` later, clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def on_or_after(today: date, month: int, day: int) -> date | None:
    """The first (year, month, day) on or after today: this year, else a later one."""
    for year in range(today.year, today.year + 9):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def _past_marker(ctx: Ctx, m: re.Match[str]) -> bool:
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    after = ctx.text[m.end() : m.end() + 16]
    return bool(
        re.search(r"(?:last|lalu)\s+$", before, re.IGNORECASE)
        or re.match(r"\s+(?:lalu|kemarin|kmrn|yang\s+lalu|yg\s+lalu)(?!\w)", after, re.IGNORECASE)
    )


@_rule(B + r"(?:(?:the\s+)?day\s+after\s+tomorrow|(?:besok\s+)?lusa)" + E)
def _lusa(m: re.Match[str], ctx: Ctx) -> DateHit:
    return hit(m, ctx.today + timedelta(days=2))


@_rule(B + r"(?:tomorrow|tomorow|tmrw|tmr|besok(?:nya)?|bsk)" + E)
def _tomorrow(m: re.Match[str], ctx: Ctx) -> DateHit:
    return hit(m, ctx.today + timedelta(days=1))


@_rule(
    B + r"(?:today|tonight|hari\s+ini|hr\s+ini|nanti\s+(?:malam|sore|siang)|(?:malam|sore|siang)"
    r"\s+ini|eod|cob|end\s+of\s+(?:the\s+)?day|this\s+(?:morning|afternoon|evening))" + E
)
def _today(m: re.Match[str], ctx: Ctx) -> DateHit:
    return hit(m, ctx.today)


_NEXT_POST = re.compile(r"\s+(?:depan|minggu\s+depan|pekan\s+depan|next\s+week)$", re.IGNORECASE)


@_rule(
    B + r"(?P<pre>(?:next|this\s+coming|this|coming)\s+)?(?:hari\s+)?(?P<wd>" + WD + r")"
    r"(?P<post>\s+(?:depan|minggu\s+depan|pekan\s+depan|next\s+week|ini|minggu\s+ini"
    r"|pekan\s+ini|this\s+week))?" + E
)
def _weekday(m: re.Match[str], ctx: Ctx) -> DateHit | None:
    name = m["wd"].lower()
    pre = (m["pre"] or "").strip().lower()
    post = m["post"] or ""
    if _past_marker(ctx, m):
        return None
    if (
        name in _NEEDS_PREFIX
        and not (pre or post)
        and not re.search(
            r"(?:on|by|until|before|from)\s+$",
            ctx.text[max(0, m.start() - 8) : m.start()],
            re.IGNORECASE,
        )
    ):
        return None
    weekday = _WEEKDAYS[name]
    if pre == "next" or _NEXT_POST.match(post):
        return hit(m, monday_next_week(ctx.today) + timedelta(days=weekday))
    this = bool(pre) or bool(post)
    kind = "" if this else f"wd{weekday}"
    if not this and weekday == ctx.today.weekday():  # said on that weekday: today or in 7 days?
        return hit(m, next_weekday(ctx.today, weekday), REASON_SAME_WEEKDAY, kind=kind)
    return hit(m, next_weekday(ctx.today, weekday, include_today=this), kind=kind)


@_rule(
    B
    + r"(?:next\s+week|minggu\s+depan|pekan\s+depan)(?:\s+on)?\s+(?:hari\s+)?(?P<wd>"
    + WD
    + r")"
    + E
)
def _next_week_weekday(m: re.Match[str], ctx: Ctx) -> DateHit:
    return hit(m, monday_next_week(ctx.today) + timedelta(days=_WEEKDAYS[m["wd"].lower()]))


@_rule(B + r"hari\s+(?:minggu|ahad)(?P<post>\s+(?:depan|ini))?" + E)
def _hari_minggu(m: re.Match[str], ctx: Ctx) -> DateHit | None:
    if _past_marker(ctx, m):
        return None
    post = (m["post"] or "").strip().lower()
    if post == "depan":
        return hit(m, monday_next_week(ctx.today) + timedelta(days=6))
    return hit(m, next_weekday(ctx.today, 6, include_today=post == "ini"))


@_rule(
    r"(?<![\w\d])(?<!akhir )(?<!dalam )(?<!\d )Minggu(?!\w)(?!\s+(?:depan|ini|lalu|lagi|"
    r"kemarin|berikutnya|ke|pertama|kedua|ketiga|terakhir|kerja)(?!\w))",
    0,
)
def _capital_minggu(m: re.Match[str], ctx: Ctx) -> DateHit:
    """A capitalised "Minggu" alone is probably Sunday, but it also means "week": flagged."""
    return hit(m, next_weekday(ctx.today, 6), REASON_AMBIGUOUS_WORD)


@_rule(
    B + r"(?:next\s+week|minggu\s+depan|pekan\s+depan|minggu\s+berikutnya|pekan\s+berikutnya"
    r"|the\s+following\s+week|the\s+week\s+after)" + E
)
def _next_week(m: re.Match[str], ctx: Ctx) -> DateHit:
    return hit(m, monday_next_week(ctx.today), kind="next_week")


@_rule(B + r"(?:(?:the\s+)?end\s+of\s+next\s+week|akhir\s+(?:minggu|pekan)\s+depan)" + E)
def _end_of_next_week(m: re.Match[str], ctx: Ctx) -> DateHit:
    return hit(m, monday_next_week(ctx.today) + timedelta(days=4))


@_rule(
    B + r"(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|eow|akhir\s+minggu(?:\s+ini)?"
    r"|(?:later\s+)?this\s+week|minggu\s+ini|pekan\s+ini"
    r"|(?P<pekan>akhir\s+pekan(?:\s+ini)?))" + E
)
def _end_of_week(m: re.Match[str], ctx: Ctx) -> DateHit:
    reasons = (REASON_AMBIGUOUS_WORD,) if m["pekan"] else ()
    return hit(m, friday_this_week(ctx.today), *reasons)


@_rule(B + r"(?:(?:the\s+)?end\s+of\s+(?:the\s+)?next\s+month|akhir\s+bulan\s+depan)" + E)
def _end_of_next_month(m: re.Match[str], ctx: Ctx) -> DateHit:
    first = add_months(ctx.today.replace(day=1), 1)
    return hit(m, last_of_month(first.year, first.month))


@_rule(B + r"(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|eom|akhir\s+bulan(?:\s+ini)?)" + E)
def _end_of_month(m: re.Match[str], ctx: Ctx) -> DateHit:
    return hit(m, last_of_month(ctx.today.year, ctx.today.month))


@_rule(
    B + r"(?:(?:early\s+|beginning\s+of\s+|the\s+start\s+of\s+)?next\s+month"
    r"|(?:awal\s+)?bulan\s+depan)" + E
)
def _next_month(m: re.Match[str], ctx: Ctx) -> DateHit:
    day = add_months(ctx.today.replace(day=1), 1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return hit(m, day, kind="next_month")


@_rule(B + r"(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year|eoy|akhir\s+tahun(?:\s+ini)?)" + E)
def _end_of_year(m: re.Match[str], ctx: Ctx) -> DateHit:
    return hit(m, date(ctx.today.year, 12, 31))


@_rule(
    B + r"(?:(?:in|within|dalam|dlm)\s+(?P<n1>" + NUM + r")\s*(?P<u1>" + UNIT + r")"
    r"|(?P<n2>" + NUM + r")\s*(?P<u2>" + UNIT + r")\s+(?:lagi|from\s+(?:now|today)|later"
    r"|kemudian|ke\s+depan|dari\s+sekarang)"
    r"|(?:dalam|in)\s+se(?P<u3>hari|minggu|pekan|bulan|jam)"
    r"|se(?P<u4>hari|minggu|pekan|bulan|jam)\s+lagi"
    r"|(?P<n5>" + NUM + r")\s*(?P<u5>(?:working|business)\s+days?|hari\s+kerja))" + E
)
def _in_n(m: re.Match[str], ctx: Ctx) -> DateHit | None:
    count_text = (m["n1"] or m["n2"] or m["n5"] or "1").lower()
    unit = (m["u1"] or m["u2"] or m["u3"] or m["u4"] or m["u5"]).lower()
    count = int(count_text) if count_text.isdigit() else _NUM_WORDS[re.sub(r"\s+", " ", count_text)]
    if re.match(r"working|business|hari\s+kerja", unit):
        return hit(m, add_working_days(ctx.today, count))
    if unit.startswith(("hour", "hr", "jam")):
        moment = ctx.now + timedelta(hours=count)
        return DateHit(m.start(), m.end(), moment.date(), moment=moment)
    if unit.startswith(("month", "bulan")):
        return hit(m, add_months(ctx.today, count))
    days = count * 7 if unit.startswith(("week", "wk", "minggu", "pekan")) else count
    return hit(m, ctx.today + timedelta(days=days))


@_rule(
    B
    + r"(?:(?:tanggal|tgl\.?|tg\.?)\s*(?P<d>\d{1,2})(?!\d)(?!\s*(?:[/.\-]\s*\d|(?:"
    + MONTH
    + r")(?!\w)))|the\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)"
    + E
    + r"(?!\s+of))"
)
def _day_of_month(m: re.Match[str], ctx: Ctx) -> DateHit | None:
    wanted = int(m["d"] or m["d2"])
    first = ctx.today.replace(day=1)
    for ahead in range(13):
        month = add_months(first, ahead)
        if wanted <= calendar.monthrange(month.year, month.month)[1]:
            candidate = month.replace(day=wanted)
            if candidate >= ctx.today:
                return hit(m, candidate, kind=f"dom{wanted}")
    return None


_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7,
    "agu": 8, "agt": 8, "ags": 8, "aug": 8, "sep": 9, "okt": 10, "oct": 10, "nov": 11,
    "nop": 11, "des": 12, "dec": 12,
}  # fmt: skip
_ORDINALS = {"pertama": 1, "first": 1, "1st": 1, "kedua": 2, "second": 2, "2nd": 2,
             "ketiga": 3, "third": 3, "3rd": 3, "keempat": 4, "fourth": 4, "4th": 4}  # fmt: skip


@_rule(
    B + r"(?:minggu|pekan)\s+(?:ke-?\s*(?P<n>[1-4])|(?P<w>pertama|kedua|ketiga|keempat))"
    r"(?:\s+(?:bulan|di))?\s+(?P<m1>"
    + MONTH
    + r")"
    + E
    + r"|"
    + B
    + r"(?:the\s+)?(?P<w2>first|second|third|fourth|1st|2nd|3rd|4th)\s+week\s+"
    r"(?:of|in)\s+(?P<m2>" + MONTH + r")" + E
)
def _nth_week_of_month(m: re.Match[str], ctx: Ctx) -> DateHit | None:
    """ "minggu kedua Januari": the Monday starting that month's 2nd full week; flagged."""
    month = _MONTH_NUMBERS.get((m["m1"] or m["m2"]).lower()[:3])
    nth = int(m["n"]) if m["n"] else _ORDINALS[(m["w"] or m["w2"]).lower()]
    if month is None:
        return None
    for year in (ctx.today.year, ctx.today.year + 1):
        first = date(year, month, 1)
        monday = first + timedelta(days=(7 - first.weekday()) % 7) + timedelta(weeks=nth - 1)
        if monday >= ctx.today:
            return hit(m, monday, REASON_AMBIGUOUS_WORD)
    return None


def combine(hits: list[DateHit], ctx: Ctx) -> list[DateHit]:
    """Two phrases that say one day together: "next week ... Wednesday", "bulan depan tanggal 5".

    The pair becomes one hit (spanning both, the earlier first) so that it is
    not read as two different dates.
    """
    kinds = {h.kind: h for h in hits if h.kind}
    combined: DateHit | None = None
    weekday = next((h for h in hits if h.kind.startswith("wd")), None)
    dom = next((h for h in hits if h.kind.startswith("dom")), None)
    if "next_week" in kinds and weekday is not None:
        week = kinds["next_week"]
        day = monday_next_week(ctx.today) + timedelta(days=int(weekday.kind[2:]))
        combined = DateHit(min(week.start, weekday.start), max(week.end, weekday.end), day)
        parts = (week, weekday)
    elif "next_month" in kinds and dom is not None:
        month = kinds["next_month"]
        first = add_months(ctx.today.replace(day=1), 1)
        wanted = int(dom.kind[3:])
        if wanted > calendar.monthrange(first.year, first.month)[1]:
            return hits
        day = first.replace(day=wanted)
        combined = DateHit(min(month.start, dom.start), max(month.end, dom.end), day)
        parts = (month, dom)
    if combined is None:
        return hits
    rest = [h for h in hits if h not in parts]
    return sorted([combined, *rest], key=lambda h: h.start)


def find_dates(ctx: Ctx, rules: Rules) -> list[DateHit]:
    """Every date phrase the rules find, non-overlapping, earliest (then longest) first."""
    hits = [
        found
        for pattern, handler in rules
        for m in pattern.finditer(ctx.text)
        if (found := handler(m, ctx)) is not None
    ]
    hits.sort(key=lambda h: (h.start, h.start - h.end))
    kept: list[DateHit] = []
    for found in hits:
        if not kept or found.start >= kept[-1].end:
            kept.append(found)
    return kept
