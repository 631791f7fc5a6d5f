"""iCalendar (.ics) with the icalendar library: meeting invitations in, follow-ups out.

Import: each VEVENT of an invitation (Google Calendar's or Outlook's, with their
time-zone definitions) becomes a ``meeting`` timeline entry: summary, start, duration,
location, description, and the organizer's and attendees' addresses, which the
importer matches to contacts. Cancelled events are reported, not imported.

Export: follow-ups as VTODO (DUE, PRIORITY, STATUS, and a VALARM) or as VEVENT (an
all-day event on the due date, or 30 minutes at the due time, with a VALARM).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from icalendar import Alarm, Calendar, Event, Todo

from models.clock import local_zone
from models.transfer import sniff
from models.transfer.source_types import RowError, Source, moment

PRODID = "-//Relasi//Relasi 0.1//EN"
SUBJECT_MAX = 300
#: Relasi priority (0 low, 1 normal, 2 high) to iCalendar's 1 (highest) .. 9 (lowest).
ICAL_PRIORITY = {0: 9, 1: 5, 2: 1}


def _local_tz() -> tzinfo:
    return local_zone()  # with its rules: an all-day date keeps its day across DST


def _aware(value: date | datetime, tz: tzinfo) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=tz) if value.tzinfo is None else value
    return datetime.combine(value, time(), tz)


def _address(value: Any) -> str:
    text = str(value).strip()
    if text.casefold().startswith("mailto:"):
        text = text[7:]
    return text.strip().casefold()


def _clip(text: str, limit: int) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def event_entry(event: Any, tz: tzinfo) -> dict[str, Any]:
    """The values of a meeting entry from one VEVENT (ValueError when it has no start)."""
    start_prop = event.get("dtstart")
    if start_prop is None:
        raise ValueError("the event has no start (DTSTART)")
    start = _aware(start_prop.dt, tz)
    occurred_at = moment(start)
    minutes: int | None = None
    if (end_prop := event.get("dtend")) is not None:
        minutes = int((moment(_aware(end_prop.dt, tz)) - occurred_at).total_seconds() // 60)
    elif (duration := event.get("duration")) is not None:
        minutes = int(duration.dt.total_seconds() // 60)
    attendees = event.get("attendee", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    addresses = [_address(a) for a in attendees]
    if (organizer := event.get("organizer")) is not None:
        addresses.insert(0, _address(organizer))
    return {
        "kind": "meeting",
        "occurred_at": occurred_at,
        "subject": _clip(str(event.get("summary", "")), SUBJECT_MAX),
        "body": str(event.get("description", "")).strip(),
        "body_format": "plain",
        "location": _clip(str(event.get("location", "")), 300),
        "duration_minutes": None if minutes is None else max(0, min(minutes, 10_000)),
        "outcome": "",
        "addresses": [a for a in dict.fromkeys(addresses) if "@" in a],
        "match_column": "ATTENDEE",
    }


def load_invitations(
    path: Path, *, max_bytes: int = sniff.MAX_BYTES, tz: tzinfo | None = None
) -> Source:
    """The meetings of an .ics file (floating times are read in ``tz``, default local)."""
    text, encoding = sniff.read_text(path, max_bytes=max_bytes)
    if "BEGIN:VCALENDAR" not in text[:4096].upper():
        raise sniff.refuse(path, "it is not an iCalendar file (no BEGIN:VCALENDAR)")
    try:
        calendar = Calendar.from_ical(text)
    except ValueError as exc:
        raise sniff.refuse(path, f"the calendar cannot be read: {exc}") from None
    method = str(calendar.get("method", "")).upper()
    source = Source(path=path, format="ics", kind="interaction", encoding=encoding)
    zone = tz or _local_tz()
    for number, event in enumerate(calendar.walk("VEVENT"), start=1):
        if method == "CANCEL" or str(event.get("status", "")).upper() == "CANCELLED":
            source.problems.append(RowError(number, "STATUS", "the meeting was cancelled", "event"))
            continue
        try:
            source.entries.append((number, event_entry(event, zone)))
        except (ValueError, TypeError, AttributeError, OverflowError) as exc:
            source.problems.append(RowError(number, "DTSTART", str(exc), "event"))
    if not source.entries and not source.problems:
        raise sniff.refuse(path, "the calendar holds no event")
    return source


@dataclass(frozen=True, slots=True)
class IcsFollowUp:
    """What a calendar export needs of a follow-up."""

    id: str
    title: str
    account_name: str
    due_at: datetime
    all_day: bool
    priority: int = 1
    done_at: datetime | None = None


def followups_to_ics(
    followups: Iterable[IcsFollowUp],
    *,
    as_events: bool = False,
    tz: tzinfo | None = None,
    alarm_before: timedelta = timedelta(minutes=15),
    now: datetime | None = None,
) -> bytes:
    """An iCalendar file of follow-ups, as to-dos (default) or as events, each with an alarm.

    All-day follow-ups become dates in ``tz`` (default local); their alarm rings at 09:00.
    """
    zone = tz or _local_tz()
    stamp = now or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    for f in followups:
        component: Todo | Event = Event() if as_events else Todo()
        component.add("uid", f"{f.id}@relasi")
        component.add("dtstamp", stamp)
        summary = f"{f.title} ({f.account_name})" if f.account_name else f.title
        component.add("summary", summary)
        if f.account_name:
            component.add("categories", [f.account_name])
        due: date | datetime = f.due_at.astimezone(zone).date() if f.all_day else f.due_at
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        if as_events:
            component.add("dtstart", due)
            if f.all_day:
                component.add("dtend", due + timedelta(days=1))
                alarm.add("trigger", timedelta(hours=9))
            else:
                component.add("duration", timedelta(minutes=30))
                alarm.add("trigger", -alarm_before)
        else:
            component.add("due", due)
            component.add("priority", ICAL_PRIORITY.get(f.priority, 5))
            trigger = timedelta(hours=9) if f.all_day else -alarm_before
            alarm.add("trigger", trigger, parameters={"RELATED": "END"})
            if f.done_at is not None:
                component.add("status", "COMPLETED")
                component.add("completed", f.done_at)
            else:
                component.add("status", "NEEDS-ACTION")
        component.add_component(alarm)
        calendar.add_component(component)
    return bytes(calendar.to_ical())
