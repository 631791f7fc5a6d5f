"""The window's quick open: the store opens with its writes held, and finish_open runs
the integrity check and the Trash purge later (after the first paint). Writes wait for
the check, and a failed check refuses them for good: nothing is written to a damaged
file, as when the check ran before the window."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest

from models import services
from models.clock import FixedClock
from models.errors import StoreError
from models.queries.clients import client_names
from models.queries.stats import trash
from models.store import open_store
from models.vault.integrity import DamagedDatabaseError
from models.vault.opening import open_database
from models.vault.safe_open import finish_open, open_quickly
from tests.models.helpers import account
from tests.models.test_backup import damage
from tests.models.test_integrity import fill


def test_writes_wait_until_allowed(db_path: Path) -> None:
    store = open_store(db_path)
    store.hold_writes()
    done = threading.Event()

    def writer() -> None:
        with store.write() as uow:
            services.create_account(uow, "Waited")
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    assert not done.wait(0.2)  # held: nothing written yet
    assert client_names(store) == []
    store.allow_writes()
    thread.join(5)
    assert done.is_set() and [n for _, n in client_names(store)] == ["Waited"]
    store.close()


def test_refused_writes_raise_and_write_nothing(db_path: Path) -> None:
    store = open_store(db_path)
    store.hold_writes()
    store.refuse_writes(StoreError("damaged, nothing written"))
    with pytest.raises(StoreError, match="damaged, nothing written"), store.write() as uow:
        services.create_account(uow, "Never")
    assert client_names(store) == [] and store.writes_refused is not None
    store.close()


def test_quick_open_holds_writes_until_the_check_passes(db_path: Path, clock: FixedClock) -> None:
    store = open_store(db_path, clock=clock)
    kept = account(store, "Kept")
    old = account(store, "Old, in Trash")
    with store.write() as uow:
        services.soft_delete(uow, "account", old)
    store.close()
    clock.advance(timedelta(days=400))
    store = open_quickly(db_path, clock=clock)
    assert [r.id for r in trash(store)] == [old]  # not purged before the window paints
    finish_open(store)
    assert trash(store) == []  # purged once checked
    assert [i for i, _ in client_names(store)] == [kept]
    account(store, "Written after the check")  # writes flow
    store.close()


def test_a_damaged_database_opens_quickly_but_refuses_every_write(
    db_path: Path, clock: FixedClock
) -> None:
    store = open_store(db_path, clock=clock)
    fill(store)
    store.close()
    damage(db_path, pages=(20, 21))
    before = db_path.read_bytes()
    store = open_quickly(db_path, clock=clock)
    with pytest.raises(DamagedDatabaseError, match="is damaged"):
        finish_open(store)
    with pytest.raises(DamagedDatabaseError), store.write() as uow:
        services.create_account(uow, "Never")
    store.discard()
    assert db_path.read_bytes() == before


def test_open_database_is_quick_only_when_asked(db_path: Path) -> None:
    account_store = open_store(db_path)
    account(account_store, "Acme")
    account_store.close()
    store = open_database(str(db_path), quick=True)
    assert store.writes_refused is None
    account(store, "Before the check")  # the first write runs the check itself: no wait
    finish_open(store)  # then the check is done: it only purges
    assert sorted(n for _, n in client_names(store)) == ["Acme", "Before the check"]
    store.close()
    store = open_database(str(db_path))
    account(store, "At once")  # the command line's open checks first: writes flow
    store.close()


def test_a_write_before_the_check_runs_it_and_is_refused_on_a_damaged_file(
    db_path: Path, clock: FixedClock
) -> None:
    store = open_store(db_path, clock=clock)
    fill(store)
    store.close()
    damage(db_path, pages=(20, 21))
    before = db_path.read_bytes()
    store = open_quickly(db_path, clock=clock)
    with pytest.raises(DamagedDatabaseError), store.write() as uow:  # nothing started it
        services.create_account(uow, "Never")
    with pytest.raises(DamagedDatabaseError):
        finish_open(store)  # the outcome of the check the write ran
    store.discard()
    assert db_path.read_bytes() == before


def test_the_check_runs_once_however_many_ask(db_path: Path) -> None:
    store = open_store(db_path)
    runs: list[int] = []
    store.hold_writes(lambda: runs.append(1) or None)
    threads = [threading.Thread(target=lambda: account(store, "x")) for _ in range(4)]
    for t in threads:
        t.start()
    store.run_held_check()
    for t in threads:
        t.join(10)
    assert runs == [1] and len(client_names(store)) == 4
    store.close()
