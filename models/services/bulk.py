"""Bulk writes: many rows created or merged in one unit of work, under the services' rules.

An import is the bulk writer's caller. Values are checked by the field declarations
(:func:`models.fields.clean`; rows the importer already cleaned are not checked twice),
every created or changed row is reported to the store's listeners and recorded as an
ImportBatchItem, and the unit of work records the undo (put the old values back, move
the new rows to Trash) and the redo (apply the recorded rows again), as every service
does. New rows go in with the driver's ``executemany``, each value through its column
type's own bind processor (public SQLAlchemy API), so a large import stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Table, select, text, update

from models import fields
from models.entities import (
    DEFAULT_CADENCE,
    KINDS,
    Account,
    AccountStatus,
    Contact,
    ImportBatch,
    ImportBatchItem,
    Tier,
    interaction_contacts,
    new_id,
)
from models.errors import NotFoundError, ValidationError
from models.search_docs import CONTACTS, REFRESH_CLIENTS_OF_NEW_CONTACTS, index_new_rows
from models.services.base import apply
from models.store import UnitOfWork

Tick = Callable[[float], None]
IN_CHUNK = 500
#: The page cache of a bulk write (a streamed import's peak memory counts it: 64 MB cost
#: 47 MB of peak RSS at 100,000 rows for no measurable speed).
BULK_CACHE_KIB = 16 * 1024
#: Tables in the order new rows go in (a contact's account before the contact).
_ORDER = ("account", "contact", "interaction")


def to_json(value: Any) -> Any:
    """A value as JSON can hold it (dates as ISO text), for an item's old values."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return list(value)
    return value


def _column_default(column: Column[Any]) -> Any:
    """The value a row left out of an insert gets (the column's Python-side default)."""
    default = column.default
    arg = getattr(default, "arg", None)
    if default is None or arg is None:
        return None
    return arg(None) if callable(arg) else arg


def account_defaults(values: Mapping[str, Any]) -> dict[str, Any]:
    """Tier, status and cadence for an account a bulk write creates."""
    tier = values.get("tier") or Tier.B.value
    return {
        "tier": tier,
        "status": values.get("status") or AccountStatus.ACTIVE.value,
        "cadence_days": values.get("cadence_days") or DEFAULT_CADENCE[Tier(tier)],
    }


