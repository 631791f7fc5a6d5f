"""Due dates for quick-capture follow-ups, read from English and Indonesian text.

Small targeted rules cover what dateparser misses or gets wrong for a sales
to-do ("lusa", "Selasa depan", "minggu depan", "akhir bulan", "jam 3 sore",
"3 hari lagi", "next Tuesday" on a Sunday); explicit calendar dates
("5 Desember", "Dec 5", "12/1") are found by pattern and handed to dateparser
one fragment at a time, and its answer is checked against the fragment;
dateparser's fuzzy ``search_dates`` is the last resort and always flagged.

Semantics (``today`` is ``now``'s date in ``now``'s time zone; weeks start on
Monday):

* today / hari ini / EOD -> today; tomorrow / besok -> +1 day;
  lusa / besok lusa / the day after tomorrow -> +2 days.
* A bare weekday ("Friday", "Jumat", "hari Jumat", "on Fri") is the next one
  strictly after today: said on a Friday, "Friday" is 7 days later, flagged
  (the writer may mean today).
  "this Friday" / "Jumat ini" is the next one on or after today.
* "next Tuesday" / "Selasa depan" / "Selasa minggu depan" is that weekday in
  the NEXT calendar week: said on a Tuesday it is 7 days later, on a Monday
  8 days later, on a Sunday 2 days later.
* "Minggu" is Sunday as "hari Minggu"; a capitalised "Minggu" alone is read
  as Sunday but flagged (it also means "week"). "last Friday" / "Jumat lalu"
  are past references and not due dates.
* next week / minggu depan / pekan depan -> Monday of next week.
  end of week / akhir minggu / this week / minggu ini -> Friday of this week
  (on a weekend: of next week); "akhir pekan" is read the same way but
  flagged (it can mean the weekend itself). end of next week / akhir minggu
  depan -> Friday of next week.
* end of month / akhir bulan -> last day of this month (on that day: today);
  next month / bulan depan -> first working day of next month.
* in 3 days / dalam 3 hari / 3 hari lagi (weeks, months alike) count calendar
  days; "3 working days" / "3 hari kerja" skip Saturdays and Sundays;
  "in 2 hours" / "2 jam lagi" is an exact time.
* "tanggal 5" / "the 5th" -> the next 5th of a month, today included.
* An explicit date without a year that has passed this year rolls to next
  year; one with a year in the past is kept and flagged. Numeric dates follow
  ``date_order`` ("DMY" or "MDY"; "YMD" reads two-part dates as MDY) and are
  flagged when both readings are valid and differ (3/4, 12/1).
* Times: "jam 3 sore" 15:00, "jam 10 pagi" 10:00, "jam 7 malam" 19:00,
  "3pm", "15:00", "pukul 14.30", "at 10", "noon". An hour 1-6 with no am/pm or
  pagi/sore is taken as afternoon (business hours) and flagged. A time with no
  date is today if still ahead, else tomorrow; always flagged. A time said in
  another zone ("10am Singapore time", "3pm GMT") is kept as said and flagged.
* No time -> an all-day due date (midnight local, ``all_day=True``).
* Several different dates in one line: the first wins, flagged.

Where dateparser 1.5 falls short (and why the rules exist): it returns None
for "lusa", "minggu depan", "Selasa depan", "akhir bulan", "3 hari lagi",
"jam 3 sore" and "hari Jumat"; it reads "next week" as +7 days and "tanggal 5"
or "24 November" (said on 24 November) into the past or a year ahead; its
search_dates finds dates in "may", "sat", "March office" and "Q4 2026", and
reads "two weeks from today" as two weeks ago.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from models.capture.date_explicit import (
    EXPLICIT_RULES,
    FUZZY_VOCAB,
    REASON_AMBIGUOUS_NUMERIC,
    REASON_FUZZY,
    fuzzy_search,
)
from models.capture.date_rules import (
    REASON_AMBIGUOUS_WORD,
    REASON_PAST,
    REASON_SAME_WEEKDAY,
    RELATIVE_RULES,
    Ctx,
    DateHit,
    add_working_days,
    combine,
    find_dates,
)

__all__ = [
    "REASON_AMBIGUOUS_NUMERIC",
    "REASON_AMBIGUOUS_TIME",
    "REASON_AMBIGUOUS_WORD",
    "REASON_ASSUMED_DAY",
    "REASON_DEFAULT",
    "REASON_FUZZY",
    "REASON_PAST",
    "REASON_SAME_WEEKDAY",
    "REASON_SEVERAL_DATES",
    "REASON_TIME_ZONE",
    "DueDate",
    "add_working_days",
    "date_order_for_locale",
    "default_due",
    "parse_due",
]

REASON_AMBIGUOUS_TIME = "ambiguous_time"
REASON_SEVERAL_DATES = "several_dates"
REASON_ASSUMED_DAY = "assumed_day"
REASON_DEFAULT = "default"
REASON_TIME_ZONE = "time_zone"
_OTHER_ZONE = re.compile(
    r"(?:[A-Z][a-z]+\s+time|waktu\s+[A-Z][a-z]+|(?:SGT|GMT|UTC|PST|PDT|EST|EDT|CET|CEST|BST|JST"
    r"|AEST|AEDT|HKT|IST|KST)(?:\s*[+-]\s*\d{1,2})?)(?!\w)"
)
_MAX_FUZZY_CHARS = 300
_RULES = RELATIVE_RULES + EXPLICIT_RULES


@dataclass(frozen=True, slots=True)
class DueDate:
    """A due date read from text (or made by the default policy).

    ``due`` is aware, in ``now``'s time zone; for an all-day date it is local
    midnight. ``spans`` are the (start, end) character ranges of the words
    that said the date or time, with a leading "by"/"on"/"sebelum"..., so a
    caller can drop them from a title; fuzzy finds leave it empty.
    ``reasons`` say why ``needs_confirmation`` is set (REASON_* codes).
    """

    due: datetime
    all_day: bool
    needs_confirmation: bool
    is_default: bool = False
    spans: tuple[tuple[int, int], ...] = ()
    reasons: tuple[str, ...] = ()

    @property
    def day(self) -> date:
        """The due date's calendar day in its own time zone."""
        return self.due.date()


