"""Turning an import plan into a bulk write: what each row creates or merges.

Used by :func:`models.transfer.importer.apply_import` inside its one transaction. A new
row becomes a creation of :class:`models.services.bulk.BulkWrite`; a row matched to an
existing record is merged into it by each field's declared merge rule
(:func:`models.fields.merge_changes`: lists united, text appended, the rest
overwritten when the file has a value). Targets are loaded once, in chunks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select

from models import fields
from models.entities import Account, Contact
from models.services.bulk import BulkWrite
from models.store import UnitOfWork
from models.transfer.plan import PendingAccount, PlanRow

IN_CHUNK = 500


def _merge(kind: str, current: dict[str, Any], incoming: dict[str, Any]) -> dict[str, Any]:
    """The changed fields when ``incoming`` is merged into ``current`` (not changed)."""
    out = fields.merge_changes(kind, current, incoming)
    if incoming.get("account_id") and incoming["account_id"] != current.get("account_id"):
        out["account_id"] = incoming["account_id"]
    return out


class Writer:
    """Collects an import's creations and merges, then writes them as one batch."""

    def __init__(
        self, uow: UnitOfWork, source_name: str, pending: dict[str, PendingAccount]
    ) -> None:
        self.uow = uow
        self.bulk = BulkWrite(uow, source_name)
        self.pending = {p.id: p for p in pending.values()}
        self.existing: dict[str, Account | Contact] = {}
        #: pending companies created so far (their rows may be written already)
        self.made: set[str] = set()
        self.problems: list[str] = []
        self.created_rows = 0
        self.updated_rows = 0
        self.unchanged = 0
        self.accounts_created = 0

    @property
    def batch_id(self) -> str:
        return self.bulk.batch_id

    def prefetch(self, rows: Iterable[PlanRow]) -> None:
        """Load every merge target in a few queries (not one per row)."""
        wanted: dict[str, list[str]] = {"contact": [], "account": []}
        for row in rows:
            if row.match_id and row.kind in wanted:
                wanted[row.kind].append(row.match_id)
        session = self.uow.session
        classes: tuple[tuple[str, Any], ...] = (("contact", Contact), ("account", Account))
        for kind, cls in classes:
            ids = sorted(set(wanted[kind]))
            for i in range(0, len(ids), IN_CHUNK):
                part = ids[i : i + IN_CHUNK]
                stmt = select(cls).where(cls.id.in_(part), cls.deleted_at.is_(None))
                for obj in session.scalars(stmt):
                    self.existing[obj.id] = obj

    def _ensure_account(self, account_id: str | None) -> None:
        """Create the pending company a contact row refers to, once."""
        if account_id is None or account_id in self.made or account_id not in self.pending:
            return
        self.bulk.create("account", account_id, {"name": self.pending[account_id].name})
        self.made.add(account_id)
        self.accounts_created += 1

    def write_part(self, tick: Callable[[float], None], chunk: int) -> None:
        """Write the rows collected so far and forget them (see BulkWrite.write_part)."""
        self.bulk.write_part(tick, chunk)
        self.existing.clear()

    def create(self, row: PlanRow) -> None:
        if row.kind == "contact":
            self._ensure_account(row.account_id)
            self.bulk.create("contact", row.new_id, row.fields, account_id=row.account_id)
        elif row.kind == "account":
            self.bulk.create("account", row.new_id, row.fields)
        else:
            self.bulk.create("interaction", row.new_id, row.fields, account_id=row.account_id)
            self.bulk.link_contacts(row.new_id, row.contact_ids)
        self.created_rows += 1

    def update(self, row: PlanRow) -> None:
        target = row.match_id or ""
        incoming = dict(row.fields)
        if row.kind == "contact":
            incoming["account_id"] = row.account_id
        planned = self.bulk.new.get(row.kind, {}).get(target)
        if planned is not None:
            changes = _merge(row.kind, planned, incoming)
            if changes.get("account_id"):
                self._ensure_account(changes["account_id"])
            self.bulk.merge_planned(row.kind, target, changes)
            if changes:
                self.updated_rows += 1
            else:
                self.unchanged += 1
            return
        obj = self.existing.get(target)
        if obj is None:  # gone since the preview, or its row was skipped: create instead
            row.match_id = None
            self.create(row)
            return
        names = (*fields.names(row.kind), "account_id")
        current = {c: getattr(obj, c) for c in names if hasattr(obj, c)}
        changes = _merge(row.kind, current, incoming)
        if not changes:
            self.unchanged += 1
            return
        if changes.get("account_id"):
            self._ensure_account(changes["account_id"])
        self.bulk.merge(row.kind, obj, changes)
        self.updated_rows += 1
