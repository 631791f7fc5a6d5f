"""Kill a writer with SIGKILL at random points: every reported commit survives.

``tests/crash_writer.py`` does random writes through the services and prints
``try``/``ok`` lines; the test kills it after a random number of commits (plus a
random fraction of the next write), reopens the database and checks that the state
is exactly the reported commits, or those plus the one write in flight, and that
the full integrity check passes. The kills go on against the same file, so each
run also recovers from the previous crash.
"""

from __future__ import annotations

import copy
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from models.store import open_store
from models.vault import unlock
from models.vault.integrity import full_check

ROOT = Path(__file__).resolve().parent.parent.parent
WRITER = ROOT / "tests" / "crash_writer.py"


@dataclass
class State:
    accounts: dict[str, tuple[str, bool]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    followups: dict[str, str] = field(default_factory=dict)

    def apply(self, rec: dict[str, Any]) -> None:
        op = rec["op"]
        if op == "account":
            self.accounts[rec["id"]] = (rec["name"], False)
        elif op == "rename":
            self.accounts[rec["id"]] = (rec["name"], self.accounts[rec["id"]][1])
        elif op == "delete":
            self.accounts[rec["id"]] = (self.accounts[rec["id"]][0], True)
        elif op == "note":
            self.notes[rec["id"]] = rec["body"]
        else:
            self.followups[rec["id"]] = rec["title"]


def read_state(db: Path) -> State:
    store = open_store(db)
    try:
        assert full_check(store).ok
        with store.engine.connect() as conn:
            state = State(
                accounts={
                    r[0]: (r[1], r[2] is not None)
                    for r in conn.exec_driver_sql("SELECT id, name, deleted_at FROM accounts")
                },
                notes=dict(conn.exec_driver_sql("SELECT id, body FROM interactions").all()),
                followups=dict(conn.exec_driver_sql("SELECT id, title FROM follow_ups").all()),
            )
    finally:
        store.close()
    return state


def with_pending(expected: State, pending: dict[str, Any], found: State) -> State:
    """``expected`` plus the in-flight write, taking a new row's id from what is on disk."""
    out = copy.deepcopy(expected)
    rec = dict(pending)
    if "id" not in rec:
        table, value = {
            "account": (found.accounts, (rec.get("name"), False)),
            "note": (found.notes, rec.get("body")),
            "followup": (found.followups, rec.get("title")),
        }[rec["op"]]
        new = [k for k, v in table.items() if v == value and k not in _ids(expected, rec["op"])]
        if len(new) != 1:
            return out
        rec["id"] = new[0]
    out.apply(rec)
    return out


def _ids(state: State, op: str) -> set[str]:
    return set({"account": state.accounts, "note": state.notes}.get(op, state.followups))


@dataclass
class Tally:
    tried: int = 0
    survived: int = 0
    commits: int = 0
    lost: int = 0
    in_flight_applied: int = 0


def crash_once(db: Path, key: bytes, rng: random.Random, expected: State, tally: Tally) -> State:
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(db), str(rng.randrange(10**9)), "1000"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert proc.stdin and proc.stdout
    proc.stdin.write(key.hex() + "\n")
    proc.stdin.close()
    proc.stdin = None  # closed: communicate() must not flush it
    lines: list[str] = []
    kill_after = rng.randrange(0, 120)
    oks = 0
    for line in proc.stdout:
        lines.append(line)
        if line.startswith("ok "):
            oks += 1
        if oks >= kill_after and (line.startswith("ok ") or line.startswith("ready")):
            time.sleep(rng.random() * 0.004)  # somewhere inside the next write
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    # Through the same reader: lines it already buffered are not lost (communicate()
    # would read the pipe beneath it).
    rest = proc.stdout.read()
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode in (-signal.SIGKILL, 0), err
    lines.extend(rest.splitlines(keepends=True))
    complete = [ln for ln in lines if ln.endswith("\n")]
    assert any(ln.startswith("ready") for ln in complete), err
    pending: dict[str, Any] | None = None
    for ln in complete:
        if ln.startswith("try "):
            pending = json.loads(ln[4:])
        elif ln.startswith("ok "):
            expected.apply(json.loads(ln[3:]))
            tally.commits += 1
            pending = None
    found = read_state(db)  # opens, full_check must pass
    tally.tried += 1
    if found == expected:
        tally.survived += 1
        return found
    if pending is not None and found == with_pending(expected, pending, found):
        tally.survived += 1
        tally.in_flight_applied += 1
        return found
    lost = (
        sum(1 for k, v in expected.accounts.items() if found.accounts.get(k) != v)
        + sum(1 for k, v in expected.notes.items() if found.notes.get(k) != v)
        + sum(1 for k, v in expected.followups.items() if found.followups.get(k) != v)
    )
    tally.lost += lost
    diff = [
        (k, v, table.get(k))
        for exp, table in (
            (expected.accounts, found.accounts),
            (expected.notes, found.notes),
            (expected.followups, found.followups),
        )
        for k, v in exp.items()
        if table.get(k) != v
    ]
    raise AssertionError(
        f"after kill {tally.tried}: {lost} reported commits missing or changed: {diff[:3]}; "
        f"in flight: {pending}; extra rows: {len(found.notes) - len(expected.notes)} notes"
    )


def run_kills(db_path: Path, kills: int, seed: int) -> Tally:
    key = unlock.load_key(db_path)
    rng = random.Random(seed)
    expected = read_state(db_path)
    tally = Tally()
    for _ in range(kills):
        expected = crash_once(db_path, key, rng, expected, tally)
    return tally


def report(tally: Tally) -> None:
    print(
        f"\ncrash: kill points survived {tally.survived}/{tally.tried}, "
        f"commits checked {tally.commits}, in-flight writes found applied "
        f"{tally.in_flight_applied}, rows lost {tally.lost}"
    )


def test_every_reported_commit_survives_sigkill(db_path: Path) -> None:
    seed = int(os.environ.get("RELASI_CRASH_SEED", "20261124"))
    tally = run_kills(db_path, 24, seed)
    report(tally)
    assert (tally.survived, tally.lost) == (24, 0)
    assert tally.commits > 24


@pytest.mark.slow
def test_many_more_kill_points(db_path: Path, request: pytest.FixtureRequest) -> None:
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("150 kill points take minutes: run with -m slow")
    seed = int(os.environ.get("RELASI_CRASH_SEED", random.randrange(10**6)))
    print(f"\ncrash seed {seed}")
    tally = run_kills(db_path, 150, seed)
    report(tally)
    assert (tally.survived, tally.lost) == (150, 0)
