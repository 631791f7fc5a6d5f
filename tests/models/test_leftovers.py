"""What an interrupted backup, re-key or restore leaves next to a database is tidied at
the next open, and nothing that is still being written is touched (issue 11)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from models.store import Store
from models.vault import leftovers, unlock
from models.vault.backup import backup_database, backups_dir, list_backups
from models.vault.safe_open import open_with_safety
from models.vault.unlock import UnlockState, rekey_tmp_path, write_state
from tests.models.helpers import account

ROOT = Path(__file__).resolve().parent.parent.parent


def _kill_a_backup_half_way(db_path: Path, key: bytes) -> list[Path]:
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "backup_child.py"), str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(key.hex() + "\n")
    child.stdin.close()
    assert child.stdout.readline().strip() == "copying"
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    return sorted(backups_dir(db_path).glob("*.partial*"))


def test_a_killed_backup_leaves_nothing_after_the_next_open(store: Store) -> None:
    for i in range(30):
        account(store, f"Klien {i}")
    db_path, key = store.path, store.key
    store.close()
    left = _kill_a_backup_half_way(db_path, key)
    assert left, "the killed backup left its partial file (the case this test is about)"
    opened = open_with_safety(db_path)
    opened.close()
    assert sorted(backups_dir(db_path).glob("*.partial*")) == []
    assert list_backups(db_path, key) == []  # and no half backup is offered for restore


def test_a_backup_being_written_is_not_a_leftover(store: Store) -> None:
    db_path = store.path
    folder = backups_dir(db_path)
    folder.mkdir(exist_ok=True)
    partial = folder / f"{db_path.stem}-20261130-050000.db.partial"
    partial.write_bytes(b"half")
    with leftovers.writing(partial):  # what backup_database holds while it copies
        assert leftovers.tidy(db_path) == []
        assert partial.exists()
    assert leftovers.tidy(db_path) == [partial]


def test_rekey_and_restore_temporaries_are_removed_unless_a_switch_is_under_way(
    store: Store,
) -> None:
    db_path = store.path
    tmp = rekey_tmp_path(db_path)
    journal = Path(f"{tmp}-journal")
    restore_tmp = db_path.with_name(f".{db_path.name}.restore-tmp")
    for p in (tmp, journal, restore_tmp):
        p.write_bytes(b"left over")
    write_state(db_path, UnlockState(unlock.MODE_KEYRING, switching_from=unlock.MODE_PASSPHRASE))
    assert leftovers.tidy(db_path) == [restore_tmp]  # the switch may still need its file
    assert tmp.exists() and journal.exists()
    write_state(db_path, UnlockState())
    assert sorted(leftovers.tidy(db_path)) == sorted([tmp, journal])


def test_a_finished_backup_is_kept(store: Store) -> None:
    made = backup_database(store.path, store.key, clock=store.clock).path
    assert leftovers.tidy(store.path) == [] and made.exists()
