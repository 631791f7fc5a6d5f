"""Fixtures that own all state: an in-memory keyring, a settable clock, a fresh
encrypted database per test (copied from a template), and a private Secret
Service (D-Bus + gnome-keyring) for the tests marked ``secret_service``, and a
throwaway PostgreSQL cluster (``pg_server``, ``pg_tls_server``) for the team-server tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.clock import FixedClock
from models.store import Store, open_store
from models.vault import keys, unlock
from tests.keyrings import MemoryKeyring
from tests.pg_server import PgServer, PgUnavailable

#: Tuesday 24 November 2026, 09:30 in Jakarta (UTC+7).
NOW = datetime(2026, 11, 24, 2, 30, tzinfo=UTC)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qapp" in getattr(item, "fixturenames", ()) or "qtbot" in getattr(
            item, "fixturenames", ()
        ):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def memory_keyring(request: pytest.FixtureRequest) -> Iterator[MemoryKeyring | None]:
    """Every test gets an empty in-memory keyring, unless it asks for the real one."""
    previous = keyring.get_keyring()
    if request.node.get_closest_marker("secret_service"):
        yield None
    else:
        backend = MemoryKeyring()
        keyring.set_keyring(backend)
        yield backend
    keyring.set_keyring(previous)
    unlock.forget()  # passphrase-derived keys remembered in this process


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """An empty database at the newest schema, made once; tests copy it."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        path = tmp_path_factory.mktemp("template") / "template.db"
        store = open_store(path)
        store.close()
        key = unlock.load_key(path)
    finally:
        keyring.set_keyring(previous)
    return path, key


@pytest.fixture
def db_path(tmp_path: Path, template_db: tuple[Path, bytes]) -> Path:
    """A fresh copy of the template database, its key in the test's keyring."""
    source, key = template_db
    path = tmp_path / "relasi.db"
    shutil.copyfile(source, path)
    keys.store_key(path, key)
    return path


@pytest.fixture
def store(db_path: Path, clock: FixedClock) -> Iterator[Store]:
    s = open_store(db_path, clock=clock)
    yield s
    s.close()


@pytest.fixture(scope="session")
def secret_service_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A private D-Bus session with an unlocked gnome-keyring Secret Service."""
    missing = [t for t in ("dbus-daemon", "gnome-keyring-daemon") if not shutil.which(t)]
    if missing:
        message = f"no Secret Service here ({', '.join(missing)} missing)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    home = tmp_path_factory.mktemp("keyring-home")
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    env["XDG_RUNTIME_DIR"] = str(home / "run")
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700)
    bus = subprocess.run(
        ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    address, pid = bus.stdout.split()[:2]
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    try:
        subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
            input="relasi-test",
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        yield env
    finally:
        os.kill(int(pid), 15)


@pytest.fixture
def secret_service(
    secret_service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> keyring.backend.KeyringBackend:
    """The real Secret Service backend, talking to the private bus."""
    from keyring.backends import SecretService

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service_env["DBUS_SESSION_BUS_ADDRESS"])
    backend = SecretService.Keyring()
    backend.get_password("Relasi", "probe")  # fails here, not mid-test, if unusable
    keyring.set_keyring(backend)
    return backend


def _start_pg(tls: bool) -> PgServer:
    try:
        return PgServer.start(tls=tls)
    except PgUnavailable as error:
        if os.environ.get("CI") == "true":
            pytest.fail(str(error))
        pytest.skip(str(error))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A throwaway PostgreSQL cluster without TLS (tests/pg_server.py), for the session."""
    server = _start_pg(tls=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_tls_server() -> Iterator[PgServer]:
    """A throwaway PostgreSQL cluster that offers TLS (self-signed), for the session."""
    server = _start_pg(tls=True)
    try:
        yield server
    finally:
        server.stop()
