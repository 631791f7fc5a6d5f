"""Import in two steps: plan (read, map, match; nothing written), then apply (one batch).

:func:`plan_import` returns an :class:`ImportPlan` whose rows each carry a proposed
action — ``new``, ``update`` (an exact match: merge into it), ``duplicate`` (a similar
name: the user decides; skipped unless changed), ``skip`` (already there) or
``error`` (with row number, column and reason). The caller may change any row with
:meth:`PlanRow.merge`, :meth:`PlanRow.create` or :meth:`PlanRow.skip`.

:func:`import_operation` (and :func:`apply_import`, its result) writes the plan in ONE
transaction through the services' bulk mode (:mod:`models.services.bulk`), first
matching its new rows again against whatever was committed since planning
(:mod:`models.transfer.recheck`, under the write lock, so two imports of one file at
once do not both create its rows). Every row was cleaned by the field declarations
while planning, merges follow each field's declared rule (e-mails and phones united,
non-empty fields overwrite, notes appended), and every created or changed row is
recorded as an ImportBatchItem (with old values) under one ImportBatch. The returned
operation undoes and redoes the batch; :func:`models.transfer.undo.undo_import`
reverts it later. Cancelling raises inside the transaction, so nothing is left behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import operations
from models.entities import Account, Contact, new_id
from models.errors import ImportCancelledError
from models.operations import Operation
from models.store import Store, UnitOfWork
from models.transfer import sniff
from models.transfer.matching import DUPLICATE, NEW, UPDATE, AccountIndex, ContactIndex, company_key
from models.transfer.merging import Writer
from models.transfer.plan import ERROR, SKIP, ImportPlan, ImportResult, PendingAccount, PlanRow
from models.transfer.presets import Mapping
from models.transfer.records import CellError, Cells, Notes, account_record, contact_record
from models.transfer.source_types import RowError, Source, gc_paused
from models.transfer.sources import load_source

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


# -- planning ---------------------------------------------------------------------------------


def plan_import(
    store: Store,
    path: Path,
    mapping: Mapping | None = None,
    *,
    account_id: str | None = None,
    create_accounts: bool = True,
    max_bytes: int = sniff.MAX_BYTES,
) -> ImportPlan:
    """Read ``path`` and match every row against the database; nothing is written.

    ``mapping`` overrides the preset recognised from a CSV header. ``account_id`` files
    e-mails and invitations under that client (a file dropped on its timeline) and puts
    contacts without a company there. With ``create_accounts`` a contact's unknown
    company becomes a new account (created only if one of its rows is imported).
    """
    source = load_source(path, mapping, max_bytes=max_bytes)
    return plan_source(
        store, source, account_id=account_id, create_accounts=create_accounts, release=True
    )


def plan_source(
    store: Store,
    source: Source,
    *,
    account_id: str | None = None,
    create_accounts: bool = True,
    release: bool = False,
) -> ImportPlan:
    """Match a loaded source against the database (one read session, indexes built once).

    With ``release`` each row's raw cells are dropped once planned (the plan keeps the
    cleaned values): an import of 100,000 rows does not hold both. The source cannot be
    planned again then.
    """
    from models.transfer.recheck import Watermark

    with gc_paused(), store.read() as session:
        mark = Watermark.read(session)
        if source.kind == "contact":
            plan = _plan_contacts(session, source, account_id, create_accounts, release)
        elif source.kind == "account":
            plan = _plan_accounts(session, source, release)
        else:
            from models.transfer.entries import plan_entries

            plan = ImportPlan(source, plan_entries(session, source, account_id))
    plan.watermark = mark
    plan.rows.extend(PlanRow(e.row, source.kind, ERROR, error=e) for e in source.problems)
    plan.rows.sort(key=lambda r: r.number)
    return plan


def _error_row(source: Source, number: int, exc: CellError) -> PlanRow:
    """An error row, naming the file's column even when the cell was empty."""
    column = exc.column
    if source.mapping is not None:
        related = ("name", "first_name", "last_name") if column == "name" else (column,)
        for name in related:
            if name in source.mapping.columns:
                column = source.mapping.columns[name][0]
                break
    unit = "card at line" if source.format == "vcard" else "row"
    return PlanRow(number, source.kind, ERROR, error=RowError(number, column, exc.reason, unit))


