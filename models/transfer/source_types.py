"""What a loaded file is before it meets the database: a Source and its RowErrors.

Every reader (:mod:`sources` for CSV, :mod:`vcard`, :mod:`calendar_ics`, :mod:`mail`)
returns a :class:`Source`; :func:`gc_paused` is shared by reading, planning and writing.
:func:`moment` bounds the dates a file may carry: a hostile or broken file's year 1 or
year 9999 would overflow when shown in local time.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from models.transfer.presets import Mapping
from models.transfer.records import FIRST_YEAR, LAST_YEAR, Cells


@dataclass(frozen=True, slots=True)
class RowError:
    """A row that was not imported: where (row number, column) and why."""

    row: int
    column: str
    reason: str
    unit: str = "row"  # "row" of a CSV, "card" of a vCard file, "event", "message"

    def __str__(self) -> str:
        where = f"{self.unit} {self.row}" if self.row else "file"
        return (
            f"{where}, {self.column}: {self.reason}" if self.column else f"{where}: {self.reason}"
        )


@dataclass
class Source:
    """What a file holds, read and parsed, not yet matched against the database."""

    path: Path
    format: str  # csv | vcard | ics | eml | msg
    kind: str  # contact | account | interaction
    mapping: Mapping | None = None
    encoding: str = ""
    delimiter: str = ""
    header: tuple[str, ...] = ()
    #: contact/account sources: (row number, cells per field)
    cells: list[tuple[int, Cells]] = field(default_factory=list)
    #: interaction sources: (row number, values)
    entries: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    problems: list[RowError] = field(default_factory=list)
    #: contact/account sources opened lazily (load_source(lazy=True)): ``cells``, streamed
    lazy: Iterator[tuple[int, Cells]] | None = None


def moment(value: datetime) -> datetime:
    """An aware ``value`` in UTC; ValueError when its year is outside FIRST_YEAR..LAST_YEAR
    (checked before converting, which would overflow near year 1 or 9999)."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(
            f"the date {value.date().isoformat()} is outside the years "
            f"{FIRST_YEAR}-{LAST_YEAR} Relasi keeps"
        )
    return value.astimezone(UTC)


_gc_lock = threading.Lock()
_gc_depth = 0
_gc_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Cyclic garbage collection off while an import builds (or writes) its rows.

    Reading, planning and writing a large file allocate millions of small objects and
    few cycles; the collector would walk the growing heap again and again (a third of
    a 100,000-row import's time). Reference counting still frees what is dropped;
    nested and concurrent uses restore the collector once the last one ends.
    """
    global _gc_depth, _gc_was_enabled
    with _gc_lock:
        if _gc_depth == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_was_enabled:
                gc.enable()
