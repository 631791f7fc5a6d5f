"""Benchmark: the team server's load as more laptops sync against it (simulated).

    python bench/sync_load.py [--laptops 1,10,50] [--rounds 3] [--edits 5] [--users 5]
                              [--spread SECONDS]

Each laptop is a thread with its own encrypted database (one of ``--users`` team members,
round-robin, each with a few clients of its own). A round: every laptop makes ``--edits``
client edits and one note offline, then all of them sync at the same moment (a barrier):
the worst case of laptops that sync every few minutes, all in the same second (or, with
``--spread``, each at a random moment within that many seconds of the round). Reported
per sync, medians and p95 over every laptop and round:

- server: time in the server's statements (the push and pull calls, the push lock's wait
  included, so laptops waiting at once each count it; a push the server refuses
  because others came first counts too);
- sync: the whole sync as the laptop sees it (its merge and change log included; the
  laptops share this machine's cores with the server, so this grows with them);
- burst: the wall time until the last laptop of a round is done, and the server time of
  the round summed (what 50 laptops syncing every 5 minutes cost the server per 5 min);
- gave up: syncs that stopped after ``client.MAX_ROUNDS`` refused pushes because others
  kept pushing first (the laptop tries again at its next sync; counted in the times).

Nothing here is asserted in tests; the figures go in the README with the command.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
from sqlalchemy import Engine, create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

import models.sync.server_ops as server_ops  # noqa: E402
from bench.measure import percentile  # noqa: E402
from models import services  # noqa: E402
from models.server.schema import init_server  # noqa: E402
from models.store import open_store  # noqa: E402
from models.sync import client, outbox  # noqa: E402
from tests.keyrings import MemoryKeyring  # noqa: E402
from tests.pg_server import PgServer  # noqa: E402

CLIENTS_EACH = 3
_timing = threading.local()


def _timed(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` (a server_ops call) adding its time to the calling thread's counter."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            _timing.server_ms = (
                getattr(_timing, "server_ms", 0.0) + (time.perf_counter() - started) * 1000
            )

    return wrapper


class Laptop(threading.Thread):
    """One laptop: opens its database, then per round edits, waits, syncs."""

    def __init__(
        self, index: int, path: Path, engine: Engine, edits: int, spread: float = 0.0
    ) -> None:
        super().__init__(daemon=True)
        self.delay = lambda: random.Random().uniform(0, spread)
        self.index, self.path, self.engine, self.edits = index, path, engine, edits
        self.ready = threading.Event()
        self.go = threading.Semaphore(0)
        self.done = threading.Semaphore(0)
        self.stop = False
        self.start_barrier: threading.Barrier | None = None
        self.results: list[tuple[float, float]] = []  # (server ms, sync ms)
        self.error: BaseException | None = None
        self.gave_up = 0

    def run(self) -> None:
        try:
            store = open_store(self.path)
            with store.write() as uow:
                outbox.new_device(uow.session)
                outbox.start_recording(uow.session)
                ids = [
                    services.create_account(uow, name=f"Laptop {self.index} client {i}")
                    for i in range(CLIENTS_EACH)
                ]
            client.run(store, self.engine)
        except BaseException as exc:  # reported by the main thread
            self.error = exc
            self.ready.set()
            return
        self.ready.set()
        round_no = 0
        while True:
            self.go.acquire()
            if self.stop:
                store.close()
                return
            round_no += 1
            try:
                with store.write() as uow:
                    for i in range(self.edits):
                        services.update_account(
                            uow, ids[i % len(ids)], industry=f"round {round_no} edit {i}"
                        )
                    services.add_interaction(uow, ids[0], subject="visit", body="a note")
                assert self.start_barrier is not None
                self.start_barrier.wait()
                time.sleep(self.delay())
                _timing.server_ms = 0.0
                started = time.perf_counter()
                try:
                    client.run(store, self.engine)
                except server_ops.NeedsPull:  # others kept pushing first: it tries next time
                    self.gave_up += 1
                self.results.append((_timing.server_ms, (time.perf_counter() - started) * 1000))
            except BaseException as exc:
                self.error = exc
            self.done.release()


def measure(
    pg: PgServer,
    folder: Path,
    laptops: int,
    rounds: int,
    edits: int,
    users: int,
    spread: float = 0.0,
) -> dict[str, float]:
    """``rounds`` bursts of ``laptops`` laptops syncing at once on a fresh server."""
    database = make_url(pg.new_database()).database or ""
    init_server(pg.url(database), pg.admin_password)
    engines = []
    for u in range(users):
        pg.new_user(f"user{u}", "load-secret")
        url = make_url(pg.sqlalchemy_url(database)).set(username=f"user{u}", password="load-secret")
        engines.append(create_engine(url, pool_size=laptops, max_overflow=5))
    crew = [
        Laptop(i, folder / f"{laptops}-{i}.db", engines[i % users], edits, spread)
        for i in range(laptops)
    ]
    for laptop in crew:  # one at a time: setting up is not what is measured
        laptop.start()
        laptop.ready.wait()
        if laptop.error:
            raise laptop.error
    bursts: list[float] = []
    try:
        for _ in range(rounds):
            before = sum(len(lp.results) for lp in crew)
            barrier = threading.Barrier(laptops + 1)
            for laptop in crew:
                laptop.start_barrier = barrier
                laptop.go.release()
            barrier.wait()
            started = time.perf_counter()
            for laptop in crew:
                laptop.done.acquire()
            bursts.append((time.perf_counter() - started) * 1000)
            for laptop in crew:
                if laptop.error:
                    raise laptop.error
            assert sum(len(lp.results) for lp in crew) == before + laptops
    finally:
        for laptop in crew:
            laptop.stop = True
            laptop.go.release()
        for laptop in crew:
            laptop.join()
        for engine in engines:
            engine.dispose()
    server = [r[0] for lp in crew for r in lp.results]
    whole = [r[1] for lp in crew for r in lp.results]
    per_round = sum(server) / rounds
    return {
        "laptops": laptops,
        "syncs": len(server),
        "server_med": statistics.median(server),
        "server_p95": percentile(server, 95),
        "sync_med": statistics.median(whole),
        "sync_p95": percentile(whole, 95),
        "burst_med": statistics.median(bursts),
        "server_per_round": per_round,
        "gave_up": sum(lp.gave_up for lp in crew),
    }


def render(results: list[dict[str, float]]) -> str:
    head = (
        f"{'laptops':>7} {'syncs':>6} {'server ms/sync':>15} {'p95':>8} "
        f"{'sync ms':>9} {'p95':>8} {'burst ms':>9} {'server ms/round':>16} {'gave up':>8}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        lines.append(
            f"{r['laptops']:>7.0f} {r['syncs']:>6.0f} {r['server_med']:>15.1f} "
            f"{r['server_p95']:>8.1f} {r['sync_med']:>9.1f} {r['sync_p95']:>8.1f} "
            f"{r['burst_med']:>9.1f} {r['server_per_round']:>16.1f} {r['gave_up']:>8.0f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laptops", default="1,10,50")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--users", type=int, default=5)
    parser.add_argument("--spread", type=float, default=0.0, help="seconds: start at random")
    args = parser.parse_args(argv)
    keyring.set_keyring(MemoryKeyring())
    server_ops.push = _timed(server_ops.push)  # type: ignore[assignment]
    server_ops.pull = _timed(server_ops.pull)  # type: ignore[assignment]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    folder = Path(tempfile.mkdtemp(prefix="relasi-sync-load-"))
    pg = PgServer.start()
    results = []
    try:
        for n in (int(x) for x in args.laptops.split(",")):
            results.append(measure(pg, folder, n, args.rounds, args.edits, args.users, args.spread))
            print(render(results[-1:]).splitlines()[-1], flush=True)
        print(render(results), flush=True)
    finally:
        pg.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
