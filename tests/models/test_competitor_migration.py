"""Migration 0014 from a database at 0011: every distinct ``lost_to`` text becomes one
competitor (blanks trimmed, any case), its deals are linked to it as lost to it, and the
deals' own text is left as it was."""

from __future__ import annotations

from pathlib import Path

from models.clock import FixedClock
from models.migrations import HEAD
from models.migrations.runner import upgrade
from models.queries import competitors as q
from models.store import Store
from models.vault import keys
from models.vault.safe_open import open_with_safety

TS = "2026-01-05 03:00:00.000000"

LOST_TO = ["Globex", "  globex ", "GLOBEX", "Initech", "", "   ", "Solusi  Lokal", "solusi lokal"]


def make_db_at_0011(path: Path) -> None:
    key = keys.new_key()
    keys.store_key(path, key)
    store = Store(path, key)
    upgrade(store.engine, "0011")
    with store.engine.begin() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute(
            "INSERT INTO accounts (id, name, industry, tier, status, website, phone, address, "
            "notes, cadence_days, created_at, updated_at) VALUES ('acc', 'PT Lama', '', 'A', "
            "'active', '', '', '', '', 30, ?, ?)",
            (TS, TS),
        )
        raw.executemany(
            "INSERT INTO deals (id, account_id, title, stage, amount_minor, currency, "
            "probability, lost_reason, lost_to, created_at, updated_at) "
            "VALUES (?, 'acc', ?, ?, 100, 'IDR', 0, '', ?, ?, ?)",
            [
                (f"d{i}", f"Deal {i}", "lost" if i != 2 else "negotiation", text, TS, TS)
                for i, text in enumerate(LOST_TO)
            ],
        )
    assert store.schema_revision() == "0011"
    store.close()


def test_lost_to_texts_become_competitors(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "old.db"
    make_db_at_0011(path)
    store = open_with_safety(path, clock=clock)
    try:
        assert store.schema_revision() == HEAD
        rows = {r.name: r for r in q.competitors(store)}
        # spelled as the first deal spelled it; blanks collapsed
        assert set(rows) == {"Globex", "Initech", "Solusi Lokal"}
        assert (rows["Globex"].lost, rows["Initech"].lost, rows["Solusi Lokal"].lost) == (2, 1, 2)
        against = {d.id: d.lost_to_it for d in q.deals_against(store, rows["Globex"].id)}
        assert against == {"d0": True, "d1": True, "d2": False}  # d2 is not lost (yet)
        with store.engine.connect() as conn:
            kept = dict(conn.exec_driver_sql("SELECT id, lost_to FROM deals").fetchall())
        assert [kept[f"d{i}"] for i in range(len(LOST_TO))] == LOST_TO
    finally:
        store.close()