@dataclass(frozen=True, slots=True)
class TimeHit:
    """A phrase naming a time of day."""

    start: int
    end: int
    value: time
    reasons: tuple[str, ...] = ()


def default_due(now: datetime, working_days: int = 2) -> DueDate:
    """The default policy: an all-day due date ``working_days`` working days after today.

    Saturdays and Sundays are skipped (public holidays are not known here), so
    with the default 2 a note written on Friday or Saturday is due on Tuesday.
    Always flagged: the user did not say it.
    """
    tz = _tz_of(now)
    day = add_working_days(now.date(), working_days)
    return DueDate(
        due=datetime.combine(day, time(0, 0), tzinfo=tz),
        all_day=True,
        needs_confirmation=True,
        is_default=True,
        reasons=(REASON_DEFAULT,),
    )


def date_order_for_locale(locale: str) -> str:
    """The date order of the locale's short date format (Babel): "id" -> "DMY", "en_US" -> "MDY"."""
    from babel.dates import get_date_format

    pattern = get_date_format("short", locale=locale).pattern
    positions = {key: pattern.find(key) for key in ("d", "M", "y")}
    if any(pos < 0 for pos in positions.values()):
        return "DMY"
    return "".join(sorted(positions, key=lambda key: positions[key])).upper()


def parse_due(text: str, *, now: datetime, date_order: str = "DMY") -> DueDate | None:
    """The due date said in ``text`` (a follow-up line), or None when it says none.

    ``now`` must be timezone-aware; the result is in its time zone. See the
    module docstring for what each phrase means.
    """
    tz = _tz_of(now)
    order = date_order.upper()
    if order not in ("DMY", "MDY", "YMD"):
        raise ValueError(f"date_order must be DMY, MDY or YMD, not {date_order!r}")
    ctx = Ctx(text=text, now=now.replace(tzinfo=None), today=now.date(), order=order)
    times = find_times(ctx)
    dates = combine(find_dates(ctx, _RULES), ctx)
    dates, times = _settle_overlaps(dates, times)
    if not dates and not times:
        return _fuzzy(ctx, tz)
    reasons: list[str] = []
    spans: list[tuple[int, int]] = []
    moment: datetime | None = None
    day: date | None = None
    if dates:
        first = dates[0]
        reasons.extend(first.reasons)
        spans.append(_with_connector(text, first.start, first.end))
        if len({hit.moment or hit.day for hit in dates}) > 1:
            reasons.append(REASON_SEVERAL_DATES)
        moment = first.moment
        day = first.day
    clock: TimeHit | None = times[0] if times and moment is None else None
    if clock is not None:
        reasons.extend(clock.reasons)
        spans.append(_with_connector(text, clock.start, clock.end))
        zone = _OTHER_ZONE.search(text, clock.end)
        if zone is not None and zone.start() - clock.end < 4:  # "10am Singapore time"
            reasons.append(REASON_TIME_ZONE)
            spans.append((zone.start(), zone.end()))
    if moment is not None:
        due = moment.replace(tzinfo=tz)
        all_day = False
    elif clock is None:
        assert day is not None
        due = datetime.combine(day, time(0, 0), tzinfo=tz)
        all_day = True
    else:
        if day is None:  # a time with no day: today if still ahead, else tomorrow; asked
            day = ctx.today
            if datetime.combine(day, clock.value) <= ctx.now:
                day += timedelta(days=1)
            reasons.append(REASON_ASSUMED_DAY)
        due = datetime.combine(day, clock.value, tzinfo=tz)
        all_day = False
    if (due.date() < ctx.today if all_day else due < now) and REASON_PAST not in reasons:
        reasons.append(REASON_PAST)
    unique = tuple(dict.fromkeys(reasons))
    return DueDate(
        due=due,
        all_day=all_day,
        needs_confirmation=bool(unique),
        spans=tuple(sorted(spans)),
        reasons=unique,
    )


