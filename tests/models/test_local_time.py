"""Local days follow the zone's real rules, not the offset of the moment the app runs.

The child process runs under ``TZ=America/New_York`` (daylight saving from 14 March to
7 November 2027): an all-day date is stored as that date's own local midnight, and the
overdue / today / upcoming buckets are right on both sides of each change, whatever the
season the test itself runs in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.vault import unlock

ROOT = Path(__file__).resolve().parent.parent.parent


def run_child(db_path: Path, tz: str) -> dict[str, object]:
    env = {**os.environ, "TZ": tz}
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "localtime_child.py"), str(db_path)],
        input=unlock.load_key(db_path).hex() + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


@pytest.mark.parametrize(
    ("tz", "zone"),
    [
        ("America/New_York", "America/New_York"),
        # A POSIX rule tzlocal cannot name: the C library's rules answer instead.
        ("EST5EDT,M3.2.0,M11.1.0", "SystemZone()"),
    ],
)
def test_all_day_dates_and_day_buckets_across_daylight_saving(
    db_path: Path, tz: str, zone: str
) -> None:
    out = run_child(db_path, tz)
    assert out["zone"] == zone
    all_day = out["all_day"]
    assert isinstance(all_day, dict)
    # Each all-day date is that date's local midnight: EST (-5) in winter, EDT (-4) in summer.
    assert {k: utc(v) for k, v in all_day.items()} == {
        "2027-01-15": datetime(2027, 1, 15, 5, tzinfo=UTC),
        "2027-03-13": datetime(2027, 3, 13, 5, tzinfo=UTC),
        "2027-03-15": datetime(2027, 3, 15, 4, tzinfo=UTC),
        "2027-07-15": datetime(2027, 7, 15, 4, tzinfo=UTC),
        "2027-11-06": datetime(2027, 11, 6, 4, tzinfo=UTC),
        "2027-11-08": datetime(2027, 11, 8, 5, tzinfo=UTC),
    }
    assert out["march_before"] == {  # Saturday 13 March, noon EST
        "overdue": ["all day 12"],
        "today": ["all day 13", "13 23:30"],
        "upcoming": ["all day 14", "14 00:30", "all day 15", "15 23:30", "all day 16", "16 00:30"],
    }
    assert out["march_after"] == {  # Monday 15 March, noon EDT
        "overdue": ["all day 12", "all day 13", "13 23:30", "all day 14", "14 00:30"],
        "today": ["all day 15", "15 23:30"],
        "upcoming": ["all day 16", "16 00:30"],
    }
    assert out["november_before"] == {  # Saturday 6 November, noon EDT
        "overdue": ["all day 5"],
        "today": ["all day 6", "6 23:30"],
        "upcoming": ["all day 7", "7 00:30", "all day 8", "8 23:30", "all day 9", "9 00:30"],
    }
    assert out["november_after"] == {  # Monday 8 November, noon EST
        "overdue": ["all day 5", "all day 6", "6 23:30", "all day 7", "7 00:30"],
        "today": ["all day 8", "8 23:30"],
        "upcoming": ["all day 9", "9 00:30"],
    }
    snooze = out["snooze_before_march"]
    assert isinstance(snooze, dict)
    # Asked on Saturday before the change: 09:00 on Sunday and on Monday are EDT already.
    assert {k: utc(v) for k, v in snooze.items()} == {
        "later": datetime(2027, 3, 13, 20, tzinfo=UTC),
        "tomorrow": datetime(2027, 3, 14, 13, tzinfo=UTC),
        "next_week": datetime(2027, 3, 15, 13, tzinfo=UTC),
    }
