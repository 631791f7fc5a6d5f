"""Runs day-sensitive code in a process whose local zone is the TZ it was started with.

Usage: ``TZ=America/New_York python tests/localtime_child.py DB`` with the database key
(hex) as the first line of stdin (never argv or a file). Prints one JSON object: what
the follow-up buckets, all-day values and snooze choices came out as on both sides of
the daylight-saving changes of 2027 (14 March and 7 November in New York).
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

from models.clock import FixedClock, local_zone  # noqa: E402
from models.queries import followups as followup_queries  # noqa: E402
from models.queries.followups import all_day_value  # noqa: E402
from models.store import open_store  # noqa: E402
from models.vault import keys  # noqa: E402
from tests.keyrings import MemoryKeyring  # noqa: E402
from tests.models.helpers import account, followup  # noqa: E402
from ui.followups import snooze_choices  # noqa: E402  (a pure function: no QApplication)


def buckets(store: Any, account_id: str) -> dict[str, list[str]]:
    found = followup_queries.followups(store, account_id=account_id)  # the process's zone
    return {
        name: [f.title for f in getattr(found, name)] for name in ("overdue", "today", "upcoming")
    }


def main() -> int:
    db = Path(sys.argv[1])
    keyring.set_keyring(MemoryKeyring())
    keys.store_key(db, bytes.fromhex(sys.stdin.readline().strip()))
    out: dict[str, Any] = {"zone": str(getattr(local_zone(), "key", local_zone()))}
    days = [date(2027, 1, 15), date(2027, 3, 13), date(2027, 3, 15), date(2027, 7, 15)]
    days += [date(2027, 11, 6), date(2027, 11, 8)]
    out["all_day"] = {d.isoformat(): all_day_value(d).isoformat() for d in days}
    clock = FixedClock(datetime(2027, 3, 13, 17, 0, tzinfo=UTC))  # Sat 12:00 EST
    store = open_store(db, clock=clock)
    try:
        a = account(store, "A")
        for day in (12, 13, 14, 15, 16):
            followup(store, a, f"all day {day}", all_day_value(date(2027, 3, day)))
        # 23:30 and 00:30 local on each side of the change (EST -5, then EDT -4).
        followup(store, a, "13 23:30", datetime(2027, 3, 14, 4, 30, tzinfo=UTC), all_day=False)
        followup(store, a, "14 00:30", datetime(2027, 3, 14, 5, 30, tzinfo=UTC), all_day=False)
        followup(store, a, "15 23:30", datetime(2027, 3, 16, 3, 30, tzinfo=UTC), all_day=False)
        followup(store, a, "16 00:30", datetime(2027, 3, 16, 4, 30, tzinfo=UTC), all_day=False)
        out["march_before"] = buckets(store, a)
        clock.set(datetime(2027, 3, 15, 16, 0, tzinfo=UTC))  # Mon 12:00 EDT
        out["march_after"] = buckets(store, a)
        out["snooze_before_march"] = {
            k: v.isoformat()
            for k, v in snooze_choices(datetime(2027, 3, 13, 17, 0, tzinfo=UTC)).items()
        }
        b = account(store, "B")
        clock.set(datetime(2027, 11, 6, 16, 0, tzinfo=UTC))  # Sat 12:00 EDT
        for day in (5, 6, 7, 8, 9):
            followup(store, b, f"all day {day}", all_day_value(date(2027, 11, day)))
        followup(store, b, "6 23:30", datetime(2027, 11, 7, 3, 30, tzinfo=UTC), all_day=False)
        followup(store, b, "7 00:30", datetime(2027, 11, 7, 4, 30, tzinfo=UTC), all_day=False)
        followup(store, b, "8 23:30", datetime(2027, 11, 9, 4, 30, tzinfo=UTC), all_day=False)
        followup(store, b, "9 00:30", datetime(2027, 11, 9, 5, 30, tzinfo=UTC), all_day=False)
        out["november_before"] = buckets(store, b)
        clock.set(datetime(2027, 11, 8, 17, 0, tzinfo=UTC))  # Mon 12:00 EST
        out["november_after"] = buckets(store, b)
    finally:
        store.close()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
