"""The change log: every write path records its changes in the same transaction, stamped
by the clock; pulled changes (quiet mode) and local-only tables record nothing; the
database's triggers are exactly the live definition, and the migrations' frozen copies
equal it."""

from __future__ import annotations

import importlib.util
import shutil
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import text

from models import operations, services
from models.capture import drafts
from models.clock import FixedClock
from models.errors import ValidationError
from models.store import Store, open_store
from models.sync import outbox, server_schema
from models.sync.hlc import Stamp
from models.sync.tables import LOCAL_ONLY, SYNCED, all_triggers
from models.transfer.importer import plan_import
from models.vault import keys
from tests.models.transfer.conftest import DATA

VERSIONS = Path(__file__).resolve().parents[2] / "models/migrations/versions"
MIGRATION = VERSIONS / "0016_sync_change_log.py"


def _migration(path: Path = MIGRATION) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def recording(store: Store) -> None:
    """Team sync set up on this laptop: its changes are recorded from now on."""
    with store.write() as uow:
        # An empty database (its default gift cap rule is every laptop's and the server's).
        assert outbox.start_recording(uow.session) == 0


def _changes(store: Store) -> list[tuple[str, str, str, str | None, str | None]]:
    with store.read() as s:
        rows = s.execute(
            text("SELECT tbl, row_id, field, value, hlc FROM sync_changes ORDER BY seq")
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_every_service_records_its_changes(store: Store) -> None:
    with store.write() as uow:
        acme = services.create_account(uow, name="Acme")
        services.update_account(uow, acme, industry="Mining", tags=["vip"])
        budi = services.create_contact(uow, name="Budi", account_id=acme)
        services.update_contact(uow, budi, title="CFO")
        note = services.add_interaction(uow, acme, subject="visit", contact_ids=[budi])
        services.update_interaction(uow, note, body="went well")
        task = services.create_followup(uow, acme, "call", uow.now + timedelta(days=1))
        services.complete_followup(uow, task)
        deal = services.create_deal(uow, acme, "Pumps", amount_minor=100)
        services.move_deal_stage(uow, deal, "qualified")
        services.set_quota(uow, date(2026, 10, 1), date(2026, 12, 31), 1000, "IDR")
        services.soft_delete(uow, "followup", task)
    got = _changes(store)
    tables = {t for t, *_ in got}
    assert tables == {
        "accounts", "tags", "account_tags", "contacts", "interactions", "interaction_contacts",
        "follow_ups", "deals", "deal_stage_changes", "quotas",
    }  # fmt: skip
    fields = {(t, f) for t, _, f, *_ in got}
    assert {("accounts", "industry"), ("contacts", "title"), ("interactions", "body")} <= fields
    assert {("follow_ups", "done_at"), ("follow_ups", "deleted_at"), ("deals", "stage")} <= fields
    assert ("accounts", "last_contact_at") not in fields  # derived: each laptop's own
    stamps = {h for *_, h in got}
    assert len(stamps) == 1 and None not in stamps  # one transaction, one stamp


def test_a_new_row_travels_whole_and_an_update_per_field(store: Store) -> None:
    with store.write() as uow:
        acme = services.create_account(uow, name="Acme")
    with store.write() as uow:
        services.update_account(uow, acme, phone="+62215550101")
    (first, *rest) = _changes(store)
    assert first[:3] == ("accounts", acme, "*") and '"name":"Acme"' in str(first[3])
    assert {(f, v) for _, _, f, v, _ in rest} >= {("phone", '"+62215550101"')}
    assert Stamp.parse(str(rest[0][4])) > Stamp.parse(str(first[4]))


def test_undo_and_redo_record_changes_too(store: Store) -> None:
    with store.write() as uow:
        acme = services.create_account(uow, name="Acme", industry="Oil")
    op = operations.run(store, lambda uow: services.update_account(uow, acme, industry="Gas"))
    op.undo(store)
    op.redo(store)
    values = [v for t, _, f, v, _ in _changes(store) if f == "industry"]
    assert values == ['"Gas"', '"Oil"', '"Gas"']


def test_bulk_import_records_its_rows(store: Store) -> None:
    from models.transfer.importer import apply_import

    apply_import(store, plan_import(store, DATA / "hubspot_companies.csv"))
    stars = [r for r in _changes(store) if r[0] == "accounts" and r[2] == "*"]
    assert len(stars) == 2


def test_a_refused_write_leaves_no_change_behind(store: Store) -> None:
    with pytest.raises(ValidationError), store.write() as uow:
        services.create_account(uow, name="Acme")
        services.create_account(uow, name="")
    assert _changes(store) == []


def test_quiet_mode_and_local_tables_record_nothing(store: Store) -> None:
    with store.write() as uow:
        acme = services.create_account(uow, name="Acme")
    before = len(_changes(store))
    with store.write() as uow, outbox.quiet(uow.session):
        uow.session.execute(text("UPDATE accounts SET notes = 'pulled' WHERE id = :a"), {"a": acme})
    drafts.save_draft(store, "half a note", acme)
    assert len(_changes(store)) == before
    assert "drafts" in LOCAL_ONLY and "drafts" not in SYNCED


def test_the_clock_never_goes_back_with_the_machine_clock(store: Store) -> None:
    with store.write() as uow:
        acme = services.create_account(uow, name="Acme")
    store.clock.set(store.clock.now() - timedelta(hours=2))  # type: ignore[attr-defined]
    with store.write() as uow:
        services.update_account(uow, acme, industry="Gas")
    stamps = [Stamp.parse(str(h)) for *_, h in _changes(store)]
    assert stamps == sorted(stamps) and stamps[0] < stamps[-1]


def test_the_database_triggers_are_the_live_definition(store: Store) -> None:
    with store.read() as s:
        have = set(
            s.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_%'")
            ).scalars()
        )
    assert have == set(all_triggers())
    later = _migration(VERSIONS / "0017_sync_issue15_tables.py")
    frozen = [*_migration().TRIGGERS, *later.TRIGGERS]
    assert sorted(all_triggers()) == sorted(frozen) and len(frozen) == len(set(frozen))


