"""Account health: a score from 0 to 100 per client, computed in SQL, and its reasons.

Four things count, each with the points it can take off:

- **recency**: days since the last contact against the client's cadence (its
  stay-in-touch days, by tier by default): past the cadence -25, past twice it -40;
- **people reached** in the last 90 days (contacts present at an entry that is not in
  Trash; a person later moved to Trash still counts as reached then): nobody -25,
  only one person (single-threaded: the account hangs on one relationship) -15;
- **overdue follow-ups**: -10 each, at most -30;
- **open pipeline**: no open deal -10.

The score is ``max(0, 100 - points)``. The same rules build two SQL forms: per client
(correlated subqueries, cheap for the hundred rows a page shows) and for every client
at once (grouped subqueries joined in, what sorting the client list by health needs).
:func:`reasons` explains a score from its parts with the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Subquery,
    and_,
    case,
    cast,
    distinct,
    func,
    or_,
    select,
)
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from models.clock import local_zone
from models.entities import (
    CLOSED_STAGES,
    Account,
    Deal,
    FollowUp,
    Interaction,
    interaction_contacts,
)
from models.queries.followups import local_day_bounds
from models.store import Store
from models.time_sql import sql_time


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context``; returns it unchanged."""
    return text


REACH_DAYS = 90
LATE_POINTS = 25  # last contact older than the cadence
VERY_LATE_POINTS = 40  # older than twice the cadence
NOBODY_POINTS = 25  # no one reached in REACH_DAYS
SINGLE_THREAD_POINTS = 15  # one person reached in REACH_DAYS
OVERDUE_POINTS = 10  # per overdue follow-up
OVERDUE_MAX = 30
NO_PIPELINE_POINTS = 10
GOOD, WATCH = 70, 40  # a score from GOOD is healthy; below WATCH at risk


@dataclass(frozen=True, slots=True)
class Reason:
    """One part of a score: English source text (context ``Health``) with its
    arguments, and the points it took off (0 when it is fine)."""

    code: str
    text: str
    args: tuple[int, ...]
    points: int

    def english(self) -> str:
        return self.text.format(*self.args)


@dataclass(frozen=True, slots=True)
class Health:
    account_id: str
    score: int
    days_since_contact: int
    cadence_days: int
    people_reached: int
    overdue_followups: int
    open_deals: int

    @property
    def level(self) -> str:
        """'good', 'watch' or 'risk'."""
        return "good" if self.score >= GOOD else "watch" if self.score >= WATCH else "risk"

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return reasons(self)


# -- the rules, in SQL ----------------------------------------------------------------------


def _days_since_contact(now: datetime) -> ColumnElement[Any]:
    reference = func.coalesce(Account.last_contact_at, Account.created_at)
    return cast(func.julianday(sql_time(now)) - func.julianday(reference), Integer)


def _score(
    days: ColumnElement[Any],
    people: ColumnElement[Any],
    overdue: ColumnElement[Any],
    open_deals: ColumnElement[Any],
) -> ColumnElement[int]:
    cadence = Account.cadence_days
    points = (
        case(
            (days > cadence * 2, VERY_LATE_POINTS),
            (days > cadence, LATE_POINTS),
            else_=0,
        )
        # CASE people WHEN ...: the count is computed once per client, not per branch.
        + case({0: NOBODY_POINTS, 1: SINGLE_THREAD_POINTS}, value=people, else_=0)
        + func.min(overdue * OVERDUE_POINTS, OVERDUE_MAX)
        + case((open_deals == 0, NO_PIPELINE_POINTS), else_=0)
    )
    return func.max(0, 100 - points)


#: ``+interactions.id``: SQLite may not look interactions up by id through this term, so
#: it walks the last 90 days by ``ix_interactions_occurred`` and finds each entry's
#: people, instead of scanning every row of ``interaction_contacts``.
def plus(column: Any) -> ColumnElement[Any]:
    """``+column``: the same value, but SQLite uses no index for a term written so."""
    return UnaryExpression(column, operator=custom_op("+"), type_=column.type)


_NO_ID_LOOKUP = plus(Interaction.id)


