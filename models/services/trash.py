"""Trash: moving rows to it (soft delete), putting them back, and emptying it.

"Put back" is Trash's word (a backup is *restored*; see models.vault.restore).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, select

from models.entities import KINDS, Account, FollowUp, Timestamped
from models.errors import ValidationError
from models.services.base import get, service
from models.store import UnitOfWork


def record_created(uow: UnitOfWork, kind: str, id_: str) -> None:
    """Undo of a creation moves the row to Trash; redo puts it back."""
    uow.record(lambda u: soft_delete(u, kind, id_), lambda u: put_back(u, kind, id_))


def _owner_account(obj: Timestamped) -> str | None:
    account_id = getattr(obj, "account_id", None)
    return str(account_id) if account_id else None


def _touch_with_owner(uow: UnitOfWork, kind: str, obj: Timestamped) -> None:
    """Report a row moved to or from Trash, its client, and for a client the follow-ups
    that appear or disappear with it (panes list those only for live clients)."""
    uow.touched(kind, obj.id)
    if (owner := _owner_account(obj)) is not None:
        uow.touched("account", owner)
    if kind == "account":
        followups = uow.session.scalars(select(FollowUp.id).where(FollowUp.account_id == obj.id))
        uow.touched("followup", *followups)


@service
def soft_delete(uow: UnitOfWork, kind: str, id_: str) -> None:
    """Move a row to Trash (it can be put back)."""
    obj = get(uow, kind, id_)
    obj.deleted_at = uow.now
    obj.updated_at = uow.now
    _touch_with_owner(uow, kind, obj)
    uow.record(lambda u: put_back(u, kind, id_), lambda u: soft_delete(u, kind, id_))


@service
def put_back(uow: UnitOfWork, kind: str, id_: str) -> None:
    """Bring a row back from Trash."""
    obj = get(uow, kind, id_, deleted_ok=True)
    if obj.deleted_at is None:
        return
    if (owner := _owner_account(obj)) is not None and kind != "account":
        account = uow.session.get(Account, owner)
        if account is not None and account.deleted_at is not None:
            raise ValidationError("account_id", "put the client back first")
    obj.deleted_at = None
    obj.updated_at = uow.now
    _touch_with_owner(uow, kind, obj)
    uow.record(lambda u: soft_delete(u, kind, id_), lambda u: put_back(u, kind, id_))


def purge_trash(uow: UnitOfWork, older_than: timedelta | None) -> int:
    """Delete for good what has been in Trash longer than ``older_than`` (everything in
    Trash when None: "Empty Trash"); returns a count. This cannot be undone."""
    total = 0
    for kind in (
        "document",
        "interaction",
        "followup",
        "deal",
        "contact",
        "account",
        "tag",
        "quota",
        "competitor",
        "trend",
    ):
        cls = KINDS[kind]
        stmt = select(cls.id).where(cls.deleted_at.is_not(None))
        if older_than is not None:
            stmt = stmt.where(cls.deleted_at < uow.now - older_than)
        ids = list(uow.session.scalars(stmt))
        if ids:
            uow.session.execute(delete(cls).where(cls.id.in_(ids)))
            uow.touched(kind, *ids)
            total += len(ids)
    return total