class BulkWrite:
    """Creations and merges collected for one batch, written by :meth:`flush`."""

    #: New contacts are indexed for search set-wise after they go in (migration 0004's
    #: deferral); False leaves it to the per-row triggers (the tests compare both).
    defer_contact_indexing = True

    def __init__(self, uow: UnitOfWork, source_name: str) -> None:
        self.uow = uow
        self.now = uow.now
        self.source_name = source_name
        self.batch_id = new_id()
        self.new: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in _ORDER}
        self.links: list[dict[str, str]] = []
        self.items: list[dict[str, Any]] = []
        self.merged: list[tuple[str, str, dict[str, Any]]] = []  # kind, id, new values
        #: rows created by parts already written (write_part)
        self.written = 0
        self._previous_cache: int | None = None
        #: the contacts' rowid after which this batch's new contacts start
        self._refresh_from: int | None = None

    # -- collecting ------------------------------------------------------------------------

    def create(self, kind: str, id_: str, values: Mapping[str, Any], **refs: Any) -> dict[str, Any]:
        """A new row of ``kind`` (checked by its declaration); returns it so that a later
        row of the same batch can still be merged into it before the flush."""
        clean = fields.clean(kind, values)
        row: dict[str, Any] = {f.name: clean.get(f.name, f.empty) for f in fields.FIELDS[kind]}
        if kind == "account":
            row.update(account_defaults(clean))
        row.update(refs)
        row.update(id=id_, created_at=self.now, updated_at=self.now, deleted_at=None)
        self.new[kind][id_] = row
        self._item(kind, id_, "create")
        self.uow.touched(kind, id_)
        if owner := refs.get("account_id"):
            self.uow.touched("account", str(owner))
        return row

    def link_contacts(self, interaction_id: str, contact_ids: Sequence[str]) -> None:
        self.links.extend({"interaction_id": interaction_id, "contact_id": c} for c in contact_ids)

    def merge_planned(self, kind: str, id_: str, changes: Mapping[str, Any]) -> None:
        """Change a row created earlier in this batch (not yet written)."""
        self.new[kind][id_].update(self._checked(kind, changes))

    def merge(self, kind: str, obj: Account | Contact, changes: Mapping[str, Any]) -> None:
        """Change an existing row; its old values go into the batch for undo."""
        clean = self._checked(kind, changes)
        before_owner = getattr(obj, "account_id", None)
        old = apply(self.uow, kind, obj, clean)
        if not old:
            return
        self._item(kind, obj.id, "update", old)
        self.merged.append((kind, obj.id, dict(clean)))
        for owner in {before_owner, getattr(obj, "account_id", None)} - {None}:
            self.uow.touched("account", str(owner))

    def _checked(self, kind: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        clean = dict(fields.clean(kind, {k: v for k, v in changes.items() if k != "account_id"}))
        if "account_id" in changes:
            clean["account_id"] = changes["account_id"]
        return clean

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

    @property
    def count(self) -> int:
        return sum(len(rows) for rows in self.new.values())

    # -- writing ---------------------------------------------------------------------------

    def flush(
        self,
        counts: Mapping[str, int],
        errors: list[str],
        tick: Callable[[float], None],
        chunk: int,
    ) -> str | None:
        """Write everything collected; returns the batch id (None if nothing changed).

        ``counts`` are the batch's created/updated/skipped numbers as the caller reports
        them; ``tick`` hears the fraction written so far (0..1) after each chunk."""
        self.write_part(tick, chunk)
        return self.finish(counts, errors)

    def write_part(self, tick: Callable[[float], None], chunk: int) -> None:
        """Write what was collected so far and forget it (a streamed import writes each
        batch of its rows so; :meth:`finish` ends the batch). The merges are flushed;
        rows created so far can be merged into only as existing rows from now on."""
        if not self.items:
            return
        session = self.uow.session
        if self._previous_cache is None:
            # A bigger page cache for this transaction: fewer spills of encrypted pages
            # while tens of thousands of rows (and their search-index rows) go in. (No
            # autoflush: merges may point at accounts of this batch, which go in first.)
            with session.no_autoflush:
                self._previous_cache = int(
                    session.execute(text("PRAGMA cache_size")).scalar() or -2000
                )
            session.execute(text(f"PRAGMA cache_size = -{BULK_CACHE_KIB}"))
            batch = {
                "id": self.batch_id,
                "created_at": self.now,
                "updated_at": self.now,
                "deleted_at": None,
                "source_name": self.source_name[:300],
                "created_count": 0,
                "updated_count": 0,
                "skipped_count": 0,
                "errors": [],
                "undone_at": None,
            }
            insert_rows(self.uow, ImportBatch.__table__, [batch], chunk)  # type: ignore[arg-type]
        try:
            self._write(tick, chunk)
        except BaseException:
            self._restore_cache()
            raise
        for kind in _ORDER:
            self.written += len(self.new[kind])
            self.new[kind] = {}
        self.links = []
        self.items = []

    def _restore_cache(self) -> None:
        if self._previous_cache is not None:
            self.uow.session.execute(text(f"PRAGMA cache_size = {self._previous_cache}"))

    def finish(self, counts: Mapping[str, int], errors: list[str]) -> str | None:
        """End the batch: its counts and errors, and its undo and redo; returns its id
        (None if nothing changed, and then nothing was written)."""
        if self._previous_cache is None:
            return None
        if self._refresh_from is not None:
            session = self.uow.session
            session.execute(text(REFRESH_CLIENTS_OF_NEW_CONTACTS), {"last": self._refresh_from})
        self._restore_cache()
        self.uow.session.execute(
            update(ImportBatch)
            .where(ImportBatch.id == self.batch_id)
            .values(
                created_count=counts.get("created", 0),
                updated_count=counts.get("updated", 0),
                skipped_count=counts.get("skipped", 0),
                errors=errors,
            )
            .execution_options(synchronize_session=False)
        )
        merged = list(self.merged)
        batch_id = self.batch_id
        self.uow.record(
            lambda u: undo_batch(u, batch_id),
            lambda u: redo_batch(u, batch_id, None, merged),
        )
        return batch_id

    def _write(self, tick: Callable[[float], None], chunk: int) -> None:
        session = self.uow.session
        total, done = max(1, self.count), 0
        for kind in _ORDER:
            rows = list(self.new[kind].values())
            table: Table = KINDS[kind].__table__  # type: ignore[attr-defined]
            if kind == "contact":
                session.flush()  # the merges, now that the batch's accounts are in
            last: Any = 0
            deferred = kind == "contact" and bool(rows) and self.defer_contact_indexing
            if deferred:
                last = session.execute(
                    text("SELECT coalesce(max(rowid), 0) FROM contacts")
                ).scalar()
                session.execute(
                    text("INSERT INTO index_deferral(token) VALUES (:t)"), {"t": self.batch_id}
                )
            for at in range(0, len(rows), chunk):
                insert_rows(self.uow, table, rows[at : at + chunk], chunk)
                done += len(rows[at : at + chunk])
                tick(done / total)
            if deferred:
                for statement in _INDEX_NEW_CONTACTS:
                    session.execute(text(statement), {"last": last})
                if self._refresh_from is None:  # their clients' documents: once, in finish
                    self._refresh_from = int(last)
                session.execute(
                    text("DELETE FROM index_deferral WHERE token = :t"), {"t": self.batch_id}
                )
        session.flush()  # merges of a batch without contacts
        if self.links:
            insert_rows(self.uow, interaction_contacts, self.links, chunk)
        insert_rows(self.uow, ImportBatchItem.__table__, self.items, chunk * 2)  # type: ignore[arg-type]
        self.uow.touched("import_batch", self.batch_id)


# The contact insert triggers, set-wise for every contact after rowid :last (both search
# documents from their live definition in models/search_docs.py); the documents of their
# clients are refreshed once per batch (a streamed import writes many parts), by finish.
_INDEX_NEW_CONTACTS = index_new_rows(CONTACTS)


def insert_rows(uow: UnitOfWork, table: Table, rows: list[dict[str, Any]], chunk: int) -> None:
    """INSERT ``rows`` with the driver's executemany; a column a row leaves out gets the
    column's default. Values go through each column type's bind processor (the text
    SQLAlchemy itself would store); a value shared by every row (a timestamp) once."""
    if not rows:
        return
    connection = uow.session.connection()
    dialect = connection.dialect
    columns = list(table.columns)
    names = [c.name for c in columns]
    defaults = {c.name: _column_default(c) for c in columns}
    processors = [c.type.bind_processor(dialect) for c in columns]
    work = [(i, p) for i, p in enumerate(processors) if p is not None]
    memo: dict[tuple[int, Any], Any] = {}
    stamped = {i for i, _ in work if isinstance(rows[0].get(names[i]), datetime)}
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    full = itemgetter(*names)  # the common case: a row that names every column
    for at in range(0, len(rows), chunk):
        params = []
        for row in rows[at : at + chunk]:
            try:
                values = list(full(row))
            except KeyError:  # it leaves columns to their defaults
                values = [row[n] if n in row else defaults[n] for n in names]
            for i, proc in work:
                value = values[i]
                if i in stamped:
                    key = (i, value)
                    if key not in memo:
                        memo[key] = proc(value)
                    values[i] = memo[key]
                else:
                    values[i] = proc(value)
            params.append(tuple(values))
        connection.exec_driver_sql(sql, params)


# -- undo and redo of a batch -------------------------------------------------------------------


def undo_batch(uow: UnitOfWork, batch_id: str) -> tuple[int, int]:
    """Revert a whole batch: old values back, created rows to Trash; (deleted, restored)."""
    batch = uow.session.get(ImportBatch, batch_id)
    if batch is None or batch.deleted_at is not None:
        raise NotFoundError(f"no import with id {batch_id}")
    if batch.undone_at is not None:
        raise ValidationError("batch", f"the import of {batch.source_name} was already undone")
    items = list(
        uow.session.execute(
            select(
                ImportBatchItem.kind,
                ImportBatchItem.ref_id,
                ImportBatchItem.action,
                ImportBatchItem.old_values,
            ).where(ImportBatchItem.batch_id == batch_id)
        )
    )
    restored = _set_values(uow, [(k, r, o) for k, r, a, o in items if a == "update"], decode=True)
    deleted = _set_deleted(uow, [(k, r) for k, r, a, _ in items if a == "create"], uow.now)
    batch.undone_at = uow.now
    batch.updated_at = uow.now
    uow.touched("import_batch", batch.id)
    return deleted, restored


def redo_batch(
    uow: UnitOfWork,
    batch_id: str,
    created: Sequence[tuple[str, str]] | None,
    merged: Sequence[tuple[str, str, dict[str, Any]]],
) -> None:
    """Apply an undone batch again from its recorded rows (the file is not read again);
    ``created`` None: the rows the batch's items say it created."""
    batch = uow.session.get(ImportBatch, batch_id)
    if batch is None or batch.undone_at is None:
        raise ValidationError("batch", "this import is not undone")
    if created is None:
        created = [
            (kind, ref_id)
            for kind, ref_id in uow.session.execute(
                select(ImportBatchItem.kind, ImportBatchItem.ref_id).where(
                    ImportBatchItem.batch_id == batch_id, ImportBatchItem.action == "create"
                )
            )
        ]
    _set_deleted(uow, list(created), None)
    _set_values(uow, list(merged), decode=False)
    batch.undone_at = None
    batch.updated_at = uow.now
    uow.touched("import_batch", batch.id)


def _decoded(cls: Any, name: str, value: Any) -> Any:
    """An old value from JSON back to the column's Python type."""
    column = cls.__table__.c[name]
    if isinstance(value, str):
        try:
            python_type = column.type.python_type
        except NotImplementedError:
            return value
        if python_type is date:
            return date.fromisoformat(value)
        if python_type is datetime:
            return datetime.fromisoformat(value)
    return value


def _set_values(
    uow: UnitOfWork, items: list[tuple[str, str, dict[str, Any]]], *, decode: bool
) -> int:
    count = 0
    for kind, ref_id, values in items:
        cls = KINDS[kind]
        obj = uow.session.get(cls, ref_id)
        if obj is None:
            continue
        owners = {getattr(obj, "account_id", None), values.get("account_id")}
        for name, value in values.items():
            setattr(obj, name, _decoded(cls, name, value) if decode else value)
        obj.updated_at = uow.now
        uow.touched(kind, ref_id)
        for owner in owners - {None}:
            uow.touched("account", str(owner))
        count += 1
    uow.session.flush()
    return count


def _set_deleted(uow: UnitOfWork, items: list[tuple[str, str]], when: datetime | None) -> int:
    """Move rows to Trash (``when``) or back out of it (None), set-wise."""
    count = 0
    # Entries and contacts before the accounts they belong to.
    for kind in ("interaction", "contact", "account"):
        ids = [ref for k, ref in items if k == kind]
        cls: Any = KINDS[kind]
        for i in range(0, len(ids), IN_CHUNK):
            part = ids[i : i + IN_CHUNK]
            live = cls.deleted_at.is_(None) if when is not None else cls.deleted_at.is_not(None)
            result = uow.session.execute(
                update(cls)
                .where(cls.id.in_(part), live)
                .values(deleted_at=when, updated_at=uow.now)
                .execution_options(synchronize_session=False)
            )
            count += int(getattr(result, "rowcount", 0) or 0)
            uow.touched(kind, *part)
            if kind != "account":
                owners = uow.session.scalars(select(cls.account_id).where(cls.id.in_(part)))
                uow.touched("account", *{str(o) for o in owners if o})
    return count
