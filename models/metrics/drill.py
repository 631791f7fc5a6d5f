"""The deals or clients behind a dashboard figure, a page at a time.

Deal keys: ``won``, ``lost``, ``closed`` (won and lost of the period, newest close
first), ``open`` (the open pipeline), ``closing`` (open deals expected to close in the
period), ``funnel:<stage>`` (deals created in the period that reached the stage).
Client keys: ``cold:<tier>`` (going cold now) and ``activity:<kind>`` (clients with
meetings, calls or e-mails in the period, most first). The same definitions as the
figures themselves (:mod:`models.metrics.closes`, :mod:`models.metrics.funnel`, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from sqlalchemy import func, select, text

from models.entities import Account
from models.errors import ValidationError
from models.metrics.closes import CLOSE_FROM
from models.metrics.funnel import FUNNEL, cohort_sql
from models.metrics.period import Period
from models.metrics.targets import ACTIVITY_KINDS
from models.queries.clients import going_cold_expr
from models.store import Store
from models.time_sql import sql_time

PAGE = 200
DEAL_KEYS = ("won", "lost", "closed", "open", "closing")


@dataclass(frozen=True)
class DealLine:
    id: str
    account_id: str
    account_name: str
    title: str
    stage: str
    amount_minor: int
    currency: str
    probability: int
    expected_close: date | None
    closed_at: datetime | None


@dataclass(frozen=True)
class ClientLine:
    id: str
    name: str
    tier: str
    last_contact_at: datetime | None
    count: int = 0


_DEAL_COLS = (
    "d.id, d.account_id, a.name, d.title, d.stage, d.amount_minor, d.currency, "
    "d.probability, d.expected_close"
)
#: The listings show the client's name: they join it (a page at a time, so cheap).
_NO_A = "FROM deals d\n"
_A = "FROM deals d JOIN accounts a ON a.id = d.account_id\n"
_OPEN = """FROM deals d JOIN accounts a ON a.id = d.account_id
WHERE d.stage NOT IN ('won', 'lost') AND d.deleted_at IS NULL AND a.deleted_at IS NULL"""


def _time(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _deal_sql(key: str) -> str:
    if key in ("won", "lost", "closed"):
        stages = "('won', 'lost')" if key == "closed" else f"('{key}')"
        return (
            f"SELECT {_DEAL_COLS}, d.closed_at {CLOSE_FROM.replace(_NO_A, _A)} "
            f"AND d.stage IN {stages} ORDER BY d.closed_at DESC, d.id"
        )
    if key == "open":
        return (
            f"SELECT {_DEAL_COLS}, NULL {_OPEN} ORDER BY d.expected_close IS NULL, "
            "d.expected_close, d.id"
        )
    if key == "closing":
        return (
            f"SELECT {_DEAL_COLS}, NULL {_OPEN} AND d.expected_close BETWEEN :s AND :e "
            "ORDER BY d.expected_close, d.id"
        )
    stage = key.removeprefix("funnel:")
    if key.startswith("funnel:") and stage in FUNNEL:
        return (
            f"SELECT {_DEAL_COLS}, d.closed_at FROM ({cohort_sql()}) f "
            "JOIN deals d ON d.id = f.id JOIN accounts a ON a.id = d.account_id "
            f"WHERE f.furthest >= {FUNNEL.index(stage)} ORDER BY d.created_at, d.id"
        )
    raise ValidationError("figure", f"no deals behind {key!r}")


def deals(
    store: Store,
    key: str,
    period: Period,
    *,
    zone: tzinfo | None = None,
    offset: int = 0,
    limit: int = PAGE,
) -> list[DealLine]:
    """A page of the deals behind figure ``key`` of ``period``."""
    t0, t1 = period.bounds(zone)
    params = {
        "t0": sql_time(t0),
        "t1": sql_time(t1),
        "s": period.start.isoformat(),
        "e": period.end.isoformat(),
        "limit": limit,
        "offset": offset,
    }
    sql = _deal_sql(key) + " LIMIT :limit OFFSET :offset"
    with store.read() as s:
        rows = s.execute(text(sql), params).all()
    return [
        DealLine(
            str(r[0]),
            str(r[1]),
            str(r[2]),
            str(r[3]),
            str(r[4]),
            int(r[5]),
            str(r[6]),
            int(r[7]),
            _day(r[8]),
            _time(r[9]),
        )
        for r in rows
    ]


def clients(
    store: Store,
    key: str,
    period: Period,
    *,
    zone: tzinfo | None = None,
    now: datetime | None = None,
    offset: int = 0,
    limit: int = PAGE,
) -> list[ClientLine]:
    """A page of the clients behind figure ``key``."""
    kind, _, value = key.partition(":")
    if kind == "cold" and value in ("A", "B", "C"):
        stmt = (
            select(Account.id, Account.name, Account.tier, Account.last_contact_at)
            .where(
                Account.deleted_at.is_(None),
                Account.tier == value,
                going_cold_expr(now or store.clock.now()),
            )
            .order_by(func.coalesce(Account.last_contact_at, Account.created_at), Account.id)
            .limit(limit)
            .offset(offset)
        )
        with store.read() as s:
            return [ClientLine(r[0], r[1], r[2], r[3]) for r in s.execute(stmt)]
    if kind == "activity" and value in ACTIVITY_KINDS:
        t0, t1 = period.bounds(zone)
        sql = """
            SELECT a.id, a.name, a.tier, a.last_contact_at, count(*) AS n
            FROM interactions i JOIN accounts a ON a.id = i.account_id
            WHERE i.kind = :kind AND i.occurred_at >= :t0 AND i.occurred_at < :t1
              AND i.deleted_at IS NULL AND a.deleted_at IS NULL
            GROUP BY a.id ORDER BY n DESC, a.name, a.id LIMIT :limit OFFSET :offset
        """
        params = {
            "kind": value,
            "t0": sql_time(t0),
            "t1": sql_time(t1),
            "limit": limit,
            "offset": offset,
        }
        with store.read() as s:
            return [
                ClientLine(str(r[0]), str(r[1]), str(r[2]), _time(r[3]), int(r[4]))
                for r in s.execute(text(sql), params)
            ]
    raise ValidationError("figure", f"no clients behind {key!r}")
