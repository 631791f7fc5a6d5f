"""Team sync carries issue 15's tables against a real PostgreSQL server (``pg_server``):
documents byte for byte (in several chunks), gifts with their recipients, competitors
with the links' own columns (a deal lost to one, an entry tagged by hand), row-level
security keeping a client's documents and gifts off a laptop whose user may not see it,
and migration 0017 on a laptop where sync was set up before it."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

import models.services.documents as documents
from models import services
from models.clock import FixedClock
from models.migrations import HEAD
from models.migrations.runner import alembic_config, upgrade
from models.services.documents import attach
from models.services.gifts import record_gift
from models.store import Store, open_store
from models.sync import client, outbox
from models.sync.tables import SYNCED
from tests.pg_server import PgServer
from tests.sync.team import Team, new_team


@pytest.fixture
def team(
    pg_server: PgServer, template_db: tuple[Path, bytes], tmp_path: Path, clock: FixedClock
) -> Iterator[Team]:
    t = new_team(pg_server, template_db, tmp_path, clock)
    yield t
    t.close()


def _bytes_of(store: Store, document_id: str) -> bytes:
    with store.read() as s:
        chunks = s.execute(
            text("SELECT data FROM document_chunks WHERE document_id = :d ORDER BY seq"),
            {"d": document_id},
        ).scalars()
        return b"".join(chunks)


def _all(store: Store, sql: str) -> list[tuple[object, ...]]:
    with store.read() as s:
        return [tuple(r) for r in s.execute(text(sql)).all()]


def test_a_document_arrives_byte_for_byte_in_its_chunks(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "CHUNK_BYTES", 1000)
    a, b = team.laptop("a"), team.laptop("b")
    ana = team.engine_for("ana", "ana-secret")
    data = os.urandom(2500) + bytes(range(256))  # every byte value, NUL included
    with a.write() as uow:
        acme = services.create_account(uow, name="Acme")
        doc = attach(uow, name="offer.pdf", data=data, account_id=acme)
    client.run(a, ana)
    client.run(b, ana)
    assert _bytes_of(b, doc) == data
    assert _all(b, "SELECT count(*) FROM document_chunks") == [(3,)]
    assert _all(b, "SELECT name, size, sha256 FROM documents") == [
        ("offer.pdf", len(data), hashlib.sha256(data).hexdigest())
    ]
    with team.admin.connect() as conn:  # the server's copy holds the bytes as BYTEA
        kept = conn.execute(
            text("SELECT data FROM document_chunks WHERE document_id = :d ORDER BY seq"),
            {"d": doc},
        ).scalars()
        assert b"".join(bytes(x) for x in kept) == data


def test_a_gift_with_two_recipients(team: Team) -> None:
    a, b = team.laptop("a"), team.laptop("b")
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        acme = services.create_account(uow, name="Acme")
        budi = services.create_contact(uow, account_id=acme, name="Budi")
        sari = services.create_contact(uow, account_id=acme, name="Sari")
        gift = record_gift(
            uow,
            acme,
            contact_ids=[budi, sari],
            value_minor=9000,
            currency="USD",
            given_on=date(2026, 11, 20),
            description="Batik",
        )
    client.run(a, ana)
    client.run(b, ana)
    assert _all(b, "SELECT id, value_minor, currency, description FROM gifts") == [
        (gift, 9000, "USD", "Batik")
    ]
    got = _all(b, "SELECT contact_id, share_minor FROM gift_recipients ORDER BY contact_id")
    assert got == sorted([(budi, 4500), (sari, 4500)])
    with team.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM gift_recipients")).scalar_one() == 2


def test_a_deal_lost_to_a_competitor_and_an_entry_tagged_with_one(team: Team) -> None:
    a, b = team.laptop("a"), team.laptop("b")
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        acme = services.create_account(uow, name="Acme")
        deal = services.create_deal(uow, acme, "Pipes", competitors=["Rival"])
        entry = services.add_interaction(uow, acme, subject="visit")
        services.set_entry_tags(uow, entry, competitors=["Rival"])
    client.run(a, ana)
    client.run(b, ana)
    links = (
        "SELECT c.name, l.lost_to FROM deal_competitors l "
        "JOIN competitors c ON c.id = l.competitor_id"
    )
    assert _all(b, links) == [("Rival", 0)]
    with a.write() as uow:  # an update of the link's own column travels too
        services.move_deal_stage(uow, deal, "lost", lost_to="Rival")
    client.run(a, ana)
    client.run(b, ana)
    assert _all(b, links) == [("Rival", 1)]
    assert _all(b, "SELECT lost_to FROM deals") == [("Rival",)]
    assert _all(a, "SELECT * FROM interaction_competitors") == _all(
        b, "SELECT * FROM interaction_competitors"
    )
    assert _all(b, "SELECT by_hand FROM interaction_competitors") == [(1,)]
    with team.admin.connect() as conn:
        assert conn.execute(text("SELECT lost_to FROM deal_competitors")).all() == [(True,)]
        assert conn.execute(text("SELECT by_hand FROM interaction_competitors")).all() == [(True,)]


def test_a_user_gets_no_documents_or_gifts_of_clients_they_may_not_see(team: Team) -> None:
    a, b = team.laptop("a"), team.laptop("b")
    ana, budi = team.engine_for("ana", "ana-secret"), team.engine_for("budi", "budi-secret")
    with a.write() as uow:
        secret = services.create_account(uow, name="Secret Co")
        boss = services.create_contact(uow, account_id=secret, name="Boss")
        attach(uow, name="plan.txt", data=b"secret plan", account_id=secret)
        record_gift(
            uow, secret, contact_ids=[boss], value_minor=5000, currency="USD",
            given_on=date(2026, 11, 20),
        )  # fmt: skip
        deal = services.create_deal(uow, secret, "Big one", competitors=["Rival"])
    client.run(a, ana)
    client.run(b, budi)
    for table in ("accounts", "documents", "document_chunks", "gifts", "gift_recipients"):
        assert _all(b, f"SELECT count(*) FROM {table}") == [(0,)], table
    assert _all(b, "SELECT count(*) FROM deal_competitors") == [(0,)]
    # Competitors are the team's: budi's laptop knows Rival, not the deal that named it.
    assert _all(b, "SELECT name FROM competitors") == [("Rival",)]
    with budi.connect() as conn:  # nor does the server show budi the bytes
        assert conn.execute(text("SELECT count(*) FROM document_chunks")).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM gift_recipients")).scalar_one() == 0
    with team.admin.begin() as conn:  # shared with budi: now it all reaches him
        conn.execute(text("INSERT INTO account_shares VALUES (:a, 'budi')"), {"a": secret})
    with b.write() as uow:  # pulled again from the start (sharing is not a change)
        uow.session.execute(text("UPDATE sync_state SET pulled_upto = 0"))
    client.run(b, budi)
    assert _all(b, "SELECT data FROM document_chunks") == [(b"secret plan",)]
    assert _all(b, "SELECT count(*) FROM gift_recipients") == [(1,)]
    assert _all(b, "SELECT deal_id FROM deal_competitors") == [(deal,)]


def test_a_shared_clients_tags_reach_a_colleague_with_their_names(team: Team) -> None:
    """Tag names are the team's (like competitors): a shared client's tag links reach a
    colleague's laptop with the tags they point at, never refused for a missing tag."""
    a, b = team.laptop("a"), team.laptop("b")
    ana, budi = team.engine_for("ana", "ana-secret"), team.engine_for("budi", "budi-secret")
    with a.write() as uow:
        shared = services.create_account(uow, name="Shared Co", tags=["vip", "renewal"])
    client.run(a, ana)
    with team.admin.begin() as conn:
        conn.execute(text("INSERT INTO account_shares VALUES (:a, 'budi')"), {"a": shared})
    report = client.run(b, budi)
    assert _all(b, "SELECT name FROM accounts") == [("Shared Co",)]
    assert sorted(_all(b, "SELECT t.name FROM account_tags l JOIN tags t ON t.id = l.tag_id")) == [
        ("renewal",),
        ("vip",),
    ]
    assert report.pulled > 0


