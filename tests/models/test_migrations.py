"""Migrations: the revision list matches Alembic, an empty file migrates to head."""

from __future__ import annotations

from pathlib import Path

from models.migrations import HEAD, REVISIONS
from models.migrations.runner import script_revisions
from models.store import open_store


def test_revision_list_matches_alembic() -> None:
    assert list(REVISIONS) == script_revisions()


def test_new_file_is_migrated_to_head(tmp_path: Path) -> None:
    store = open_store(tmp_path / "fresh.db")
    assert store.schema_revision() == HEAD
    with store.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    store.close()
    assert {
        "accounts",
        "contacts",
        "interactions",
        "follow_ups",
        "deals",
        "deal_stage_changes",
        "tags",
        "quotas",
        "search_fts",
        "search_docs",
    } <= tables


def test_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    from alembic import command

    from models.migrations.runner import alembic_config, upgrade

    store = open_store(tmp_path / "down.db")
    cfg = alembic_config()
    with store.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
        conn.commit()
    assert store.schema_revision() is None
    upgrade(store.engine)
    assert store.schema_revision() == HEAD
    store.close()
