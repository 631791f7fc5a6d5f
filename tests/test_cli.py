"""The command line: stats, --demo, --version, and one-line errors with status 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import main
from models.vault import keys

ROOT = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main.main(list(argv))
    except SystemExit as exc:  # argparse's own exits
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"relasi {version('relasi')}"


def test_stats_on_new_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(tmp_path / "s.db"), "stats")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "accounts": 0,
        "contacts": 0,
        "interactions": 0,
        "followups": 0,
        "deals": 0,
    }


def test_demo_then_stats_then_refuses_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "demo.db")
    code, out, _ = run(capsys, "--db", db, "--demo", "stats")
    counts = json.loads(out)
    assert code == 0
    assert 180 <= counts["accounts"] <= 220
    assert counts["contacts"] > counts["accounts"]
    assert counts["interactions"] > 1000
    assert counts["followups"] > 100 and counts["deals"] > 50
    code, out, _ = run(capsys, "--db", db, "stats")
    assert json.loads(out) == counts
    before = Path(db).read_bytes()
    code, out, err = run(capsys, "--db", db, "--demo", "stats")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "already holds data" in err
    assert Path(db).read_bytes() == before


def test_env_var_names_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELASI_DB", str(tmp_path / "env.db"))
    assert run(capsys, "stats")[0] == 0
    assert (tmp_path / "env.db").exists()


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing-folder", "does not exist"),
        ("not-a-db", "not a Relasi database"),
        ("no-key", "not in the keyring"),
        ("plain", "unencrypted SQLite"),
        ("folder", "is a folder"),
    ],
)
def test_bad_input_one_line_status_2_file_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: str, message: str, db_path: Path
) -> None:
    path = tmp_path / "bad.db"
    if setup == "missing-folder":
        path = tmp_path / "nope" / "x.db"
    elif setup == "not-a-db":
        path.write_bytes(os.urandom(4096))
        keys.store_key(path, keys.new_key())
    elif setup == "no-key":
        path = tmp_path / "copy.db"
        path.write_bytes(db_path.read_bytes())
    elif setup == "plain":
        import sqlite3

        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    elif setup == "folder":
        path = tmp_path
    before = path.read_bytes() if path.is_file() else None
    code, out, err = run(capsys, "--db", str(path), "stats")
    assert code == 2 and out == ""
    assert err.startswith("relasi: error: ") and err.count("\n") == 1
    assert message in err and "Traceback" not in err
    if before is not None:
        assert path.read_bytes() == before
    if setup == "missing-folder":
        assert not path.parent.exists()


def test_unknown_subcommand_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "frobnicate")[0] == 2


@pytest.mark.secret_service
def test_demo_window_and_stats_in_real_processes(
    tmp_path: Path, secret_service_env: dict[str, str]
) -> None:
    """The issue's done-criterion, as a user runs it: real processes, real keyring."""
    db = tmp_path / "x.db"
    env = {**secret_service_env, "QT_QPA_PLATFORM": "offscreen"}
    painted = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), "--demo", "--quit-after-paint"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert painted.returncode == 0, painted.stderr
    lines = dict(line.split() for line in painted.stdout.strip().splitlines())
    assert list(lines) == [
        "painted-ms",
        "filled-ms",
        "painted-cpu-ms",
        "filled-cpu-ms",
        "ready-ms",
        "ready-cpu-ms",
    ]
    assert 0 < int(lines["painted-ms"]) <= int(lines["filled-ms"]) <= int(lines["ready-ms"])
    assert not db.read_bytes().startswith(b"SQLite format 3")
    stats = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), "stats"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert json.loads(stats.stdout)["accounts"] == 200
