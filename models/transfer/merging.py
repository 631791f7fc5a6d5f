"""Writing an import plan: bulk inserts for what is new, merges for what matched.

Used by :func:`models.transfer.importer.apply_import` inside its one transaction. New
rows are collected as plain dicts (ids and timestamps set here) and inserted in chunks
with ``session.execute(insert(Entity), rows)``; merges load their targets once, in
chunks, and change them in place. Every created or changed row becomes an
ImportBatchItem (changed ones with their old values) so the batch can be undone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, text

from models.entities import (
    Account,
    Contact,
    ImportBatch,
    ImportBatchItem,
    Interaction,
    interaction_contacts,
    new_id,
)
from models.search_docs import CONTACTS, index_new_rows
from models.store import UnitOfWork
from models.transfer.records import new_account_defaults

if TYPE_CHECKING:
    from models.transfer.plan import PendingAccount, PlanRow

IN_CHUNK = 500
BULK_CACHE_KIB = 64 * 1024
_CONTACT_SCALARS = ("title", "birthday")
_ACCOUNT_SCALARS = ("industry", "website", "phone", "address", "tier", "status", "cadence_days")


def to_json(value: Any) -> Any:
    """A value as JSON can hold it (dates as ISO text), for an item's old values."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return list(value)
    return value


def _merge(
    current: dict[str, Any], incoming: dict[str, Any], scalars: Sequence[str]
) -> dict[str, Any]:
    """The changed fields when ``incoming`` is merged into ``current`` (which is not changed).

    Lists (e-mails, phones) are united; non-empty scalars overwrite; notes are appended
    unless already there.
    """
    out: dict[str, Any] = {}
    for name in ("emails", "phones"):
        if name in incoming:
            have = list(current.get(name) or [])
            folded = {x.casefold() for x in have}
            extra = [x for x in incoming[name] if x.casefold() not in folded]
            if extra:
                out[name] = have + extra
    for name in scalars:
        value = incoming.get(name)
        if value not in (None, "") and value != current.get(name):
            out[name] = value
    notes = incoming.get("notes") or ""
    have_notes = current.get("notes") or ""
    if notes and notes not in have_notes:
        out["notes"] = f"{have_notes}\n\n{notes}" if have_notes else notes
    if incoming.get("account_id") and incoming["account_id"] != current.get("account_id"):
        out["account_id"] = incoming["account_id"]
    return out


