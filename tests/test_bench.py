"""The benchmark's generator and timing helpers (never its figures): the tiny database
is skewed, bilingual, around today, with deal histories, Trash and a search index, and
the same for the same seed; runs alternate with their floor."""

from __future__ import annotations

import hashlib
import statistics
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench import vocab
from bench.generate import SCALES, bench_key, generate
from bench.measure import Row, alternate, percentile, run_child, table
from models.queries.followups import followups
from models.queries.search import search
from models.store import open_store
from models.vault import keys

DAY = datetime(2026, 11, 24, tzinfo=UTC)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    path = tmp_path_factory.mktemp("bench") / "tiny.db"
    return path, generate(path, SCALES["tiny"], seed=3, day=DAY)


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{bench_key(3).hex()}'\"")
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def test_tiny_database_has_the_scale_and_its_indexes(tiny: tuple[Path, dict[str, object]]) -> None:
    path, summary = tiny
    scale = SCALES["tiny"]
    assert summary["counts"] == {
        "accounts": scale.accounts,
        "contacts": scale.contacts,
        "interactions": scale.interactions,
        "followups": scale.followups,
        "deals": scale.deals,
        "deal_stage_changes": summary["counts"]["deal_stage_changes"],  # type: ignore[index]
    }
    # Every account, contact, entry, deal and follow-up has its search document
    # (triggers and the set-wise contact indexing ran), and the client filter index
    # has every client.
    docs = dict(_rows(path, "SELECT kind, count(*) FROM search_docs GROUP BY kind"))  # type: ignore[arg-type]
    assert docs == {
        "account": scale.accounts,
        "contact": scale.contacts,
        "interaction": scale.interactions,
        "deal": scale.deals,
        "followup": scale.followups,
    }
    assert _rows(path, "SELECT count(*) FROM client_docs") == [(200,)]
    # last contact was kept by the triggers: it is the newest live entry of each client
    wrong = _rows(
        path,
        "SELECT count(*) FROM accounts a WHERE a.last_contact_at IS NOT (SELECT max(occurred_at) "
        "FROM interactions i WHERE i.account_id = a.id AND i.deleted_at IS NULL)",
    )
    assert wrong == [(0,)]


def test_tiny_database_is_realistic(tiny: tuple[Path, dict[str, object]]) -> None:
    path, _ = tiny
    per_client = [
        n for (n,) in _rows(path, "SELECT count(*) FROM interactions GROUP BY account_id")
    ]
    assert max(per_client) > 10 * statistics.median(per_client)  # a few busy clients
    assert min(per_client) < statistics.median(per_client) / 2  # and a long tail
    bodies = [b for (b,) in _rows(path, "SELECT body FROM interactions")]
    assert any("Bertemu" in b or "Kirim" in b or "minggu" in b for b in bodies)  # type: ignore[operator]
    assert any("the" in b.split() for b in bodies)  # type: ignore[attr-defined]
    assert statistics.median(len(b.split()) for b in bodies) >= 15  # type: ignore[attr-defined]
    for table_name in ("accounts", "contacts", "interactions", "follow_ups", "deals"):
        trashed = _rows(path, f"SELECT count(*) FROM {table_name} WHERE deleted_at IS NOT NULL")
        assert trashed[0][0] > 0, table_name
    moves = _rows(path, "SELECT deal_id, count(*) FROM deal_stage_changes GROUP BY deal_id")
    assert len(moves) == 150 and max(n for _, n in moves) >= 3  # type: ignore[operator]
    closed = _rows(path, "SELECT count(*) FROM deals WHERE stage IN ('won', 'lost')")
    assert closed[0][0] > 0
    oldest = _rows(path, "SELECT min(changed_at) FROM deal_stage_changes")[0][0]
    assert str(oldest) < (DAY - timedelta(days=365)).isoformat()


def test_tiny_database_opens_with_followups_around_today_and_search(
    tiny: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    path, _ = tiny
    copy = tmp_path / "copy.db"
    copy.write_bytes(path.read_bytes())
    keys.store_key(copy, bench_key(3))
    from models.clock import FixedClock

    store = open_store(copy, clock=FixedClock(DAY + timedelta(hours=9)))
    try:
        buckets = followups(store, tz=UTC)
        assert buckets.overdue and buckets.today and buckets.upcoming and buckets.done
        assert len(search(store, vocab.COMMON_WORD)) == 50
        assert search(store, "Budi")
    finally:
        store.close()


def test_same_seed_same_database(tiny: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    path, _ = tiny
    again = tmp_path / "again.db"
    generate(again, SCALES["tiny"], seed=3, day=DAY)

    def digest(p: Path) -> str:
        rows = _rows(p, "SELECT id, account_id, occurred_at, body FROM interactions ORDER BY id")
        return hashlib.sha256(repr(rows).encode()).hexdigest()

    assert digest(again) == digest(path)
    with pytest.raises(FileExistsError):
        generate(again, SCALES["tiny"], seed=3, day=DAY)


def test_setwise_entries_index_as_the_triggers_do(
    tiny: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    """The set-wise indexing of new entries leaves the same search documents, search
    index, last contact and triggers as the per-row triggers."""
    path, _ = tiny
    per_row = tmp_path / "per-row.db"
    generate(per_row, SCALES["tiny"], seed=3, day=DAY, setwise=False)
    for sql in (
        "SELECT docid, kind, ref_id, account_id FROM search_docs ORDER BY docid",
        "SELECT rowid, title, body FROM search_fts ORDER BY rowid",
        "SELECT rowid FROM search_fts WHERE search_fts MATCH 'proposal' ORDER BY rank",
        "SELECT id, last_contact_at, next_followup_at FROM accounts ORDER BY id",
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
    ):
        assert _rows(path, sql) == _rows(per_row, sql), sql
    triggers = [n for (n,) in _rows(path, "SELECT name FROM sqlite_master WHERE type='trigger'")]
    assert {"interactions_fts_ai", "interactions_last_contact_ai"} <= set(triggers)


def test_runs_alternate_with_their_floor() -> None:
    calls: list[str] = []
    a, b = alternate(lambda i: calls.append(f"w{i}") or 5.0, lambda i: calls.append(f"f{i}"), 3)
    assert calls == ["w0", "f0", "w1", "f1", "w2", "f2"]
    assert a == [5.0, 5.0, 5.0] and len(b) == 3 and all(x >= 0 for x in b)


def test_percentile_and_table() -> None:
    samples = [float(x) for x in range(1, 101)]
    assert percentile(samples, 95) == 95.0
    assert percentile(samples, 50) == 50.0
    row = Row("scenario x", [10.0, 30.0, 20.0], [5.0, 5.0, 5.0], budget="16 ms", ok=False)
    assert (row.median, row.floor_median, row.ratio) == (20.0, 5.0, 4.0)
    text = table([row])
    assert "scenario x" in text and "4.00" in text and "✗" in text


def test_child_peak_memory_is_its_own(tmp_path: Path) -> None:
    """A child that allocates 200 MB reports more than one that does not."""
    import os
    import sys

    env = dict(os.environ)
    small = run_child([sys.executable, "-c", "import time; time.sleep(0.2)"], env)
    big = run_child(
        [sys.executable, "-c", "import time; b = bytearray(200 * 2**20); time.sleep(0.2)"], env
    )
    assert big.peak_mb > small.peak_mb + 150
    assert small.peak_mb < 100
