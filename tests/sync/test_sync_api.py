"""The sync API and the ``sync`` command against a real server: saved settings and the
keyring's password, a wrong password (one clear message, nothing stored), a schema
mismatch, the first-time password on standard input, status, and restoring a conflict."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import keyring
import pytest
from sqlalchemy import text

import main
from models import operations, services, sync
from models.clock import FixedClock
from models.errors import SchemaMismatchError, ServerAuthError
from models.queries.conflicts import list_conflicts
from models.services.conflicts import restore_conflict
from models.sync import credentials
from tests.pg_server import PgServer
from tests.sync.team import Team, new_team


@pytest.fixture
def team(
    pg_server: PgServer, template_db: tuple[Path, bytes], tmp_path: Path, clock: FixedClock
) -> Iterator[Team]:
    t = new_team(pg_server, template_db, tmp_path, clock)
    yield t
    t.close()


def _url(team: Team, user: str) -> str:
    return team.pg.url(team.database, user)


def test_sync_with_saved_settings_and_the_keyrings_password(team: Team) -> None:
    a = team.laptop("a")
    url = _url(team, "ana")
    sync.configure(a, url, "ana", False)
    credentials.save_password(url, "ana", "ana-secret")
    with a.write() as uow:
        services.create_account(uow, name="Acme")
    assert sync.status(a).pending == 1
    report = sync.sync(a)
    assert report == sync.SyncReport(pushed=1, pulled=0, conflicts=0)
    got = sync.status(a)
    assert (got.pending, got.url, got.user) == (0, url, "ana")
    assert got.last_sync is not None


def test_a_wrong_password_is_one_clear_message_and_nothing_is_stored(team: Team) -> None:
    a = team.laptop("a")
    with pytest.raises(ServerAuthError) as caught:
        sync.sync(a, _url(team, "ana"), "not-her-password")
    assert "not-her-password" not in caught.value.message
    assert "\n" not in caught.value.message
    assert sync.status(a).url is None  # settings saved only after a successful sync


def test_a_schema_mismatch_stops_before_anything_moves(team: Team) -> None:
    a = team.laptop("a")
    with a.write() as uow:
        services.create_account(uow, name="Acme")
    with team.admin.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(SchemaMismatchError):
        sync.sync(a, _url(team, "ana"), "ana-secret")
    assert sync.status(a).pending == 1
    with team.admin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_server_changes")).scalar_one() == 0


def _cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_sync_command_asks_once_then_uses_the_keyring(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a = team.laptop("a")
    with a.write() as uow:
        services.create_account(uow, name="Acme")
    a.close()
    team.laptops.remove(a)
    db, url = str(team.folder / "a.db"), _url(team, "ana")
    code, out, err = _cli(monkeypatch, capsys, "wrong\n", "--db", db, "sync", "--url", url)
    assert (code, out) == (2, "") and len(err.strip().splitlines()) == 1
    assert keyring.get_password(credentials.SERVICE, f"ana {url}") is None
    code, out, err = _cli(monkeypatch, capsys, "ana-secret\n", "--db", db, "sync", "--url", url)
    assert code == 0, err
    assert json.loads(out) == {"pushed": 1, "pulled": 0, "conflicts": 0}
    assert credentials.load_password(url, "ana") == "ana-secret"
    code, out, err = _cli(monkeypatch, capsys, "", "--db", db, "sync")  # saved: no stdin
    assert code == 0, err
    assert json.loads(out) == {"pushed": 0, "pulled": 0, "conflicts": 0}


def test_a_conflict_can_be_restored_undone_and_it_syncs(team: Team) -> None:
    a, b = team.laptop("a"), team.laptop("b")
    url = _url(team, "ana")
    with a.write() as uow:
        acme = services.create_account(uow, name="Acme", industry="Oil")
    sync.sync(a, url, "ana-secret")
    sync.sync(b, url, "ana-secret")
    with b.write() as uow:
        services.update_account(uow, acme, industry="Banking")
    team.clock.advance(timedelta(minutes=1))
    with a.write() as uow:
        services.update_account(uow, acme, industry="Mining")
    sync.sync(b, url, "ana-secret")
    assert sync.sync(a, url, "ana-secret").conflicts == 1
    with a.read() as s:
        (conflict,) = list_conflicts(s, limit=10)
    assert (conflict.field, conflict.kept_value, conflict.lost_value) == (
        "industry",
        "Mining",
        "Banking",
    )
    op = operations.run(a, lambda uow: restore_conflict(uow, conflict.id))
    with a.read() as s:
        assert s.execute(text("SELECT industry FROM accounts")).scalar_one() == "Banking"
        assert list_conflicts(s)[0].restored_at is not None
    op.undo(a)
    with a.read() as s:
        assert s.execute(text("SELECT industry FROM accounts")).scalar_one() == "Mining"
        assert list_conflicts(s)[0].restored_at is None
    op.redo(a)
    sync.sync(a, url, "ana-secret")
    sync.sync(b, url, "ana-secret")
    with b.read() as s:
        assert s.execute(text("SELECT industry FROM accounts")).scalar_one() == "Banking"
