"""Undo is a domain operation: a service records how to take back what it did, and
models.operations runs that, with no window around it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from models import operations, services
from models.entities import Account, Contact, Deal, DealStageChange
from models.errors import ValidationError
from models.queries.stats import live_counts
from models.queries.timeline import interaction
from models.store import Store
from models.transfer.importer import import_operation, plan_import
from models.transfer.undo import undo_import
from tests.models.helpers import account


def _get(store: Store, cls: type, id_: str) -> object:
    with store.read() as s:
        obj = s.get(cls, id_)
        assert obj is not None
        return obj


def test_a_creation_undoes_to_trash_and_redoes_back(store: Store) -> None:
    op = operations.run(store, lambda uow: services.create_account(uow, "PT Maju Jaya"))
    assert op.changed and op.changes.of("account") == {op.result}
    op.undo(store)
    assert _get(store, Account, op.result).deleted_at is not None  # type: ignore[attr-defined]
    op.redo(store)
    assert _get(store, Account, op.result).deleted_at is None  # type: ignore[attr-defined]


def test_an_update_undoes_every_field_and_the_tags(store: Store) -> None:
    acc = account(store, "Maju", industry="Retail", tags=["jakarta"])
    op = operations.run(
        store,
        lambda uow: services.update_account(uow, acc, industry="Banking", tags=["vip", "bali"]),
    )
    assert op.result == {"industry": "Retail", "tags": ["jakarta"]}
    op.undo(store)
    a = _get(store, Account, acc)
    assert a.industry == "Retail" and [t.name for t in a.tags] == ["jakarta"]  # type: ignore[attr-defined]
    op.redo(store)
    a = _get(store, Account, acc)
    assert a.industry == "Banking" and sorted(t.name for t in a.tags) == ["bali", "vip"]  # type: ignore[attr-defined]


def test_an_edit_that_changes_nothing_has_nothing_to_undo(store: Store) -> None:
    acc = account(store, "Maju", industry="Retail")
    op = operations.run(store, lambda uow: services.update_account(uow, acc, industry="Retail"))
    assert not op.changed and op.undo_steps == []


def test_a_refused_change_leaves_nothing(store: Store) -> None:
    acc = account(store, "Maju")
    with pytest.raises(ValidationError):
        operations.run(store, lambda uow: services.update_account(uow, acc, website="not a site"))
    assert _get(store, Account, acc).website == ""  # type: ignore[attr-defined]


def test_nested_services_record_one_step(store: Store) -> None:
    """create_account sets tags through set_account_tags: one undo step, not two."""
    op = operations.run(store, lambda uow: services.create_account(uow, "X", tags=["a"]))
    assert len(op.undo_steps) == 1


def test_several_services_in_one_operation_undo_newest_first(store: Store) -> None:
    def work(uow: object) -> tuple[str, str]:
        acc = services.create_account(uow, "Baru")  # type: ignore[arg-type]
        person = services.create_contact(uow, "Budi", account_id=acc)  # type: ignore[arg-type]
        return acc, person

    op = operations.run(store, work)
    acc, person = op.result
    op.undo(store)  # the contact goes to Trash before its client (or put_back would refuse)
    assert live_counts(store)["accounts"] == 0 and live_counts(store)["contacts"] == 0
    op.redo(store)  # the client comes back before its contact
    assert _get(store, Account, acc).deleted_at is None  # type: ignore[attr-defined]
    assert _get(store, Contact, person).deleted_at is None  # type: ignore[attr-defined]


def test_a_stage_move_undoes_as_a_recorded_move_back(store: Store) -> None:
    acc = account(store)
    with store.write() as uow:
        deal = services.create_deal(uow, acc, "Lisensi", amount_minor=100, currency="IDR")
    op = operations.run(
        store, lambda uow: services.move_deal_stage(uow, deal, "lost", lost_reason="price")
    )
    op.undo(store)
    d = _get(store, Deal, deal)
    assert d.stage == "lead" and d.closed_at is None  # type: ignore[attr-defined]
    with store.read() as s:
        moves = [(c.from_stage, c.to_stage) for c in s.scalars(select(DealStageChange))]
    assert ("lead", "lost") in moves and ("lost", "lead") in moves


def test_trash_and_put_back_invert_each_other(store: Store) -> None:
    acc = account(store)
    op = operations.run(store, lambda uow: services.soft_delete(uow, "account", acc))
    op.undo(store)
    assert _get(store, Account, acc).deleted_at is None  # type: ignore[attr-defined]
    op.redo(store)
    assert _get(store, Account, acc).deleted_at is not None  # type: ignore[attr-defined]


def test_an_import_undoes_and_redoes_from_its_recorded_rows(
    store: Store, tmp_path: Path, data: Path
) -> None:
    source = tmp_path / "salesforce_contacts.csv"
    shutil.copyfile(data / "salesforce_contacts.csv", source)
    existing = account(store, "Other")
    plan = plan_import(store, source)
    op = import_operation(store, plan)
    after = live_counts(store)
    assert op.changed and op.result.created > 0 and op.changes.of("contact")
    op.undo(store)
    assert live_counts(store)["contacts"] == 0
    source.unlink()  # redo must not read the file again
    op.redo(store)
    assert live_counts(store) == after
    with pytest.raises(ValidationError):  # the batch is live again: not "already undone"
        op.redo(store)
    undo_import(store, op.result.batch_id or "")  # Edit ▸ Undo an import… still works
    assert live_counts(store)["contacts"] == 0
    assert _get(store, Account, existing).deleted_at is None  # type: ignore[attr-defined]


@pytest.fixture
def data() -> Path:
    return Path(__file__).parent.parent / "data" / "import"


def test_an_entry_update_undoes_the_people_present(store: Store) -> None:
    acc = account(store)
    with store.write() as uow:
        a = services.create_contact(uow, "A", account_id=acc)
        b = services.create_contact(uow, "B", account_id=acc)
        entry = services.add_interaction(uow, acc, body="met", contact_ids=[a])
    op = operations.run(
        store, lambda uow: services.update_interaction(uow, entry, contact_ids=[a, b])
    )
    assert op.result == {"contact_ids": [a]}
    op.undo(store)
    row = interaction(store, entry)
    assert row is not None and list(row.contact_ids) == [a]
    op.redo(store)
    row = interaction(store, entry)
    assert row is not None and sorted(row.contact_ids) == sorted([a, b])


def test_a_deal_edit_that_moves_the_stage_undoes_both(store: Store) -> None:
    acc = account(store)
    with store.write() as uow:
        deal = services.create_deal(uow, acc, "Renewal", amount_minor=10**9, currency="IDR")
    before = _get(store, Deal, deal)
    op = operations.run(
        store,
        lambda uow: services.edit_deal(
            uow,
            deal,
            stage="lost",
            title="Renewal 2027",
            amount_minor=10**9,
            currency="IDR",
            probability=10,
            expected_close=None,
            lost_reason="Budget frozen",
        ),
    )
    op.undo(store)
    d = _get(store, Deal, deal)
    assert (d.title, d.stage, d.lost_reason) == ("Renewal", "lead", "")  # type: ignore[attr-defined]
    assert d.closed_at is None and before.title == "Renewal"  # type: ignore[attr-defined]