def _reached_where(now: datetime) -> list[ColumnElement[bool]]:
    return [
        interaction_contacts.c.interaction_id == _NO_ID_LOOKUP,
        Interaction.deleted_at.is_(None),
        Interaction.occurred_at >= now - timedelta(days=REACH_DAYS),
        Interaction.occurred_at <= now,
    ]


def _overdue_where(now: datetime) -> list[ColumnElement[bool]]:
    """Overdue as the follow-ups pane says it: an all-day one from the day after its
    date, a timed or snoozed one once its time has passed."""
    start_of_today, _ = local_day_bounds(now, local_zone())
    is_date = and_(FollowUp.all_day.is_(True), FollowUp.snoozed_until.is_(None))
    return [
        FollowUp.deleted_at.is_(None),
        FollowUp.done_at.is_(None),
        or_(
            and_(is_date, FollowUp.due_at < start_of_today),
            and_(~is_date, func.coalesce(FollowUp.snoozed_until, FollowUp.due_at) < now),
        ),
    ]


def _open_where() -> list[ColumnElement[bool]]:
    return [Deal.deleted_at.is_(None), Deal.stage.not_in([s.value for s in CLOSED_STAGES])]


def row_columns(now: datetime) -> dict[str, ColumnElement[Any]]:
    """The parts and the score for the client of the row (correlated to ``accounts``):
    a few index lookups per client, for pages of a hundred rows."""
    people = (
        select(func.count(distinct(interaction_contacts.c.contact_id)))
        .select_from(Interaction)
        .where(Interaction.account_id == Account.id, *_reached_where(now))
        .correlate(Account)
        .scalar_subquery()
    )
    overdue = (
        select(func.count())
        .select_from(FollowUp)
        .where(FollowUp.account_id == Account.id, *_overdue_where(now))
        .correlate(Account)
        .scalar_subquery()
    )
    open_deals = (
        select(func.count())
        .select_from(Deal)
        .where(Deal.account_id == Account.id, *_open_where())
        .correlate(Account)
        .scalar_subquery()
    )
    days = _days_since_contact(now)
    return {
        "days_since_contact": days,
        "people_reached": people,
        "overdue_followups": overdue,
        "open_deals": open_deals,
        "health": _score(days, people, overdue, open_deals),
    }


@dataclass(frozen=True)
class Aggregates:
    """The parts for every client at once: grouped subqueries to outer-join on
    ``accounts.id`` (what ordering all clients by health needs)."""

    people: Subquery
    overdue: Subquery
    open_deals: Subquery

    def join(self, stmt: Any) -> Any:
        for sub in (self.people, self.overdue, self.open_deals):
            stmt = stmt.outerjoin(sub, sub.c.account_id == Account.id)
        return stmt

    def score(self, now: datetime) -> ColumnElement[int]:
        return _score(
            _days_since_contact(now),
            func.coalesce(self.people.c.n, 0),
            func.coalesce(self.overdue.c.n, 0),
            func.coalesce(self.open_deals.c.n, 0),
        )


def aggregates(now: datetime) -> Aggregates:
    people = (
        select(
            Interaction.account_id,
            func.count(distinct(interaction_contacts.c.contact_id)).label("n"),
        )
        .select_from(Interaction)
        .where(*_reached_where(now))
        # Grouped after the range is read: not by walking all entries in client order.
        .group_by(plus(Interaction.account_id))
        .subquery("health_people")
    )
    overdue = (
        select(FollowUp.account_id, func.count().label("n"))
        .where(*_overdue_where(now))
        .group_by(FollowUp.account_id)
        .subquery("health_overdue")
    )
    open_deals = (
        select(Deal.account_id, func.count().label("n"))
        .where(*_open_where())
        .group_by(Deal.account_id)
        .subquery("health_deals")
    )
    return Aggregates(people, overdue, open_deals)


# -- one client, with its reasons -----------------------------------------------------------


def account_health(store: Store, account_id: str) -> Health | None:
    """The client's health and the parts it is made of; None for an unknown client."""
    now = store.clock.now()
    cols = row_columns(now)
    stmt = select(Account.id, Account.cadence_days, *(c.label(n) for n, c in cols.items())).where(
        Account.id == account_id
    )
    with store.read() as s:
        r = s.execute(stmt).first()
    return _health(r) if r is not None else None