class Writer:
    """Collects an import's creations and merges, then writes them as one batch."""

    def __init__(
        self, uow: UnitOfWork, source_name: str, pending: dict[str, PendingAccount]
    ) -> None:
        self.uow = uow
        self.now = uow.now
        self.source_name = source_name
        self.batch_id = new_id()
        self.pending = {p.id: p for p in pending.values()}
        self.accounts: dict[str, dict[str, Any]] = {}
        self.contacts: dict[str, dict[str, Any]] = {}
        self.interactions: list[dict[str, Any]] = []
        self.links: list[dict[str, str]] = []
        self.items: list[dict[str, Any]] = []
        self.existing: dict[str, Account | Contact] = {}
        self.problems: list[str] = []
        self.created_rows = 0
        self.updated_rows = 0
        self.unchanged = 0
        self.accounts_created = 0

    # -- collecting ------------------------------------------------------------------------

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

    def _item(self, kind: str, ref_id: str, action: str, old: dict[str, Any] | None = None) -> None:
        self.items.append(
            {
                "id": new_id(),
                "batch_id": self.batch_id,
                "kind": kind,
                "ref_id": ref_id,
                "action": action,
                "old_values": {k: to_json(v) for k, v in (old or {}).items()},
                "created_at": self.now,
                "updated_at": self.now,
                "deleted_at": None,
            }
        )

    def _stamps(self, id_: str) -> dict[str, Any]:
        return {"id": id_, "created_at": self.now, "updated_at": self.now, "deleted_at": None}

    def _ensure_account(self, account_id: str | None) -> None:
        """Create the pending company a contact row refers to, once."""
        if account_id is None or account_id in self.accounts or account_id not in self.pending:
            return
        pending = self.pending[account_id]
        self._new_account(account_id, {"name": pending.name})

    def _new_account(self, id_: str, values: dict[str, Any]) -> None:
        row = {
            **self._stamps(id_),
            "name": values["name"],
            "industry": values.get("industry", ""),
            "website": values.get("website", ""),
            "phone": values.get("phone", ""),
            "address": values.get("address", ""),
            "notes": values.get("notes", ""),
            "last_contact_at": None,
            "next_followup_at": None,
            **new_account_defaults(values),
        }
        self.accounts[id_] = row
        self.accounts_created += 1
        self._item("account", id_, "create")
        self.uow.touched("account", id_)

    def create(self, row: PlanRow) -> None:
        if row.kind == "contact":
            self._ensure_account(row.account_id)
            f = row.fields
            self.contacts[row.new_id] = {
                **self._stamps(row.new_id),
                "account_id": row.account_id,
                "name": f["name"],
                "title": f["title"],
                "emails": list(f["emails"]),
                "phones": list(f["phones"]),
                "birthday": f["birthday"],
                "notes": f["notes"],
            }
            self._item("contact", row.new_id, "create")
            self.uow.touched("contact", row.new_id)
            if row.account_id:
                self.uow.touched("account", row.account_id)
        elif row.kind == "account":
            self._new_account(row.new_id, row.fields)
            self.accounts_created -= 1  # the row itself, counted in created_rows
        else:
            self.interactions.append(
                {**self._stamps(row.new_id), **row.fields, "account_id": row.account_id}
            )
            self.links.extend(
                {"interaction_id": row.new_id, "contact_id": c} for c in row.contact_ids
            )
            self._item("interaction", row.new_id, "create")
            self.uow.touched("interaction", row.new_id)
            self.uow.touched("account", str(row.account_id))
        self.created_rows += 1

    def update(self, row: PlanRow) -> None:
        target = row.match_id or ""
        incoming = dict(row.fields)
        if row.kind == "contact":
            incoming["account_id"] = row.account_id
        scalars = _CONTACT_SCALARS if row.kind == "contact" else _ACCOUNT_SCALARS
        if target in self.contacts or target in self.accounts:
            planned = self.contacts.get(target) or self.accounts[target]
            changes = _merge(planned, incoming, scalars)
            if changes.get("account_id"):
                self._ensure_account(changes["account_id"])
            planned.update(changes)
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
        current = {
            c: getattr(obj, c)
            for c in (*scalars, "emails", "phones", "notes", "account_id")
            if hasattr(obj, c)
        }
        changes = _merge(current, incoming, scalars)
        if not changes:
            self.unchanged += 1
            return
        if changes.get("account_id"):
            self._ensure_account(changes["account_id"])
        self._item(row.kind, obj.id, "update", {k: current.get(k) for k in changes})
        for name, value in changes.items():
            setattr(obj, name, value)
        obj.updated_at = self.now
        self.updated_rows += 1
        self.uow.touched(row.kind, obj.id)
        for owner in {current.get("account_id"), changes.get("account_id")} - {None}:
            self.uow.touched("account", str(owner))

    # -- writing ---------------------------------------------------------------------------

    def flush(
        self, skipped: int, errors: list[str], tick: Callable[[float], None], chunk: int
    ) -> str | None:
        """Insert everything collected, in chunks; returns the batch id (None if no change).

        ``tick`` hears the fraction written so far (0..1) after each chunk."""
        session = self.uow.session
        if not self.items:
            return None
        # A bigger page cache for this transaction: fewer spills of encrypted pages while
        # tens of thousands of rows (and their search-index rows) go in.
        previous = session.execute(text("PRAGMA cache_size")).scalar()
        session.execute(text(f"PRAGMA cache_size = -{BULK_CACHE_KIB}"))
        try:
            return self._write(skipped, errors, tick, chunk)
        finally:
            session.execute(text(f"PRAGMA cache_size = {int(previous or -2000)}"))

    def _write(
        self, skipped: int, errors: list[str], tick: Callable[[float], None], chunk: int
    ) -> str:
        session = self.uow.session
        with session.no_autoflush:
            session.execute(
                insert(ImportBatch),
                [
                    {
                        **self._stamps(self.batch_id),
                        "source_name": self.source_name[:300],
                        "created_count": self.created_rows,
                        "updated_count": self.updated_rows,
                        "skipped_count": skipped,
                        "errors": errors,
                        "undone_at": None,
                    }
                ],
            )
            done = self._insert(Account, list(self.accounts.values()), chunk, 0, tick)
        session.flush()  # merges may point at the accounts just inserted
        done = self._insert_contacts(chunk, done, tick)
        self._insert(Interaction, self.interactions, chunk, done, tick)
        if self.links:
            session.execute(insert(interaction_contacts), self.links)
        _executemany(session, ImportBatchItem, self.items, chunk * 2)
        self.uow.touched("import_batch", self.batch_id)
        return self.batch_id

    def _insert(
        self,
        cls: type[Account] | type[Contact] | type[Interaction],
        rows: list[dict[str, Any]],
        chunk: int,
        done: int,
        tick: Callable[[float], None],
    ) -> int:
        total = max(1, len(self.accounts) + len(self.contacts) + len(self.interactions))
        for i in range(0, len(rows), chunk):
            part = rows[i : i + chunk]
            _executemany(self.uow.session, cls, part, chunk)
            done += len(part)
            tick(done / total)
        return done

    def _insert_contacts(self, chunk: int, done: int, tick: Callable[[float], None]) -> int:
        """Insert the new contacts with their search indexing deferred, then index them
        set-wise: the same search_docs, search_fts and client_fts rows the per-row
        triggers would have written (migration 0004), in a fraction of the time."""
        if not self.contacts:
            return done
        session = self.uow.session
        last = session.execute(text("SELECT coalesce(max(rowid), 0) FROM contacts")).scalar()
        session.execute(text("INSERT INTO index_deferral(token) VALUES (:t)"), {"t": self.batch_id})
        done = self._insert(Contact, list(self.contacts.values()), chunk, done, tick)
        for statement in _INDEX_NEW_CONTACTS:
            session.execute(text(statement), {"last": last})
        session.execute(text("DELETE FROM index_deferral WHERE token = :t"), {"t": self.batch_id})
        return done


