"""The laptop's change log: stamping each transaction's changes with the clock just
before it commits, starting to record when team sync is set up, and the quiet mode in
which pulled changes are applied.

The triggers (:mod:`models.sync.tables`) write the changes; :func:`stamp` gives the
ones this transaction wrote one clock stamp and moves the fields' clocks to it. It runs
inside the unit of work (``Store.write``), so a change and its record commit together
or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.sync.hlc import Hlc, Stamp
from models.sync.tables import seed_statements

_PENDING = text("SELECT 1 FROM sync_changes WHERE hlc IS NULL LIMIT 1")
_CLOCKS = text(
    "INSERT INTO sync_field_clocks (tbl, row_id, field, hlc) "
    "SELECT tbl, row_id, field, :hlc FROM sync_changes WHERE hlc IS NULL "
    "ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc = excluded.hlc"
)


def wall_ms(now: datetime) -> int:
    return int(now.timestamp() * 1000)


def clock(session: Session) -> Hlc:
    """This device's clock as the database last left it."""
    device, last = session.execute(text("SELECT device_id, hlc FROM sync_state WHERE id = 1")).one()
    return Hlc(str(device), Stamp.parse(last) if last else None)


def save_clock(session: Session, hlc: Hlc) -> None:
    session.execute(text("UPDATE sync_state SET hlc = :h WHERE id = 1"), {"h": hlc.last.text()})


def stamp(session: Session, now: datetime) -> None:
    """Give this transaction's unstamped changes one new clock stamp."""
    session.flush()
    if session.execute(_PENDING).first() is None:
        return
    hlc = clock(session)
    stamp_text = hlc.tick(wall_ms(now)).text()
    session.execute(_CLOCKS, {"hlc": stamp_text})
    session.execute(
        text("UPDATE sync_changes SET hlc = :hlc WHERE hlc IS NULL"), {"hlc": stamp_text}
    )
    save_clock(session, hlc)


@contextmanager
def quiet(session: Session) -> Iterator[None]:
    """Writes inside are not recorded as local changes (pulled changes being applied)."""
    before = session.execute(text("SELECT quiet FROM sync_state WHERE id = 1")).scalar_one()
    session.execute(text("UPDATE sync_state SET quiet = 1 WHERE id = 1"))
    try:
        yield
    finally:
        session.execute(text("UPDATE sync_state SET quiet = :q WHERE id = 1"), {"q": before})


def recording(session: Session) -> bool:
    return not session.execute(text("SELECT quiet FROM sync_state WHERE id = 1")).scalar_one()


def start_recording(session: Session) -> int:
    """From now on record every change; the first time, record every row there is as new
    (what the first sync pushes). Returns how many rows were recorded now."""
    if recording(session):
        return 0
    total = 0
    for statement in seed_statements():
        total += session.execute(text(statement)).rowcount  # type: ignore[attr-defined]
    session.execute(text("UPDATE sync_state SET quiet = 0 WHERE id = 1"))
    return total


def new_device(session: Session) -> str:
    """Give this database a new device id (a copied database must not share one)."""
    device = str(session.execute(text("SELECT lower(hex(randomblob(8)))")).scalar_one())
    session.execute(text("UPDATE sync_state SET device_id = :d WHERE id = 1"), {"d": device})
    return device
