"""Issue 11, second round: the vault from the command line never loses data.

Each test here failed before its fix (see tests/hostile_cases.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.store import open_store
from tests.models.helpers import account
from tests.test_cli import run


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
