"""Merging pulled changes into the laptop's database (rules: :mod:`models.sync.merge_rules`).

Pulled changes are written with plain SQL while the change triggers are quiet
(:func:`models.sync.outbox.quiet`): the search indexes and derived columns follow
through their own triggers, as they do for the services' writes, and nothing pulled is
recorded as a new local change. Revivals are written after, recorded like any edit.

A batch is merged set-wise (:mod:`models.sync.merge_batch`): the rows, field clocks and
pending local changes of a run of changes (no row twice in a run) are read in a few
queries, each change is decided by the same rules as if it were merged alone, and the
writes go out in their order, one ``executemany`` per run of the same statement. A run
a constraint refuses is merged again change by change, so a refused row stays out alone.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace

from sqlalchemy import text

import models.sync.outbox as outbox
from models.store import UnitOfWork
from models.sync.hlc import Stamp
from models.sync.merge_batch import merge_runs
from models.sync.merge_rules import KIND_OF, Merge
from models.sync.wire import Change

__all__ = ["KIND_OF", "merge"]
log = logging.getLogger(__name__)


def _grouped(changes: list[Change]) -> list[Change]:
    """Field changes of one row made in one transaction (one stamp), in a row, as one
    change of several fields (a ``+`` change whose value is an object): merged in one go."""
    out: list[Change] = []
    for c in changes:
        last = out[-1] if out else None
        if (
            last is not None
            and c.field not in ("*", "+")
            and last.field != "*"
            and (last.tbl, last.row_id, last.hlc) == (c.tbl, c.row_id, c.hlc)
        ):
            fields = last.decoded() if last.field == "+" else {last.field: last.decoded()}
            fields[c.field] = c.decoded()
            out[-1] = replace(last, field="+", value=json.dumps(fields))
        else:
            out.append(c)
    return out


def merge(
    uow: UnitOfWork,
    changes: list[Change],
    *,
    pushed_upto: int,
    pulled_upto: int,
    batched: bool = True,
) -> int:
    """Apply one pulled batch in the caller's unit of work; returns the conflicts noted.

    The laptop's clock moves past every pulled stamp and the pulled sequence is saved in
    the same transaction, so a batch is merged entirely or not at all. ``batched=False``
    merges change by change (what a refused run falls back to).
    """
    m = Merge(uow, pushed_upto)
    session = uow.session
    with outbox.quiet(session):
        grouped = _grouped(changes)
        if batched:
            merge_runs(m, grouped)
        else:
            for change in grouped:
                m.apply(change)
    for tbl, row_id in m.revive:
        # Recorded like any edit: a new stamp that sorts after the delete everywhere.
        session.execute(
            text(f"UPDATE {tbl} SET deleted_at = NULL, updated_at = :now WHERE id = :id"),
            {"now": uow.now.replace(tzinfo=None).isoformat(sep=" "), "id": row_id},
        )
    if changes:
        hlc = outbox.clock(session)
        hlc.merge(max(Stamp.parse(c.hlc) for c in changes), outbox.wall_ms(uow.now))
        outbox.save_clock(session, hlc)
    session.execute(text("UPDATE sync_state SET pulled_upto = :u WHERE id = 1"), {"u": pulled_upto})
    if m.skipped:
        log.warning("sync: %d pulled changes could not be applied", m.skipped)
    return m.conflicts
