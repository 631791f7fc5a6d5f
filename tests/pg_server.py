"""A throwaway PostgreSQL cluster for the team-server tests.

``PgServer.start()`` makes a cluster with the machine's own ``initdb`` and
``pg_ctl`` (Debian's ``postgresql`` package, installed by ``.ci/run``) in a
private temporary folder, listening on a free loopback port with its Unix socket
in that folder too (so it never meets a system cluster), password
(``scram-sha-256``) authentication over TCP, and durability switched off (the
tests throw it away). ``stop()`` stops it and removes the folder. The session
fixture ``pg_server`` in ``tests/conftest.py`` wraps the two.

PostgreSQL refuses to run as root; when the tests run as root (CI does) the
cluster runs as the ``postgres`` system user the package creates, through
``runuser``.

``tls=True`` also gives the cluster a self-signed certificate (``openssl``), so
both "TLS offered" and "no TLS here" can be tested.

A small watchdog process stops the cluster and removes its folder if the test process
dies without stopping it (killed by a timeout, say), so no cluster outlives its run.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ADMIN_USER = "relasi_admin"
ADMIN_PASSWORD = "admin-secret-for-tests"
MEMBER_ROLE = "relasi_member"
LEAD_ROLE = "relasi_lead"

_SAFE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

# The watchdog: waits for the test process to end; if the cluster's folder is still
# there then, stops the cluster and removes the folder.
_WATCHDOG = r"""
import os, shutil, subprocess, sys, time
parent, root, argv = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
while os.path.isdir(root):
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        subprocess.run(argv, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
        break
    except PermissionError:
        pass
    time.sleep(1)
"""


class PgUnavailable(RuntimeError):
    """PostgreSQL's server programs are not installed on this machine."""


def find_bindir() -> Path:
    """The folder holding ``initdb``/``pg_ctl``: the newest under
    ``/usr/lib/postgresql/*/bin`` (Debian), else ``pg_config --bindir``, else PATH."""

    def version(path: str) -> int:
        match = re.search(r"/postgresql/(\d+)/bin", path)
        return int(match.group(1)) if match else 0

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version, reverse=True)
    if found:
        return Path(found[0]).parent
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        bindir = Path(out.stdout.strip())
        if (bindir / "initdb").exists():
            return bindir
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PgUnavailable("PostgreSQL's initdb is not installed (apt-get install postgresql)")


