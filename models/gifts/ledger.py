"""Caps and running totals, from plain rows (no database).

* The rule in force on a day is the one with the latest ``effective_from`` on or
  before it (a day before every rule takes the earliest rule).
* The rate on a day is the newest the user set for that pair of currencies with
  ``effective_from`` on or before it; a day before every such rate takes the earliest
  one. No rate at all is :class:`MissingRate`, never 1:1.
* A recipient's total is per calendar year of the day given, in the currency of the
  cap in force; only business gifts count. A gift is over the cap when the
  recipient's running total, with it, is more than the cap in force on its day (a
  total exactly at the cap is within it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from models.errors import ValidationError
from models.gift_entities import COUNTED_KINDS
from models.gifts.money import convert
from models.metrics.money import major_units as major


class MissingRate(ValidationError):
    """A gift in a currency the user has given no rate for (to the cap's currency)."""

    def __init__(self, currency: str, to_currency: str) -> None:
        self.currency = currency
        self.to_currency = to_currency
        super().__init__(
            "currency",
            f"no exchange rate from {currency} to {to_currency}: set how many {currency} one "
            f"{to_currency} buys (python main.py gift-rate --currency {currency} "
            f"--to {to_currency} --rate N, or Settings > Gift rules)",
        )


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    effective_from: date
    cap_minor: int
    currency: str

    def describe(self) -> str:
        return f"{self.currency} {major(self.cap_minor, self.currency)} from {self.effective_from}"


@dataclass(frozen=True, slots=True)
class Rate:
    id: str
    currency: str
    to_currency: str
    per_unit: Decimal
    effective_from: date


@dataclass(frozen=True, slots=True)
class Share:
    """What one recipient received of one gift."""

    gift_id: str
    contact_id: str | None
    given_on: date
    kind: str
    share_minor: int
    currency: str
    created_at: datetime

    @property
    def counted(self) -> bool:
        return self.kind in COUNTED_KINDS


@dataclass(frozen=True, slots=True)
class Line:
    """A share in the ledger: the cap in force on its day, the share in the cap's
    currency (None: not counted, or no rate), the recipient's running total for the
    year with it (None: a rate is missing, or no known recipient) and whether it passes
    the cap."""

    share: Share
    rule: Rule | None
    in_cap_minor: int | None
    total_minor: int | None
    over_cap: bool
    missing_rate: str | None


def rule_on(rules: Sequence[Rule], day: date) -> Rule | None:
    if not rules:
        return None
    ordered = sorted(rules, key=lambda r: (r.effective_from, r.id))
    before = [r for r in ordered if r.effective_from <= day]
    return before[-1] if before else ordered[0]


def rate_on(rates: Sequence[Rate], currency: str, to_currency: str, day: date) -> Decimal | None:
    pair = sorted(
        (r for r in rates if r.currency == currency and r.to_currency == to_currency),
        key=lambda r: (r.effective_from, r.id),
    )
    if not pair:
        return None
    before = [r for r in pair if r.effective_from <= day]
    return (before[-1] if before else pair[0]).per_unit


def in_cap(share: Share, rule: Rule, rates: Sequence[Rate]) -> int:
    """The share in the cap's currency; raises MissingRate."""
    if share.currency == rule.currency:
        return share.share_minor
    rate = rate_on(rates, share.currency, rule.currency, share.given_on)
    if rate is None:
        raise MissingRate(share.currency, rule.currency)
    return convert(share.share_minor, share.currency, rate, rule.currency)


def year_total(shares: Iterable[Share], rule: Rule, rates: Sequence[Rate]) -> int:
    """The counted shares' sum in ``rule``'s currency; raises MissingRate."""
    return sum(in_cap(s, rule, rates) for s in shares if s.counted)


def _order(share: Share) -> tuple[date, datetime, str]:
    return (share.given_on, share.created_at, share.gift_id)


def ledger(shares: Iterable[Share], rules: Sequence[Rule], rates: Sequence[Rate]) -> list[Line]:
    """Every share with its running total, by recipient and year, in date order."""
    groups: dict[tuple[str | None, int], list[Share]] = defaultdict(list)
    lines: list[Line] = []
    for share in shares:
        if share.contact_id is None:
            rule = rule_on(rules, share.given_on)
            lines.append(_alone(share, rule, rates))
        else:
            groups[(share.contact_id, share.given_on.year)].append(share)
    for group in groups.values():
        group.sort(key=_order)
        for i, share in enumerate(group):
            rule = rule_on(rules, share.given_on)
            if rule is None:
                lines.append(Line(share, None, None, None, False, None))
                continue
            own: int | None = None
            try:
                if share.counted:
                    own = in_cap(share, rule, rates)
                total: int | None = year_total(group[: i + 1], rule, rates)
                missing = None
            except MissingRate as exc:
                total, missing = None, exc.currency
            over = share.counted and total is not None and total > rule.cap_minor
            lines.append(Line(share, rule, own, total, over, missing))
    return lines


def _alone(share: Share, rule: Rule | None, rates: Sequence[Rate]) -> Line:
    """A share with no known recipient: converted, but counted toward nobody."""
    if rule is None or not share.counted:
        return Line(share, rule, None, None, False, None)
    try:
        return Line(share, rule, in_cap(share, rule, rates), None, False, None)
    except MissingRate as exc:
        return Line(share, rule, None, None, False, exc.currency)
