"""Team-sync settings without a server: the keyring entry, configure/status, and the
clear refusals (no server set, no user, a password in the address)."""

from __future__ import annotations

import pytest

from models import services, sync
from models.errors import ServerAuthError, ValidationError
from models.store import Store
from models.sync import credentials
from models.sync.api import user_of


def test_the_password_lives_in_the_keyring_under_its_server_and_user() -> None:
    url = "postgresql://ana@db.example.com/relasi"
    assert credentials.load_password(url, "ana") is None
    credentials.save_password(url, "ana", "s3cret")
    assert credentials.load_password(url, "ana") == "s3cret"
    assert credentials.load_password(url, "budi") is None
    credentials.forget_password(url, "ana")
    credentials.forget_password(url, "ana")  # forgetting twice is harmless
    assert credentials.load_password(url, "ana") is None


def test_configure_saves_the_server_and_starts_the_log(store: Store) -> None:
    with store.write() as uow:
        services.create_account(uow, name="Acme")
    assert sync.status(store) == sync.SyncStatus(None, 0, None, None)
    sync.configure(store, "postgresql://ana@db.example.com/relasi", "ana", True)
    got = sync.status(store)
    assert (got.url, got.user, got.pending) == ("postgresql://ana@db.example.com/relasi", "ana", 1)


def test_clear_refusals(store: Store) -> None:
    with pytest.raises(sync.SyncError, match="no team server"):
        sync.sync(store)
    with pytest.raises(ValidationError, match="must not carry a password"):
        sync.configure(store, "postgresql://ana:pw@db.example.com/relasi", "ana", False)
    with pytest.raises(ValidationError):
        user_of("postgresql://db.example.com/relasi")
    assert user_of("postgresql://db.example.com/relasi", "budi") == "budi"
    with pytest.raises(ServerAuthError, match="no password"):
        sync.sync(store, "postgresql://ana@127.0.0.1:9/relasi")
