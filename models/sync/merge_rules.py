"""The merge's rules for one pulled change, field by field.

For each field the later clock stamp wins, on every laptop the same way; a value that
loses (either side) goes into ``sync_conflicts`` when it differed, restorable later.
New rows come whole and are inserted (so two notes written offline stay two notes);
a delete against an edit keeps the edit: the row is revived by a new change of this
laptop (which sorts after the delete everywhere) and a conflict entry says so.

:class:`Merge` decides each change alone; it reads and writes at once (each change in a
savepoint of its own), or, batched, reads what :mod:`models.sync.merge_batch` loaded
for a run of changes and queues its writes for that module to send set-wise.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import RowMapping, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.entities import KINDS, new_id
from models.store import UnitOfWork
from models.sync.tables import SYNCED, from_wire
from models.sync.wire import Change

log = logging.getLogger(__name__)
#: Fields whose losing values are not worth a conflict entry (bookkeeping).
QUIET_FIELDS = frozenset({"updated_at"})
KIND_OF = {cls.__tablename__: kind for kind, cls in KINDS.items()}  # type: ignore[attr-defined]
Key = tuple[str, str]
SET_CLOCK_SQL = text(
    "INSERT INTO sync_field_clocks (tbl, row_id, field, hlc) VALUES (:t, :r, :f, :h) "
    "ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc = excluded.hlc"
)
CONFLICT_SQL = text(
    "INSERT INTO sync_conflicts (id, tbl, row_id, field, account_id, reason, "
    "kept_value, kept_hlc, lost_value, lost_hlc, noticed_at) VALUES "
    "(:id, :t, :r, :f, :a, :reason, :kv, :kh, :lv, :lh, :at)"
)


def _noteworthy(name: str, mine: Any, theirs: Any) -> bool:
    """Whether two different values of a field make a conflict entry (two deletion times
    of one row, or two update times, do not)."""
    return name not in QUIET_FIELDS and not (name == "deleted_at" and mine and theirs)


@dataclass
class Merge:
    """One batch's merge. Alone (``batched`` false) each change reads and writes at once
    in a savepoint of its own; batched, reads come from what :meth:`prefetch` loaded
    and writes queue up until :meth:`flush`."""

    uow: UnitOfWork
    pushed_upto: int
    conflicts: int = 0
    skipped: int = 0
    revive: dict[Key, str] = field(default_factory=dict)
    batched: bool = False
    pending_of: dict[Key, set[str]] = field(default_factory=dict)
    rows: dict[Key, RowMapping | None] = field(default_factory=dict)
    clocks_of: dict[Key, dict[str, str]] = field(default_factory=dict)
    writes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    clock_writes: list[dict[str, str]] = field(default_factory=list)
    conflict_rows: list[dict[str, Any]] = field(default_factory=list)
    applied: list[Change] = field(default_factory=list)

    @property
    def session(self) -> Session:
        return self.uow.session

    def pending(self, tbl: str, row_id: str) -> set[str]:
        """Fields of this row changed here and not yet pushed."""
        key = (tbl, row_id)
        if key not in self.pending_of:
            self.pending_of[key] = set(
                self.session.execute(
                    text(
                        "SELECT field FROM sync_changes WHERE seq > :p AND tbl = :t AND row_id = :r"
                    ),
                    {"p": self.pushed_upto, "t": tbl, "r": row_id},
                ).scalars()
            )
        return self.pending_of[key]

    def current(self, tbl: str, row_id: str) -> RowMapping | None:
        if self.batched:
            return self.rows[(tbl, row_id)]
        return (
            self.session.execute(text(f"SELECT * FROM {tbl} WHERE id = :id"), {"id": row_id})
            .mappings()
            .first()
        )

    def clocks(self, tbl: str, row_id: str) -> dict[str, str]:
        if self.batched:
            return self.clocks_of.get((tbl, row_id), {})
        rows = self.session.execute(
            text("SELECT field, hlc FROM sync_field_clocks WHERE tbl = :t AND row_id = :r"),
            {"t": tbl, "r": row_id},
        ).all()
        return {str(f): str(h) for f, h in rows}

    def write(self, sql: str, params: dict[str, Any]) -> None:
        if self.batched:
            self.writes.append((sql, params))
        else:
            self.session.execute(text(sql), params)

    def set_clock(self, tbl: str, row_id: str, name: str, hlc: str) -> None:
        params = {"t": tbl, "r": row_id, "f": name, "h": hlc}
        if self.batched:
            self.clock_writes.append(params)
        else:
            self.session.execute(SET_CLOCK_SQL, params)

    def conflict(
        self,
        c: Change,
        name: str,
        reason: str,
        kept: tuple[Any, str],
        lost: tuple[Any, str],
    ) -> None:
        self.conflicts += 1
        params = {
            "id": new_id(),
            "t": c.tbl,
            "r": c.row_id,
            "f": name,
            "a": c.account_id,
            "reason": reason,
            "kv": json.dumps(kept[0]),
            "kh": kept[1],
            "lv": json.dumps(lost[0]),
            "lh": lost[1],
            "at": self.uow.now.isoformat(),
        }
        if self.batched:
            self.conflict_rows.append(params)
        else:
            self.session.execute(CONFLICT_SQL, params)

    def touched(self, tbl: str, row_id: str, account_id: str | None) -> None:
        if (kind := KIND_OF.get(tbl)) is not None:
            self.uow.touched(kind, row_id)
        if account_id:
            self.uow.touched("account", account_id)

    # -- applying -------------------------------------------------------------------------

    def apply(self, c: Change) -> None:
        synced = SYNCED.get(c.tbl)
        if synced is None:  # a table this version does not know (a newer app's)
            self.skipped += 1
            return
        if self.batched:  # refusals surface at the flush (the run is then merged alone)
            if synced.is_link:
                self._link(c)
            else:
                self._row(c)
            self.applied.append(c)
            return
        try:
            with self.session.begin_nested():  # a refused row must not stop the sync
                if synced.is_link:
                    self._link(c)
                else:
                    self._row(c)
        except IntegrityError as exc:
            # E.g. a tag named like one made here meanwhile (tag names are unique): the
            # row stays out of this laptop and the log says so; the rest goes on.
            log.warning("sync: a pulled %s row was refused: %s", c.tbl, exc.orig)
            self.skipped += 1
            return
        self.touched(c.tbl, c.row_id, c.account_id)

    def _link(self, c: Change) -> None:
        synced = SYNCED[c.tbl]
        # An older stamp loses; the same stamp (a link removed and put back in one
        # transaction) goes by the order it was made in, as on the server.
        if c.hlc < self.clocks(c.tbl, c.row_id).get("*", ""):
            return
        keys = dict(zip(synced.keys, c.row_id.split("|"), strict=True))
        where = " AND ".join(f"{k} = :{k}" for k in keys)
        if c.value is None:
            self.write(f"DELETE FROM {c.tbl} WHERE {where}", keys)
        else:
            # The whole link (its extra columns too); a newer one replaces its fields.
            whole = c.decoded()
            row: dict[str, Any] = {**keys, **(whole if isinstance(whole, dict) else {})}
            values = {
                n: from_wire(c.tbl, n, row[n]) for n in (*synced.keys, *synced.fields) if n in row
            }
            names = ", ".join(values)
            marks = ", ".join(f":{k}" for k in values)
            fields = [n for n in synced.fields if n in values]
            upsert = (
                f"DO UPDATE SET {', '.join(f'{n} = excluded.{n}' for n in fields)}"
                if fields
                else "DO NOTHING"
            )
            self.write(
                f"INSERT INTO {c.tbl} ({names}) VALUES ({marks}) "
                f"ON CONFLICT ({', '.join(synced.keys)}) {upsert}",
                values,
            )
        self.set_clock(c.tbl, c.row_id, "*", c.hlc)

    def _row(self, c: Change) -> None:
        synced = SYNCED[c.tbl]
        current = self.current(c.tbl, c.row_id)
        if c.field == "*":
            whole: dict[str, Any] = c.decoded()
            if current is None:
                names = [n for n in ("id", *synced.fields) if n in whole]
                self.write(
                    f"INSERT INTO {c.tbl} ({', '.join(names)}) "
                    f"VALUES ({', '.join(':' + n for n in names)})",
                    {n: from_wire(c.tbl, n, whole[n]) for n in names},
                )
                self.set_clock(c.tbl, c.row_id, "*", c.hlc)
                return
            values = {n: v for n, v in whole.items() if n in synced.fields}
        elif current is None:
            # A field of a row this laptop never received whole: nothing to merge into.
            log.warning("sync: a change of %s %s whose row is missing", c.tbl, c.row_id)
            self.skipped += 1
            return
        elif c.field == "+":  # several fields of one row at one stamp (_grouped)
            values = {n: v for n, v in c.decoded().items() if n in synced.fields}
        elif c.field not in synced.fields:
            self.skipped += 1
            return
        else:
            values = {c.field: c.decoded()}
        values = {n: from_wire(c.tbl, n, v) for n, v in values.items()}
        clocks = self.clocks(c.tbl, c.row_id)
        star = clocks.get("*", "")
        pending = self.pending(c.tbl, c.row_id)
        changed: dict[str, Any] = {}
        for name, value in values.items():
            local = max(clocks.get(name, ""), star)
            mine = current[name]
            if c.hlc >= local:  # the same stamp: a later write of the same transaction
                if (
                    c.hlc > local
                    and mine != value
                    and pending & {name, "*"}
                    and _noteworthy(name, mine, value)
                ):
                    self.conflict(c, name, "field", (value, c.hlc), (mine, local))
                changed[name] = value
                self.set_clock(c.tbl, c.row_id, name, c.hlc)
            elif c.hlc < local and mine != value and _noteworthy(name, mine, value):
                self.conflict(c, name, "field", (mine, local), (value, c.hlc))
        if changed:
            sets = ", ".join(f"{n} = :{n}" for n in changed)
            self.write(f"UPDATE {c.tbl} SET {sets} WHERE id = :id", {**changed, "id": c.row_id})
        edits = pending - {"deleted_at", "updated_at"}
        deleted_now = changed.get("deleted_at", current["deleted_at"])
        if deleted_now is not None and (
            ("deleted_at" in changed and edits)
            or ("deleted_at" in pending and set(changed) - {"deleted_at", "updated_at"})
        ):
            self.revive[(c.tbl, c.row_id)] = str(deleted_now)
            self.conflict(c, "deleted_at", "deleted", (None, ""), (deleted_now, c.hlc))