def test_the_server_tables_of_the_migration_are_the_live_definition() -> None:
    assert _migration().SERVER == server_schema.STATEMENTS


def test_a_copied_database_can_get_its_own_device(store: Store) -> None:
    with store.write() as uow:
        old = outbox.clock(uow.session).device
        new = outbox.new_device(uow.session)
    assert new != old and len(new) == 16


def test_a_laptop_without_team_sync_keeps_no_log_and_setting_it_up_records_all(
    template_db: tuple[Path, bytes], tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "alone.db"
    shutil.copyfile(template_db[0], path)
    keys.store_key(path, template_db[1])
    alone = open_store(path, clock=clock)
    try:
        with alone.write() as uow:
            acme = services.create_account(uow, name="Acme")
            services.add_interaction(uow, acme, subject="visit")
        assert _changes(alone) == []
        with alone.write() as uow:
            assert outbox.start_recording(uow.session) == 2
        got = _changes(alone)
        assert [(t, f) for t, _, f, *_ in got] == [("accounts", "*"), ("interactions", "*")]
        with alone.write() as uow:
            assert outbox.start_recording(uow.session) == 0  # once only
    finally:
        alone.close()


def test_a_link_update_records_its_whole_row_and_a_moved_key_its_removal(store: Store) -> None:
    with store.write() as uow:
        acme = services.create_account(uow, name="Acme")
        deal = services.create_deal(uow, acme, "Pipes", competitors=["Rival", "Other"])
    with store.read() as s:
        rival, other = (
            s.execute(text("SELECT id FROM competitors WHERE name = :n"), {"n": n}).scalar_one()
            for n in ("Rival", "Other")
        )
    with store.write() as uow:
        uow.session.execute(
            text("DELETE FROM deal_competitors WHERE competitor_id = :o"), {"o": other}
        )
        uow.session.execute(text("DELETE FROM sync_changes"))
        uow.session.execute(text("UPDATE deal_competitors SET lost_to = 1"))
        uow.session.execute(text("UPDATE deal_competitors SET competitor_id = :o"), {"o": other})
    got = [(t, r, f, v) for t, r, f, v, _ in _changes(store)]
    assert got == [
        ("deal_competitors", f"{deal}|{rival}", "*",
         f'{{"deal_id":"{deal}","competitor_id":"{rival}","lost_to":1}}'),
        ("deal_competitors", f"{deal}|{rival}", "*", None),
        ("deal_competitors", f"{deal}|{other}", "*",
         f'{{"deal_id":"{deal}","competitor_id":"{other}","lost_to":1}}'),
    ]  # fmt: skip
