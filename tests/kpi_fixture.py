"""A small hand-worked sales history for the KPI tests (models, command line, window).

Every event happens at 12:00 UTC, so its local day is the same in any zone from
UTC-11 to UTC+11: the figures below hold wherever the tests run. The export writes
IDR without decimals (babel: 0 digits), so a rupiah is one minor unit; USD has two.

Deals (history: stage on day, 2026):

    D1 IDR 1,000,000  lead 10-01, qualified 10-05, demo 10-10, proposal 10-15,
                      negotiation 10-20, won 11-10                 cycle 40 days
    D2 IDR 3,000,000  lead 11-02, proposal 11-04 (skips qualified and demo),
                      won 11-12                                     cycle 10 days
    D3 IDR   500,000  lead 11-03, qualified 11-05, lost 11-15 ("price")
    D4 IDR 2,000,000  lead 09-01, won 10-20, reopened to negotiation 11-05,
                      won 11-20 (counts once, by its latest close)  cycle 80 days
    D5 USD    10,000  lead 10-01, won 11-08, reopened to proposal 11-09: open now,
                      probability 50, expected close 11-28
    D6 IDR 4,000,000  lead 11-06, qualified 11-07, demo 11-08: open, probability 40,
                      expected close 11-25
    D7 IDR 1,000,000  lead 11-16: open, probability 10, expected close 12-15
    D8 USD     5,000  lead 11-01, won 11-11 (skips every stage)    cycle 10 days
    D9 IDR     9,999  lead 11-01, won 11-13, then moved to Trash: never counts

November 2026 (11-01 to 11-30):
    won 4 (D1 D2 D4 D8), lost 1 (D3), win rate 4 / 5 = 0.8
    won amount IDR 1,000,000 + 3,000,000 + 2,000,000 = "6000000"; USD "5000.00"
    average deal size IDR 6,000,000 / 3 = 2,000,000; USD 5,000.00
    average cycle (40 + 10 + 80 + 10) / 4 = 35.0 days
    open deals IDR 2 (D6 D7), USD 1 (D5)
    open pipeline IDR 4,000,000 + 1,000,000 = 5,000,000; USD 10,000.00
    weighted IDR 4,000,000 x 40% + 1,000,000 x 10% = 1,700,000; USD 5,000.00
    closing in November, weighted: IDR 1,600,000 (D6), USD 5,000 (D5)
    forecast IDR 6,000,000 + 1,600,000 = 7,600,000; USD 5,000 + 5,000 = 10,000.00
    velocity/day IDR 2 x 0.8 x 2,000,000 / 35 = 91,428.571.. -> "91429"
                 USD 1 x 0.8 x 5,000 / 35 = 114.2857.. -> "114.29"
    quota IDR 10,000,000 -> attainment 6,000,000 / 10,000,000 = 0.6
    funnel of the deals created in November (D2 D3 D6 D7 D8; D9 is in Trash):
        furthest: D2 won, D3 qualified, D6 demo, D7 lead, D8 won
        reached lead 5, qualified 4, demo 3, proposal 2, negotiation 2, won 2
        skipped qualified 2 (D2 D8), demo 2 (D2 D8), proposal 1 (D8),
                negotiation 2 (D2 D8), won 0
        lead->qualified 4/5 = 0.8, qualified->demo 3/4 = 0.75,
        demo->proposal 2/3 = 0.6667, proposal->negotiation 2/2 = 1.0,
        negotiation->won 2/2 = 1.0; lead-to-won 2/5 = 0.4
    activity (30 days = 30/7 weeks; weeks from 11-01): meetings 11-02, 11-03, 11-20
        -> 3, 3 x 7 / 30 = 0.7 a week, by week [2, 0, 1, 0, 0]; calls 11-09 twice
        -> 2, 0.47 a week, [0, 2, 0, 0, 0]; e-mail 11-23 -> 1, 0.23, [0, 0, 0, 1, 0];
        a note and an October meeting do not count. Target: 2 meetings a week.
    going cold now (2026-11-24): Acme (A, every 14 days, last 11-23) no; Kopi (B,
        30 days, last 11-09) no; Globex (C, 90 days, never contacted, added 06-01)
        yes -> A 0, B 0, C 1
    commission plan IDR: base 5,000,000 a month, 5% (500 bp), 10% above 100% of
        quota: earned 6,000,000 x 5% = 300,000; if the weighted November pipeline
        closes (+1,600,000 -> 7,600,000, still below quota) +80,000
October 2026: D4's October win was reopened and D5 is open: won 0, lost 0.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from models import services
from models.clock import FixedClock
from models.store import Store

IDR = 1  # minor units per rupiah (the export writes IDR without decimals)


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 12, tzinfo=UTC)


def build(store: Store, clock: FixedClock) -> dict[str, str]:
    """Write the history above; returns ids by name. Leaves the clock where it was."""
    back = clock.now()
    ids: dict[str, str] = {}

    def write(when: datetime, work: object) -> object:
        clock.set(when)
        with store.write() as uow:
            return work(uow)  # type: ignore[operator]

    def deal(name: str, when: datetime, account: str, amount: int, cur: str, **kw: object) -> None:
        ids[name] = str(
            write(
                when,
                lambda u: services.create_deal(
                    u, ids[account], name, amount_minor=amount, currency=cur, **kw
                ),
            )
        )

    def move(name: str, when: datetime, stage: str, reason: str = "") -> None:
        write(when, lambda u: services.move_deal_stage(u, ids[name], stage, lost_reason=reason))

    ids["globex"] = str(
        write(at(6, 1), lambda u: services.create_account(u, "Globex Inc", tier="C"))
    )
    ids["acme"] = str(write(at(8, 1), lambda u: services.create_account(u, "Acme Corp", tier="A")))
    ids["kopi"] = str(
        write(at(8, 1), lambda u: services.create_account(u, "PT Kopi Nusantara", tier="B"))
    )
    deal("D4", at(9, 1), "acme", 2_000_000 * IDR, "IDR")
    move("D4", at(10, 20), "won")
    deal("D1", at(10, 1), "acme", 1_000_000 * IDR, "IDR")
    for stage, day in (("qualified", 5), ("demo", 10), ("proposal", 15), ("negotiation", 20)):
        move("D1", at(10, day), stage)
    deal("D5", at(10, 1), "kopi", 10_000 * 100, "USD", probability=50,
         expected_close=date(2026, 11, 28))  # fmt: skip
    deal("D8", at(11, 1), "kopi", 5_000 * 100, "USD")
    deal("D9", at(11, 1), "kopi", 9_999 * IDR, "IDR")
    deal("D2", at(11, 2), "acme", 3_000_000 * IDR, "IDR")
    deal("D3", at(11, 3), "kopi", 500_000 * IDR, "IDR")
    move("D2", at(11, 4), "proposal")
    move("D3", at(11, 5), "qualified")
    move("D4", at(11, 5), "negotiation")
    deal("D6", at(11, 6), "acme", 4_000_000 * IDR, "IDR", probability=40,
         expected_close=date(2026, 11, 25))  # fmt: skip
    move("D6", at(11, 7), "qualified")
    move("D6", at(11, 8), "demo")
    move("D5", at(11, 8), "won")
    move("D5", at(11, 9), "proposal")
    move("D1", at(11, 10), "won")
    move("D8", at(11, 11), "won")
    move("D2", at(11, 12), "won")
    move("D9", at(11, 13), "won")
    write(at(11, 14), lambda u: services.soft_delete(u, "deal", ids["D9"]))
    move("D3", at(11, 15), "lost", "price")
    deal("D7", at(11, 16), "kopi", 1_000_000 * IDR, "IDR", probability=10,
         expected_close=date(2026, 12, 15))  # fmt: skip
    move("D4", at(11, 20), "won")
    for account, kind, when in (
        ("kopi", "meeting", at(10, 15)),
        ("acme", "meeting", at(11, 2)),
        ("kopi", "meeting", at(11, 3)),
        ("acme", "call", at(11, 9)),
        ("kopi", "call", at(11, 9)),
        ("acme", "note", at(11, 10)),
        ("acme", "meeting", at(11, 20)),
        ("acme", "email", at(11, 23)),
    ):
        write(
            when,
            lambda u, a=account, k=kind, w=when: services.add_interaction(
                u, ids[a], kind=k, occurred_at=w, subject=k
            ),
        )
    clock.set(at(11, 20))
    with store.write() as uow:
        services.set_quota(uow, date(2026, 11, 1), date(2026, 11, 30), 10_000_000 * IDR, "IDR")
        services.set_quota(uow, date(2026, 12, 1), date(2026, 12, 31), 12_000_000 * IDR, "IDR")
        services.set_commission_plan(
            uow, currency="IDR", base_minor=5_000_000 * IDR, rate_bp=500, tiers=[[100, 1000]]
        )
        services.set_activity_target(uow, "meeting", 2)
    clock.set(back)
    return ids
