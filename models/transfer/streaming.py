"""Importing a file in batches: read, match and write a batch of rows at a time.

:func:`import_source` is what the command line's ``import`` runs. Unlike planning the
whole file first (:func:`models.transfer.importer.plan_source`, which the import wizard's
preview needs), it holds one batch of rows at a time: a CSV is read lazily
(:func:`models.transfer.sources.load_source` with ``lazy``), each batch is matched
(:class:`models.transfer.importer.Planner`, whose indexes keep compact keys of the
existing rows and of the rows already seen, not the rows) and written through the
services' bulk path (:meth:`models.services.bulk.BulkWrite.write_part`), then dropped.

Everything happens in ONE write transaction, so matching sees what was committed
before it and nothing can commit in between (no re-check needed), the whole file is
one import batch (one undo; a refusal halfway, such as a malformed line further down,
leaves nothing behind), and the result is the one a planned import gives: the same
actions, counts, errors (in row order) and warnings. A row matching a row of an
earlier batch of the same file merges into it as into an existing row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import func, literal_column, select

from models import operations
from models.entities import Account, Contact
from models.errors import ImportCancelledError
from models.operations import Operation
from models.store import Store, UnitOfWork
from models.transfer.importer import Planner, _each_row
from models.transfer.matching import DUPLICATE, NEW, UPDATE
from models.transfer.merging import Writer
from models.transfer.plan import ERROR, SKIP, ImportResult, PendingAccount, PlanRow
from models.transfer.source_types import RowError, Source, gc_paused

#: Rows matched and written at a time: memory is bounded by this, not by the file.
BATCH = 5_000


def _parts(rows: Iterable[PlanRow], size: int) -> Iterator[list[PlanRow]]:
    it = iter(rows)
    while part := list(islice(it, size)):
        yield part


class _Streamed:
    """One streamed import's running totals (a batch's rows are dropped once written)."""

    def __init__(self, uow: UnitOfWork, source: Source, keep_duplicates: bool) -> None:
        self.uow = uow
        self.source = source
        self.keep_duplicates = keep_duplicates
        self.writer = Writer(uow, source.path.name, {})
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.possible: list[dict[str, Any]] = []
        self.skipped = 0
        self.rows = 0
        self._problems_seen = 0
        #: the planner's companies to create, by key (it adds to them)
        self.pending_source: dict[str, PendingAccount] = {}
        self._pending_seen = 0
        #: the last rowid of each table before this import wrote anything
        self.first_rowids = {
            cls.__tablename__: int(
                uow.session.execute(
                    select(func.coalesce(func.max(literal_column("rowid")), 0)).select_from(cls)
                ).scalar_one()
            )
            for cls in (Contact, Account)
        }

    def problems_up_to(self, last: int | None) -> list[PlanRow]:
        """Error rows for the source's problems up to row ``last`` (None: all)."""
        problems = self.source.problems
        out: list[PlanRow] = []
        while self._problems_seen < len(problems):
            problem = problems[self._problems_seen]
            if last is not None and problem.row > last:
                break
            out.append(PlanRow(problem.row, self.source.kind, ERROR, error=problem))
            self._problems_seen += 1
        return out

    def batch(self, rows: list[PlanRow], chunk: int) -> None:
        """Write one batch of planned rows (sorted by row number)."""
        if self.keep_duplicates:
            self._keep_duplicates(rows)
        writer = self.writer
        writer.pending.update({p.id: p for p in self._new_pending()})
        writer.prefetch(rows)
        for row in rows:
            if row.action == NEW:
                writer.create(row)
            elif row.action == UPDATE:
                writer.update(row)
            elif row.action in (SKIP, DUPLICATE):
                self.skipped += 1
        self.errors.extend(str(r.error) for r in rows if r.error is not None)
        self.warnings.extend(str(n) for r in rows if r.action not in (ERROR, SKIP) for n in r.notes)
        self.rows += len(rows)
        writer.write_part(lambda _: None, chunk)

    def _new_pending(self) -> list[PendingAccount]:
        """The companies planned since the last batch (created if a row needs them)."""
        found = list(self.pending_source.values())[self._pending_seen :]
        self._pending_seen += len(found)
        return found

    def _keep_duplicates(self, rows: list[PlanRow]) -> None:
        """Possible duplicates are created and listed (keep_possible_duplicates)."""
        found = [r for r in rows if r.action == DUPLICATE]
        if not found:
            return
        ids = sorted({r.match_id for r in found if r.match_id})
        names: dict[str, str] = {}
        session = self.uow.session
        # A row this import created is not named (a planned import did not see it stored):
        # nothing else writes during this transaction, so those are the rowids after the
        # ones there were when it began.
        for cls in (Contact, Account):
            stmt = select(cls.id, cls.name).where(
                cls.id.in_(ids), literal_column("rowid") <= self.first_rowids[cls.__tablename__]
            )
            names.update({id_: name for id_, name in session.execute(stmt)})
        for row in found:
            row.create()
            self.possible.append(
                {
                    "row": row.number,
                    "name": row.fields.get("name", ""),
                    "similar_to": row.match_id,
                    "similar_name": names.get(row.match_id or "", ""),
                    "why": row.match_reason,
                }
            )

    def result(self) -> ImportResult:
        writer = self.writer
        self.errors.extend(writer.problems)
        counts = {
            "created": writer.created_rows,
            "updated": writer.updated_rows,
            "skipped": self.skipped + writer.unchanged,
        }
        batch_id = writer.bulk.finish(counts, self.errors)
        return ImportResult(
            batch_id=batch_id,
            created=writer.created_rows,
            updated=writer.updated_rows,
            skipped=self.skipped,
            unchanged=writer.unchanged,
            accounts_created=writer.accounts_created,
            errors=self.errors,
            possible_duplicates=self.possible,
            warnings=self.warnings,
        )


def import_source(
    store: Store,
    source: Source,
    *,
    account_id: str | None = None,
    create_accounts: bool = True,
    keep_duplicates: bool = True,
    batch: int = BATCH,
    chunk: int = 2_000,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Operation[ImportResult]:
    """Import ``source`` a batch of rows at a time, in one transaction (see the module).

    ``keep_duplicates`` creates the rows whose name is only like an existing record's
    and lists them in the result's ``possible_duplicates`` (a caller that cannot ask:
    the command line); without it they are skipped. ``progress(rows)`` hears how many
    rows are done after each batch; ``cancelled()`` turning true rolls everything back
    (ImportCancelledError). The source's rows are consumed.
    """

    def work(uow: UnitOfWork) -> ImportResult:
        state = _Streamed(uow, source, keep_duplicates)
        session = uow.session
        planned: Iterable[PlanRow]
        if source.kind == "interaction":
            from models.transfer.entries import plan_entries

            planned = plan_entries(session, source, account_id)
        else:
            planner = Planner(session, source, account_id, create_accounts)
            state.pending_source = planner.pending
            planned = (planner.row(n, cells) for n, cells in _each_row(source, release=True))
        source.problems.sort(key=_row_of)  # stable: a lazy source's come in row order
        for part in _parts(planned, batch):
            part.extend(state.problems_up_to(part[-1].number))
            part.sort(key=_number)
            state.batch(part, chunk)
            if cancelled is not None and cancelled():
                raise ImportCancelledError(f"the import of {source.path.name} was cancelled")
            if progress is not None:
                progress(state.rows)
        if rest := state.problems_up_to(None):
            state.batch(rest, chunk)
        return state.result()

    with gc_paused():
        return operations.run(store, work)


def _number(row: PlanRow) -> int:
    return row.number


def _row_of(problem: RowError) -> int:
    return problem.row
