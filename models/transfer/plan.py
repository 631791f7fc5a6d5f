"""An import's plan: each row of the file with the action proposed for it, and the result.

The importer makes a plan (nothing written), the user may change any row's action in
the preview, and applying it returns an :class:`ImportResult`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from models.entities import new_id
from models.transfer.matching import DUPLICATE, NEW, UPDATE
from models.transfer.presets import Mapping
from models.transfer.source_types import RowError, Source

SKIP = "skip"
ERROR = "error"
ACTIONS = (NEW, UPDATE, DUPLICATE, SKIP, ERROR)


@dataclass(slots=True)  # one per row of the file: no __dict__ each
class PlanRow:
    """One row of the file and what the import will do with it."""

    number: int
    kind: str
    action: str
    fields: dict[str, Any] = field(default_factory=dict)
    match_id: str | None = None
    match_reason: str = ""
    account_id: str | None = None
    contact_ids: tuple[str, ...] = ()
    error: RowError | None = None
    #: values imported but not normalised (a phone number kept as written), and why
    notes: tuple[RowError, ...] = ()
    proposed: str = ""
    new_id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.proposed = self.proposed or self.action

    def merge(self, into: str | None = None) -> None:
        """Merge this row into ``into`` (default: the matched record)."""
        target = into or self.match_id
        if self.action == ERROR or target is None:
            raise ValueError(f"row {self.number} has nothing to merge into")
        self.match_id = target
        self.action = UPDATE

    def create(self) -> None:
        """Create this row as a new record even though something matched."""
        if self.action == ERROR:
            raise ValueError(f"row {self.number} has an error and cannot be imported")
        self.action = NEW

    def skip(self) -> None:
        if self.action != ERROR:
            self.action = SKIP


@dataclass
class PendingAccount:
    """A company named by contact rows that does not exist yet: created if a row needs it."""

    id: str
    name: str
    first_row: int


@dataclass
class ImportPlan:
    """What an import will do, row by row; the preview shows it and the user adjusts it."""

    source: Source
    rows: list[PlanRow]
    new_accounts: dict[str, PendingAccount] = field(default_factory=dict)
    #: what the rows were matched against (models.transfer.recheck.Watermark)
    watermark: Any = None

    @property
    def source_name(self) -> str:
        return self.source.path.name

    @property
    def kind(self) -> str:
        return self.source.kind

    @property
    def mapping(self) -> Mapping | None:
        return self.source.mapping

    @property
    def errors(self) -> list[RowError]:
        return [r.error for r in self.rows if r.error is not None]

    @property
    def notes(self) -> list[RowError]:
        """Values of rows to be imported that are kept as written (not normalised)."""
        return [n for r in self.rows if r.action not in (ERROR, SKIP) for n in r.notes]

    def counts(self) -> dict[str, int]:
        found = Counter(r.action for r in self.rows)
        return {a: found.get(a, 0) for a in ACTIONS}

    def preview(self, n: int = 20) -> list[PlanRow]:
        return self.rows[:n]


@dataclass(frozen=True)
class ImportResult:
    """What an applied import did. ``unchanged`` rows matched and had nothing new."""

    batch_id: str | None
    created: int
    updated: int
    skipped: int
    unchanged: int
    accounts_created: int
    errors: list[str]
    #: rows created though their name is like an existing one (keep_possible_duplicates)
    possible_duplicates: list[dict[str, Any]] = field(default_factory=list)
    #: values imported as written, not normalised (a phone number that is not a valid one)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """The command line's JSON line (unchanged rows count as skipped)."""
        return {
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped + self.unchanged,
            "errors": self.errors,
            "possible_duplicates": self.possible_duplicates,
            "warnings": self.warnings,
        }
