"""Two real processes on one database: the second signals the first and exits 0;
a lock left by a killed first process is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from models.vault.backup import lock_path

ROOT = Path(__file__).resolve().parent.parent.parent
HELPER = ROOT / "tests" / "single_instance_helper.py"


def start(db: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, str(HELPER), str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.communicate()


def first_line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


def test_second_instance_raises_the_first(tmp_path: Path) -> None:
    db = tmp_path / "relasi.db"
    first = start(db)
    try:
        assert first_line(first) == "primary"
        assert lock_path(db).exists()
        assert lock_path(db).read_text().splitlines()[0] == str(first.pid)
        second = subprocess.run(
            [sys.executable, str(HELPER), str(db)],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            timeout=60,
            check=False,
        )
        assert (second.returncode, second.stdout.strip()) == (0, "notified"), second.stderr
        out, err = first.communicate(timeout=30)
        assert first.returncode == 0, err
        assert out.strip() == "activated"
    finally:
        if first.poll() is None:
            stop(first)
    assert not lock_path(db).exists()  # released at exit


def test_other_databases_are_independent(tmp_path: Path) -> None:
    one, two = start(tmp_path / "one.db"), start(tmp_path / "two.db")
    try:
        assert first_line(one) == "primary" and first_line(two) == "primary"
    finally:
        stop(one)
        stop(two)


def test_a_crashed_first_instance_leaves_a_lock_that_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "relasi.db"
    crashed = start(db)
    assert first_line(crashed) == "primary"
    crashed.send_signal(signal.SIGKILL)
    crashed.communicate()
    assert lock_path(db).exists()  # stale: its process is gone
    again = start(db)
    try:
        assert first_line(again) == "primary"
        assert lock_path(db).read_text().splitlines()[0] == str(again.pid)
    finally:
        stop(again)