_TIME = re.compile(
    r"(?<![\w.,:/])(?P<pre>(?:at|@|jam|jm|pukul|pkl\.?|around|sekitar(?:\s+(?:jam|pukul))?)\s*)?"
    r"(?<![\d.,:/])(?P<h>\d{1,2})(?:(?P<sep>[.:])(?P<min>\d{2}))?(?!\d)"
    r"(?:\s*(?P<q>a\.m\.|p\.m\.|am|pm|pagi|siang|sore|petang|malam))?(?!\w)"
    r"(?:\s*(?:WIB|WITA|WIT)(?!\w))?",
    re.IGNORECASE,
)
_NOON = re.compile(r"(?<!\w)(?:noon|midday|tengah\s+hari)(?!\w)", re.IGNORECASE)


def _clock(m: re.Match[str]) -> TimeHit | None:
    """The time a match says, or None when it is not one ("3 hari", "1.5")."""
    q = (m["q"] or "").lower().replace(".", "")
    if not (m["pre"] or q or m["sep"] == ":"):
        return None
    hour, minute = int(m["h"]), int(m["min"] or 0)
    if hour > 23 or minute > 59:
        return None
    reasons: tuple[str, ...] = ()
    if q in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if q == "pm" else 0)
    elif q == "pagi":
        hour = 0 if hour == 12 else hour
    elif q == "siang":
        hour = hour + 12 if 1 <= hour <= 5 else hour
    elif q in ("sore", "petang"):
        hour = hour + 12 if 1 <= hour <= 11 else hour
    elif q == "malam":
        if hour == 12:
            hour, reasons = 0, (REASON_AMBIGUOUS_TIME,)
        elif 6 <= hour <= 11:
            hour += 12
    elif 1 <= hour <= 6:
        hour, reasons = hour + 12, (REASON_AMBIGUOUS_TIME,)
    return TimeHit(m.start(), m.end(), time(hour, minute), reasons)


def find_times(ctx: Ctx) -> list[TimeHit]:
    """Every time-of-day phrase in the text, in order."""
    hits = [hit for m in _TIME.finditer(ctx.text) if (hit := _clock(m)) is not None]
    hits += [TimeHit(m.start(), m.end(), time(12, 0)) for m in _NOON.finditer(ctx.text)]
    return sorted(hits, key=lambda h: h.start)


def _tz_of(now: datetime) -> tzinfo:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return now.tzinfo


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _settle_overlaps(
    dates: list[DateHit], times: list[TimeHit]
) -> tuple[list[DateHit], list[TimeHit]]:
    """Where a date and a time claim the same words, an explicit date wins, else the time."""
    kept_times = [
        t
        for t in times
        if not any(d.explicit and _overlaps((d.start, d.end), (t.start, t.end)) for d in dates)
    ]
    kept_dates = [
        d
        for d in dates
        if d.explicit or not any(_overlaps((d.start, d.end), (t.start, t.end)) for t in kept_times)
    ]
    return kept_dates, kept_times


_CONNECTOR = re.compile(
    r"(?:^|(?<=\s)|(?<=[,(]))(?:by|on|before|until|till|at|due|for|from|sebelum|pada|pd|"
    r"tanggal|tgl\.?|hari|paling\s+lambat|selambat-?lambatnya|maks(?:imal)?|max|deadline|"
    r"sampai|hingga|untuk|utk|mulai|di)\s*:?\s*$",
    re.IGNORECASE,
)


def _with_connector(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span leftwards over up to two connector words ("by", "paling lambat hari")."""
    for _ in range(2):
        match = _CONNECTOR.search(text, 0, start)
        if match is None:
            break
        start = match.start()
    return start, end


def _fuzzy(ctx: Ctx, tz: tzinfo) -> DueDate | None:
    """dateparser's search_dates over the text, with every find checked; always flagged."""
    text = ctx.text[:_MAX_FUZZY_CHARS]
    if not FUZZY_VOCAB.search(text):  # search_dates is slow; it could only find what we drop
        return None
    found = fuzzy_search(ctx, text)
    if found is None:
        return None
    value = found.replace(tzinfo=None)
    all_day = value.time() in (time(0, 0), ctx.now.time())
    due = (
        datetime.combine(value.date(), time(0, 0), tzinfo=tz)
        if all_day
        else value.replace(tzinfo=tz)
    )
    return DueDate(due=due, all_day=all_day, needs_confirmation=True, reasons=(REASON_FUZZY,))