def _notes(source: Source, number: int, notes: Notes) -> tuple[RowError, ...]:
    unit = "card at line" if source.format == "vcard" else "row"
    return tuple(RowError(number, column, why, unit) for column, why in notes)


_RELEASED: tuple[int, Cells] = (0, {})


def _each_row(source: Source, release: bool) -> Iterator[tuple[int, Cells]]:
    """The source's rows; with ``release`` each is dropped from it once handed out."""
    if source.lazy is not None:  # streamed: each row is read once
        rows_, source.lazy = source.lazy, None
        yield from rows_
        return
    rows = source.cells
    if release:
        source.cells = []
    for i in range(len(rows)):
        yield rows[i]
        if release:
            rows[i] = _RELEASED


class Planner:
    """Matches rows of a contact or account source one at a time against the database
    and the rows planned before them; holds the indexes (compact keys, not rows)."""

    def __init__(
        self,
        session: Session,
        source: Source,
        account_id: str | None = None,
        create_accounts: bool = True,
        pending: dict[str, PendingAccount] | None = None,
    ) -> None:
        self.source = source
        self.account_id = account_id
        self.create_accounts = create_accounts
        self.pending: dict[str, PendingAccount] = {} if pending is None else pending
        self.accounts = AccountIndex.load(session)
        self.contacts = ContactIndex.load(session) if source.kind == "contact" else None

    def row(self, number: int, cells: Cells) -> PlanRow:
        notes: Notes = []
        try:
            if self.contacts is None:
                return self._account(number, account_record(cells, notes), notes)
            return self._contact(number, contact_record(cells, notes), notes, self.contacts)
        except CellError as exc:
            return _error_row(self.source, number, exc)

    def _contact(
        self, number: int, rec: dict[str, Any], notes: Notes, contacts: ContactIndex
    ) -> PlanRow:
        company = rec.pop("account_name")
        owner = self.account_id
        if company:
            owner = self.accounts.find(company)
            if owner is None and self.create_accounts:
                key = company_key(company)
                pending = self.pending
                if key not in pending:
                    pending[key] = PendingAccount(new_id(), company, number)
                owner = pending[key].id
        row = PlanRow(number, "contact", NEW, rec, account_id=owner)
        if notes:
            row.notes = _notes(self.source, number, notes)
        match = contacts.match(rec["name"], owner, rec["emails"], rec["phones"], rec["id"])
        row.action, row.match_id, row.match_reason = match.action, match.id, match.reason
        row.proposed = match.action
        if match.action == NEW:
            contacts.add(row.new_id, rec["name"], owner, rec["emails"], rec["phones"])
        return row

    def _account(self, number: int, rec: dict[str, Any], notes: Notes) -> PlanRow:
        row = PlanRow(number, "account", NEW, rec)
        if notes:
            row.notes = _notes(self.source, number, notes)
        match = self.accounts.match(rec["name"], rec["website"], rec["phone"], rec["id"])
        row.action, row.match_id, row.match_reason = match.action, match.id, match.reason
        row.proposed = match.action
        if match.action == NEW:
            self.accounts.add(row.new_id, rec["name"], rec["website"], rec["phone"])
        return row


def _plan_contacts(
    session: Session,
    source: Source,
    account_id: str | None,
    create_accounts: bool,
    release: bool = False,
) -> ImportPlan:
    plan = ImportPlan(source, [])
    planner = Planner(session, source, account_id, create_accounts, plan.new_accounts)
    plan.rows.extend(planner.row(number, cells) for number, cells in _each_row(source, release))
    return plan


