"""A client's header card (:class:`~models.rows.AccountDetail`, which
``models.queries.clients.account_detail`` returns), read on every click in the client
list: statements built once (bound parameters: compiled once, then found in
SQLAlchemy's cache) run on one connection, without an ORM session per click."""

from __future__ import annotations

from sqlalchemy import String, and_, bindparam, func, select

from models.entities import (
    CLOSED_STAGES,
    WARM_STATUSES,
    Account,
    Contact,
    Deal,
    Tag,
    account_tags,
)
from models.rows import AccountDetail, contact_row, deal_row, row_from
from models.store import Store
from models.time_sql import sql_time

#: clients.going_cold_expr with the time bound: an active/prospect client not contacted
#: for longer than its cadence (never-contacted ones count from when they were added).
_GOING_COLD = and_(
    Account.status.in_(WARM_STATUSES),
    func.coalesce(Account.last_contact_at, Account.created_at)
    < func.strftime(
        "%Y-%m-%d %H:%M:%f",
        bindparam("now", type_=String),
        func.printf("-%d days", Account.cadence_days),
    ),
)
_ACCOUNT = select(*Account.__table__.c, _GOING_COLD.label("going_cold")).where(
    Account.id == bindparam("account_id")
)
_TAGS = (
    select(Tag.name)
    .join(account_tags, account_tags.c.tag_id == Tag.id)
    .where(account_tags.c.account_id == bindparam("account_id"))
    .order_by(Tag.name)
)
_CONTACTS = (
    select(*Contact.__table__.c)
    .where(Contact.account_id == bindparam("account_id"), Contact.deleted_at.is_(None))
    .order_by(Contact.name)
)
_OPEN_DEALS = (
    select(*Deal.__table__.c)
    .where(
        Deal.account_id == bindparam("account_id"),
        Deal.deleted_at.is_(None),
        Deal.stage.not_in([st.value for st in CLOSED_STAGES]),
    )
    .order_by(Deal.expected_close, Deal.title)
)


def account_header(store: Store, account_id: str) -> AccountDetail | None:
    """The client's header card: fields, tags, contacts, open deals. None if unknown."""
    params = {"account_id": account_id, "now": sql_time(store.clock.now())}
    with store.engine.connect() as conn:
        a = conn.execute(_ACCOUNT, params).first()
        if a is None:
            return None
        tags = conn.execute(_TAGS, params).scalars().all()
        contacts = conn.execute(_CONTACTS, params).all()
        deals = conn.execute(_OPEN_DEALS, params).all()
    return row_from(
        AccountDetail,
        a,
        going_cold=bool(a.going_cold),
        tags=tuple(tags),
        contacts=tuple(contact_row(c) for c in contacts),
        open_deals=tuple(deal_row(d) for d in deals),
    )
