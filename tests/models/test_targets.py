"""Quotas, the commission plan and activity targets: validation and undo."""

from __future__ import annotations

from datetime import date

import pytest

from models import operations, services
from models.errors import ValidationError
from models.metrics.targets import activity_targets, plan, quotas
from models.store import Store

NOV = (date(2026, 11, 1), date(2026, 11, 30))


def test_quota_set_changed_refused_and_undone(store: Store) -> None:
    op = operations.run(store, lambda u: services.set_quota(u, *NOV, 1_000, "IDR"))
    qid = op.result
    with store.read() as s:
        assert [(q.id, q.amount_minor) for q in quotas(s)] == [(qid, 1_000)]
    # the same period again changes the amount of that quota
    again = operations.run(store, lambda u: services.set_quota(u, *NOV, 2_000, "idr"))
    assert again.result == qid
    with pytest.raises(ValidationError, match="overlaps"), store.write() as uow:
        services.set_quota(uow, date(2026, 10, 1), date(2026, 12, 31), 9, "IDR")
    with store.write() as uow:  # another currency may cover the same days
        services.set_quota(uow, date(2026, 10, 1), date(2026, 12, 31), 9, "USD")
    again.undo(store)
    with store.read() as s:
        assert [q.amount_minor for q in quotas(s) if q.currency == "IDR"] == [1_000]
    op.undo(store)
    with store.read() as s:
        assert [q.currency for q in quotas(s)] == ["USD"]
    op.redo(store)
    with store.read() as s:
        assert len(quotas(s)) == 2


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"amount_minor": -1}, "amount_minor"),
        ({"currency": "XXY"}, "currency"),
        ({"period_end": date(2026, 10, 1)}, "period_end"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_quota_edits_are_refused(store: Store, values: dict[str, object], field: str) -> None:
    with store.write() as uow:
        qid = services.set_quota(uow, *NOV, 1_000, "IDR")
    with pytest.raises(ValidationError) as err, store.write() as uow:
        services.update_quota(uow, qid, **values)
    assert err.value.field == field


def test_commission_plan_set_and_undone(store: Store) -> None:
    first = operations.run(
        store,
        lambda u: services.set_commission_plan(
            u, currency="IDR", base_minor=100, rate_bp=500, tiers=[[150, 1500], [100, 1000]]
        ),
    )
    with store.read() as s:
        p = plan(s)
    assert p is not None and p.tiers == ((100, 1000), (150, 1500)) and p.rate_bp == 500
    second = operations.run(
        store, lambda u: services.set_commission_plan(u, currency="USD", rate_bp=700)
    )
    assert second.result == first.result
    with store.read() as s:
        p = plan(s)
    assert p is not None and (p.currency, p.rate_bp, p.tiers) == ("USD", 700, ())
    second.undo(store)
    with store.read() as s:
        p = plan(s)
    assert p is not None and (p.currency, p.rate_bp) == ("IDR", 500)
    first.undo(store)
    with store.read() as s:
        assert plan(s) is None


@pytest.mark.parametrize(
    "tiers",
    [
        [[100]],
        [["a", 1]],
        [[0, 100]],
        [[100, 20_000]],
        [[100, 1], [100, 2]],
        [[i, 1] for i in range(1, 13)],
    ],
)
def test_bad_tiers_are_refused(store: Store, tiers: object) -> None:
    with pytest.raises(ValidationError) as err, store.write() as uow:
        services.set_commission_plan(uow, currency="IDR", tiers=tiers)
    assert err.value.field == "tiers"


def test_activity_targets_with_undo(store: Store) -> None:
    op = operations.run(store, lambda u: services.set_activity_target(u, "call", 10))
    change = operations.run(store, lambda u: services.set_activity_target(u, "call", 12))
    with store.read() as s:
        assert activity_targets(s) == {"call": 12}
    change.undo(store)
    with store.read() as s:
        assert activity_targets(s) == {"call": 10}
    op.undo(store)
    with store.read() as s:
        assert activity_targets(s) == {}
    nothing = operations.run(store, lambda u: services.set_activity_target(u, "email", 0))
    assert not nothing.changed
    with pytest.raises(ValidationError), store.write() as uow:
        services.set_activity_target(uow, "gift", 1)
