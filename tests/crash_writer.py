"""A writer for the crash test: random writes through models.services, each reported.

Usage: ``python tests/crash_writer.py DB SEED COUNT`` with the database key (hex) as
the first line of stdin (never argv or a file). Before each write it prints
``try <json>``, after its commit ``ok <json>``, flushed, so the test knows exactly
which writes were committed and which one may have been in flight when it was killed.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

from models import services  # noqa: E402
from models.store import open_store  # noqa: E402
from models.vault import keys  # noqa: E402
from tests.keyrings import MemoryKeyring  # noqa: E402

WORDS = ["Rapat", "kontrak", "会議", "Überprüfung", "ñandú", "🚀", "naïve", "harga", "✓", "Zürich"]


def text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + f" #{rng.randrange(10**9)}"


def main() -> int:
    db, seed, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    key = bytes.fromhex(sys.stdin.readline().strip())
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    keys.store_key(db, key)
    rng = random.Random(seed)
    store = open_store(db)
    with store.read() as s:
        from sqlalchemy import text as sql

        live = [r[0] for r in s.execute(sql("SELECT id FROM accounts WHERE deleted_at IS NULL"))]
    print("ready", flush=True)
    base = datetime(2026, 11, 24, tzinfo=UTC)
    for _ in range(count):
        op = rng.choice(["account", "account", "rename", "note", "note", "followup", "delete"])
        if op != "account" and not live:
            op = "account"
        target = rng.choice(live) if live else ""
        record: dict[str, Any] = {"op": op}
        if op == "account":
            record["name"] = text(rng, 3)[:190]
        elif op == "rename":
            record.update(id=target, name=text(rng, 3)[:190])
        elif op == "note":
            record.update(account=target, body=text(rng, rng.randrange(1, 200)))
        elif op == "followup":
            record.update(account=target, title=text(rng, 4)[:290])
        else:
            record["id"] = target
        print("try " + json.dumps(record), flush=True)
        with store.write() as uow:
            if op == "account":
                record["id"] = services.create_account(uow, record["name"])
            elif op == "rename":
                services.update_account(uow, target, name=record["name"])
            elif op == "note":
                record["id"] = services.add_interaction(
                    uow, target, body=record["body"], occurred_at=base
                )
            elif op == "followup":
                record["id"] = services.create_followup(
                    uow, target, record["title"], base + timedelta(days=rng.randrange(30))
                )
            else:
                services.soft_delete(uow, "account", target)
        if op == "account":
            live.append(record["id"])
        elif op == "delete":
            live.remove(target)
        print("ok " + json.dumps(record), flush=True)
    store.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
