"""The encrypted store: creation, PRAGMAs, refusing bad files, change notification."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import keyring
import pytest
import sqlcipher3

from models import services
from models.clock import FixedClock
from models.errors import (
    FolderMissingError,
    KeyMissingError,
    KeyringUnavailableError,
    NotADatabaseError,
    PlaintextDatabaseError,
    TooNewError,
)
from models.migrations import HEAD
from models.store import Changes, Store, open_store
from models.vault import keys, unlock
from tests.keyrings import MemoryKeyring, RaisingKeyring


def test_new_database_is_encrypted_from_the_first_byte(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    store = open_store(path)
    with store.write() as uow:
        services.create_account(uow, "Marker Company Zebra")
    store.close()
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"Marker Company Zebra" not in data
    assert len(unlock.load_key(path)) == 32


def test_key_lives_in_keyring_under_the_path(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "k.db"
    open_store(path).close()
    (service, username), value = next(iter(memory_keyring.secrets.items()))
    assert service == "Relasi"
    assert username == f"database-key:{path.resolve()}"
    assert len(bytes.fromhex(value)) == 32


def test_pragmas_on_every_connection(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        options = {r[0] for r in conn.exec_driver_sql("PRAGMA compile_options")}
    assert "ENABLE_FTS5" in options


def _durability(conn: Any) -> dict[str, object]:
    return {
        name: conn.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("synchronous", "foreign_keys", "temp_store", "journal_mode")
    }


def test_every_connection_handed_out_is_durable(
    db_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A kill cannot tell synchronous=FULL from OFF (the page cache survives it), so the
    settings themselves are checked, on every connection: several engine connections
    held at once (reads and the writer), and each raw one that backups, checks, restore
    and salvage open."""
    from models.store import connect_raw
    from models.vault import backup, integrity, restore

    seen: list[tuple[str, dict[str, object]]] = []

    def recording(path: Path, key: bytes, *, readonly: bool = False) -> sqlcipher3.Connection:
        conn = connect_raw(path, key, readonly=readonly)
        seen.append((os.path.abspath(path), _durability(conn)))
        return conn

    for module in (backup, integrity, restore):
        monkeypatch.setattr(module, "connect_raw", recording)
    store = open_store(db_path, clock=clock)
    with contextlib.ExitStack() as held:
        sessions = [held.enter_context(store.read()) for _ in range(3)]
        uow = held.enter_context(store.write())
        sessions.append(uow.session)
        raws = [s.connection().connection.driver_connection for s in sessions]
        assert len({id(r) for r in raws}) == 4
        for raw in raws:
            seen.append((os.path.abspath(db_path), _durability(raw)))
    made = backup.backup_store(store).path
    store.close()
    assert integrity.check_file(db_path, store.key).ok
    restore.restore_backup(db_path, made, store.key, clock=clock)
    integrity.salvage(made, store.key, tmp_path / "salvaged.db", clock=clock)
    assert len(seen) >= 10
    for path, pragmas in seen:
        assert (path, pragmas["synchronous"], pragmas["foreign_keys"], pragmas["temp_store"]) == (
            path,
            2,  # FULL
            1,
            2,  # MEMORY
        )
        if path == os.path.abspath(db_path):  # the live database (backups are single files)
            assert pragmas["journal_mode"] == "wal"


def test_cannot_be_read_without_the_key(db_path: Path) -> None:
    conn = sqlcipher3.connect(str(db_path))
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def test_reopen_keeps_data(db_path: Path) -> None:
    store = open_store(db_path)
    with store.write() as uow:
        services.create_account(uow, "Persistent")
    store.close()
    store = open_store(db_path)
    assert store.schema_revision() == HEAD
    from models.queries.clients import client_names

    assert [n for _, n in client_names(store)] == ["Persistent"]
    store.close()


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FolderMissingError, match="does not exist"):
        open_store(tmp_path / "nope" / "x.db")
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", NotADatabaseError, "empty file"),
        (b"SQLite format 3\x00" + b"\x00" * 4080, PlaintextDatabaseError, "unencrypted"),
        (b"hello", NotADatabaseError, "too small"),
    ],
)
def test_bad_files_are_refused_untouched(
    tmp_path: Path, content: bytes, error: type[Exception], message: str
) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(error, match=message):
        open_store(path)
    assert path.read_bytes() == content


def test_random_bytes_with_a_key_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "random.db"
    content = os.urandom(8192)
    path.write_bytes(content)
    keys.store_key(path, keys.new_key())
    with pytest.raises(NotADatabaseError, match="not a Relasi database"):
        open_store(path)
    assert path.read_bytes() == content


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotADatabaseError, match="folder"):
        open_store(tmp_path)


def test_key_not_in_keyring(db_path: Path, memory_keyring: MemoryKeyring) -> None:
    memory_keyring.secrets.clear()
    before = db_path.read_bytes()
    with pytest.raises(KeyMissingError, match="not in the keyring"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_wrong_key_is_refused(db_path: Path) -> None:
    before = db_path.read_bytes()
    keys.store_key(db_path, keys.new_key())
    with pytest.raises(NotADatabaseError, match="key does not match"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_garbled_keyring_entry(db_path: Path, memory_keyring: MemoryKeyring) -> None:
    for k in memory_keyring.secrets:
        memory_keyring.secrets[k] = "not hex"
    with pytest.raises(KeyMissingError, match="not a Relasi key"):
        open_store(db_path)


def test_failing_keyring_creates_nothing(tmp_path: Path) -> None:
    keyring.set_keyring(RaisingKeyring())
    with pytest.raises(KeyringUnavailableError, match="refused to store"):
        open_store(tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()


def test_no_keyring_backend(tmp_path: Path) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeyringUnavailableError, match="no usable keyring"):
        open_store(tmp_path / "x.db")


def test_newer_schema_is_refused(db_path: Path) -> None:
    store = open_store(db_path)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    store.close()
    with pytest.raises(TooNewError, match="newer Relasi"):
        open_store(db_path)


def test_foreign_sqlcipher_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    key = keys.new_key()
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.execute("INSERT INTO songs VALUES ('x')")
    conn.commit()
    conn.close()
    keys.store_key(path, key)
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError, match="not a Relasi database"):
        open_store(path)
    assert path.read_bytes() == before


def test_listeners_hear_committed_changes_only(store: Store) -> None:
    heard: list[Changes] = []
    unsubscribe = store.subscribe(heard.append)
    with store.write() as uow:
        account = services.create_account(uow, "Heard")
    assert heard[-1].of("account") == {account}
    with pytest.raises(RuntimeError), store.write() as uow:
        services.create_account(uow, "Rolled back")
        raise RuntimeError
    assert len(heard) == 1
    unsubscribe()
    with store.write() as uow:
        services.create_account(uow, "Unheard")
    assert len(heard) == 1


def test_a_broken_listener_does_not_undo_the_write(store: Store) -> None:
    def broken(changes: Changes) -> None:
        raise ValueError("boom")

    store.subscribe(broken)
    with store.write() as uow:
        services.create_account(uow, "Kept")
    from models.queries.clients import client_names

    assert [n for _, n in client_names(store)] == ["Kept"]


def test_changes_merge_and_bool() -> None:
    a, b = Changes(), Changes()
    assert not a
    a.add("account", "1")
    b.add("account", "2")
    b.add("contact", "3")
    a.merge(b)
    assert a.of("account") == {"1", "2"} and a.of("contact") == {"3"} and a
