"""Small builders for model tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from models import services
from models.store import Store


def account(store: Store, name: str = "PT Maju Jaya", **fields: Any) -> str:
    with store.write() as uow:
        return services.create_account(uow, name, **fields)


def contact(store: Store, account_id: str | None, name: str, **fields: Any) -> str:
    with store.write() as uow:
        return services.create_contact(uow, name, account_id=account_id, **fields)


def note(
    store: Store, account_id: str, body: str, at: datetime | None = None, **fields: Any
) -> str:
    with store.write() as uow:
        return services.add_interaction(uow, account_id, body=body, occurred_at=at, **fields)


def followup(store: Store, account_id: str, title: str, due: datetime, **fields: Any) -> str:
    with store.write() as uow:
        return services.create_followup(uow, account_id, title, due, **fields)