# What the contact insert triggers of migrations 0001 (search_fts) and 0003 (client_fts)
# do per row, for every contact inserted after rowid :last; in rowid order, so search_docs
# gives them the docids the triggers would have. tests/models/transfer check that both
# ways index the same text.
_CLIENT_DOC = """
    (SELECT a.name
        || ' ' || coalesce((SELECT group_concat(c.name, ' ') FROM contacts c
                            WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')
        || ' ' || coalesce((SELECT group_concat(t.name, ' ') FROM account_tags x
                            JOIN tags t ON t.id = x.tag_id WHERE x.account_id = a.id), '')
     FROM accounts a
     WHERE a.id = (SELECT account_id FROM client_docs WHERE docid = client_fts.rowid))"""
_INDEX_NEW_CONTACTS = (
    *index_new_rows(CONTACTS),
    f"""UPDATE client_fts SET body = {_CLIENT_DOC}
        WHERE rowid IN (SELECT d.docid FROM client_docs d WHERE d.account_id IN
                        (SELECT account_id FROM contacts
                         WHERE rowid > :last AND account_id IS NOT NULL))""",
)


def _executemany(session: Any, cls: Any, rows: list[dict[str, Any]], chunk: int) -> None:
    """INSERT ``rows`` with the driver's executemany; each row names every column.

    Values go through each column type's own bind processor (the same text SQLAlchemy
    would store), without SQLAlchemy building a statement's parameters per row; rows
    that leave columns to their defaults go through ``insert(cls)`` instead.
    """
    if not rows:
        return
    table = cls.__table__
    names = [c.name for c in table.columns]
    if any(len(row) != len(names) for row in rows) or not set(names) <= rows[0].keys():
        for at in range(0, len(rows), chunk):
            session.execute(insert(cls), rows[at : at + chunk])
        return
    connection = session.connection()
    dialect = connection.dialect
    processors = [c.type._cached_bind_processor(dialect) for c in table.columns]
    work = [(i, p) for i, p in enumerate(processors) if p is not None]
    # Timestamps are the same object in every row: each distinct value is processed once.
    memo: dict[tuple[int, Any], Any] = {}
    stamped = {i for i, p in work if isinstance(rows[0][names[i]], datetime)}
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    cursor = connection.connection.driver_connection.cursor()
    try:
        for at in range(0, len(rows), chunk):
            params = []
            for row in rows[at : at + chunk]:
                values = [row[n] for n in names]
                for i, proc in work:
                    value = values[i]
                    if i in stamped:
                        key = (i, value)
                        if key not in memo:
                            memo[key] = proc(value)
                        values[i] = memo[key]
                    else:
                        values[i] = proc(value)
                params.append(values)
            cursor.executemany(sql, params)
    finally:
        cursor.close()
