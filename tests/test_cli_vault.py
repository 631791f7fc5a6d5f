"""Issue 11, second round: the vault from the command line never loses data.

Each test here failed before its fix (see tests/hostile_cases.md).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models.store import open_store
from tests.keyrings import MemoryKeyring
from tests.models.helpers import account
from tests.test_cli import ROOT, run

CONTACT_CSV = (
    "First Name,Last Name,Account Name,Email\r\nBudi,Santoso,PT Maju,budi@maju.example\r\n"
)
NULL_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


def cli(
    *argv: str, env: dict[str, str], stdin: str = "", pass_fds: tuple[int, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGV`` in a real process."""
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        pass_fds=pass_fds,
        timeout=120,
        check=False,
    )


def one_error_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2 and done.stdout == "", (done.stdout, done.stderr)
    assert done.stderr.startswith("relasi: error: ") and done.stderr.count("\n") == 1, done.stderr
    return done.stderr


@pytest.mark.parametrize("which", ["database", "other"])
def test_export_recovery_refuses_an_existing_file(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], which: str
) -> None:
    store = open_store(db_path)
    account(store, "Keep me")
    store.close()
    target = db_path if which == "database" else tmp_path / "notes.txt"
    if which == "other":
        target.write_text("my notes\n")
    before = target.read_bytes()
    code, out, err = run(capsys, "--db", str(db_path), "export-recovery", str(target))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "already exists" in err
    assert target.read_bytes() == before
    code, out, err = run(capsys, "--db", str(db_path), "stats")
    assert code == 0 and json.loads(out)["accounts"] == 1


def test_null_keyring_refuses_to_create_then_passphrase_mode_works(tmp_path: Path) -> None:
    """keyring's null backend accepts a key and forgets it: a database made with it could
    never be opened again. Refused before anything is written; the passphrase works."""
    db = tmp_path / "n.db"
    err = one_error_line(cli("--db", str(db), "stats", env=NULL_KEYRING))
    assert "did not keep the key" in err and "passphrase on" in err
    assert not db.exists() and list(tmp_path.iterdir()) == []

    made = cli("--db", str(db), "passphrase", "on", env=NULL_KEYRING, stdin="kata sandi 1\n")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["mode"] == "passphrase"

    err = one_error_line(cli("--db", str(db), "stats", env=NULL_KEYRING))
    assert "protected by a passphrase" in err and "--passphrase-fd" in err

    done = cli(
        "--db", str(db), "--passphrase-fd", "0", "stats", env=NULL_KEYRING, stdin="kata sandi 1\n"
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["accounts"] == 0

    csv = tmp_path / "clients.csv"
    csv.write_text(CONTACT_CSV, encoding="utf-8")
    read, write = os.pipe()
    os.write(write, b"kata sandi 1\n")
    os.close(write)
    try:
        done = cli(
            "--db",
            str(db),
            "--passphrase-fd",
            str(read),
            "import",
            str(csv),
            env=NULL_KEYRING,
            pass_fds=(read,),
        )
    finally:
        os.close(read)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["created"] >= 1

    err = one_error_line(
        cli("--db", str(db), "--passphrase-fd", "0", "stats", env=NULL_KEYRING, stdin="wrong\n")
    )
    assert "wrong passphrase" in err


@pytest.mark.parametrize("trace", ["keyring", "backups", "unlock-file"])
@pytest.mark.parametrize("command", [["stats"], ["--demo", "stats"], ["backup"], ["check"]])
def test_a_missing_database_is_never_recreated_over_its_key(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
    trace: str,
    command: list[str],
) -> None:
    """An unmounted drive or a deleted file: recreating it would replace its key."""
    store = open_store(db_path)
    account(store, "Keep me")
    store.close()
    assert run(capsys, "--db", str(db_path), "backup")[0] == 0
    entries = dict(memory_keyring.secrets)
    away = tmp_path / "unmounted.db"
    os.rename(db_path, away)
    if trace != "backups":
        shutil.rmtree(db_path.parent / "backups")
    if trace != "keyring":
        memory_keyring.secrets.clear()
    if trace == "unlock-file":
        (tmp_path / "relasi.db.unlock").write_text('{"mode": "passphrase"}\n')
    code, out, err = run(capsys, "--db", str(db_path), *command)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "is missing, but a database was there" in err
    assert not db_path.exists()
    if trace == "keyring":
        assert memory_keyring.secrets == entries
        os.rename(away, db_path)
        code, out, _ = run(capsys, "--db", str(db_path), "stats")
        assert code == 0 and json.loads(out)["accounts"] == 1


def test_a_new_database_with_no_traces_is_still_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(tmp_path / "fresh.db"), "stats")
    assert code == 0 and json.loads(out)["accounts"] == 0


def names(db: Path) -> set[str]:
    store = open_store(db)
    try:
        with store.engine.connect() as conn:
            return {r[0] for r in conn.exec_driver_sql("SELECT name FROM accounts")}
    finally:
        store.close()


def test_restore_refuses_while_another_process_writes(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command-line import (here: a real writer process) has the database open: a
    restore swapping the file under it made both report success and lost its rows."""
    store = open_store(db_path)
    account(store, "In the backup")
    key = store.key
    store.close()
    code, out, _ = run(capsys, "--db", str(db_path), "backup")
    made = json.loads(out)["path"]
    with subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "holding_writer.py"), str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as writer:
        try:
            assert writer.stdin is not None and writer.stdout is not None
            writer.stdin.write(key.hex() + "\n")
            writer.stdin.flush()
            assert writer.stdout.readline().strip() == "ready"
            code, out, err = run(capsys, "--db", str(db_path), "restore", made)
            assert (code, out) == (2, "")
            assert err.count("\n") == 1 and "in use by another Relasi process" in err
            writer.stdin.write("go\n")
            writer.stdin.flush()
            assert writer.stdout.readline().strip() == "ok"
            assert writer.wait(timeout=60) == 0
        finally:
            if writer.poll() is None:
                writer.kill()
    assert names(db_path) == {
        "In the backup",
        "Written before the restore",
        "Written after the restore was asked for",
    }
    code, out, err = run(capsys, "--db", str(db_path), "restore", made)
    assert code == 0, err
    assert names(db_path) == {"In the backup"}
