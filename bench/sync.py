"""Benchmark: team sync over loopback against a throwaway PostgreSQL cluster.

    python bench/sync.py [--rows 1000] [--runs 5] [--full tiny|laptop|none]
                         [--full-db PATH] [--only-full]

Each run alternates with its floor (the same rows moved by plain SQL), medians:

- push: one laptop sends ``--rows`` new clients, then ``--rows`` edited ones (one field
  each), vs a raw COPY of the same change rows into a plain server table;
- pull: a second laptop receives and merges them, vs a raw SELECT of the same rows and
  an executemany INSERT of them into a plain table of its encrypted database;
- bytes: the changes' payload each way (ids, field, value, clock; not the wire protocol's
  own framing);
- the change log's cost on a quick-note save: the same save on a laptop with team sync
  set up vs one without (its triggers quiet), alternating;
- a first full sync of a generated database (``--full``: its whole content pushed by
  one laptop, then pulled by a fresh one), timed once.

Nothing here is asserted in tests; the figures go in the README with the command.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
import psycopg  # noqa: E402
from sqlalchemy import Engine, create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.generate import SCALES, bench_key, generate  # noqa: E402
from bench.measure import Row, alternate, table  # noqa: E402
from models import services  # noqa: E402
from models.server.schema import init_server  # noqa: E402
from models.store import Store, open_store  # noqa: E402
from models.sync import client, outbox  # noqa: E402
from tests.keyrings import MemoryKeyring  # noqa: E402
from tests.pg_server import PgServer  # noqa: E402

FIELDS = "device_id, change_id, tbl, row_id, field, value, account_id, hlc"


def laptop(path: Path, *, recording: bool = True) -> Store:
    store = open_store(path)
    with store.write() as uow:
        outbox.new_device(uow.session)
        if recording:
            outbox.start_recording(uow.session)
    return store


class Bench:
    def __init__(self, pg: PgServer, folder: Path) -> None:
        self.pg = pg
        self.folder = folder
        url = pg.new_database()
        self.database = make_url(url).database or ""
        init_server(pg.url(self.database), pg.admin_password)
        pg.new_user("ana", "ana-secret")
        self.ana = create_engine(
            make_url(pg.sqlalchemy_url(self.database)).set(username="ana", password="ana-secret")
        )
        self.admin = create_engine(pg.sqlalchemy_url(self.database))
        with self.admin.begin() as conn:
            conn.execute(text(f"CREATE TABLE floor_changes ({FIELDS.replace(',', ' text,')} text)"))
        self.a = laptop(folder / "a.db")
        self.b = laptop(folder / "b.db")
        client.run(self.a, self.ana)
        client.run(self.b, self.ana)

    def close(self) -> None:
        for store in (self.a, self.b):
            store.close()
        self.ana.dispose()
        self.admin.dispose()

    def _outbox_rows(self, store: Store) -> list[tuple[object, ...]]:
        with store.read() as s:
            return [
                tuple(r)
                for r in s.execute(
                    text(
                        "SELECT (SELECT device_id FROM sync_state), change_id, tbl, row_id, "
                        "field, value, account_id, hlc FROM sync_changes"
                    )
                )
            ]

    def push_pull(self, rows: int, runs: int, edit: bool) -> list[Row]:
        """Push ``rows`` new (or edited) clients from A, pull them on B, ``runs`` times,
        each beside the floor."""
        what = "edited" if edit else "new"
        push_ms: list[float] = []
        pull_ms: list[float] = []
        push_floor: list[float] = []
        pull_floor: list[float] = []
        up: list[float] = []
        down: list[float] = []
        for run in range(runs):
            with self.a.write() as uow:
                if edit:
                    ids = list(
                        uow.session.execute(
                            text("SELECT id FROM accounts ORDER BY id LIMIT :n"), {"n": rows}
                        ).scalars()
                    )
                    for i, id_ in enumerate(ids):
                        services.update_account(uow, id_, industry=f"run {run} #{i}")
                else:
                    for i in range(rows):
                        services.create_account(uow, name=f"Client {run}-{i}")
            payload = self._outbox_rows(self.a)

            def push(_: int) -> float:
                started = time.perf_counter()
                counts = client.Counts()
                client.push(self.a, self.ana, counts)
                up.append(counts.bytes_up)
                return (time.perf_counter() - started) * 1000

            def copy_floor(_: int, payload: list[tuple[object, ...]] = payload) -> float:
                started = time.perf_counter()
                url, secret = self.pg.url(self.database), self.pg.admin_password
                with (
                    psycopg.connect(url, password=secret) as conn,
                    conn.cursor() as cur,
                    cur.copy(f"COPY floor_changes ({FIELDS}) FROM STDIN") as copy,
                ):
                    for r in payload:
                        copy.write_row(r)
                return (time.perf_counter() - started) * 1000

            a, b = alternate(push, copy_floor, 1)
            push_ms += a
            push_floor += b

            def pull(_: int) -> float:
                started = time.perf_counter()
                counts = client.Counts()
                client.pull(self.b, self.ana, counts)
                down.append(counts.bytes_down)
                return (time.perf_counter() - started) * 1000

            def select_floor(_: int, payload: list[tuple[object, ...]] = payload) -> float:
                started = time.perf_counter()
                with self.ana.connect() as conn:
                    got = conn.execute(
                        text(
                            f"SELECT {FIELDS} FROM sync_server_changes ORDER BY seq DESC LIMIT :n"
                        ),
                        {"n": len(payload)},
                    ).all()
                with self.b.write() as uow:
                    uow.session.execute(
                        text(f"CREATE TABLE IF NOT EXISTS floor_changes ({FIELDS})")
                    )
                    uow.session.execute(
                        text(
                            f"INSERT INTO floor_changes ({FIELDS}) VALUES (:d, :c, :t, :r, :f, "
                            ":v, :a, :h)"
                        ),
                        [dict(zip("dctrfvah", g, strict=True)) for g in got],
                    )
                return (time.perf_counter() - started) * 1000

            a, b = alternate(pull, select_floor, 1)
            pull_ms += a
            pull_floor += b
        return [
            Row(f"push {rows:,} {what} clients", push_ms, push_floor,
                note="floor: COPY of the same change rows"),
            Row(f"pull {rows:,} {what} clients (merge)", pull_ms, pull_floor,
                note="floor: SELECT of the same rows + executemany INSERT on the laptop"),
            Row(f"  bytes up ({what})", up, unit="bytes"),
            Row(f"  bytes down ({what})", down, unit="bytes"),
        ]  # fmt: skip

    def quick_note(self, runs: int) -> Row:
        """A note saved with the change log (team sync set up) vs without."""
        alone = laptop(self.folder / "alone.db", recording=False)
        try:
            stores = []
            for store in (self.a, alone):
                with store.write() as uow:
                    stores.append((store, services.create_account(uow, name="Note target")))

            def saver(i: int) -> float | None:
                store, account = stores[i % 2]
                with store.write() as uow:
                    services.add_interaction(uow, account, subject="visit", body="a quick note")
                return None

            logged, plain = alternate(lambda i: saver(0), lambda i: saver(1), runs)
        finally:
            alone.close()
        return Row("quick note saved (change log on)", logged, plain,
                   note="floor: the same save on a laptop without team sync set up")  # fmt: skip


def full_sync(pg: PgServer, folder: Path, scale: str, source: Path | None = None) -> list[Row]:
    """A generated database (or a copy of ``source``, one bench/generate.py made with its
    default seed) pushed whole by its laptop, then pulled by a fresh one."""
    url = pg.new_database()
    database = make_url(url).database or ""
    init_server(pg.url(database), pg.admin_password)
    pg.new_user("ana", "ana-secret")
    ana: Engine = create_engine(
        make_url(pg.sqlalchemy_url(database)).set(username="ana", password="ana-secret")
    )
    path = folder / "full.db"
    if source is None:
        generate(path, SCALES[scale])
    else:
        shutil.copyfile(source, path)
    from models.vault import keys

    keys.store_key(path, bench_key())
    big = laptop(path)
    fresh = laptop(folder / "fresh.db")
    try:
        started = time.perf_counter()
        up = client.run(big, ana)
        pushed_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        down = client.run(fresh, ana)
        pulled_ms = (time.perf_counter() - started) * 1000
    finally:
        big.close()
        fresh.close()
        ana.dispose()
    return [
        Row(f"first full sync, {scale} database: push", [pushed_ms],
            note=f"{up.pushed:,} changes, {up.bytes_up:,} bytes"),
        Row(f"first full sync, {scale} database: pull", [pulled_ms],
            note=f"{down.pulled:,} changes, {down.bytes_down:,} bytes"),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--note-runs", type=int, default=30)
    parser.add_argument("--full", choices=[*sorted(SCALES), "none"], default="laptop")
    parser.add_argument("--full-db", type=Path, help="reuse a database bench/generate.py made")
    parser.add_argument("--only-full", action="store_true", help="skip the 1,000-row runs")
    args = parser.parse_args(argv)
    keyring.set_keyring(MemoryKeyring())
    # A stopped benchmark still stops its cluster (finally blocks run on SIGTERM too).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    folder = Path(tempfile.mkdtemp(prefix="relasi-sync-bench-"))
    pg = PgServer.start()
    try:
        if not args.only_full:
            bench = Bench(pg, folder)
            try:
                print(table(bench.push_pull(args.rows, args.runs, edit=False)), flush=True)
                print(table(bench.push_pull(args.rows, args.runs, edit=True)), flush=True)
                print(table([bench.quick_note(args.note_runs)]), flush=True)
            finally:
                bench.close()
        if args.full != "none":
            print(table(full_sync(pg, folder, args.full, args.full_db)), flush=True)
    finally:
        pg.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
