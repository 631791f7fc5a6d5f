"""What every service shares: stamping new rows, finding live ones, applying changes,
and marking a public service so that only the outermost call records its undo."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from models import fields
from models.entities import KINDS, Account, Timestamped
from models.errors import NotFoundError, ValidationError
from models.store import UnitOfWork

F = TypeVar("F", bound=Callable[..., Any])


def service(fn: F) -> F:
    """A public service: calls it makes to other services record no undo of their own."""

    @wraps(fn)
    def wrapper(uow: UnitOfWork, *args: Any, **kwargs: Any) -> Any:
        uow.depth += 1
        try:
            return fn(uow, *args, **kwargs)
        finally:
            uow.depth -= 1

    return cast(F, wrapper)


def stamp_new(uow: UnitOfWork, obj: Timestamped, kind: str) -> None:
    obj.created_at = uow.now
    obj.updated_at = uow.now
    uow.session.add(obj)
    uow.session.flush()
    uow.touched(kind, obj.id)


def get(uow: UnitOfWork, kind: str, id_: str, *, deleted_ok: bool = False) -> Any:
    obj = uow.session.get(KINDS[kind], id_)
    if obj is None or (obj.deleted_at is not None and not deleted_ok):
        raise NotFoundError(f"no {kind} with id {id_}")
    return obj


def apply(uow: UnitOfWork, kind: str, obj: Timestamped, fields: dict[str, Any]) -> dict[str, Any]:
    """Set ``fields`` on ``obj``; returns the previous values of those that changed."""
    old: dict[str, Any] = {}
    for name, value in fields.items():
        current = getattr(obj, name)
        if current != value:
            old[name] = current
            setattr(obj, name, value)
    if old:
        obj.updated_at = uow.now
        uow.touched(kind, obj.id)
    return old


def checked(uow: UnitOfWork, kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` cleaned by their declarations; the client they name must be live."""
    out = fields.clean(kind, values)
    if out.get("account_id") is not None:
        live_account(uow, out["account_id"])
    return out


def contact_of(
    uow: UnitOfWork, account_id: str, values: dict[str, Any], current: str | None = None
) -> None:
    """A deal's or follow-up's contact, when it names a new one, is a live contact of its
    client (the one it already names may stay, even in Trash)."""
    contact_id = values.get("contact_id")
    if "contact_id" in values and not contact_id:
        values["contact_id"] = None
    elif contact_id and contact_id != current:
        contact: Any = uow.session.get(KINDS["contact"], contact_id)
        if contact is None or contact.deleted_at is not None or contact.account_id != account_id:
            raise ValidationError("contact_id", "the contact is not one of this client's")


def live_account(uow: UnitOfWork, account_id: str) -> Account:
    account: Account = get(uow, "account", account_id)
    return account


def record_update(
    uow: UnitOfWork,
    update: Callable[..., dict[str, Any]],
    id_: str,
    old: dict[str, Any],
    new: dict[str, Any],
) -> None:
    """Undo of an update sets the old values again through the same service; redo the new."""
    if old:
        before, after = dict(old), dict(new)  # the caller may go on changing its dicts
        uow.record(lambda u: update(u, id_, **before), lambda u: update(u, id_, **after))


def update_with_contact(
    uow: UnitOfWork,
    kind: str,
    id_: str,
    values: dict[str, Any],
    update: Callable[..., dict[str, Any]],
) -> dict[str, Any]:
    """The update of a deal or a follow-up (rows of a client that may name one of its
    contacts): checked, applied, reported with the client, its undo recorded."""
    obj = get(uow, kind, id_)
    clean = checked(uow, kind, values)
    contact_of(uow, obj.account_id, clean, obj.contact_id)
    old = apply(uow, kind, obj, clean)
    if old:
        uow.touched("account", obj.account_id)
    record_update(uow, update, id_, old, clean)
    return old