def _plan_accounts(session: Session, source: Source, release: bool = False) -> ImportPlan:
    plan = ImportPlan(source, [])
    planner = Planner(session, source)
    plan.rows.extend(planner.row(number, cells) for number, cells in _each_row(source, release))
    return plan


def keep_possible_duplicates(store: Store, plan: ImportPlan) -> list[dict[str, Any]]:
    """Mark every possible duplicate of ``plan`` to be created, and describe them.

    For a caller that cannot ask (the command line): a row whose name is only like an
    existing record's is created rather than dropped, and listed (row, name, the
    similar record's id and name, why) so that the user can merge them afterwards.
    """
    rows = [r for r in plan.rows if r.action == DUPLICATE]
    ids = {r.match_id for r in rows if r.match_id}
    names: dict[str, str] = {}
    if ids:
        with store.read() as session:
            for cls in (Contact, Account):
                found = session.execute(select(cls.id, cls.name).where(cls.id.in_(sorted(ids))))
                names.update({id_: name for id_, name in found})
    out: list[dict[str, Any]] = []
    for row in rows:
        row.create()
        out.append(
            {
                "row": row.number,
                "name": row.fields.get("name", ""),
                "similar_to": row.match_id,
                "similar_name": names.get(row.match_id or "", ""),
                "why": row.match_reason,
            }
        )
    return out


# -- applying ---------------------------------------------------------------------------------


def apply_import(
    store: Store,
    plan: ImportPlan,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    chunk: int = 2_000,
) -> ImportResult:
    """Write the plan as one import batch, in one transaction (see :func:`import_operation`)."""
    return import_operation(store, plan, progress=progress, cancelled=cancelled, chunk=chunk).result


def import_operation(
    store: Store,
    plan: ImportPlan,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    chunk: int = 2_000,
) -> Operation[ImportResult]:
    """Write the plan as one import batch, in one transaction, through the services' bulk
    mode; the operation's undo reverts the batch and its redo applies the recorded rows
    again (the file is not read again).

    ``progress(done, total)`` is called as rows are prepared and written; when
    ``cancelled()`` turns true the transaction is rolled back and ImportCancelledError
    raised: nothing is left behind. Rows whose action is ``duplicate`` are skipped
    (call ``merge()`` or ``create()`` on them first to import them).
    """
    total = len(plan.rows) * 2

    def tick(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelledError(f"the import of {plan.source_name} was cancelled")
        if progress is not None:
            progress(done, total)

    def work(uow: UnitOfWork) -> ImportResult:
        if plan.watermark is not None:  # under the write lock: what committed since planning
            from models.transfer.recheck import recheck

            recheck(uow.session, plan, plan.watermark)
        writer = Writer(uow, plan.source_name, plan.new_accounts)
        writer.prefetch(plan.rows)
        skipped = 0
        for i, row in enumerate(plan.rows):
            if i % chunk == 0:
                tick(i)
            if row.action == NEW:
                writer.create(row)
            elif row.action == UPDATE:
                writer.update(row)
            elif row.action in (SKIP, DUPLICATE):
                skipped += 1
        errors = [str(e) for e in plan.errors] + writer.problems
        counts = {
            "created": writer.created_rows,
            "updated": writer.updated_rows,
            "skipped": skipped + writer.unchanged,
        }
        batch_id = writer.bulk.flush(
            counts,
            errors,
            lambda part: tick(len(plan.rows) + int(len(plan.rows) * part)),
            chunk,
        )
        tick(total)
        return ImportResult(
            batch_id=batch_id,
            created=writer.created_rows,
            updated=writer.updated_rows,
            skipped=skipped,
            unchanged=writer.unchanged,
            accounts_created=writer.accounts_created,
            errors=errors,
            warnings=[str(n) for n in plan.notes],
        )

    with gc_paused():
        return operations.run(store, work)
