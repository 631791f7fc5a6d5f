"""Start to a painted window (``--quit-after-paint``) on the demo database, runs
alternating with a bare QApplication + QMainWindow (and, with ``--before TREE``,
with another checkout of Relasi, e.g. ``git worktree``/``git archive`` of an older
commit), so load on the machine falls on all alike.

    python bench/perf_startup.py [--runs 9] [--before /path/to/old/tree] [--pyc]

It alternates the runs and clears ``XDG_*`` variables (a
set ``XDG_DATA_HOME`` made it fail). ``--pyc`` lets Python cache bytecode (in a
private folder), as an installed Relasi does; without it, a ``PYTHONDONTWRITEBYTECODE``
environment compiles every module of the project at every start. Prints medians,
ratios to the bare window and every run. Nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import run_child  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", type=Path, help="another Relasi tree to compare")
    parser.add_argument("--pyc", action="store_true", help="cache bytecode, as installed")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    env, pid = private_keyring(tmp)
    if args.pyc:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    trees = {"relasi": ROOT} | ({"before": args.before.resolve()} if args.before else {})
    try:
        commands: dict[str, list[str]] = {}
        for name, tree in trees.items():
            db = tmp / f"demo-{name}.db"
            app = [sys.executable, str(tree / "main.py"), "--db", str(db), "--quit-after-paint"]
            subprocess.run([*app, "--demo"], capture_output=True, env=env, check=True)
            commands[name] = app
        commands["bare window"] = [sys.executable, "-c", BARE]
        times: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for name, command in commands.items():
                out = run_child(command, env).stdout
                times.setdefault(name, []).append(_painted_ms(out))
                if "filled-ms" in out:
                    times.setdefault(f"{name} (filled)", []).append(_painted_ms(out, "filled-ms"))
        floor = statistics.median(times["bare window"])
        print(f"{'start to painted window':<26}{'median ms':>10}{'x bare':>8}  runs")
        for name, found in times.items():
            median = statistics.median(found)
            print(f"{name:<26}{median:>10.0f}{median / floor:>8.2f}  {sorted(found)}")
        print("budget: 2.5x the bare window first, then 1.5x (DESIGN.md)")
    finally:
        os.kill(pid, 15)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