def test_migration_0017_records_the_new_tables_rows_where_sync_was_set_up(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path / "old.db")
    try:
        with store.write() as uow:
            acme = services.create_account(uow, name="Acme")
            attach(uow, name="a.bin", data=b"\x00\xff", account_id=acme)
            services.create_competitor(uow, "Rival")
        cfg = alembic_config()
        with store.engine.connect() as conn:  # back to 0016, sync set up there
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0016")
            conn.execute(text("UPDATE sync_state SET quiet = 0"))
            conn.commit()
        upgrade(store.engine)
        assert store.schema_revision() == HEAD
        got = _all(store, "SELECT tbl, field, value, hlc FROM sync_changes ORDER BY seq")
        tables = [t for t, *_ in got]
        assert sorted(tables) == ["competitors", "document_chunks", "documents"]
        assert all(f == "*" and h is None for _, f, _, h in got)  # stamped at the next write
        assert '"data":"00FF"' in str(dict((t, v) for t, _, v, _ in got)["document_chunks"])
        with store.write() as uow:  # recorded from now on by the new triggers
            services.create_competitor(uow, "Other")
        assert _all(store, "SELECT count(*) FROM sync_changes WHERE hlc IS NULL") == [(0,)]
        assert _all(store, "SELECT count(*) FROM sync_changes WHERE tbl = 'competitors'") == [(2,)]
    finally:
        store.close()


def test_migration_0017_records_nothing_where_sync_was_never_set_up(tmp_path: Path) -> None:
    store = open_store(tmp_path / "alone.db")
    try:
        with store.write() as uow:
            services.create_competitor(uow, "Rival")
        cfg = alembic_config()
        with store.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0016")
            conn.commit()
        upgrade(store.engine)
        assert _all(store, "SELECT count(*) FROM sync_changes") == [(0,)]
        names = {n for (n,) in _all(store, "SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert {f"sync_{t}_ai" for t in SYNCED} <= names
    finally:
        store.close()


def test_a_laptop_set_up_before_0017_pushes_its_documents(team: Team) -> None:
    a, b = team.laptop("a"), team.laptop("b")
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        acme = services.create_account(uow, name="Acme")
        with outbox.quiet(uow.session):  # as if written before the triggers existed
            doc = attach(uow, name="old.txt", data=b"old bytes", account_id=acme)
    client.run(a, ana)
    client.run(b, ana)
    assert _all(b, "SELECT count(*) FROM documents") == [(0,)]
    cfg = alembic_config()
    a.close()
    store = open_store(team.folder / "a.db", clock=team.clock)
    team.laptops[0] = store
    with store.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0016")
        conn.commit()
    upgrade(store.engine)
    with store.write() as uow:  # the next write stamps what the migration recorded
        services.update_account(uow, acme, industry="Gas")
    client.run(store, ana)
    client.run(b, ana)
    assert _bytes_of(b, doc) == b"old bytes"
