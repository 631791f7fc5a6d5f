"""Start to a painted window (``--quit-after-paint``) on the demo database, runs
alternating with a bare QApplication + QMainWindow (and, with ``--before TREE``,
with another checkout of Relasi, e.g. ``git worktree``/``git archive`` of an older
commit), so load on the machine falls on all alike.

    python bench/perf_startup.py [--runs 9] [--before /path/to/old/tree] [--pyc]
                                 [--db COPY.db [--seed 1]]

It alternates the runs and clears ``XDG_*`` variables (a
set ``XDG_DATA_HOME`` made it fail). ``--pyc`` lets Python cache bytecode (in a
private folder), as an installed Relasi does; without it, a ``PYTHONDONTWRITEBYTECODE``
environment compiles every module of the project at every start. ``--db`` starts on a
copy of a generated benchmark database (bench/generate.py; its key, ``bench_key(seed)``,
is put into the private keyring) instead of a fresh demo database. Prints medians, p95,
ratios to the bare window (the CPU rows: to the bare window's CPU time, from
``getrusage(RUSAGE_CHILDREN)``) and every run. Nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import percentile, run_child  # noqa: E402
from bench.processes import BARE, _painted_ms  # noqa: E402


def private_keyring(home: Path) -> tuple[dict[str, str], int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(home / "run"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    (home / "run").mkdir(mode=0o700)
    bus = subprocess.run(
        ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    address, pid = bus.stdout.split()[:2]
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
        input="bench",
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return env, int(pid)


def _children_cpu_ms() -> float:
    """CPU time (user and system) of this process's waited-for children so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (used.ru_utime + used.ru_stime) * 1000


def _store_bench_key(db: Path, seed: int, env: dict[str, str]) -> None:
    """Put the benchmark database's key into the private keyring (bench.environment)."""
    from bench.environment import _STORE_KEY
    from bench.generate import bench_key

    subprocess.run(
        [sys.executable, "-c", _STORE_KEY, str(db)],
        input=bench_key(seed).hex(),
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        check=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", type=Path, help="another Relasi tree to compare")
    parser.add_argument("--pyc", action="store_true", help="cache bytecode, as installed")
    parser.add_argument("--db", type=Path, help="a copy of a benchmark database to start on")
    parser.add_argument("--seed", type=int, default=1, help="the benchmark database's seed")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    env, pid = private_keyring(tmp)
    if args.pyc:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    trees = {"relasi": ROOT} | ({"before": args.before.resolve()} if args.before else {})
    try:
        commands: dict[str, list[str]] = {}
        if args.db:
            _store_bench_key(args.db.resolve(), args.seed, env)
        for name, tree in trees.items():
            db = args.db.resolve() if args.db else tmp / f"demo-{name}.db"
            app = [sys.executable, str(tree / "main.py"), "--db", str(db), "--quit-after-paint"]
            if not args.db:
                subprocess.run([*app, "--demo"], capture_output=True, env=env, check=True)
            commands[name] = app
        commands["bare window"] = [sys.executable, "-c", BARE]
        for command in commands.values():  # uncounted: warms the OS cache (and --pyc's)
            run_child(command, env)
        times: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for name, command in commands.items():
                before = _children_cpu_ms()
                out = run_child(command, env).stdout
                times.setdefault(name, []).append(_painted_ms(out))
                for what in ("filled-ms", "ready-ms", "filled-cpu-ms"):
                    if what in out:
                        found = _painted_ms(out, what)
                        times.setdefault(f"{name} ({what[:-3]})", []).append(found)
                times.setdefault(f"{name} (process cpu)", []).append(_children_cpu_ms() - before)
        floor = statistics.median(times["bare window"])
        floor_cpu = statistics.median(times["bare window (process cpu)"])
        print(f"{'start to painted window':<34}{'median ms':>10}{'p95':>7}{'x bare':>8}  runs")
        for name, found in times.items():
            median = statistics.median(found)
            ratio = median / (floor_cpu if "cpu" in name else floor)
            print(
                f"{name:<34}{median:>10.0f}{percentile(found, 95):>7.0f}{ratio:>8.2f}"
                f"  {sorted(round(x) for x in found)}"
            )
        print("(filled-cpu: CPU time of every thread to the filled paint, time.process_time)")
        print("budget: 2.5x the bare window first, then 1.5x (DESIGN.md)")
    finally:
        os.kill(pid, 15)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
