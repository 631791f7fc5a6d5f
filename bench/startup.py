"""Benchmark: process start to the first painted window (``--quit-after-paint``) on the
demo database, beside its floor: a bare QApplication + QMainWindow started the same way.

    python bench/startup.py [--runs 15]

Starts a private D-Bus session with gnome-keyring for the database key (like the
tests), so the user's keyring is never touched. Budget: within 1.5x the floor.
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

BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
sys.path.insert(0, ROOT)
from main import process_age_ms
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print(f"painted-ms {process_age_ms():.0f}", flush=True); QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
""".replace("ROOT", repr(str(ROOT)))


def private_keyring(home: Path) -> tuple[dict[str, str], int]:
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(home / "run"),
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    (home / "run").mkdir(mode=0o700)
    bus = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1",
                          "--print-pid=1"], capture_output=True, text=True, env=env, check=True)
    address, pid = bus.stdout.split()[:2]
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
                   input="bench", capture_output=True, text=True, env=env, check=True)
    return env, int(pid)


def painted_ms(cmd: list[str], env: dict[str, str]) -> float:
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    line = [x for x in out.splitlines() if x.startswith("painted-ms")][-1]
    return float(line.split()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    env, pid = private_keyring(tmp)
    try:
        db = tmp / "demo.db"
        app = [sys.executable, str(ROOT / "main.py"), "--db", str(db), "--quit-after-paint"]
        subprocess.run([*app, "--demo"], capture_output=True, env=env, check=True)
        bare = [sys.executable, "-c", BARE]
        relasi = [painted_ms(app, env) for _ in range(args.runs)]
        floor = [painted_ms(bare, env) for _ in range(args.runs)]
        m, f = statistics.median(relasi), statistics.median(floor)
        print(f"{'start to painted window':<28}{'median ms':>10}{'floor ms':>10}{'ratio':>8}")
        print(f"{'demo database':<28}{m:>10.0f}{f:>10.0f}{m / f:>8.2f}")
        print("budget: within 1.5x the bare Qt start")
    finally:
        os.kill(pid, 15)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
