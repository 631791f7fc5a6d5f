"""Unlocking: keyring failures, passphrase mode, switching modes, recovery files,
encrypting a plain database in place, and the CLI for all of it."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
import sqlcipher3
from keyring.backend import KeyringBackend

import main
from models import services
from models.errors import (
    KeyMissingError,
    KeyringUnavailableError,
    NotADatabaseError,
    PlaintextDatabaseError,
    StoreError,
    ValidationError,
)
from models.queries.clients import client_names
from models.store import open_store
from models.vault import keys, rekey, unlock
from models.vault.backup import backup_store
from models.vault.recovery import RecoveryFileError, export_recovery, unlock_with_recovery
from models.vault.unlock import PassphraseRequiredError, WrongPassphraseError
from tests.keyrings import MemoryKeyring, RaisingKeyring


@pytest.fixture(autouse=True)
def _forget_unlocked() -> Iterator[None]:
    unlock.forget()
    yield
    unlock.forget()


def _fill(db: Path, *names: str) -> None:
    store = open_store(db)
    with store.write() as uow:
        for name in names:
            services.create_account(uow, name)
    store.close()


def _names(db: Path) -> list[str]:
    store = open_store(db)
    try:
        return sorted(n for _, n in client_names(store))
    finally:
        store.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# -- keyring failures -------------------------------------------------------------------


class LockedKeyring(RaisingKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")


class BrokenKeyring(RaisingKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("org.freedesktop.DBus.Error.NoReply")


@pytest.mark.parametrize(
    ("backend", "message"),
    [
        ("fail", "no usable keyring"),
        (RaisingKeyring(), "keyring refused to give the key"),
        (LockedKeyring(), "keyring is locked and was not unlocked"),
        (BrokenKeyring(), r"keyring failed \(RuntimeError\)"),
    ],
)
def test_keyring_failures_are_one_clear_error(
    db_path: Path, backend: KeyringBackend | str, message: str
) -> None:
    from keyring.backends import fail

    before = _files(db_path.parent)
    keyring.set_keyring(fail.Keyring() if backend == "fail" else backend)  # type: ignore[arg-type]
    with pytest.raises(KeyringUnavailableError, match=message):
        open_store(db_path)
    assert _files(db_path.parent) == before


def test_deleted_entry_names_the_way_out(db_path: Path, memory_keyring: MemoryKeyring) -> None:
    memory_keyring.secrets.clear()
    with pytest.raises(KeyMissingError, match=r"not in the keyring.*unlock --recovery"):
        open_store(db_path)


def test_entry_changed_by_another_program(db_path: Path) -> None:
    before = db_path.read_bytes()
    keys.store_key(db_path, keys.new_key())  # a valid-looking, wrong key
    with pytest.raises(NotADatabaseError, match="key does not match"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_moved_database_points_to_recovery(db_path: Path, tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere" / "relasi.db"
    moved.parent.mkdir()
    shutil.move(db_path, moved)
    with pytest.raises(KeyMissingError, match=r"moved or copied.*unlock --recovery FILE"):
        open_store(moved)


# -- passphrase mode --------------------------------------------------------------------


@pytest.mark.parametrize(
    "passphrase",
    ["correct horse", "kata sandi rahasia ✓ — ñ 日本語 'quote\" x'", "p" * 10_000],
    ids=["ascii", "non-ascii", "10000-chars"],
)
def test_passphrase_mode_round_trip(tmp_path: Path, passphrase: str) -> None:
    db = tmp_path / "p.db"
    unlock.create_with_passphrase(db, passphrase)
    _fill(db, "Acme")
    unlock.forget()
    with pytest.raises(PassphraseRequiredError):
        open_store(db)
    with pytest.raises(WrongPassphraseError, match="wrong passphrase"):
        unlock.unlock_with_passphrase(db, passphrase + "x")
    unlock.unlock_with_passphrase(db, passphrase)
    assert _names(db) == ["Acme"]
    # SQLCipher's own PRAGMA key = 'passphrase' opens the file: the same KDF.
    conn = sqlcipher3.connect(str(db))
    conn.execute(unlock.passphrase_pragma(passphrase))
    assert conn.execute("SELECT name FROM accounts").fetchall() == [("Acme",)]
    conn.close()


def test_empty_and_raw_looking_passphrases_are_refused(tmp_path: Path) -> None:
    for bad in ("", "x'00ff'", "a\x00b"):
        with pytest.raises(ValidationError):
            unlock.create_with_passphrase(tmp_path / "e.db", bad)
    assert not (tmp_path / "e.db").exists()


def test_passphrase_database_needs_no_keyring(tmp_path: Path) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    db = tmp_path / "nokeyring.db"
    unlock.create_with_passphrase(db, "only a passphrase")
    _fill(db, "Kept")
    unlock.forget()
    unlock.unlock_with_passphrase(db, "only a passphrase")
    assert _names(db) == ["Kept"]


def test_backup_of_passphrase_database_opens_with_the_passphrase(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    unlock.create_with_passphrase(db, "backups too")
    store = open_store(db)
    result = backup_store(store)
    store.close()
    conn = sqlcipher3.connect(str(result.path))
    conn.execute(unlock.passphrase_pragma("backups too"))
    assert conn.execute("SELECT count(*) FROM accounts").fetchone() == (0,)
    conn.close()


def test_lost_sidecar_is_written_again_by_the_passphrase(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    unlock.create_with_passphrase(db, "secret words")
    unlock.sidecar_path(db).unlink()
    unlock.forget()
    with pytest.raises(KeyMissingError, match="unlock --passphrase-stdin"):
        open_store(db)
    unlock.unlock_with_passphrase(db, "secret words")
    assert unlock.read_state(db).mode == unlock.MODE_PASSPHRASE
    assert oct(unlock.sidecar_path(db).stat().st_mode & 0o777) == "0o600"


# -- switching --------------------------------------------------------------------------


def test_switch_keyring_passphrase_and_back(db_path: Path, memory_keyring: MemoryKeyring) -> None:
    _fill(db_path, "Acme", "Globex")
    old_key = keys.keyring_key(db_path)
    rekey.switch_to_passphrase(db_path, "first passphrase")
    assert memory_keyring.secrets == {}  # the old key is gone from the keyring
    unlock.forget()
    with pytest.raises(PassphraseRequiredError):
        open_store(db_path)
    assert not unlock.key_opens(db_path, old_key)
    rekey.change_passphrase(db_path, "first passphrase", "second passphrase")
    unlock.forget()
    with pytest.raises(WrongPassphraseError):
        unlock.unlock_with_passphrase(db_path, "first passphrase")
    unlock.unlock_with_passphrase(db_path, "second passphrase")
    assert _names(db_path) == ["Acme", "Globex"]
    unlock.forget()
    rekey.switch_to_keyring(db_path, passphrase="second passphrase")
    assert not unlock.sidecar_path(db_path).exists()
    assert [u for _, u in memory_keyring.secrets] == [keys.key_username(db_path)]
    assert _names(db_path) == ["Acme", "Globex"]
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["relasi.db"]


@pytest.mark.parametrize("failing_step", ["locked", "sidecar-written", "exported", "verified"])
def test_failure_before_the_swap_changes_nothing(db_path: Path, failing_step: str) -> None:
    _fill(db_path, "Acme")

    def step(name: str) -> None:
        if name == failing_step:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        rekey.switch_to_passphrase(db_path, "never used", step=step)
    assert unlock.read_state(db_path) == unlock.UnlockState()
    assert _names(db_path) == ["Acme"]
    assert not unlock.rekey_tmp_path(db_path).exists()


def test_switch_refuses_an_open_database(db_path: Path) -> None:
    store = open_store(db_path)
    with store.read() as s:
        s.connection().exec_driver_sql("SELECT count(*) FROM accounts").all()
        with pytest.raises(rekey.DatabaseBusyError, match="in use"):
            rekey.switch_to_passphrase(db_path, "busy")
    store.close()
    assert unlock.read_state(db_path) == unlock.UnlockState()


# -- recovery ---------------------------------------------------------------------------


def test_recovery_file_opens_the_database_on_another_machine(
    db_path: Path, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    _fill(db_path, "Acme")
    recovery = export_recovery(db_path, tmp_path / "relasi.recovery")
    assert oct(recovery.stat().st_mode & 0o777) == "0o600"
    other = tmp_path / "new-machine" / "relasi.db"
    other.parent.mkdir()
    shutil.copyfile(db_path, other)
    memory_keyring.secrets.clear()
    with pytest.raises(KeyMissingError):
        open_store(other)
    assert unlock_with_recovery(other, recovery)["mode"] == "keyring"
    assert _names(other) == ["Acme"]


def test_recovery_of_a_passphrase_database(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    unlock.create_with_passphrase(db, "forgotten later")
    _fill(db, "Acme")
    recovery = export_recovery(db, tmp_path / "r.json")
    unlock.forget()
    unlock_with_recovery(db, recovery)
    assert _names(db) == ["Acme"]


def test_bad_recovery_files(db_path: Path, tmp_path: Path) -> None:
    good = export_recovery(db_path, tmp_path / "good.json")
    data = json.loads(good.read_text())
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps({**data, "key": "00" * 32}))
    with pytest.raises(RecoveryFileError, match="checksum"):
        unlock_with_recovery(db_path, tampered)
    other = tmp_path / "other.db"
    _fill(other)
    with pytest.raises(RecoveryFileError, match="does not open"):
        unlock_with_recovery(other, good)
    junk = tmp_path / "junk.json"
    junk.write_bytes(b"\x00\xff not json")
    with pytest.raises(RecoveryFileError, match="not a Relasi recovery file"):
        unlock_with_recovery(db_path, junk)


# -- plaintext legacy -------------------------------------------------------------------


def _plain_copy(db: Path, target: Path) -> None:
    conn = sqlcipher3.connect(str(db), isolation_level=None)
    conn.execute(unlock.key_pragma(keys.keyring_key(db)))
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
    conn.execute("SELECT sqlcipher_export('plain')").fetchall()
    conn.execute("DETACH DATABASE plain")
    conn.close()


@pytest.mark.parametrize("keep_plain", [False, True])
def test_encrypt_plaintext_in_place(
    db_path: Path, tmp_path: Path, memory_keyring: MemoryKeyring, keep_plain: bool
) -> None:
    _fill(db_path, "PLAIN-MARKER-CLIENT")
    plain = tmp_path / "legacy" / "relasi.db"
    plain.parent.mkdir()
    _plain_copy(db_path, plain)
    assert b"PLAIN-MARKER-CLIENT" in plain.read_bytes()
    with pytest.raises(PlaintextDatabaseError):
        open_store(plain)
    kept = rekey.encrypt_plaintext(plain, keep_plain=keep_plain)
    assert b"PLAIN-MARKER-CLIENT" not in plain.read_bytes()
    assert _names(plain) == ["PLAIN-MARKER-CLIENT"]
    if keep_plain:
        assert kept is not None and kept.name == "relasi.db.plain-backup"
        assert sqlite3.connect(kept).execute("SELECT name FROM accounts").fetchall() == [
            ("PLAIN-MARKER-CLIENT",)
        ]
    else:
        assert kept is None
        assert sorted(p.name for p in plain.parent.iterdir()) == ["relasi.db"]


def test_encrypt_refuses_a_foreign_plain_database(tmp_path: Path) -> None:
    path = tmp_path / "songs.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError, match="not one Relasi made"):
        rekey.encrypt_plaintext(path)
    assert path.read_bytes() == before


# -- CLI --------------------------------------------------------------------------------


def _cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        code = main.main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_recovery_passphrase_and_encrypt(
    db_path: Path,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = str(db_path)
    recovery = tmp_path / "r.json"
    code, out, _ = _cli(capsys, monkeypatch, "", "--db", db, "export-recovery", str(recovery))
    assert code == 0 and json.loads(out) == {"recovery_file": str(recovery)}
    memory_keyring.secrets.clear()
    code, out, err = _cli(capsys, monkeypatch, "", "--db", db, "stats")
    assert code == 2 and "unlock --recovery" in err and len(err.splitlines()) == 1
    code, out, _ = _cli(capsys, monkeypatch, "", "--db", db, "unlock", "--recovery", str(recovery))
    assert code == 0 and json.loads(out)["unlocked"] is True
    code, out, _ = _cli(capsys, monkeypatch, "pass one\n", "--db", db, "passphrase", "on")
    assert code == 0 and json.loads(out)["mode"] == "passphrase"
    unlock.forget()
    code, _, err = _cli(capsys, monkeypatch, "nope\n", "--db", db, "unlock", "--passphrase-stdin")
    assert (code, err.strip()) == (2, "relasi: error: wrong passphrase")
    code, _, err = _cli(capsys, monkeypatch, "\n", "--db", db, "unlock", "--passphrase-stdin")
    assert code == 2 and "passphrase" in err
    code, out, _ = _cli(capsys, monkeypatch, "pass one\n", "--db", db, "passphrase", "off")
    assert code == 0 and json.loads(out)["mode"] == "keyring"
    code, _, err = _cli(capsys, monkeypatch, "", "--db", db, "unlock", "--recovery", str(db))
    assert code == 2 and "not a Relasi recovery file" in err
    plain = tmp_path / "plain.db"
    _plain_copy(db_path, plain)
    code, out, _ = _cli(capsys, monkeypatch, "", "--db", str(plain), "encrypt", "--keep-plain")
    assert code == 0 and json.loads(out)["plain_backup"].endswith(".plain-backup")
    assert os.path.exists(f"{plain}.plain-backup")


def test_store_error_is_base_of_new_errors() -> None:
    for cls in (PassphraseRequiredError, WrongPassphraseError, RecoveryFileError):
        assert issubclass(cls, StoreError)
