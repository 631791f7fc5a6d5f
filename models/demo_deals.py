"""Demo deals with 18 months of history: created across that time, moved through the
stages (now and then skipping one), won or lost with a reason, some still open; one
deal is won, reopened and won again. Also the quotas per month, the commission plan
and the weekly activity targets.

Written through the services inside the demo's one transaction; each step runs at its
own moment in the past by setting the unit of work's ``now`` (what the services stamp
times with), so the stage history reads as if it had happened.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from models import services
from models.store import UnitOfWork

#: How far back the demo's history goes (18 months).
HISTORY_DAYS = 548

PATH = ("lead", "qualified", "demo", "proposal", "negotiation")
PROBABILITY = {"lead": 10, "qualified": 25, "demo": 40, "proposal": 60, "negotiation": 80}
#: The chance a deal is lost at each stage, instead of moving on.
LOSS = {"lead": 0.25, "qualified": 0.2, "demo": 0.2, "proposal": 0.2, "negotiation": 0.15}
TITLES = (
    "Lisensi tahunan",
    "Implementation project",
    "Renewal",
    "Paket premium",
    "Pilot program",
    "Expansion seats",
    "Modul pelaporan",
)
#: Why a deal was lost, and the competitor it went to ("" when none did).
LOST_REASONS = (
    ("Price too high", "Zoho"),
    ("Harga kompetitor lebih murah", "Mekari"),
    ("Lost to competitor: feature fit", "Salesforce"),
    ("Lost to competitor: local vendor", "CV Solusi Lokal"),
    ("No budget this year", ""),
    ("Project postponed", ""),
    ("Stayed with the incumbent", "HubSpot"),
)


#: The demo's competitor list: (name, website, notes). Deals lost above go to them.
COMPETITORS = (
    ("Zoho", "zoho.com", "Cheap per seat; sells online, little local support."),
    ("Mekari", "mekari.com", "Local; bundles payroll and accounting. Strong with SMEs."),
    ("Salesforce", "salesforce.com", "Enterprise favourite; long projects through partners."),
    ("HubSpot", "hubspot.com", "Marketing first; often the incumbent at tech clients."),
    ("CV Solusi Lokal", "", "Small Surabaya integrator; wins on price and on-site visits."),
)


def add_competitors(uow: UnitOfWork) -> list[str]:
    """The competitor list, made before the timeline so entries naming them are tagged."""
    for name, website, notes in COMPETITORS:
        services.create_competitor(uow, name, website=website, notes=notes)
    return [name for name, _, _ in COMPETITORS]


class DealHistory:
    """Makes each client's deals; remembers whether the reopened deal was made."""

    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng = rng
        self.now = now
        self.reopened = False

    def deals(self, uow: UnitOfWork, account_id: str) -> int:
        """One to three deals of a client; returns how many."""
        count = self.rng.choice((1, 1, 2, 2, 3))
        for _ in range(count):
            self._deal(uow, account_id)
        uow.now = self.now
        return count

    def _at(self, uow: UnitOfWork, when: datetime) -> None:
        uow.now = when

    def _deal(self, uow: UnitOfWork, account_id: str) -> None:
        rng = self.rng
        created = self.now - timedelta(days=rng.uniform(2, HISTORY_DAYS), hours=rng.uniform(0, 9))
        usd = rng.random() < 0.12
        amount = (
            rng.choice((5, 12, 20, 35, 60)) * 1_000 * 100
            if usd
            else rng.choice((50, 120, 250, 500, 750, 1500)) * 1_000_000
        )
        self._at(uow, created)
        deal_id = services.create_deal(
            uow,
            account_id,
            rng.choice(TITLES),
            amount_minor=amount,
            currency="USD" if usd else "IDR",
            probability=PROBABILITY["lead"],
            expected_close=(created + timedelta(days=rng.randint(30, 120))).date(),
        )
        if rng.random() < 0.45:  # who else is bidding
            rivals = [name for name, _, _ in COMPETITORS]
            services.set_deal_competitors(uow, deal_id, rng.sample(rivals, k=rng.randint(1, 2)))
        when, index = created, 0
        while True:
            when += timedelta(days=rng.uniform(3, 24), hours=rng.uniform(0, 6))
            if when >= self.now:  # still open: expected to close ahead
                self._at(uow, self.now)
                ahead = self.now + timedelta(days=rng.randint(3, 100))
                services.update_deal(uow, deal_id, expected_close=ahead.date())
                return
            stage = PATH[index]
            self._at(uow, when)
            if rng.random() < LOSS[stage]:
                reason, competitor = rng.choice(LOST_REASONS)
                services.move_deal_stage(
                    uow, deal_id, "lost", lost_reason=reason, lost_to=competitor
                )
                return
            if index == len(PATH) - 1:
                services.move_deal_stage(uow, deal_id, "won")
                services.update_deal(uow, deal_id, probability=100, expected_close=when.date())
                self._maybe_reopen(uow, deal_id, when)
                return
            index += 2 if index < 3 and rng.random() < 0.12 else 1  # now and then a skip
            services.move_deal_stage(uow, deal_id, PATH[index])
            services.update_deal(uow, deal_id, probability=PROBABILITY[PATH[index]])

    def _maybe_reopen(self, uow: UnitOfWork, deal_id: str, won_at: datetime) -> None:
        """The first deal won more than two months ago is reopened (the client asked for
        more seats before signing) and won again three weeks later."""
        if self.reopened or self.now - won_at < timedelta(days=60):
            return
        self.reopened = True
        self._at(uow, won_at + timedelta(days=9))
        services.move_deal_stage(uow, deal_id, "negotiation")
        services.update_deal(uow, deal_id, probability=80, notes="Reopened: more seats asked")
        self._at(uow, won_at + timedelta(days=30))
        services.move_deal_stage(uow, deal_id, "won")
        services.update_deal(uow, deal_id, probability=100)

    def targets(self, uow: UnitOfWork) -> None:
        """Quotas per month (18 back, 3 ahead), the commission plan, activity targets."""
        uow.now = self.now
        first = (self.now - timedelta(days=HISTORY_DAYS)).date().replace(day=1)
        month = first
        for i in range(22):
            nxt = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
            amount = (1_500 + 30 * i) * 1_000_000
            services.set_quota(uow, month, nxt - timedelta(days=1), amount, "IDR")
            month = nxt
        services.set_commission_plan(
            uow,
            currency="IDR",
            base_minor=15_000_000,
            rate_bp=300,
            tiers=[[100, 500], [125, 800]],
        )
        for kind, per_week in (("meeting", 5), ("call", 10), ("email", 6)):
            services.set_activity_target(uow, kind, per_week)
