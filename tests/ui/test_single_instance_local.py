"""The single-instance guard, its first instance in this process.

A second start's ``notify_running`` blocks in Qt socket calls that keep Python's GIL,
so it cannot be answered by a first instance in the same process (the answer is
Python code); the second start here is a real second process
(tests/single_instance_helper.py), or a plain socket client in a thread, which
lets the first instance answer on the GUI thread. ``notify_running`` against a
first instance in another process is in tests/ui/test_app.py.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtNetwork import QLocalServer
from pytestqt.qtbot import QtBot

from models.vault.backup import lock_path
from tests.ui.test_single_instance import HELPER
from ui.single_instance import SingleInstance, server_name


@pytest.fixture
def first(qtbot: QtBot, tmp_path: Path) -> Iterator[SingleInstance]:
    guard = SingleInstance(tmp_path / "relasi.db")
    assert guard.acquire()
    yield guard
    guard.release()


def in_thread(qtbot: QtBot, work: Callable[[], Any]) -> Any:
    """Run ``work`` in a plain thread while this (GUI) thread keeps serving events."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(work()), daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=15_000)
    assert len(result) == 1, "the thread raised"
    return result[0]


def exchange(guard: SingleInstance, *chunks: bytes) -> bytes:
    """Send ``chunks`` to the guard's server as a second start would; its answer
    (what arrived before it stopped sending for 300 ms)."""
    assert guard._server is not None
    with socket.socket(socket.AF_UNIX) as client:
        client.settimeout(5)
        client.connect(guard._server.fullServerName())
        for chunk in chunks:
            client.sendall(chunk)
        client.settimeout(0.3)
        answer = b""
        try:
            while not answer.endswith(b"\n"):
                data = client.recv(64)
                if not data:
                    break
                answer += data
        except TimeoutError:
            pass
        return answer


def test_a_second_process_asks_the_first_to_raise_its_window(
    qtbot: QtBot, first: SingleInstance
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.Popen(
        [sys.executable, str(HELPER), str(first.db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=30_000):
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        out, err = second.communicate(timeout=30)
    finally:
        if second.poll() is None:
            second.kill()
            second.communicate()
    assert (second.returncode, out.strip()) == (0, "notified"), err
    assert lock_path(first.db_path).read_text().splitlines()[0] == str(os.getpid())


def test_activate_is_answered_each_time(qtbot: QtBot, first: SingleInstance) -> None:
    heard: list[bool] = []
    first.activation_requested.connect(lambda: heard.append(True))
    answers = [in_thread(qtbot, lambda: exchange(first, b"activate\n")) for _ in range(3)]
    assert answers == [b"ok\n"] * 3
    qtbot.waitUntil(lambda: len(heard) == 3)


def test_only_the_activate_message_is_answered(qtbot: QtBot, first: SingleInstance) -> None:
    heard: list[bool] = []
    first.activation_requested.connect(lambda: heard.append(True))
    assert in_thread(qtbot, lambda: exchange(first, b"hello\n")) == b""
    assert in_thread(qtbot, lambda: exchange(first, b"activate")) == b""  # no end of line
    assert heard == []


def test_a_message_in_pieces_is_read_once_the_line_is_complete(
    qtbot: QtBot, first: SingleInstance
) -> None:
    def in_pieces() -> bytes:
        assert first._server is not None
        with socket.socket(socket.AF_UNIX) as client:
            client.settimeout(5)
            client.connect(first._server.fullServerName())
            client.sendall(b"acti")
            client.settimeout(0.2)
            try:
                early = client.recv(64)
            except TimeoutError:
                early = b""
            client.settimeout(5)
            client.sendall(b"vate\n")
            return early + b"|" + client.recv(64)

    with qtbot.waitSignal(first.activation_requested):
        assert in_thread(qtbot, in_pieces) == b"|ok\n"


def test_a_holder_with_no_server_gets_no_answer(tmp_path: Path) -> None:
    db = tmp_path / "relasi.db"
    held = QLockFile(str(lock_path(db)))  # a live process (this one) holds the lock ...
    assert held.tryLock(0)
    try:
        second = SingleInstance(db)
        assert second.acquire() is False
        assert second.notify_running(timeout_ms=500) is False  # ... but nobody listens
    finally:
        held.unlock()


def test_a_silent_server_times_out(tmp_path: Path) -> None:
    db = tmp_path / "relasi.db"
    silent = QLocalServer()
    QLocalServer.removeServer(server_name(db))
    assert silent.listen(server_name(db))
    try:
        # Connected and sent, but no answer comes: not taken for a running Relasi.
        assert SingleInstance(db).notify_running(timeout_ms=200) is False
    finally:
        silent.close()


def test_release_lets_the_next_instance_in(tmp_path: Path) -> None:
    db = tmp_path / "relasi.db"
    one = SingleInstance(db)
    assert one.acquire()
    assert lock_path(db).exists()
    one.release()
    assert not lock_path(db).exists()
    two = SingleInstance(db)
    assert two.acquire()
    two.release()


def dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    return int(child.stdout)


def write_lock(db: Path, pid: int, *, before_reboot: bool = False) -> None:
    """A lock file as Qt writes it for ``pid``; ``before_reboot``: written in an
    earlier boot (another boot id)."""
    real = QLockFile(str(lock_path(db)))
    assert real.tryLock(0)
    lines = lock_path(db).read_text().splitlines()  # pid, app, host, machine id, boot id
    real.unlock()
    lines[0] = str(pid)
    if before_reboot:
        lines[4] = "11111111-2222-3333-4444-555555555555"
    lock_path(db).write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize("before_reboot", [False, True], ids=["this-boot", "before-reboot"])
def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path: Path, before_reboot: bool) -> None:
    db = tmp_path / "relasi.db"
    write_lock(db, dead_pid(), before_reboot=before_reboot)
    guard = SingleInstance(db)
    try:
        assert guard.acquire()
        assert lock_path(db).read_text().splitlines()[0] == str(os.getpid())
    finally:
        guard.release()


def test_a_lock_from_before_a_reboot_is_stale_even_if_its_pid_runs_again(
    tmp_path: Path,
) -> None:
    db = tmp_path / "relasi.db"
    write_lock(db, os.getpid(), before_reboot=True)  # the pid now belongs to another process
    guard = SingleInstance(db)
    try:
        assert guard.acquire()
    finally:
        guard.release()


def test_a_lock_held_in_this_boot_by_a_running_process_is_respected(tmp_path: Path) -> None:
    db = tmp_path / "relasi.db"
    write_lock(db, os.getpid())
    before = lock_path(db).read_text()
    assert SingleInstance(db).acquire() is False
    assert lock_path(db).read_text() == before


def test_a_lock_file_that_cannot_be_read_is_not_taken(tmp_path: Path) -> None:
    db = tmp_path / "relasi.db"
    lock_path(db).write_text("garbage\n")
    guard = SingleInstance(db)
    assert guard.acquire() is False
    assert lock_path(db).read_text() == "garbage\n"  # left for a person to look at


def test_server_names_are_per_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert server_name(Path("relasi.db")) == server_name(tmp_path / "relasi.db")
    assert server_name(tmp_path / "relasi.db") != server_name(tmp_path / "other.db")
    assert server_name(tmp_path / "relasi.db").startswith(f"relasi-{os.getuid()}-")