def all_health(store: Store) -> dict[str, Health]:
    """Every live client's health, computed at once (the grouped form)."""
    now = store.clock.now()
    agg = aggregates(now)
    stmt = agg.join(
        select(
            Account.id,
            Account.cadence_days,
            _days_since_contact(now).label("days_since_contact"),
            func.coalesce(agg.people.c.n, 0).label("people_reached"),
            func.coalesce(agg.overdue.c.n, 0).label("overdue_followups"),
            func.coalesce(agg.open_deals.c.n, 0).label("open_deals"),
            agg.score(now).label("health"),
        ).select_from(Account)
    ).where(Account.deleted_at.is_(None))
    with store.read() as s:
        return {r.id: _health(r) for r in s.execute(stmt)}


def _health(r: Any) -> Health:
    return Health(
        account_id=r.id,
        score=int(r.health),
        days_since_contact=max(0, int(r.days_since_contact)),
        cadence_days=int(r.cadence_days),
        people_reached=int(r.people_reached),
        overdue_followups=int(r.overdue_followups),
        open_deals=int(r.open_deals),
    )


def reasons(h: Health) -> tuple[Reason, ...]:
    """Why ``h`` scores what it does: one reason per part, with the points it took off
    (the same rules as the SQL; the points add up to ``100 - score`` above 0)."""
    days, cadence = h.days_since_contact, h.cadence_days
    if days > 2 * cadence:
        recency = Reason(
            "contact_very_late",
            QT_TRANSLATE_NOOP(
                "Health", "No contact for {0} days, more than twice the {1}-day cadence"
            ),
            (days, cadence),
            VERY_LATE_POINTS,
        )
    elif days > cadence:
        recency = Reason(
            "contact_late",
            QT_TRANSLATE_NOOP("Health", "No contact for {0} days, past the {1}-day cadence"),
            (days, cadence),
            LATE_POINTS,
        )
    else:
        recency = Reason(
            "contact_ok",
            QT_TRANSLATE_NOOP("Health", "Last contact {0} days ago, within the {1}-day cadence"),
            (days, cadence),
            0,
        )
    people = h.people_reached
    if people == 0:
        reach = Reason(
            "nobody_reached",
            QT_TRANSLATE_NOOP("Health", "Nobody reached in the last {0} days"),
            (REACH_DAYS,),
            NOBODY_POINTS,
        )
    elif people == 1:
        reach = Reason(
            "single_threaded",
            QT_TRANSLATE_NOOP(
                "Health", "Single-threaded: only one person reached in the last {0} days"
            ),
            (REACH_DAYS,),
            SINGLE_THREAD_POINTS,
        )
    else:
        reach = Reason(
            "multi_threaded",
            QT_TRANSLATE_NOOP("Health", "People reached in the last {1} days: {0}"),
            (people, REACH_DAYS),
            0,
        )
    overdue = Reason(
        "overdue" if h.overdue_followups else "no_overdue",
        QT_TRANSLATE_NOOP("Health", "Overdue follow-ups: {0}")
        if h.overdue_followups
        else QT_TRANSLATE_NOOP("Health", "No overdue follow-ups"),
        (h.overdue_followups,) if h.overdue_followups else (),
        min(h.overdue_followups * OVERDUE_POINTS, OVERDUE_MAX),
    )
    pipeline = (
        Reason(
            "open_pipeline",
            QT_TRANSLATE_NOOP("Health", "Open deals: {0}"),
            (h.open_deals,),
            0,
        )
        if h.open_deals
        else Reason(
            "no_pipeline",
            QT_TRANSLATE_NOOP("Health", "No open deal"),
            (),
            NO_PIPELINE_POINTS,
        )
    )
    return recency, reach, overdue, pipeline


def sort_key_columns(now: datetime) -> tuple[Aggregates, ColumnElement[int]]:
    """The grouped parts and the score expression for ordering every client by health."""
    agg = aggregates(now)
    return agg, agg.score(now)
