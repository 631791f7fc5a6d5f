"""The laptop's models and migrations on PostgreSQL: every table, no full-text search,
down and up again, and the column types (UTC times, JSON, booleans, dates) round-trip."""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import command
from sqlalchemy.orm import Session

from models.entities import (
    Account,
    Base,
    CommissionPlan,
    Contact,
    Deal,
    FollowUp,
    ImportBatch,
    ImportBatchItem,
    Interaction,
    account_shares,
)
from models.migrations import HEAD
from models.migrations.runner import alembic_config, upgrade
from tests.server.conftest import ServerDb

WHEN = datetime(2026, 11, 24, 2, 30, 15, 123456, tzinfo=UTC)


def tables(engine: sa.Engine) -> set[str]:
    with engine.connect() as conn:
        return set(sa.inspect(conn).get_table_names())


def test_migrations_reach_head_with_every_model_table(fresh_db: ServerDb) -> None:
    engine = fresh_db.engine()
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        columns = {c["name"] for c in sa.inspect(conn).get_columns("accounts")}
    assert set(Base.metadata.tables) <= tables(engine)
    assert {"search_fts", "search_docs", "client_fts", "client_docs"}.isdisjoint(tables(engine))
    assert {"owner", "name", "last_contact_at"} <= columns


def test_down_to_base_and_up_again(fresh_db: ServerDb) -> None:
    engine = fresh_db.engine()
    upgrade(engine)
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
        conn.commit()
    assert tables(engine) == {"alembic_version"}
    upgrade(engine)
    assert set(Base.metadata.tables) <= tables(engine)


def test_types_round_trip_through_the_models(fresh_db: ServerDb) -> None:
    engine = fresh_db.engine()
    upgrade(engine)
    stamps = {"created_at": WHEN, "updated_at": WHEN}
    with Session(engine) as s, s.begin():
        s.add(Account(id="a", name="PT Ünïcode — 株式会社", owner="ani", **stamps))
        s.flush()
        s.add(Contact(id="c", account_id="a", name="Sari", emails=["s@x.id"], phones=[], **stamps))
        s.add(Interaction(id="i", account_id="a", occurred_at=WHEN, body="Catatan\n", **stamps))
        s.add(FollowUp(id="f", account_id="a", title="t", due_at=WHEN, all_day=False, **stamps))
        s.add(Deal(id="d", account_id="a", title="x", expected_close=date(2027, 1, 31), **stamps))
        s.add(CommissionPlan(id="p", currency="IDR", tiers=[[100, 500], [150, 800]], **stamps))
        s.add(ImportBatch(id="b", source_name="x.csv", errors=["line 2: no name"], **stamps))
        s.flush()
        s.add(
            ImportBatchItem(
                id="bi",
                batch_id="b",
                kind="account",
                ref_id="a",
                action="update",
                old_values={"name": None, "n": 1},
                **stamps,
            )
        )
        s.execute(sa.insert(account_shares).values(account_id="a", user_name="budi"))
    with Session(engine) as s:
        a = s.get_one(Account, "a")
        assert (a.name, a.owner, a.created_at) == ("PT Ünïcode — 株式会社", "ani", WHEN)
        assert a.created_at.tzinfo is UTC
        assert s.get_one(Contact, "c").emails == ["s@x.id"]
        assert s.get_one(Interaction, "i").body == "Catatan\n"
        followup = s.get_one(FollowUp, "f")
        assert followup.all_day is False and followup.due_at == WHEN
        assert s.get_one(Deal, "d").expected_close == date(2027, 1, 31)
        assert s.get_one(CommissionPlan, "p").tiers == [[100, 500], [150, 800]]
        assert s.get_one(ImportBatch, "b").errors == ["line 2: no name"]
        assert s.get_one(ImportBatchItem, "bi").old_values == {"name": None, "n": 1}
        shares = s.execute(sa.select(account_shares)).all()
        assert [tuple(r) for r in shares] == [("a", "budi")]
