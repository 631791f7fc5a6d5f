"""Exports: CSV of accounts, contacts, interactions, follow-ups and deals; vCard of
contacts; iCalendar of follow-ups.

CSV is UTF-8 with a BOM (so spreadsheet programs pick the right encoding) and safe
against formula injection: a cell beginning with ``= + - @``, a tab, a carriage return
or a single quote gets a leading single quote, which spreadsheets show as text (the
importer strips it again, so our own exports round-trip exactly). Every exported text
(CSV, vCard, iCalendar) is also rid of invisible characters that make it read other
than it is (:func:`neutralise`: bidirectional overrides such as U+202E, zero-width
spaces and joiners between Latin letters). Every file is
written atomically with mode 0600 (see :mod:`output`): an export leaves the encrypted
database, so it should at least not be readable by other users.

CSV and vCard exports stream: rows are read in batches of :data:`BATCH`
(``yield_per``) and written as they come, so memory stays bounded by a batch, not
by the file (100,000 contacts grew memory by some 250 MB when the file was built
whole).
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any, BinaryIO

from babel.numbers import get_currency_precision
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models import fields
from models.entities import (
    Account,
    Contact,
    Deal,
    FollowUp,
    Interaction,
    account_tags,
    interaction_contacts,
)
from models.entities import Tag as TagEntity
from models.errors import ValidationError
from models.store import Store
from models.transfer.calendar_ics import IcsFollowUp, followups_to_ics
from models.transfer.output import private_file, write_private
from models.transfer.records import FORMULA_TRIGGERS
from models.transfer.vcard import VCardContact, contacts_to_vcard

EXPORT_KINDS = ("accounts", "contacts", "interactions", "followups", "deals")
#: Rows read from the database at a time by a streamed export.
BATCH = 1_000


def _declared(kind: str) -> tuple[str, ...]:
    return tuple(f.export_header for f in fields.exported(kind))


HEADERS: dict[str, tuple[str, ...]] = {
    # Accounts and contacts: the declared fields (models/fields.py), in form order.
    "accounts": ("ID", *_declared("account"), "Tags", "Last contact", "Created"),
    "contacts": ("ID", *_declared("contact"), "Account", "Account ID"),
    "interactions": (
        "ID", "Account", "Account ID", "Kind", "Occurred at", "Subject", "Body", "Location",
        "Duration minutes", "Outcome", "Contacts", "Gift value", "Gift currency",
    ),
    "followups": ("ID", "Account", "Account ID", "Title", "Due at", "All day", "Priority",
                  "Done at", "Snoozed until"),
    "deals": (
        "ID", "Account", "Account ID", "Title", "Stage", "Amount", "Currency", "Probability",
        "Expected close", "Closed at", "Lost reason", "Lost to",
    ),
}  # fmt: skip


#: Bidirectional embeddings, overrides, isolates and marks; zero-width space, word joiner,
#: BOM: characters that change how text reads (a name shown backwards, "Budi" that is
#: not "Budi") without being seen.
_INVISIBLE = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff\u180e]"
    # ZWNJ/ZWJ are kept only between two non-ASCII characters (Persian, Indic, emoji).
    "|(?:(?<=[\x00-\x7f])|^)[\u200c\u200d]|[\u200c\u200d](?=[\x00-\x7f]|$)"
)


def neutralise(text: str) -> str:
    """``text`` without bidirectional controls and stray zero-width characters."""
    return _INVISIBLE.sub("", text) if text else text


def safe_cell(value: Any) -> str:
    """A cell's text, escaped against formula injection."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, datetime | date):
        text = value.isoformat()
    elif isinstance(value, list | tuple):
        text = "; ".join(str(v) for v in value)
    else:
        text = str(value)
    text = neutralise(text)
    if text and text[0] in FORMULA_TRIGGERS:
        return "'" + text
    return text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A CSV file's bytes: UTF-8 with BOM, CRLF, every cell escaped."""
    buffer = io.BytesIO()
    write_csv(buffer, header, rows)
    return buffer.getvalue()


