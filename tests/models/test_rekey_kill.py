"""kill -9 while a database switches keyring -> passphrase -> keyring: it still opens.

The child uses the same real Secret Service (private D-Bus) as this test, so a
key it stores is the key this test finds.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import keyring
import pytest

from models import services
from models.queries.clients import client_names
from models.store import open_store
from models.vault import keys, unlock
from models.vault.unlock import PassphraseRequiredError

pytestmark = pytest.mark.secret_service

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "kill-test pässphrase ✓"
ROWS = 40
STEPS = [
    *(
        f"to-passphrase:{s}"
        for s in (
            "locked",
            "sidecar-written",
            "exported",
            "verified",
            "swapped",
            "keyring-updated",
            "done",
        )
    ),
    *(
        f"to-keyring:{s}"
        for s in (
            "locked",
            "pending-stored",
            "sidecar-written",
            "exported",
            "verified",
            "swapped",
            "keyring-updated",
        )
    ),
]


@pytest.fixture
def template(tmp_path: Path, secret_service: keyring.backend.KeyringBackend) -> Path:
    path = tmp_path / "template.db"
    store = open_store(path)
    with store.write() as uow:
        for i in range(ROWS):
            services.create_account(uow, f"Client {i:03}")
    store.close()
    return path


def _copy(template: Path, folder: Path) -> Path:
    folder.mkdir()
    db = folder / "relasi.db"
    shutil.copyfile(template, db)
    keys.store_key(db, keys.keyring_key(template))
    return db


def _run(db: Path, env: dict[str, str], kill_at: str = "", delay: float | None = None) -> str:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.rekey_child", str(db), kill_at],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(PASSPHRASE + "\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "ready"
    child.stdin.write("go\n")
    child.stdin.flush()
    if delay is not None:
        time.sleep(delay)
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate(timeout=60)
    return out


def _assert_opens(db: Path) -> None:
    unlock.forget()
    try:
        unlock.load_key(db)
    except PassphraseRequiredError:
        unlock.unlock_with_passphrase(db, PASSPHRASE)
    store = open_store(db)
    try:
        assert len(client_names(store)) == ROWS
    finally:
        store.close()
        unlock.forget()
    assert unlock.read_state(db).switching_from is None
    assert not unlock.rekey_tmp_path(db).exists()


def test_kill_at_every_step(
    template: Path, tmp_path: Path, secret_service_env: dict[str, str]
) -> None:
    for i, step in enumerate(STEPS):
        db = _copy(template, tmp_path / f"step{i}")
        out = _run(db, secret_service_env, kill_at=step)
        assert "done" not in out, step
        _assert_opens(db)


def test_kill_at_random_moments(
    template: Path, tmp_path: Path, secret_service_env: dict[str, str]
) -> None:
    seed = random.randrange(1_000_000)
    print(f"seed {seed}")
    rng = random.Random(seed)
    db = _copy(template, tmp_path / "timed")
    started = time.monotonic()
    assert "done" in _run(db, secret_service_env)
    took = time.monotonic() - started
    _assert_opens(db)
    for i in range(6):
        db = _copy(template, tmp_path / f"random{i}")
        _run(db, secret_service_env, delay=rng.uniform(0.0, took))
        _assert_opens(db)
