"""What the team-sync API returns and raises (re-exported by :mod:`models.sync`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.errors import RelasiError


class SyncError(RelasiError):
    """A sync could not finish; what was merged or pushed before stays, the rest is
    tried again at the next sync."""

    code = "sync"


@dataclass(frozen=True)
class SyncReport:
    """What one sync did: changes pushed, changes pulled, conflicts noted."""

    pushed: int
    pulled: int
    conflicts: int


@dataclass(frozen=True)
class SyncStatus:
    """For the status bar: the last finished sync, changes waiting, the server and user."""

    last_sync: datetime | None
    pending: int
    url: str | None
    user: str | None
