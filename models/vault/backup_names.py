"""How backups are named and found (no database access: the store uses it too).

A backup of ``<stem>.db`` is ``backups/<stem>-<UTC time>[-reason][-counter].db``;
see models.vault.backup.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

from models.clock import as_utc

BACKUP_DIR = "backups"
#: The stem of every backup name before names carried the database's stem.
LEGACY_STEM = "relasi"
_NAME_TAIL = r"-(\d{8}T\d{6}Z)(?:-([a-z]+(?:-[a-z]+)*))?(?:-(\d+))?\.db$"
_STAMP = "%Y%m%dT%H%M%SZ"


def backups_dir(db_path: Path) -> Path:
    return Path(os.path.abspath(db_path)).parent / BACKUP_DIR


def backup_stem(db_path: Path) -> str:
    """What a database's backups are named after: its file name without the suffix."""
    return Path(db_path).stem or LEGACY_STEM


def backup_name(
    taken_at: datetime, reason: str = "", counter: int = 0, stem: str = LEGACY_STEM
) -> str:
    name = f"{stem}-" + as_utc(taken_at).strftime(_STAMP)
    if reason:
        name += f"-{reason}"
    if counter:
        name += f"-{counter}"
    return name + ".db"


def parse_backup_name(name: str, stem: str = LEGACY_STEM) -> datetime | None:
    """The UTC time in a backup's file name, or None if it is not one of ``stem``'s."""
    m = re.match("^" + re.escape(stem) + _NAME_TAIL, name)
    if not m:
        return None
    return datetime.strptime(m.group(1), _STAMP).replace(tzinfo=UTC)


def _backup_files(db_path: Path, stem: str | None = None) -> list[tuple[datetime, Path]]:
    """The files in the backups folder named as ``stem``'s backups (the database's own)."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    stem = stem or backup_stem(db_path)
    out = []
    for p in folder.iterdir():
        t = parse_backup_name(p.name, stem)
        if t is not None and p.is_file():
            out.append((t, p))
    out.sort(key=lambda tp: (tp[0], tp[1].name), reverse=True)
    return out