def write_csv(out: BinaryIO, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a CSV file to the binary file ``out`` as the rows come (UTF-8 with BOM,
    CRLF, every cell escaped); returns the number of rows."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=False)
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(header)
        count = 0
        for row in rows:
            writer.writerow([safe_cell(v) for v in row])
            count += 1
        text.flush()
    finally:
        text.detach()  # the caller closes ``out``
    return count


def _money(amount_minor: int | None, currency: str | None) -> str:
    if amount_minor is None:
        return ""
    digits = get_currency_precision(currency) if currency else 2
    if digits == 0:
        return str(amount_minor)
    sign = "-" if amount_minor < 0 else ""
    whole, frac = divmod(abs(amount_minor), 10**digits)
    return f"{sign}{whole}.{frac:0{digits}d}"


def _live(stmt: Select[Any], cls: Any, ids: Iterable[str] | None) -> Select[Any]:
    stmt = stmt.where(cls.deleted_at.is_(None))
    if ids is not None:
        stmt = stmt.where(cls.id.in_(list(ids)))
    return stmt


def _account_names(session: Session) -> dict[str, str]:
    return {id_: name for id_, name in session.execute(select(Account.id, Account.name))}


def rows_for(session: Session, kind: str, ids: Iterable[str] | None = None) -> list[list[Any]]:
    """The rows of a CSV export of ``kind`` (live rows only, in a stable order)."""
    return list(iter_rows(session, kind, ids))


def _streamed(session: Session, stmt: Select[Any]) -> Iterator[Any]:
    """The entities ``stmt`` selects, fetched :data:`BATCH` at a time."""
    return iter(session.scalars(stmt.execution_options(yield_per=BATCH)))


def iter_rows(session: Session, kind: str, ids: Iterable[str] | None = None) -> Iterator[list[Any]]:
    """The rows of a CSV export of ``kind``, read from the database in batches."""
    if kind not in HEADERS:
        raise ValidationError(
            "kind", f"cannot export {kind!r}; choose one of {', '.join(EXPORT_KINDS)}"
        )
    return _iter_rows(session, kind, ids)


def _iter_rows(session: Session, kind: str, ids: Iterable[str] | None) -> Iterator[list[Any]]:
    if kind == "accounts":
        tags: dict[str, list[str]] = defaultdict(list)
        for account_id, name in session.execute(
            select(account_tags.c.account_id, TagEntity.name).join(
                TagEntity, TagEntity.id == account_tags.c.tag_id
            )
        ):
            tags[account_id].append(name)
        accounts = _streamed(session, _live(select(Account), Account, ids).order_by(Account.name))
        declared = [f.name for f in fields.exported("account")]
        for a in accounts:
            yield [a.id, *(getattr(a, n) for n in declared), sorted(tags[a.id]),
                   a.last_contact_at, a.created_at]  # fmt: skip
        return
    names = _account_names(session)
    if kind == "contacts":
        contacts = _streamed(
            session, _live(select(Contact), Contact, ids).order_by(Contact.name, Contact.id)
        )
        declared = [f.name for f in fields.exported("contact")]
        for c in contacts:
            yield [c.id, *(getattr(c, n) for n in declared), names.get(c.account_id or "", ""),
                   c.account_id]  # fmt: skip
        return
    if kind == "interactions":
        people: dict[str, list[str]] = defaultdict(list)
        for interaction_id, name in session.execute(
            select(interaction_contacts.c.interaction_id, Contact.name).join(
                Contact, Contact.id == interaction_contacts.c.contact_id
            )
        ):
            people[interaction_id].append(name)
        entries = _streamed(
            session,
            _live(select(Interaction), Interaction, ids).order_by(
                Interaction.occurred_at, Interaction.id
            ),
        )
        for i in entries:
            yield [i.id, names.get(i.account_id, ""), i.account_id, i.kind, i.occurred_at,
                   i.subject, i.body, i.location, i.duration_minutes, i.outcome,
                   sorted(people[i.id]), _money(i.gift_value_minor, i.gift_currency),
                   i.gift_currency]  # fmt: skip
        return
    if kind == "followups":
        followups = _streamed(
            session, _live(select(FollowUp), FollowUp, ids).order_by(FollowUp.due_at, FollowUp.id)
        )
        for f in followups:
            yield [f.id, names.get(f.account_id, ""), f.account_id, f.title, f.due_at,
                   f.all_day, ("low", "normal", "high")[f.priority], f.done_at,
                   f.snoozed_until]  # fmt: skip
        return
    if kind == "deals":
        deals = _streamed(session, _live(select(Deal), Deal, ids).order_by(Deal.title, Deal.id))
        for d in deals:
            yield [d.id, names.get(d.account_id, ""), d.account_id, d.title, d.stage,
                   _money(d.amount_minor, d.currency), d.currency, d.probability,
                   d.expected_close, d.closed_at, d.lost_reason, d.lost_to]  # fmt: skip


def export_csv(store: Store, kind: str, path: Path, ids: Iterable[str] | None = None) -> int:
    """Write a CSV export of ``kind``; returns the number of rows."""
    if kind not in HEADERS:
        raise ValidationError(
            "kind", f"cannot export {kind!r}; choose one of {', '.join(EXPORT_KINDS)}"
        )
    with store.read() as session, private_file(Path(path)) as out:
        return write_csv(out, HEADERS[kind], iter_rows(session, kind, ids))


def vcard_contacts(session: Session, ids: Iterable[str] | None = None) -> list[VCardContact]:
    return list(iter_vcard_contacts(session, ids))


def iter_vcard_contacts(
    session: Session, ids: Iterable[str] | None = None
) -> Iterator[VCardContact]:
    """The contacts of a vCard export, read from the database in batches."""
    names = _account_names(session)
    contacts = _streamed(
        session, _live(select(Contact), Contact, ids).order_by(Contact.name, Contact.id)
    )
    return (
        VCardContact(
            name=neutralise(c.name),
            title=neutralise(c.title),
            emails=tuple(neutralise(e) for e in c.emails or ()),
            phones=tuple(neutralise(p) for p in c.phones or ()),
            account_name=neutralise(names.get(c.account_id or "", "")),
            birthday=c.birthday,
            notes=neutralise(c.notes),
            linkedin_url=neutralise(c.linkedin_url),
        )
        for c in contacts
    )


def export_vcards(store: Store, path: Path, ids: Iterable[str] | None = None) -> int:
    """Write one, some (``ids``) or all contacts to a .vcf file; returns how many."""
    count = 0
    with store.read() as session, private_file(Path(path)) as out:
        batch: list[VCardContact] = []
        for contact in iter_vcard_contacts(session, ids):
            batch.append(contact)
            if len(batch) == BATCH:
                out.write(contacts_to_vcard(batch).encode("utf-8"))
                count += len(batch)
                batch = []
        if batch:
            out.write(contacts_to_vcard(batch).encode("utf-8"))
            count += len(batch)
    return count


def ics_followups(
    session: Session,
    ids: Iterable[str] | None = None,
    *,
    account_ids: Iterable[str] | None = None,
    include_done: bool = False,
) -> list[IcsFollowUp]:
    names = _account_names(session)
    stmt = _live(select(FollowUp), FollowUp, ids)
    if account_ids is not None:
        stmt = stmt.where(FollowUp.account_id.in_(list(account_ids)))
    if not include_done:
        stmt = stmt.where(FollowUp.done_at.is_(None))
    return [
        IcsFollowUp(
            f.id,
            neutralise(f.title),
            neutralise(names.get(f.account_id, "")),
            f.due_at,
            f.all_day,
            f.priority,
            f.done_at,
        )
        for f in session.scalars(stmt.order_by(FollowUp.due_at, FollowUp.id))
    ]


def export_followups_ics(
    store: Store,
    path: Path,
    ids: Iterable[str] | None = None,
    *,
    account_ids: Iterable[str] | None = None,
    include_done: bool = False,
    as_events: bool = False,
    tz: tzinfo | None = None,
) -> int:
    """Write follow-ups (open ones unless ``include_done``) to one .ics file."""
    with store.read() as session:
        followups = ics_followups(session, ids, account_ids=account_ids, include_done=include_done)
    data = followups_to_ics(followups, as_events=as_events, tz=tz, now=store.clock.now())
    write_private(Path(path), data)
    return len(followups)


def _file_name(name: str) -> str:
    clean = re.sub(r"[^\w .-]+", "_", name).strip(" ._") or "client"
    return clean[:80]


def export_followups_ics_per_account(
    store: Store,
    folder: Path,
    *,
    include_done: bool = False,
    as_events: bool = False,
    tz: tzinfo | None = None,
) -> list[Path]:
    """One .ics file per client that has follow-ups, in ``folder``; returns the files."""
    with store.read() as session:
        followups = ics_followups(session, include_done=include_done)
        owners = {f: a for f, a in session.execute(select(FollowUp.id, FollowUp.account_id))}
    groups: dict[str, list[IcsFollowUp]] = defaultdict(list)
    for f in followups:
        groups[owners[f.id]].append(f)
    written: list[Path] = []
    used: set[str] = set()
    for account_id, items in sorted(groups.items(), key=lambda kv: kv[1][0].account_name):
        stem = _file_name(items[0].account_name)
        if stem.casefold() in used:
            stem = f"{stem}-{account_id[:8]}"
        used.add(stem.casefold())
        target = Path(folder) / f"{stem}.ics"
        data = followups_to_ics(items, as_events=as_events, tz=tz, now=store.clock.now())
        write_private(target, data)
        written.append(target)
    return written


def check_export(kind: str, path: Path) -> None:
    """Refuse (ValidationError) a kind or a file extension that cannot be exported."""
    suffix = Path(path).suffix.casefold()
    if kind not in EXPORT_KINDS:
        raise ValidationError(
            "kind", f"cannot export {kind!r}; choose one of {', '.join(EXPORT_KINDS)}"
        )
    allowed = {".csv"}
    if kind == "contacts":
        allowed |= {".vcf", ".vcard"}
    elif kind == "followups":
        allowed |= {".ics", ".ical"}
    if suffix not in allowed:
        also = ", or .vcf" if kind == "contacts" else ", or .ics" if kind == "followups" else ""
        raise ValidationError(
            "file",
            f"{kind} cannot be exported to {suffix or 'a file without extension'}: use .csv{also}",
        )


def export_file(store: Store, kind: str, path: Path) -> int:
    """Export ``kind`` in the format ``path``'s extension names (.csv, .vcf, .ics)."""
    check_export(kind, path)
    suffix = Path(path).suffix.casefold()
    if suffix == ".csv":
        return export_csv(store, kind, path)
    if kind == "contacts":
        return export_vcards(store, path)
    return export_followups_ics(store, path)
