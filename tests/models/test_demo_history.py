"""The demo's 18 months of sales history: what makes the KPI dashboard meaningful."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from itertools import pairwise

from sqlalchemy import select

from models.demo import fill_demo
from models.demo_deals import HISTORY_DAYS
from models.entities import Deal, DealStageChange, Interaction
from models.metrics.targets import activity_targets, plan, quotas
from models.store import Store


def test_demo_history(store: Store) -> None:
    fill_demo(store, accounts=80)
    now = store.clock.now()
    with store.read() as s:
        deals = list(s.scalars(select(Deal)))
        moves = list(s.scalars(select(DealStageChange).order_by(DealStageChange.changed_at)))
        times = list(s.scalars(select(Interaction.occurred_at)))
        assert len(quotas(s)) >= 18 and plan(s) is not None
        assert set(activity_targets(s)) == {"meeting", "call", "email"}
    created = [d.created_at for d in deals]
    assert min(created) < now - timedelta(days=365) and max(created) > now - timedelta(days=60)
    assert all(now - timedelta(days=HISTORY_DAYS + 1) <= t <= now for t in created)
    closes = [m.changed_at for m in moves if m.to_stage in ("won", "lost")]
    assert len({(t.year, t.month) for t in closes}) >= 12  # closed across the months
    stages = Counter(d.stage for d in deals)
    assert stages["won"] and stages["lost"] and (len(deals) - stages["won"] - stages["lost"])
    assert all(d.lost_reason for d in deals if d.stage == "lost")
    # the competitors deals were lost to, for the board and the lost-deal reports
    competitors = {d.lost_to for d in deals if d.stage == "lost"} - {""}
    assert len(competitors) >= 3 and not {d.lost_to for d in deals if d.stage != "lost"} - {""}
    order = ("lead", "qualified", "demo", "proposal", "negotiation", "won")
    path: dict[str, list[str]] = {}
    for m in moves:
        path.setdefault(m.deal_id, []).append(m.to_stage)
    skipped = [
        p for p in path.values()
        if any(b in order and a in order and order.index(b) - order.index(a) > 1
               for a, b in pairwise(p))
    ]  # fmt: skip
    reopened = [p for p in path.values() if p.count("won") == 2]
    assert skipped and len(reopened) == 1
    weeks = Counter((now - t).days // 7 for t in times)
    busy = sorted(weeks[w] for w in range(4, 70))
    assert busy[-1] > 1.5 * busy[len(busy) // 2] and busy[0] < busy[-1] / 2  # it varies
    # the close time the KPIs read is the history's latest close, deal by deal
    from tests.models.test_metrics import latest_closes_in_history

    assert {d.id: d.closed_at for d in deals} == latest_closes_in_history(store)


def test_demo_competitors_have_deals_and_were_heard_of(store: Store) -> None:
    from models.queries import competitors as q

    fill_demo(store, accounts=60)
    rows = q.competitors(store)
    assert len(rows) == 5 and all(r.website or r.notes for r in rows)
    assert sum(r.lost for r in rows) >= 3 and sum(r.won for r in rows) >= 1
    heard = {r.name: q.heard_about(store, r.id, limit=5) for r in rows}
    assert sum(1 for entries in heard.values() if entries) >= 4
    assert {t.name for t in q.trends(store)} >= {"pricing", "bundling"}