def free_port() -> int:
    """A TCP port nothing listens on at the moment (the cluster takes it right after)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _ident(name: str) -> str:
    if not _SAFE_NAME.match(name):
        raise ValueError(f"not a plain lower-case SQL name: {name!r}")
    return name


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass
class PgServer:
    """One running throwaway cluster (see the module docstring)."""

    root: Path
    port: int
    bindir: Path
    tls: bool = False
    host: str = "127.0.0.1"
    admin_user: str = ADMIN_USER
    admin_password: str = ADMIN_PASSWORD
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _watchdog: subprocess.Popen[bytes] | None = None

    # -- starting and stopping ------------------------------------------------------

    @classmethod
    def start(cls, *, tls: bool = False) -> PgServer:
        bindir = find_bindir()
        run_as = _server_user()
        # /tmp: short enough for a Unix socket path, and reachable by the postgres user
        # (a TMPDIR under root's home would not be)
        base = "/tmp" if os.path.isdir("/tmp") and os.access("/tmp", os.W_OK) else None
        root = Path(tempfile.mkdtemp(prefix="relasi-pg-", dir=base))
        try:
            (root / "sock").mkdir()
            pwfile = root / "pwfile"
            pwfile.write_text(ADMIN_PASSWORD + "\n")
            if run_as is not None:
                for path in (root, root / "sock", pwfile):
                    os.chown(path, run_as.pw_uid, run_as.pw_gid)
            _run(
                run_as,
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(root / "data"),
                    "-U",
                    ADMIN_USER,
                    f"--pwfile={pwfile}",
                    "--auth-local=scram-sha-256",
                    "--auth-host=scram-sha-256",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ],
            )
            pwfile.unlink()
            if tls:
                _make_certificate(root / "data", run_as)
            last_error: Exception | None = None
            for _ in range(5):  # a port can be taken between looking and binding
                server = cls(root=root, port=free_port(), bindir=bindir, tls=tls)
                try:
                    server._pg_ctl_start(run_as)
                    server._watchdog = server._watch(run_as)
                    return server
                except subprocess.CalledProcessError as error:
                    last_error = error
            raise RuntimeError(f"PostgreSQL did not start: {last_error}\n{server.log_text()}")
        except BaseException:
            shutil.rmtree(root, ignore_errors=True)
            raise

    def _pg_ctl_start(self, run_as: pwd.struct_passwd | None) -> None:
        options = " ".join(
            [
                f"-p {self.port}",
                f"-c listen_addresses={self.host}",
                f"-c unix_socket_directories={self.root / 'sock'}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
                "-c shared_buffers=32MB",
                f"-c ssl={'on' if self.tls else 'off'}",
            ]
        )
        _run(
            run_as,
            [
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.root / "data"),
                "-l",
                str(self.root / "server.log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            ],
        )

    def _stop_argv(self, run_as: pwd.struct_passwd | None) -> list[str]:
        argv = [str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate"]
        argv.append("stop")
        if run_as is not None:
            argv = ["runuser", "-u", run_as.pw_name, "--", *argv]
        return argv

    def _watch(self, run_as: pwd.struct_passwd | None) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                sys.executable,
                "-c",
                _WATCHDOG,
                str(os.getpid()),
                str(self.root),
                *self._stop_argv(run_as),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # outlives a kill of the test's process group
        )

    def stop(self) -> None:
        """Stop the cluster at once and remove its folder."""
        with contextlib.suppress(subprocess.CalledProcessError):
            _run(None, self._stop_argv(_server_user()))
        shutil.rmtree(self.root, ignore_errors=True)
        if self._watchdog is not None:
            self._watchdog.terminate()
            self._watchdog.wait()

    def log_text(self) -> str:
        try:
            return (self.root / "server.log").read_text(errors="replace")
        except OSError:
            return ""

    # -- addresses --------------------------------------------------------------------

    def url(self, database: str = "postgres", user: str | None = None) -> str:
        """``postgresql://USER@HOST:PORT/DB`` without a password (what the app is given)."""
        return f"postgresql://{quote(user or self.admin_user)}@{self.host}:{self.port}/{database}"

    def sqlalchemy_url(self, database: str = "postgres") -> str:
        """The superuser's SQLAlchemy URL for ``database``, password included."""
        return (
            f"postgresql+psycopg://{quote(self.admin_user)}:{quote(self.admin_password)}"
            f"@{self.host}:{self.port}/{database}"
        )

    @property
    def admin_url(self) -> str:
        """The superuser's SQLAlchemy URL of the ``postgres`` database."""
        return self.sqlalchemy_url("postgres")

    # -- databases and users -----------------------------------------------------------

    def execute(self, sql: str, database: str = "postgres") -> list[tuple[object, ...]]:
        """Run one statement as the superuser (autocommit) and return its rows."""
        import psycopg

        with psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.admin_user,
            password=self.admin_password,
            dbname=database,
            autocommit=True,
            sslmode="disable",
        ) as conn:
            cursor = conn.execute(sql.encode())
            return list(cursor.fetchall()) if cursor.description else []

    def new_database(self) -> str:
        """A fresh empty database; returns the superuser's SQLAlchemy URL of it."""
        name = f"relasi_test_{os.getpid()}_{next(self._names)}"
        self.execute(f"CREATE DATABASE {name}")
        return self.sqlalchemy_url(name)

    def new_user(self, name: str, password: str, *, lead: bool = False) -> None:
        """A login role that is a member of ``relasi_member`` (and ``relasi_lead``
        when ``lead``); the two group roles are made here when missing. Calling
        it again for the same name sets the password and membership again."""
        role = _ident(name)
        for group in (MEMBER_ROLE, LEAD_ROLE):
            self.execute(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                f"{_literal(group)}) THEN CREATE ROLE {group} NOLOGIN; END IF; END $$"
            )
        exists = self.execute(f"SELECT 1 FROM pg_roles WHERE rolname = {_literal(role)}")
        verb = "ALTER" if exists else "CREATE"
        self.execute(f"{verb} ROLE {role} LOGIN PASSWORD {_literal(password)}")
        self.execute(f"GRANT {MEMBER_ROLE} TO {role}")
        if lead:
            self.execute(f"GRANT {LEAD_ROLE} TO {role}")
        else:
            self.execute(f"REVOKE {LEAD_ROLE} FROM {role}")


def _server_user() -> pwd.struct_passwd | None:
    """Who runs the cluster: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("postgres")
    except KeyError as error:
        raise PgUnavailable(
            "running as root and there is no 'postgres' user to run the cluster as"
        ) from error


def _run(run_as: pwd.struct_passwd | None, argv: list[str]) -> None:
    if run_as is not None:
        argv = ["runuser", "-u", run_as.pw_name, "--", *argv]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["LC_ALL"] = "C.UTF-8"
    subprocess.run(
        argv, check=True, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL
    )


def _make_certificate(data: Path, run_as: pwd.struct_passwd | None) -> None:
    """A self-signed certificate for 127.0.0.1 as the cluster's server.crt/server.key."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise PgUnavailable("openssl is needed for the TLS cluster")
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(data / "server.key"),
            "-out",
            str(data / "server.crt"),
        ],
        check=True,
        capture_output=True,
    )
    for name in ("server.key", "server.crt"):
        path = data / name
        path.chmod(0o600)
        if run_as is not None:
            os.chown(path, run_as.pw_uid, run_as.pw_gid)
