"""Merging a pulled batch set-wise, with the outcome of merging it change by change.

The batch is cut into runs in which no row comes twice (a first sync's batch is one
run). For a run, each table's rows and field clocks are read in one query, and the
pending local changes of the whole batch in one (the change log does not move while
pulled changes are applied: its triggers are quiet). :class:`models.sync.merge_rules.Merge`
then decides each change from those, as it would alone (a change reads only its own
row, clocks and pending fields, and no row comes twice in a run), and queues its writes;
they go out in their order, one ``executemany`` per run of the same statement, then the
run's field clocks and conflict entries. A run a constraint refuses (a tag named like
one made here meanwhile) is rolled back and merged again change by change, each in a
savepoint of its own, so the refused change alone stays out, as before.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from models.sync.merge_rules import CONFLICT_SQL, SET_CLOCK_SQL, Key, Merge
from models.sync.tables import SYNCED
from models.sync.wire import Change

_IN = "IN (SELECT value FROM json_each(:ids))"


def runs(changes: list[Change]) -> list[list[Change]]:
    """``changes`` cut, in order, into runs in which no row comes twice."""
    out: list[list[Change]] = []
    seen: set[Key] = set()
    run: list[Change] = []
    for c in changes:
        key = (c.tbl, c.row_id)
        if key in seen:
            out.append(run)
            run, seen = [], set()
        seen.add(key)
        run.append(c)
    if run:
        out.append(run)
    return out


def _ids(ids: Iterable[str]) -> dict[str, str]:
    return {"ids": json.dumps(sorted(ids))}


def _load_pending(m: Merge, changes: list[Change]) -> None:
    """Every batch row's fields changed here and not yet pushed, in one query."""
    keys = {(c.tbl, c.row_id) for c in changes if c.tbl in SYNCED}
    found: dict[Key, set[str]] = defaultdict(set)
    if keys:
        rows = m.session.execute(
            text(f"SELECT tbl, row_id, field FROM sync_changes WHERE seq > :p AND row_id {_IN}"),
            {"p": m.pushed_upto, **_ids({r for _, r in keys})},
        )
        for tbl, row_id, name in rows:
            found[(str(tbl), str(row_id))].add(str(name))
    for key in keys:
        m.pending_of[key] = found.get(key, set())


def _prefetch(m: Merge, run: list[Change]) -> None:
    """The run's rows and their field clocks, a query or two per table."""
    by_table: dict[str, set[str]] = defaultdict(set)
    for c in run:
        if c.tbl in SYNCED:
            by_table[c.tbl].add(c.row_id)
    m.rows.clear()
    m.clocks_of.clear()
    for tbl, ids in by_table.items():
        if not SYNCED[tbl].is_link:
            found = {
                str(r["id"]): r
                for r in m.session.execute(
                    text(f"SELECT * FROM {tbl} WHERE id {_IN}"), _ids(ids)
                ).mappings()
            }
            for row_id in ids:
                m.rows[(tbl, row_id)] = found.get(row_id)
        clocks = m.session.execute(
            text(
                f"SELECT row_id, field, hlc FROM sync_field_clocks WHERE tbl = :t AND row_id {_IN}"
            ),
            {"t": tbl, **_ids(ids)},
        )
        for row_id, name, hlc in clocks:
            m.clocks_of.setdefault((tbl, str(row_id)), {})[str(name)] = str(hlc)


def _flush(m: Merge) -> None:
    """The queued writes in their order, one executemany per run of one statement."""
    session = m.session
    writes = m.writes
    i = 0
    while i < len(writes):
        sql = writes[i][0]
        j = i + 1
        while j < len(writes) and writes[j][0] == sql:
            j += 1
        session.execute(text(sql), [params for _, params in writes[i:j]])
        i = j
    if m.clock_writes:
        session.execute(SET_CLOCK_SQL, m.clock_writes)
    if m.conflict_rows:
        session.execute(CONFLICT_SQL, m.conflict_rows)


def _merge_run(m: Merge, run: list[Change]) -> None:
    before = (m.conflicts, m.skipped, dict(m.revive))
    m.batched = True
    m.writes, m.clock_writes, m.conflict_rows, m.applied = [], [], [], []
    try:
        _prefetch(m, run)
        for c in run:
            m.apply(c)
        try:
            with m.session.begin_nested():
                _flush(m)
        except IntegrityError:
            # Refused somewhere in the run: merged again alone, change by change.
            m.conflicts, m.skipped, m.revive = before
            m.batched = False
            for c in run:
                m.apply(c)
            return
        for c in m.applied:
            m.touched(c.tbl, c.row_id, c.account_id)
    finally:
        m.batched = False
        m.writes, m.clock_writes, m.conflict_rows, m.applied = [], [], [], []


def merge_runs(m: Merge, changes: list[Change]) -> None:
    """Apply ``changes`` (already grouped) set-wise, run by run."""
    _load_pending(m, changes)
    for run in runs(changes):
        _merge_run(m, run)
