"""Services that change data: create, update (returning old values), soft delete,
restore, follow-up completion and snooze, deal stages, validation."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from models import services
from models.clock import FixedClock
from models.entities import DealStageChange
from models.errors import NotFoundError, ValidationError
from models.queries import clients as client_queries
from models.queries import followups as followup_queries
from models.queries import timeline as timeline_queries
from models.queries.stats import live_counts, trash
from models.store import Changes, Store
from tests.models.helpers import account, contact, followup, note


def test_create_account_defaults_cadence_by_tier(store: Store) -> None:
    a = account(store, "Alpha", tier="A")
    c = account(store, "Charlie", tier="C", cadence_days=7)
    assert client_queries.account_detail(store, a).cadence_days == 14  # type: ignore[union-attr]
    assert client_queries.account_detail(store, c).cadence_days == 7  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "X", "tier": "Z"}, "tier"),
        ({"name": "X", "status": "asleep"}, "status"),
        ({"name": "X", "website": "not a site"}, "website"),
        ({"name": "X", "phone": "abc"}, "phone"),  # the field the form shows it under
        ({"name": "X", "cadence_days": 0}, "cadence_days"),
        ({"name": "X", "colour": "red"}, "colour"),
    ],
)
def test_account_validation_names_the_field(store: Store, fields: dict, field: str) -> None:
    name = fields.pop("name")
    with pytest.raises(ValidationError) as err, store.write() as uow:
        services.create_account(uow, name, **fields)
    assert err.value.field == field
    assert live_counts(store)["accounts"] == 0


def test_update_returns_old_values_for_undo(store: Store, clock: FixedClock) -> None:
    a = account(store, "Old Name", industry="Retail")
    clock.advance(timedelta(minutes=5))
    with store.write() as uow:
        old = services.update_account(uow, a, name="New Name", industry="Retail")
    assert old == {"name": "Old Name"}
    with store.write() as uow:
        services.update_account(uow, a, **old)
    assert client_queries.account_detail(store, a).name == "Old Name"  # type: ignore[union-attr]


def test_tags_are_shared_and_replaced(store: Store) -> None:
    a = account(store, "Tagged", tags=["jakarta", "renewal"])
    b = account(store, "Other", tags=["jakarta"])
    with store.write() as uow:
        old = services.set_account_tags(uow, a, ["pilot"])
    assert old == ["jakarta", "renewal"]
    assert client_queries.account_detail(store, a).tags == ("pilot",)  # type: ignore[union-attr]
    assert client_queries.account_detail(store, b).tags == ("jakarta",)  # type: ignore[union-attr]
    assert client_queries.all_tags(store) == ["jakarta", "pilot", "renewal"]


def test_contact_normalises_phones_and_emails(store: Store) -> None:
    a = account(store)
    c = contact(
        store,
        a,
        "Budi Santoso",
        phones=["0812-3456-7890", "+62 812 3456 7890"],
        emails=["Budi@Example.COM", "budi@example.com"],
    )
    row = client_queries.contact(store, c)
    assert row is not None
    assert row.phones == ("+6281234567890",)
    assert row.emails == ("Budi@example.com",)


def test_contact_rejects_bad_email(store: Store) -> None:
    a = account(store)
    with pytest.raises(ValidationError, match="not an e-mail") as err:
        contact(store, a, "X", emails=["budi at example"])
    assert err.value.field == "emails"


def test_contact_moves_between_accounts(store: Store) -> None:
    a, b = account(store, "A"), account(store, "B")
    c = contact(store, a, "Sari Wijaya")
    with store.write() as uow:
        old = services.update_contact(uow, c, account_id=b)
    assert old == {"account_id": a}
    assert [x.name for x in client_queries.account_detail(store, b).contacts] == ["Sari Wijaya"]  # type: ignore[union-attr]
    assert client_queries.account_detail(store, a).contacts == ()  # type: ignore[union-attr]


def test_interaction_needs_text_and_a_live_account(store: Store) -> None:
    a = account(store)
    with pytest.raises(ValidationError, match="needs a subject"):
        note(store, a, "   ")
    with pytest.raises(NotFoundError):
        note(store, "no-such-account", "hello")


def test_interaction_contacts_and_update(store: Store, clock: FixedClock) -> None:
    a = account(store)
    budi = contact(store, a, "Budi")
    sari = contact(store, a, "Sari")
    i = note(store, a, "met both", kind="meeting", contact_ids=[budi, sari], subject="Visit")
    row = timeline_queries.interaction(store, i)
    assert row is not None and row.contact_names == ("Budi", "Sari") and row.kind == "meeting"
    with store.write() as uow:
        old = services.update_interaction(uow, i, subject="Visit 2", contact_ids=[sari])
    assert old == {"subject": "Visit", "contact_ids": sorted([budi, sari])}
    assert timeline_queries.interaction(store, i).contact_names == ("Sari",)  # type: ignore[union-attr]


def test_last_contact_follows_interactions(store: Store, clock: FixedClock) -> None:
    a = account(store)
    t1 = clock.now() - timedelta(days=3)
    t2 = clock.now() - timedelta(days=1)
    note(store, a, "older", at=t1)
    newer = note(store, a, "newer", at=t2)
    assert client_queries.account_detail(store, a).last_contact_at == t2  # type: ignore[union-attr]
    with store.write() as uow:
        services.soft_delete(uow, "interaction", newer)
    assert client_queries.account_detail(store, a).last_contact_at == t1  # type: ignore[union-attr]
    with store.write() as uow:
        services.put_back(uow, "interaction", newer)
    assert client_queries.account_detail(store, a).last_contact_at == t2  # type: ignore[union-attr]


def test_complete_and_snooze_followup(store: Store, clock: FixedClock) -> None:
    a = account(store)
    due = clock.now() + timedelta(hours=2)
    f = followup(store, a, "Call back", due, all_day=False)
    assert client_queries.account_detail(store, a).next_followup_at == due  # type: ignore[union-attr]
    later = clock.now() + timedelta(days=2)
    with store.write() as uow:
        services.snooze_followup(uow, f, later)
    assert client_queries.account_detail(store, a).next_followup_at == later  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="later time"), store.write() as uow:
        services.snooze_followup(uow, f, clock.now() - timedelta(minutes=1))
    with store.write() as uow:
        old = services.complete_followup(uow, f)
    assert old == {"done_at": None}
    assert followup_queries.followup(store, f).done_at == clock.now()  # type: ignore[union-attr]
    assert client_queries.account_detail(store, a).next_followup_at is None  # type: ignore[union-attr]
    with store.write() as uow:
        services.complete_followup(uow, f, done=False)
    assert followup_queries.followup(store, f).done_at is None  # type: ignore[union-attr]


def test_deal_stage_history(store: Store, clock: FixedClock) -> None:
    a = account(store)
    with store.write() as uow:
        d = services.create_deal(uow, a, "Renewal", amount_minor=500_000_000, currency="idr")
    clock.advance(timedelta(days=3))
    with store.write() as uow:
        services.move_deal_stage(uow, d, "qualified")
    clock.advance(timedelta(days=4))
    with store.write() as uow:
        old = services.move_deal_stage(uow, d, "lost", lost_reason="Budget cut")
        assert services.move_deal_stage(uow, d, "lost") == {}
    assert old["stage"] == "qualified" and old["closed_at"] is None
    row = client_queries.deal(store, d)
    assert row is not None
    assert (row.stage, row.currency, row.lost_reason) == ("lost", "IDR", "Budget cut")
    assert row.closed_at == clock.now()
    with store.read() as s:
        moves = [
            (m.from_stage, m.to_stage)
            for m in s.query(DealStageChange)
            .filter_by(deal_id=d)
            .order_by(DealStageChange.changed_at)
        ]
    assert moves == [(None, "lead"), ("lead", "qualified"), ("qualified", "lost")]
    assert client_queries.account_detail(store, a).open_deals == ()  # type: ignore[union-attr]


def test_deal_validation(store: Store) -> None:
    a = account(store)
    with pytest.raises(ValidationError) as err, store.write() as uow:
        services.create_deal(uow, a, "X", currency="XYZ")
    assert err.value.field == "currency"
    with pytest.raises(ValidationError) as err, store.write() as uow:
        services.create_deal(uow, a, "X", probability=120)
    assert err.value.field == "probability"
    with pytest.raises(ValidationError) as err, store.write() as uow:
        services.create_deal(uow, a, "X", stage="won-ish")
    assert err.value.field == "stage"


def test_quota(store: Store) -> None:
    with store.write() as uow:
        services.create_quota(uow, date(2026, 1, 1), date(2026, 12, 31), 10**12, "IDR")
    with pytest.raises(ValidationError), store.write() as uow:
        services.create_quota(uow, date(2026, 12, 31), date(2026, 1, 1), 1, "IDR")


def test_soft_delete_and_restore_account(store: Store) -> None:
    a = account(store, "Gone Soon")
    c = contact(store, a, "Person")
    with store.write() as uow:
        services.soft_delete(uow, "account", a)
    assert live_counts(store)["accounts"] == 0
    assert [(t.kind, t.label) for t in trash(store)] == [("account", "Gone Soon")]
    with pytest.raises(ValidationError, match="put the client back first"), store.write() as uow:
        services.soft_delete(uow, "contact", c)
        services.put_back(uow, "contact", c)
    with store.write() as uow:
        services.put_back(uow, "account", a)
        services.put_back(uow, "account", a)  # restoring twice is harmless
    assert live_counts(store)["accounts"] == 1
    with pytest.raises(NotFoundError), store.write() as uow:
        services.update_account(uow, "missing", name="x")


def test_purge_trash_after_retention(store: Store, clock: FixedClock) -> None:
    a = account(store, "Old")
    keep = account(store, "Recent")
    i = note(store, a, "history")
    with store.write() as uow:
        services.soft_delete(uow, "account", a)
    clock.advance(timedelta(days=31))
    with store.write() as uow:
        services.soft_delete(uow, "account", keep)
        purged = services.purge_trash(uow, timedelta(days=30))
    assert purged == 1
    assert client_queries.account_detail(store, a) is None
    assert timeline_queries.interaction(store, i) is None  # cascaded
    assert [t.label for t in trash(store)] == ["Recent"]


def test_times_are_stored_utc_and_come_back_aware(store: Store) -> None:
    from zoneinfo import ZoneInfo

    a = account(store)
    local = datetime(2026, 11, 20, 15, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    i = note(store, a, "x", at=local)
    got = timeline_queries.interaction(store, i).occurred_at  # type: ignore[union-attr]
    assert got == local and got.tzinfo == UTC and got.hour == 8


def test_update_account_tags_and_undo(store: Store) -> None:
    a = account(store, "Tagged Co", tags=["old"])
    with store.write() as uow:
        old = services.update_account(uow, a, name="Tagged Co", tags=["new", "vip"])
    assert old == {"tags": ["old"]}
    assert client_queries.account_detail(store, a).tags == ("new", "vip")  # type: ignore[union-attr]
    with store.write() as uow:
        services.update_account(uow, a, **old)
    assert client_queries.account_detail(store, a).tags == ("old",)  # type: ignore[union-attr]


def test_client_to_trash_reports_its_followups(store: Store, clock: FixedClock) -> None:
    a = account(store, "With follow-ups")
    f = followup(store, a, "Call", clock.now() + timedelta(days=1), all_day=False)
    heard: list[Changes] = []
    store.subscribe(heard.append)
    with store.write() as uow:
        services.soft_delete(uow, "account", a)
    assert heard[-1].of("followup") == {f}
    with store.write() as uow:
        services.put_back(uow, "account", a)
    assert heard[-1].of("followup") == {f} and heard[-1].of("account") == {a}
