"""What an account review and a meeting brief hold, read in one go: the client's card,
each contact and when they were last reached, the last 90 days of the timeline, open
and won deals, open follow-ups, gifts given this year, and the health score.

Also :func:`find_client`, which turns what a user typed on the command line (an id or
a name) into one client, or a clear refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from models.clock import local_midnight, to_local
from models.entities import Account, Deal, DealStage, Interaction, interaction_contacts
from models.errors import NotFoundError, ValidationError
from models.queries import clients as client_queries
from models.queries import timeline as timeline_queries
from models.queries.followups import followups
from models.queries.health import Health, account_health
from models.rows import (
    AccountDetail,
    ContactRow,
    DealRow,
    FollowUpRow,
    InteractionRow,
    deal_row,
)
from models.store import Store

TIMELINE_DAYS = 90


@dataclass(frozen=True, slots=True)
class ContactReach:
    contact: ContactRow
    last_reached: datetime | None  # the newest entry the contact was present at


@dataclass(frozen=True, slots=True)
class AccountReview:
    detail: AccountDetail
    contacts: tuple[ContactReach, ...]
    timeline: tuple[InteractionRow, ...]  # the last TIMELINE_DAYS days, newest first
    open_deals: tuple[DealRow, ...]
    won_deals: tuple[DealRow, ...]
    followups: tuple[FollowUpRow, ...]  # open ones, overdue first
    overdue_ids: frozenset[str]
    gifts: tuple[InteractionRow, ...]  # this (local) year
    health: Health
    generated_at: datetime


def find_client(store: Store, text: str) -> str:
    """The id of the live client ``text`` names: its id, or its name (ignoring case).

    Refuses an empty text, a name no client has, and a name several clients share."""
    needle = " ".join(text.split())
    if not needle:
        raise ValidationError("client", "name a client (its name or id)")
    live = Account.deleted_at.is_(None)
    with store.read() as s:
        if s.execute(select(Account.id).where(Account.id == needle, live)).first():
            return needle
        ids = list(
            s.scalars(select(Account.id).where(func.lower(Account.name) == needle.lower(), live))
        )
    if not ids:
        raise NotFoundError(f"no client named {needle!r}")
    if len(ids) > 1:
        raise ValidationError(
            "client", f"{len(ids)} clients are named {needle!r}; give the client's id instead"
        )
    return ids[0]


def _last_reached(store: Store, contact_ids: list[str]) -> dict[str, datetime]:
    if not contact_ids:
        return {}
    stmt = (
        select(interaction_contacts.c.contact_id, func.max(Interaction.occurred_at))
        .join(Interaction, Interaction.id == interaction_contacts.c.interaction_id)
        .where(
            interaction_contacts.c.contact_id.in_(contact_ids),
            Interaction.deleted_at.is_(None),
        )
        .group_by(interaction_contacts.c.contact_id)
    )
    out: dict[str, datetime] = {}
    with store.read() as s:
        for cid, when in s.execute(stmt):
            if isinstance(when, str):  # max() comes back as the stored text
                when = datetime.fromisoformat(when).replace(tzinfo=store.clock.now().tzinfo)
            out[cid] = when
    return out


def _timeline_since(store: Store, account_id: str, since: datetime) -> list[InteractionRow]:
    rows: list[InteractionRow] = []
    cursor = None
    while True:
        page, cursor = timeline_queries.timeline_page(store, account_id, before=cursor, limit=200)
        rows.extend(r for r in page if r.occurred_at >= since)
        if cursor is None or (page and page[-1].occurred_at < since):
            return rows


def _gifts(store: Store, account_id: str, since: datetime) -> list[InteractionRow]:
    stmt = select(Interaction.id).where(
        Interaction.account_id == account_id,
        Interaction.deleted_at.is_(None),
        Interaction.kind == "gift",
        Interaction.occurred_at >= since,
    )
    with store.read() as s:
        ids = list(s.scalars(stmt))
    found = timeline_queries.live_interactions(store, ids)
    return sorted(found.values(), key=lambda r: r.occurred_at, reverse=True)


def _won_deals(store: Store, account_id: str) -> list[DealRow]:
    stmt = (
        select(*Deal.__table__.c)
        .where(
            Deal.account_id == account_id,
            Deal.deleted_at.is_(None),
            Deal.stage == DealStage.WON.value,
        )
        .order_by(Deal.closed_at.desc())
    )
    with store.read() as s:
        return [deal_row(d) for d in s.execute(stmt)]


def account_review(store: Store, account_id: str) -> AccountReview | None:
    """Everything the review and the brief print about one client; None if unknown."""
    detail = client_queries.account_detail(store, account_id)
    health = account_health(store, account_id)
    if detail is None or health is None:
        return None
    now = store.clock.now()
    reached = _last_reached(store, [c.id for c in detail.contacts])
    contacts = sorted(
        (ContactReach(c, reached.get(c.id)) for c in detail.contacts),
        key=lambda r: (
            r.last_reached is None,
            -(r.last_reached or now).timestamp(),
            r.contact.name,
        ),
    )
    year_start = local_midnight(to_local(now).date().replace(month=1, day=1))
    buckets = followups(store, account_id=account_id)
    return AccountReview(
        detail=detail,
        contacts=tuple(contacts),
        timeline=tuple(_timeline_since(store, account_id, now - timedelta(days=TIMELINE_DAYS))),
        open_deals=detail.open_deals,
        won_deals=tuple(_won_deals(store, account_id)),
        followups=buckets.overdue + buckets.today + buckets.upcoming,
        overdue_ids=frozenset(f.id for f in buckets.overdue),
        gifts=tuple(_gifts(store, account_id, year_start)),
        health=health,
        generated_at=now,
    )
