"""The backup, check and restore subcommands: one JSON line, or one error line and status 2."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from models.store import open_store
from tests.models.helpers import account
from tests.models.test_backup import damage
from tests.test_cli import run


def test_backup_check_restore(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(db_path)
    account(store, "Before")
    store.close()
    code, out, err = run(capsys, "--db", str(db_path), "backup")
    assert (code, err) == (0, "")
    made = json.loads(out)
    assert set(made) == {"path", "bytes", "seconds", "counts"}
    assert made["counts"]["accounts"] == 1 and Path(made["path"]).stat().st_size == made["bytes"]
    assert Path(made["path"]).parent == db_path.parent / "backups"

    code, out, _ = run(capsys, "--db", str(db_path), "backup", "--to", str(tmp_path / "x.db"))
    assert code == 0 and json.loads(out)["path"] == str(tmp_path / "x.db")

    code, out, err = run(capsys, "--db", str(db_path), "check")
    assert (code, err) == (0, "") and json.loads(out) == {"ok": True, "problems": []}

    store = open_store(db_path)
    account(store, "After")
    store.close()
    code, out, err = run(capsys, "--db", str(db_path), "restore", made["path"])
    assert (code, err) == (0, "")
    restored = json.loads(out)
    assert restored["restored_from"] == made["path"] and restored["counts"]["accounts"] == 1
    assert Path(restored["safety_backup"]).exists()
    code, out, _ = run(capsys, "--db", str(db_path), "stats")
    assert json.loads(out)["accounts"] == 1


def test_check_of_a_damaged_database_exits_2(
    db_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """capfd: SQLCipher's own log (fd 2) must not add lines either."""
    store = open_store(db_path)
    for i in range(60):
        account(store, f"Client {i} " + "n" * 150, notes="n" * 1500)
    store.close()
    damage(db_path, pages=(10, 11))
    before = db_path.read_bytes()
    code, out, err = run(capfd, "--db", str(db_path), "check")
    assert code == 2 and json.loads(out)["ok"] is False
    assert err.startswith("relasi: error: ") and err.count("\n") == 1 and "failed the check" in err
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["restore", "{tmp}/missing.db"], "is not a file"),
        (["backup", "--to", "{db}"], "already exists"),
        (["restore", "{tmp}/junk.db"], "cannot be read with this database's key"),
    ],
)
def test_errors_are_one_line(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    (tmp_path / "junk.db").write_bytes(os.urandom(8192))
    before = db_path.read_bytes()
    args = [a.format(tmp=tmp_path, db=db_path) for a in argv]
    code, out, err = run(capsys, "--db", str(db_path), *args)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert db_path.read_bytes() == before


def test_backup_of_a_missing_database_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "none.db"), "backup")
    assert code == 2 and "does not exist" in err
    assert list(tmp_path.iterdir()) == []
    code, _, err = run(capsys, "--db", str(tmp_path / "nope" / "none.db"), "restore", "x")
    assert code == 2 and "does not exist" in err
