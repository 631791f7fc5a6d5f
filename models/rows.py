"""Plain rows the queries return: frozen dataclasses, never live ORM objects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, TypeVar, cast

R = TypeVar("R")


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def row_from(cls: type[R], source: Any, **given: Any) -> R:
    """A row of ``cls`` read from an object with attributes of the same names (an ORM
    entity or a result row); ``given`` supplies the fields it lacks or converts."""
    values = {
        name: given[name] if name in given else getattr(source, name) for name in _field_names(cls)
    }
    return cast(Callable[..., R], cls)(**values)


@dataclass(frozen=True, slots=True)
class ClientRow:
    """One line of the client list."""

    id: str
    name: str
    tier: str
    status: str
    industry: str
    cadence_days: int
    last_contact_at: datetime | None
    next_followup_at: datetime | None
    going_cold: bool
    health: int = 100  # models.queries.health: 0 (at risk) to 100


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: str
    account_id: str | None
    name: str
    title: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    birthday: date | None
    notes: str


@dataclass(frozen=True, slots=True)
class DealRow:
    id: str
    account_id: str
    title: str
    stage: str
    amount_minor: int
    currency: str
    probability: int
    expected_close: date | None
    closed_at: datetime | None
    lost_reason: str
    lost_to: str = ""


def contact_row(c: Any) -> ContactRow:
    """A contact's row from its columns (JSON lists made tuples)."""
    return row_from(ContactRow, c, emails=tuple(c.emails or ()), phones=tuple(c.phones or ()))


def deal_row(d: Any) -> DealRow:
    return row_from(DealRow, d)


@dataclass(frozen=True, slots=True)
class AccountDetail:
    """Everything the timeline's header card shows about a client."""

    id: str
    name: str
    industry: str
    tier: str
    status: str
    website: str
    phone: str
    address: str
    notes: str
    cadence_days: int
    last_contact_at: datetime | None
    next_followup_at: datetime | None
    going_cold: bool
    tags: tuple[str, ...]
    contacts: tuple[ContactRow, ...]
    open_deals: tuple[DealRow, ...]
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class InteractionRow:
    """One timeline entry."""

    id: str
    account_id: str
    kind: str
    occurred_at: datetime
    subject: str
    body: str
    body_format: str
    location: str
    duration_minutes: int | None
    outcome: str
    gift_value_minor: int | None
    gift_currency: str | None
    contact_ids: tuple[str, ...] = ()
    contact_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineCursor:
    """Where the next (older) timeline page starts."""

    occurred_at: datetime
    id: str


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    id: str
    account_id: str
    account_name: str
    interaction_id: str | None
    title: str
    due_at: datetime
    all_day: bool
    priority: int
    done_at: datetime | None
    snoozed_until: datetime | None

    @property
    def effective_due(self) -> datetime:
        """When it is due now: the snooze time if snoozed, else the due time."""
        return self.snoozed_until or self.due_at


@dataclass(frozen=True, slots=True)
class FollowUpBuckets:
    overdue: tuple[FollowUpRow, ...] = ()
    today: tuple[FollowUpRow, ...] = ()
    upcoming: tuple[FollowUpRow, ...] = ()
    done: tuple[FollowUpRow, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: what it is, its client, and the text around the words found."""

    kind: str  # "account" | "contact" | "deal" | "followup" | "interaction"
    id: str
    account_id: str | None
    title: str
    snippet: str  # plain text; ``spans`` say which parts matched
    client: str = ""
    spans: tuple[tuple[int, int], ...] = ()  # (start, length) in ``snippet``
    title_spans: tuple[tuple[int, int], ...] = ()  # (start, length) in ``title``
    rank: float = 0.0  # position in the result (0 = first)

    @property
    def marked(self) -> str:
        """The snippet with each matched part in [brackets] (the command line's form)."""
        return bracketed(self.snippet, self.spans)

    @property
    def marked_title(self) -> str:
        return bracketed(self.title, self.title_spans)


def bracketed(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` with each (start, length) span in [brackets]."""
    out, at = [], 0
    for start, length in spans:
        out += [text[at:start], "[", text[start : start + length], "]"]
        at = start + length
    out.append(text[at:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class TrashRow:
    kind: str
    id: str
    label: str
    deleted_at: datetime
    account_id: str | None = None


@dataclass(frozen=True, slots=True)
class ClientFilter:
    """What the client list is narrowed to and how it is ordered."""

    text: str = ""
    tiers: frozenset[str] = field(default_factory=frozenset)
    statuses: frozenset[str] = field(default_factory=frozenset)
    tag: str | None = None
    going_cold_only: bool = False
    sort: str = "name"
    descending: bool = False
