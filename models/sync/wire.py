"""What travels between a laptop and the server: one change, as both ends hold it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Change:
    """One recorded change: a field of a row (``*``: the whole row, or a link's
    existence) set to ``value`` (JSON text of the stored value; ``None``: a link
    removed) at clock stamp ``hlc`` on device ``device``."""

    change_id: str
    device: str
    tbl: str
    row_id: str
    field: str
    value: str | None
    account_id: str | None
    hlc: str

    def decoded(self) -> Any:
        return None if self.value is None else json.loads(self.value)

    def size(self) -> int:
        """Bytes of payload this change puts on the wire (for the benchmark)."""
        return (
            sum(
                len(x.encode())
                for x in (self.change_id, self.device, self.tbl, self.row_id, self.field, self.hlc)
            )
            + len((self.value or "").encode())
            + len((self.account_id or "").encode())
        )


@dataclass(frozen=True)
class Pulled:
    """One batch of a pull: the changes and how far the laptop has now read."""

    changes: list[Change]
    upto: int
    more: bool
