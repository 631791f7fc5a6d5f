"""The sync conflict log: values that lost a merge, newest first, for the window's
conflict log and the command line."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class ConflictRow:
    """One conflict: which field of which row, the value kept and the value that lost,
    each with its clock stamp and the device that wrote it."""

    id: str
    table: str
    row_id: str
    field: str
    reason: str  # "field": two edits of one field; "deleted": a delete met an edit
    kept_value: Any
    kept_device: str
    lost_value: Any
    lost_device: str
    noticed_at: datetime
    restored_at: datetime | None


def _device(stamp: str) -> str:
    return stamp.split(".", 2)[2] if stamp.count(".") >= 2 else ""


def list_conflicts(session: Session, *, limit: int = 100, offset: int = 0) -> list[ConflictRow]:
    rows = session.execute(
        text(
            "SELECT id, tbl, row_id, field, reason, kept_value, kept_hlc, lost_value, lost_hlc, "
            "noticed_at, restored_at FROM sync_conflicts "
            "ORDER BY noticed_at DESC, id DESC LIMIT :n OFFSET :o"
        ),
        {"n": limit, "o": offset},
    ).all()
    return [
        ConflictRow(
            id=r[0],
            table=r[1],
            row_id=r[2],
            field=r[3],
            reason=r[4],
            kept_value=json.loads(r[5]) if r[5] is not None else None,
            kept_device=_device(r[6]),
            lost_value=json.loads(r[7]) if r[7] is not None else None,
            lost_device=_device(r[8]),
            noticed_at=datetime.fromisoformat(r[9]),
            restored_at=datetime.fromisoformat(r[10]) if r[10] else None,
        )
        for r in rows
    ]
