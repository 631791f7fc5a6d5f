"""Benchmark: what row-level security costs on the team server.

Starts a throwaway PostgreSQL cluster (tests/pg_server.py), prepares a database with
``init_server`` and fills it by SQL at laptop scale times four users: 2,000 clients
(500 owned by each of ani, budi, citra, dedi; 100 of budi's shared with ani), 8,000
contacts and 50,000 timeline entries. Then, runs alternating with their floor:

* a member (ani) reads every timeline entry she may see, ``SELECT ... FROM
  interactions`` filtered by the server's policies; floor: the table owner (no RLS)
  reads the very same rows by an explicit ``account_id IN (...)`` list;
* a lead reads all 50,000 (the policy says yes to every row); floor: the owner reads
  all 50,000;
* the member reads the same 15,000 rows from a copy of the table whose policy calls
  ``relasi_visible(account_id)`` row by row (the form other modules' policies may use);
  floor: as in the first.

Prints one JSON line per scenario: medians (ms), the floor's, their ratio, rows.

    python bench/server_rls.py [--runs 15]

Nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa

from bench.measure import alternate
from models.server.connect import engine_for
from models.server.schema import init_server
from tests.pg_server import PgServer

USERS = {"ani": "a", "budi": "b", "citra": "c", "dedi": "d", "lead_eko": "e"}
CLIENTS, CONTACTS, ENTRIES = 2000, 8000, 50000

_FILL = [
    f"""INSERT INTO accounts (id, name, industry, tier, status, website, phone, address, notes,
        cadence_days, created_at, updated_at, owner)
    SELECT 'a' || g, 'Client ' || g, '', 'B', 'active', '', '', '', '', 30, now(), now(),
        (ARRAY['ani', 'budi', 'citra', 'dedi'])[1 + g % 4]
    FROM generate_series(1, {CLIENTS}) g""",
    f"""INSERT INTO contacts (id, account_id, name, title, emails, phones, notes, linkedin_url,
        created_at, updated_at)
    SELECT 'c' || g, 'a' || (1 + g % {CLIENTS}), 'Person ' || g, '', '[]', '[]', '', '',
        now(), now()
    FROM generate_series(1, {CONTACTS}) g""",
    f"""INSERT INTO interactions (id, account_id, kind, occurred_at, subject, body, body_format,
        location, outcome, created_at, updated_at)
    SELECT 'i' || g, 'a' || (1 + g % {CLIENTS}), 'note', now() - g * interval '1 hour',
        'Entry ' || g, repeat('notes ', 40), 'markdown', '', '', now(), now()
    FROM generate_series(1, {ENTRIES}) g""",
    """INSERT INTO account_shares (account_id, user_name)
    SELECT id, 'ani' FROM accounts WHERE owner = 'budi' ORDER BY id LIMIT 100""",
    # The same rows behind a row-by-row policy (what a policy calling
    # relasi_visible(account_id) costs, e.g. the sync tables' own).
    """CREATE TABLE per_row AS
        SELECT id, account_id, occurred_at, subject, body FROM interactions""",
    "ALTER TABLE per_row ENABLE ROW LEVEL SECURITY",
    "CREATE POLICY per_row_read ON per_row FOR SELECT USING (relasi_visible(account_id))",
    "GRANT SELECT ON per_row TO relasi_member",
    "ANALYZE",
]

_READ = "SELECT id, account_id, occurred_at, subject, body FROM interactions"


def timed_read(engine: sa.Engine, sql: str, ids: list[str], rows: list[int]) -> float:
    """Read every row of ``sql``; the ms it took (the row count goes to ``rows``)."""
    started = time.perf_counter()
    with engine.connect() as conn:
        result = conn.execute(sa.text(sql), {"ids": ids} if ":ids" in sql else {}).all()
    rows.append(len(result))
    return (time.perf_counter() - started) * 1000


def scenario(
    name: str,
    work: tuple[sa.Engine, str],
    floor: tuple[sa.Engine, str],
    ids: list[str],
    runs: int,
) -> dict[str, object]:
    """One scenario, runs alternating with its floor; the result line."""
    rows: list[int] = []
    samples, floor_samples = alternate(
        lambda _: timed_read(work[0], work[1], ids, rows),
        lambda _: timed_read(floor[0], floor[1], ids, rows),
        runs,
    )
    median, floor_median = statistics.median(samples), statistics.median(floor_samples)
    return {
        "scenario": name,
        "median_ms": round(median, 1),
        "floor_median_ms": round(floor_median, 1),
        "ratio": round(median / floor_median, 2),
        "rows": sorted(set(rows)),
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    pg = PgServer.start()
    try:
        database = pg.new_database().rsplit("/", 1)[1]
        init_server(pg.url(database), pg.admin_password)
        for name, password in USERS.items():
            pg.new_user(name, password, lead=name.startswith("lead"))
        for statement in _FILL:
            pg.execute(statement, database)
        owner = engine_for(pg.url(database), pg.admin_password)
        ani = engine_for(pg.url(database, "ani"), USERS["ani"])
        lead = engine_for(pg.url(database, "lead_eko"), USERS["lead_eko"])
        visible = [
            str(r[0])
            for r in pg.execute(
                "SELECT id FROM accounts WHERE owner = 'ani' OR id IN "
                "(SELECT account_id FROM account_shares WHERE user_name = 'ani')",
                database,
            )
        ]
        in_list = f"{_READ} WHERE account_id = ANY(:ids)"
        for engine in (owner, ani, lead):  # warm the pools and the cache
            timed_read(engine, _READ, [], [])
        member = ("member reads her timeline entries (RLS)", (ani, _READ), (owner, in_list))
        everyone = ("lead reads every timeline entry (RLS)", (lead, _READ), (owner, _READ))
        per_row = (
            "member reads through relasi_visible() row by row",
            (ani, _READ.replace("interactions", "per_row")),
            (owner, in_list),
        )
        for name, work, floor in (member, everyone, per_row):
            print(json.dumps(scenario(name, work, floor, visible, args.runs)), flush=True)
        for engine in (owner, ani, lead):
            engine.dispose()
    finally:
        pg.stop()


if __name__ == "__main__":
    main()
