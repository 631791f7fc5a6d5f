"""The team server's password in the OS keyring (never in settings, logs or arguments).

One entry per server and user, under the service name "Relasi team sync".
"""

from __future__ import annotations

import contextlib

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from models.errors import KeyringUnavailableError

SERVICE = "Relasi team sync"


def _name(url: str, user: str) -> str:
    return f"{user} {url}"


def save_password(url: str, user: str, password: str) -> None:
    try:
        keyring.set_password(SERVICE, _name(url, user), password)
    except KeyringError as exc:
        raise KeyringUnavailableError(f"the keyring cannot keep the password: {exc}") from None


def load_password(url: str, user: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _name(url, user))
    except KeyringError:
        return None


def forget_password(url: str, user: str) -> None:
    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(SERVICE, _name(url, user))
