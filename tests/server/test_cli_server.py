"""``python main.py server ...``: passwords on standard input (never the command line),
one JSON line on success, one line on stderr and status 2 on failure."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import main
from models.migrations import HEAD
from tests.server.conftest import ServerDb

ROOT = Path(__file__).resolve().parents[2]


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stdin: str,
    *argv: str,
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        code = main.main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_init_from_a_real_process_reading_the_password_on_stdin(fresh_db: ServerDb) -> None:
    proc = subprocess.run(
        [sys.executable, "main.py", "server", "init", "--url", fresh_db.url()],
        input=fresh_db.pg.admin_password + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    assert json.loads(proc.stdout) == {"server": "ready", "schema": HEAD}
    assert fresh_db.admin("SELECT version_num FROM alembic_version") == [(HEAD,)]


def test_init_twice_prints_ready_twice(
    fresh_db: ServerDb, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(2):
        code, out, err = run(
            monkeypatch,
            capsys,
            fresh_db.pg.admin_password + "\n",
            "server",
            "init",
            "--url",
            fresh_db.url(),
        )
        assert (code, err) == (0, "")
        assert json.loads(out) == {"server": "ready", "schema": HEAD}


def test_the_password_is_asked_without_echo_on_a_terminal(
    fresh_db: ServerDb, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    prompts: list[str] = []

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return fresh_db.pg.admin_password

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    monkeypatch.setattr(sys, "stdin", Terminal(""))
    code = main.main(["server", "init", "--url", fresh_db.url()])
    out, _ = capsys.readouterr()
    assert code == 0 and json.loads(out)["server"] == "ready"
    assert prompts == [f"Password of relasi_admin@127.0.0.1:{fresh_db.pg.port}/{fresh_db.name}: "]


def test_wrong_password_is_one_line_and_status_2(
    server_db: ServerDb, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        monkeypatch, capsys, "Salah-Sandi\n", "server", "init", "--url", server_db.url()
    )
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "refused the user name or password" in err
    assert "Salah-Sandi" not in err


@pytest.mark.parametrize(
    ("stdin", "url_user", "expected"),
    [
        ("", "", "no password given"),
        ("x\n", ":pw", "must not carry a password"),
    ],
)
def test_refused_inputs(
    fresh_db: ServerDb,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stdin: str,
    url_user: str,
    expected: str,
) -> None:
    url = fresh_db.url().replace("relasi_admin@", f"relasi_admin{url_user}@")
    code, out, err = run(monkeypatch, capsys, stdin, "server", "init", "--url", url)
    assert (code, out) == (2, "")
    assert expected in err and err.count("\n") == 1


def test_add_user_then_share_then_the_user_sees_the_client(
    server_db: ServerDb, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = server_db.pg.admin_password
    code, out, err = run(
        monkeypatch,
        capsys,
        f"{admin}\nDewi-Rahasia\n",
        "server",
        "add-user",
        "dewi",
        "--url",
        server_db.url(),
    )
    assert (code, err) == (0, "")
    assert json.loads(out) == {"user": "dewi", "lead": False, "created": True}
    stored = server_db.admin("SELECT rolpassword FROM pg_authid WHERE rolname = 'dewi'")
    assert str(stored[0][0]).startswith("SCRAM-SHA-256$")  # a verifier, not the password

    from tests.server.rows import client

    with server_db.engine("ani").begin() as conn:
        client(conn, "A1", "PT Maju Jaya")
    # Dewi sees nothing yet; Budi (not the owner) may not share it; Ani may
    dewi = server_db.pg.url(server_db.name, "dewi")
    code, out, err = run(monkeypatch, capsys, "Dewi-Rahasia\n", "server", "check", "--url", dewi)
    assert code == 0 and json.loads(out)["user"] == "dewi"
    code, out, err = run(
        monkeypatch,
        capsys,
        "budi-secret\n",
        "server",
        "share",
        "PT Maju Jaya",
        "--with",
        "dewi",
        "--url",
        server_db.url("budi"),
    )
    assert code == 2 and "no client 'PT Maju Jaya'" in err  # Budi cannot even see it
    code, out, err = run(
        monkeypatch,
        capsys,
        "ani-secret\n",
        "server",
        "share",
        "pt maju jaya",
        "--with",
        "dewi",
        "--url",
        server_db.url("ani"),
    )
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "client": "A1",
        "name": "PT Maju Jaya",
        "shared_with": "dewi",
        "added": True,
    }
    from models.server.connect import engine_for

    engine = engine_for(dewi, "Dewi-Rahasia")
    server_db.engines.append(engine)
    with engine.connect() as conn:
        names = conn.exec_driver_sql("SELECT name FROM contacts").scalars().all()
    assert names == ["PT Maju Jaya contact"]


def test_add_a_lead_and_refusals(
    server_db: ServerDb, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = server_db.pg.admin_password
    code, out, _ = run(
        monkeypatch,
        capsys,
        f"{admin}\nLead-Rahasia\n",
        "server",
        "add-user",
        "lead_eko",
        "--lead",
        "--url",
        server_db.url(),
    )
    assert code == 0 and json.loads(out)["lead"] is True
    code, _, err = run(
        monkeypatch,
        capsys,
        f"{admin}\nx\n",
        "server",
        "add-user",
        "Robert'); DROP",
        "--url",
        server_db.url(),
    )
    assert code == 2 and "is not a user name Relasi accepts" in err
    code, _, err = run(
        monkeypatch,
        capsys,
        "budi-secret\nx\n",
        "server",
        "add-user",
        "someone",
        "--url",
        server_db.url("budi"),
    )
    assert code == 2 and "may not add users" in err
    code, _, err = run(
        monkeypatch,
        capsys,
        "ani-secret\n",
        "server",
        "share",
        "A1",
        "--with",
        "ghost",
        "--url",
        server_db.url("ani"),
    )
    assert code == 2 and "no user 'ghost'" in err


def test_check_reports_a_schema_mismatch(
    server_db: ServerDb, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server_db.admin("UPDATE alembic_version SET version_num = '9999'")
    code, out, err = run(
        monkeypatch, capsys, "ani-secret\n", "server", "check", "--url", server_db.url("ani")
    )
    assert (code, out) == (2, "")
    assert f"schema is 9999 and this Relasi's is {HEAD}" in err and err.count("\n") == 1


def test_check_with_tls_required_against_a_server_without_it(
    server_db: ServerDb, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        monkeypatch,
        capsys,
        "ani-secret\n",
        "server",
        "check",
        "--require-tls",
        "--url",
        server_db.url("ani"),
    )
    assert (code, out) == (2, "")
    assert "does not offer TLS" in err
