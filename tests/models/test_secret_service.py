"""The database key in a real Secret Service (gnome-keyring on a private D-Bus)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from models import services
from models.errors import KeyMissingError
from models.queries.clients import client_names
from models.store import open_store
from models.vault import keys

pytestmark = pytest.mark.secret_service


def test_create_and_reopen(tmp_path: Path, secret_service: keyring.backend.KeyringBackend) -> None:
    path = tmp_path / "ss.db"
    store = open_store(path)
    with store.write() as uow:
        services.create_account(uow, "Kept In The Vault")
    store.close()
    stored = secret_service.get_password(keys.SERVICE, keys.key_username(path))
    assert stored is not None and len(bytes.fromhex(stored)) == 32
    store = open_store(path)
    assert [n for _, n in client_names(store)] == ["Kept In The Vault"]
    store.close()


def test_deleted_entry_refuses_to_open(
    tmp_path: Path, secret_service: keyring.backend.KeyringBackend
) -> None:
    path = tmp_path / "gone.db"
    open_store(path).close()
    before = path.read_bytes()
    secret_service.delete_password(keys.SERVICE, keys.key_username(path))
    with pytest.raises(KeyMissingError):
        open_store(path)
    assert path.read_bytes() == before
