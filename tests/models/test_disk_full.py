"""A full disk is said to be one (the database is fine), never "damaged" or "not a
database"; every command-line error is one line (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

import main
from models.errors import DiskFullError, NotADatabaseError, describe, is_disk_full, unreadable
from models.store import connect_raw


def _a_real_full_disk_error(path: Path) -> sqlcipher3.Error:
    """SQLite's own SQLITE_FULL: a database capped at a few pages, written past them."""
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.execute("PRAGMA max_page_count = 8")
        with pytest.raises(sqlcipher3.Error) as caught:
            for _ in range(1000):
                conn.execute("INSERT INTO t VALUES (?)", ("x" * 4000,))
        return caught.value
    finally:
        conn.close()


def test_a_full_disk_is_told_apart_from_a_wrong_key(tmp_path: Path) -> None:
    full = _a_real_full_disk_error(tmp_path / "capped.db")
    assert is_disk_full(full)
    error = unreadable(tmp_path / "relasi.db", full)
    assert isinstance(error, DiskFullError) and "disk holding" in error.message
    assert "damaged" not in error.message and "not a Relasi database" not in error.message
    assert describe(full) == "the disk is full"
    assert is_disk_full(OSError(28, "No space left on device"))

    (tmp_path / "other.db").write_bytes(b"\0" * 8192)
    with pytest.raises(NotADatabaseError) as wrong:
        connect_raw(tmp_path / "other.db", b"k" * 32)
    assert not is_disk_full(wrong.value)


def test_a_newline_in_a_file_name_keeps_the_error_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "line\nbreak.db"
    code = main.main(["--db", str(db), "backup", "--to", str(tmp_path / "nowhere" / "x.db")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("relasi: error:")
    assert "line\\nbreak.db" in err
