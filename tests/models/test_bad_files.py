"""Every bad file of issue 6 through the command line: one clear line, status 2,
and the file's bytes unchanged afterwards.

Read-only files and folders and a full disk are real: as root (where permission
bits do not stop writes) a read-only bind mount and a tiny tmpfs; otherwise
``chmod`` and ``RLIMIT_FSIZE``.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import main
from models.store import connect_raw
from models.vault import keys, unlock

ROOT = os.geteuid() == 0


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


def _umount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], check=False, capture_output=True)


@contextmanager
def read_only_file(path: Path) -> Iterator[None]:
    if not ROOT:
        path.chmod(0o400)
        try:
            yield
        finally:
            path.chmod(0o600)
        return
    _mount("--bind", str(path), str(path))
    try:
        _mount("-o", "remount,ro,bind", str(path))
        yield
    finally:
        _umount(path)


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    if not ROOT:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)
        return
    _mount("--bind", str(folder), str(folder))
    try:
        _mount("-o", "remount,ro,bind", str(folder))
        yield
    finally:
        _umount(folder)


@contextmanager
def full_disk(folder: Path, db: Path, prepare: Callable[[], None]) -> Iterator[None]:
    """Room for the database (put there by ``prepare``) and a little more, then nothing."""
    size = db.stat().st_size
    if ROOT:
        _mount("-t", "tmpfs", "-o", f"size={size + 64 * 1024}", "tmpfs", str(folder))
        try:
            prepare()
            yield
        finally:
            _umount(folder)
        return
    prepare()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size // 2, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _random(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def _future(path: Path) -> None:
    conn = connect_raw(path, unlock.load_key(path))
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()


def _wrong_key(path: Path) -> None:
    keys.store_key(path, keys.new_key())


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _nothing(path: Path) -> None:
    pass


CASES: list[tuple[str, Callable[[Path], None], str, str]] = [
    ("truncated", _truncated, "stats", "damaged"),
    ("random-bytes", _random, "stats", "not a Relasi database, or its key does not match"),
    ("future-schema", _future, "stats", "written by a newer Relasi (schema 9999)"),
    ("wrong-key", _wrong_key, "stats", "its key does not match"),
    ("empty", _empty, "stats", "is an empty file"),
    ("directory", _nothing, "stats", "is a folder, not a database file"),
    ("read-only-file", _nothing, "stats", "is read-only; Relasi needs to write to it"),
    ("read-only-folder", _nothing, "stats", "is read-only; Relasi needs to create files"),
    ("full-disk-backup", _nothing, "backup", "the backup to"),
]


@pytest.mark.parametrize(("name", "spoil", "command", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_file_gets_one_clear_line_and_stays_unchanged(
    tmp_path: Path,
    db_path: Path,
    capfd: pytest.CaptureFixture[str],
    name: str,
    spoil: Callable[[Path], None],
    command: str,
    message: str,
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "relasi.db"
    if name == "full-disk-backup":

        def prepare() -> None:
            shutil.copyfile(db_path, path)
            keys.store_key(path, unlock.load_key(db_path))

        with full_disk(folder, db_path, prepare):
            before = path.read_bytes()
            code, out, err = run(capfd, "--db", str(path), command)
            after = path.read_bytes()
            leftovers = sorted(p.name for p in (folder / "backups").iterdir())
        assert leftovers == []  # the partial backup was removed
        assert "disk is full" in err or "File too large" in err or "disk I/O" in err, err
    else:
        shutil.copyfile(db_path, path)
        keys.store_key(path, unlock.load_key(db_path))
        spoil(path)
        target = folder if name == "directory" else path
        if name == "directory":
            path.unlink()
        before = path.read_bytes() if path.is_file() else b""
        if name == "read-only-file":
            with read_only_file(path):
                code, out, err = run(capfd, "--db", str(target), command)
        elif name == "read-only-folder":
            with read_only_folder(folder):
                code, out, err = run(capfd, "--db", str(target), command)
        else:
            code, out, err = run(capfd, "--db", str(target), command)
        after = path.read_bytes() if path.is_file() else b""
    assert (code, out) == (2, ""), err
    assert err.startswith("relasi: error: ") and err.count("\n") == 1
    assert message in err and "Traceback" not in err
    assert after == before
    leftover = {p.name for p in folder.iterdir()} - {"relasi.db", "backups"}
    assert not leftover, leftover
