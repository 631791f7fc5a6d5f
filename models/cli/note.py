"""``python main.py [--db PATH] note [--client NAME] [--now ISO-DATETIME] [--dry-run]``:
a quick note from standard input, saved as the quick-capture dialog's Save would
(with ``--dry-run`` only read), for an OS-wide shortcut or a script.

It prints one JSON object::

    {"client": {"id", "name", "how": "named"|"given"|"new"},
     "contacts": [{"id", "name"}], "subject", "kind",
     "followups": [{"title", "due", "all_day", "sure"}],
     "amounts": [{"value", "currency"}], "written": true|false}

* The client: a company the note names that is a client ("named", it beats
  ``--client`` as in the dialog), else ``--client`` ("given": a client's exact
  name, a short form of exactly one, or its id), else a new client named from the
  company the note names with a legal form ("new": "PT Maju Jaya"); a note that
  names no company and no ``--client`` is refused (never a client named after a
  sentence). With ``--dry-run`` a new client's id is null.
* ``contacts``: the client's contacts the note names unambiguously ("Pak Budi").
* ``due`` is ISO 8601 in local time with its offset, a date alone when all-day;
  ``sure`` is false for a date that needs a look (no date given: the default,
  two working days ahead; a vague or ambiguous one). Such follow-ups are written
  as read, and ``sure`` says so.
* ``value`` is the amount in major units as a decimal string ("500000000").
* ``--now`` sets the clock dates are read against (a naive time is local).

Bad input -- an empty note, unreadable or non-UTF-8 standard input, a bad
``--now``, an unknown ``--client`` -- is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from decimal import Decimal
from typing import BinaryIO

from models.errors import ValidationError

__all__ = ["NOTE_MAX", "add_parsers", "cmd_note", "read_note"]

#: The longest note read (the dialog's draft has the same limit).
NOTE_MAX = 200_000
DEFAULT_WORKING_DAYS = 2


def read_note(stream: BinaryIO | None) -> str:
    """The note on ``stream``, checked: UTF-8, not empty, not huge, no NUL."""
    if stream is None:
        raise ValidationError("note", "there is no standard input to read the note from")
    try:
        raw = stream.read(NOTE_MAX * 4 + 1)
    except (OSError, ValueError) as exc:
        raise ValidationError("note", f"cannot read the note from standard input: {exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError("note", f"the note is not valid UTF-8 (byte {exc.start})") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise ValidationError("note", "the note holds a NUL character; is it a text file?")
    if not text.strip():
        raise ValidationError("note", "the note is empty: write it on standard input")
    if len(text) > NOTE_MAX:
        raise ValidationError("note", f"a note is limited to {NOTE_MAX:,} characters")
    return text


def parse_now(value: str | None) -> datetime | None:
    """``--now`` as an aware local time (a naive one is local); None when not given."""
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            "now", f"--now must be an ISO 8601 date and time, like 2026-11-30T09:00, not {value!r}"
        ) from None
    return when.astimezone()  # naive: taken as local time


def _iso_due(due: datetime, all_day: bool) -> str:
    return due.date().isoformat() if all_day else due.isoformat()


def _major(minor_units: int, currency: str) -> str:
    from babel.numbers import get_currency_precision

    value = Decimal(minor_units).scaleb(-get_currency_precision(currency))
    return format(value.normalize() if value == value.to_integral() else value, "f")


def cmd_note(args: argparse.Namespace) -> int:
    from models.capture.drafts import FollowUpEdit, save_capture
    from models.capture.parse import parse_capture
    from models.capture.people import find_people, linked_contact_ids
    from models.cli.note_client import resolve_for_note
    from models.cli.opening import open_from_args
    from models.clock import to_local
    from models.queries import clients as client_queries

    text = read_note(sys.stdin.buffer if sys.stdin is not None else None)
    now = parse_now(args.now)
    with open_from_args(args) as store:
        local_now = to_local(now if now is not None else store.clock.now())
        client = resolve_for_note(store, text, args.client)
        contacts: list[tuple[str, str]] = []
        if client.id is not None:
            detail = client_queries.account_detail(store, client.id)
            contacts = [(c.id, c.name) for c in detail.contacts] if detail is not None else []
        people = find_people(text, contacts)
        linked = linked_contact_ids(people)
        names = dict(contacts)
        result = parse_capture(
            text,
            now=local_now,
            contact_names=[names[i] for i in linked],
            default_working_days=DEFAULT_WORKING_DAYS,
            client_name=client.name,
        )
        written = False
        account_id = client.id
        if not args.dry_run:
            edits = [FollowUpEdit(f.title, f.due, f.all_day) for f in result.followups]
            with store.write() as uow:
                created = save_capture(
                    uow,
                    account_id=client.id,
                    new_account_name=None if client.id is not None else client.name,
                    result=result,
                    followups=edits,
                    kind=result.kind,
                    occurred_at=now,
                    note_text=text,
                    contact_ids=linked,
                )
            account_id = account_id or next(i for k, i in created if k == "account")
            written = True
    output = {
        "client": {"id": account_id, "name": client.name, "how": client.how},
        "contacts": [{"id": i, "name": names[i]} for i in linked],
        "subject": result.subject,
        "kind": result.kind,
        "followups": [
            {
                "title": f.title,
                "due": _iso_due(f.due, f.all_day),
                "all_day": f.all_day,
                "sure": not f.needs_confirmation,
            }
            for f in result.followups
        ],
        "amounts": [
            {"value": _major(a.minor_units, a.currency), "currency": a.currency}
            for a in result.amounts
        ],
        "written": written,
    }
    print(json.dumps(output, ensure_ascii=False))
    return 0


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "note",
        help="save a quick note read on standard input (as the quick-capture dialog does); "
        "prints one JSON object",
    )
    p.add_argument("--client", metavar="NAME", help="the client when the note names none")
    p.add_argument(
        "--now", metavar="ISO-DATETIME", help="the time dates are read against (naive = local)"
    )
    p.add_argument("--dry-run", action="store_true", help="only read the note; write nothing")
