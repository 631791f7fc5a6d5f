"""The throwaway PostgreSQL cluster itself: it answers, on loopback, with password auth."""

from __future__ import annotations

import psycopg
import pytest
import sqlalchemy as sa

from tests.pg_server import PgServer


def test_cluster_answers_over_tcp_with_the_admin_password(pg_server: PgServer) -> None:
    engine = sa.create_engine(pg_server.admin_url)
    try:
        with engine.connect() as conn:
            version = conn.execute(sa.text("select version()")).scalar_one()
            port = conn.execute(sa.text("select current_setting('port')")).scalar_one()
    finally:
        engine.dispose()
    assert version.startswith("PostgreSQL ")
    assert int(version.split()[1].split(".")[0]) >= 15
    assert int(port) == pg_server.port


def test_a_wrong_password_is_refused(pg_server: PgServer) -> None:
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(
            host=pg_server.host,
            port=pg_server.port,
            user=pg_server.admin_user,
            password="not-the-password",
            dbname="postgres",
        )


def test_new_database_and_new_user(pg_server: PgServer) -> None:
    first = pg_server.new_database()
    second = pg_server.new_database()
    assert first != second
    pg_server.new_user("fixture_ani", "ani-pass")
    pg_server.new_user("fixture_lead", "lead-pass", lead=True)
    rows = pg_server.execute(
        "select r.rolname, g.rolname from pg_auth_members m "
        "join pg_roles r on r.oid = m.member join pg_roles g on g.oid = m.roleid "
        "where r.rolname like 'fixture_%' order by 1, 2"
    )
    assert rows == [
        ("fixture_ani", "relasi_member"),
        ("fixture_lead", "relasi_lead"),
        ("fixture_lead", "relasi_member"),
    ]
    with psycopg.connect(
        host=pg_server.host,
        port=pg_server.port,
        user="fixture_ani",
        password="ani-pass",
        dbname=first.rsplit("/", 1)[1],
    ) as conn:
        assert conn.execute("select current_user").fetchone() == ("fixture_ani",)


def test_a_killed_test_process_leaves_no_cluster_behind() -> None:
    """The watchdog stops the cluster and removes its folder when its process dies."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tests.pg_server import PgServer; import sys, time\n"
            "s = PgServer.start(); print(s.root, s.port, flush=True); time.sleep(600)",
        ],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    root, port = child.stdout.readline().split()
    assert Path(root, "data", "postmaster.pid").exists()
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    for _ in range(600):  # the watchdog looks once a second
        if not Path(root).exists():
            break
        time.sleep(0.1)
    assert not Path(root).exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(host="127.0.0.1", port=int(port), user="x", connect_timeout=5)
