"""Integrity checks of the encrypted database, and salvage of a damaged one.

``quick_check`` runs at every open (``PRAGMA quick_check``); ``full_check`` is what
Tools > Check database and ``relasi check`` run: ``integrity_check``, SQLCipher's
``cipher_integrity_check`` (every page's HMAC) and ``foreign_key_check``. A check
that cannot even run is a failed check with the reason as its problem: a check
never passes silently.

``salvage`` is the ``.recover`` approach for a file that fails: copy what is still
readable, table by table and row by row (skipping unreadable pages), into a fresh
database made by ``open_store`` at the newest schema, and say how much came back.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy.exc import SQLAlchemyError

from models import gift_entities  # noqa: F401  (registers the gift log's tables: salvaged too)
from models.clock import Clock
from models.entities import Base
from models.errors import StoreError, describe
from models.store import Store, connect_raw, open_store

#: Tables salvage never copies: the target rebuilds them (search index, triggers).
_NOT_COPIED = {"alembic_version", "search_docs"}
_MAX_ROWID = 1 << 62


class DamagedDatabaseError(StoreError):
    """An integrity check failed; the database must be restored or salvaged."""

    code = "damaged"

    def __init__(self, message: str, *, path: str | None = None, problems: list[str]) -> None:
        super().__init__(message, path=path)
        self.problems = problems


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": self.problems}


@dataclass(frozen=True)
class SalvageResult:
    target: Path
    recovered: dict[str, int]
    skipped_rows: dict[str, int]
    problems: list[str]

    def as_json(self) -> dict[str, Any]:
        return {
            "target": str(self.target),
            "recovered": self.recovered,
            "skipped_rows": self.skipped_rows,
            "problems": self.problems,
        }


def _run(conn: sqlcipher3.Connection, *, full: bool) -> CheckResult:
    problems: list[str] = []
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        if rows != ["ok"]:
            problems.extend(rows or [f"{pragma} returned nothing"])
        if full:
            problems.extend(
                f"cipher: {' '.join(str(c) for c in r)}"
                for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()
            )
            problems.extend(
                f"foreign key: {table} row {rowid} points to a missing {parent} row"
                for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()
            )
    except sqlcipher3.Error as exc:
        problems.append(f"the check could not run: {exc}")
    return CheckResult(ok=not problems, problems=problems)


def _check_store(store: Store, *, full: bool) -> CheckResult:
    try:
        with store.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            return _run(raw, full=full)
    except (SQLAlchemyError, StoreError) as exc:
        return CheckResult(ok=False, problems=[f"the check could not run: {describe(exc)}"])


def quick_check(store: Store) -> CheckResult:
    """``PRAGMA quick_check`` (run at every open)."""
    return _check_store(store, full=False)


def full_check(store: Store) -> CheckResult:
    """``integrity_check`` + ``cipher_integrity_check`` + ``foreign_key_check``."""
    return _check_store(store, full=True)


def check_file(path: Path, key: bytes, *, full: bool = True) -> CheckResult:
    """The same checks on a file that is not open as a Store (read-only)."""
    try:
        conn = connect_raw(path, key, readonly=True)
    except StoreError as exc:
        return CheckResult(ok=False, problems=[exc.message])
    try:
        return _run(conn, full=full)
    finally:
        conn.close()


# -- salvage --------------------------------------------------------------------------


def _columns(conn: sqlcipher3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")').fetchall()]


class _Source:
    """The damaged file, read-only; reopened after each error because SQLCipher keeps a
    page-decryption failure as a sticky error on the connection."""

    def __init__(self, path: Path, key: bytes) -> None:
        self._path, self._key = path, key
        self.conn = connect_raw(path, key, readonly=True)

    def reopen(self) -> None:
        self.conn.close()
        self.conn = connect_raw(self._path, self._key, readonly=True)

    def close(self) -> None:
        self.conn.close()


def _first_readable_after(src: _Source, table: str, after: int) -> int | None:
    """The smallest start > ``after`` from which a rowid seek works again (None: none)."""

    def readable(start: int) -> bool:
        try:
            src.conn.execute(
                f'SELECT rowid FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1', (start,)
            ).fetchone()
        except sqlcipher3.DatabaseError:
            src.reopen()
            return False
        return True

    jump = 1
    while after + jump < _MAX_ROWID and not readable(after + jump):
        jump *= 2
    if after + jump >= _MAX_ROWID:
        return None
    lo, hi = after + jump // 2, after + jump  # lo unreadable (or after), hi readable
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if readable(mid):
            hi = mid
        else:
            lo = mid
    return hi


def _readable_rows(
    src: _Source, table: str, cols: list[str], problems: list[str]
) -> Iterator[tuple[Any, ...]]:
    select = ", ".join(f'"{c}"' for c in cols)
    sql = f'SELECT rowid, {select} FROM "{table}" WHERE rowid > ? ORDER BY rowid'
    last = -_MAX_ROWID
    while True:
        try:
            for row in src.conn.execute(sql, (last,)):
                last = int(row[0])
                yield tuple(row[1:])
            return
        except sqlcipher3.DatabaseError as exc:
            where = "from its first row" if last == -_MAX_ROWID else f"after row {last}"
            problems.append(f"{table}: unreadable {where}: {exc}")
            src.reopen()
            resume = _first_readable_after(src, table, max(last, 0))
            if resume is None:
                return
            last = resume


def salvage(path: Path, key: bytes, target: Path, *, clock: Clock | None = None) -> SalvageResult:
    """Copy what is readable from the damaged database at ``path`` into a new one.

    ``target`` must not exist; it is created by ``open_store`` (with its own key in
    the keyring) at the newest schema. Rows whose parent was lost are skipped
    (counted in ``skipped_rows``), so the new database passes ``full_check``.
    """
    target = Path(os.path.abspath(target))
    if target.exists():
        raise StoreError(f"{target} already exists; salvage needs a new file", path=str(target))
    src = _Source(path, key)
    recovered: dict[str, int] = {}
    skipped: dict[str, int] = {}
    problems: list[str] = []
    try:
        store = open_store(target, clock=clock)
        dst_key = store.key
        store.close()
        dst = connect_raw(target, dst_key)
        try:
            dst.execute("PRAGMA foreign_keys = ON")
            dst.execute("BEGIN IMMEDIATE")
            for table in Base.metadata.sorted_tables:
                name = table.name
                if name in _NOT_COPIED:
                    continue
                try:
                    src_cols = set(_columns(src.conn, name))
                except sqlcipher3.DatabaseError as exc:
                    problems.append(f"{name}: unreadable: {exc}")
                    src.reopen()
                    continue
                cols = [c for c in _columns(dst, name) if c in src_cols]
                if not cols:
                    continue
                insert = (
                    f'INSERT INTO "{name}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
                    f"VALUES ({', '.join('?' for _ in cols)})"
                )
                if "id" in cols:  # a row a migration seeded (the first gift rule): the source's
                    insert += " ON CONFLICT(id) DO UPDATE SET " + ", ".join(
                        f'"{c}" = excluded."{c}"' for c in cols if c != "id"
                    )
                ok = bad = 0
                for row in _readable_rows(src, name, cols, problems):
                    try:
                        dst.execute(insert, row)
                        ok += 1
                    except sqlcipher3.IntegrityError:
                        bad += 1
                recovered[name] = ok
                if bad:
                    skipped[name] = bad
            dst.execute("COMMIT")
        finally:
            dst.close()
    finally:
        src.close()
    return SalvageResult(
        target=target, recovered=recovered, skipped_rows=skipped, problems=problems
    )
