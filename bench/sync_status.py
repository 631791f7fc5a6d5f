"""Benchmark: how long the status bar's sync status read takes as the unsent change log
grows (why the window reads it in a worker, ui/sync_runner.py).

    python bench/sync_status.py [--runs 9]

For 10,000, 100,000 and 1,000,000 unsent changes in an encrypted database (rows added
to ``sync_changes`` directly), the median of ``models.sync.status`` beside its floor
(``SELECT 1`` on a session of the same store), runs alternating. Nothing is asserted;
the figures go in the report with the command.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILL = (
    "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < :n) "
    "INSERT INTO sync_changes(change_id, tbl, row_id, field, value, account_id, hlc) "
    "SELECT lower(hex(randomblob(16))), 'accounts', 'x', 'name', '\"a\"', NULL, 'h' FROM c"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    import keyring
    from sqlalchemy import text

    import models.sync as sync_api
    from models.store import open_store
    from tests.keyrings import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    store = open_store(Path(tempfile.mkdtemp()) / "status.db")
    try:
        for target in (10_000, 100_000, 1_000_000):
            with store.write() as uow:
                have = uow.session.execute(text("SELECT count(*) FROM sync_changes")).scalar_one()
                uow.session.execute(text(FILL), {"n": target - int(have)})
            status_ms: list[float] = []
            floor_ms: list[float] = []
            for _ in range(args.runs):
                start = time.perf_counter()
                sync_api.status(store)
                status_ms.append((time.perf_counter() - start) * 1000)
                with store.read() as session:
                    start = time.perf_counter()
                    session.execute(text("SELECT 1")).scalar()
                    floor_ms.append((time.perf_counter() - start) * 1000)
            print(
                f"unsent={target:>9,}: status() median {statistics.median(status_ms):8.1f} ms"
                f"  (floor SELECT 1: {statistics.median(floor_ms):.2f} ms)"
            )
    finally:
        store.close()


if __name__ == "__main__":
    main()
