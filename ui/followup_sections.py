"""The follow-ups pane's sections as plain lists (no Qt): the rows a section has read,
the selected client's listed first, its count, and how one changed follow-up moves
between them without reading a section again.

A section's rows are the first rows of its bucket in the query's order (each page read
at the offset of the rows held), so a changed follow-up is taken out where it was and
put in where it sorts now: the next page's offset stays right. Where its place cannot
be told from the rows held (a tie in the sort key, whose order SQLite alone knows), the
section is read again instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.rows import FollowUpRow

#: Rows read per page of a section (the first page, then one more each time the
#: view scrolls to a section's last row), and of the selected client's listed first.
SECTION_ROWS = 100
#: How far a section's count goes: past it, it reads "1000+".
COUNT_CAP = 1000
#: A section is counted this far past COUNT_CAP, so that completing a follow-up or
#: two of a "1000+" section does not count it again (the count stays a lower bound).
COUNT_SLACK = 100


@dataclass
class Section:
    """One bucket: the rows read so far (every client's, or the one client's), the
    selected client's listed first (all-clients mode), and how many there are."""

    key: str
    rows: list[FollowUpRow] = field(default_factory=list)
    mine: list[FollowUpRow] = field(default_factory=list)
    shown: list[FollowUpRow] = field(default_factory=list)
    #: How many there are; None while counting is pending (the rows read show "N+").
    total: int | None = 0
    #: Whether ``total`` is a lower bound (counting stopped at its cap).
    at_least: bool = False
    exhausted: bool = True

    def arrange(self, account_id: str) -> None:
        others = [r for r in self.rows if r.account_id != account_id] if self.mine else self.rows
        self.shown = self.mine + others

    def counted(self, total: int, cap: int) -> None:
        """The count read with ``cap`` (``cap + 1``: at least that many)."""
        self.total = total
        self.at_least = total > cap


def _key(bucket: str, row: FollowUpRow) -> tuple[Any, ...]:
    """The bucket's sort key, ascending (models.queries.followups._bucket_query)."""
    if bucket == "done":
        assert row.done_at is not None
        return (-row.done_at.timestamp(),)
    return (row.effective_due, -row.priority, row.title)


def place(bucket: str, rows: list[FollowUpRow], row: FollowUpRow, whole: bool) -> int | None:
    """Where ``row`` goes in ``rows`` (the bucket's first rows, in its order): its index,
    ``len(rows)`` past the last one only when ``whole`` (they are all the bucket holds),
    -1 when it sorts after them (it comes with a later page), None when a row holds the
    same key (ties are in the index's order, which the rows do not carry)."""
    key = _key(bucket, row)
    for i, other in enumerate(rows):
        theirs = _key(bucket, other)
        if theirs == key:
            return None
        if key < theirs:
            return i
    return len(rows) if whole else -1


def _without(rows: list[FollowUpRow], followup_id: str) -> bool:
    for i, r in enumerate(rows):
        if r.id == followup_id:
            del rows[i]
            return True
    return False


@dataclass
class Moved:
    """What moving rows did to one section."""

    #: Rows taken out of, and put into, the bucket (of the section's scope).
    removed: int = 0
    added: int = 0
    #: Whether a follow-up may have entered it unseen (it was beyond the rows read).
    unsure: bool = False
    #: Follow-ups listed nowhere that are not in it now: they may have left it unseen.
    maybe_left: int = 0
    #: Whether the rows held can no longer be told right: the section is read again.
    reread: bool = False


def move(
    section: Section,
    followup_id: str,
    now_in: tuple[str, FollowUpRow] | None,
    scope: str | None,
    account_id: str,
    moved: Moved,
    unseen: bool = False,
) -> None:
    """Take ``followup_id`` out of the section's rows and put it back where it sorts now
    if ``now_in`` (its bucket and row) is this section's; ``scope`` is the one client
    listed (None: all), ``account_id`` the selected one (listed first in all-clients mode);
    ``unseen``: it was listed in no section (its bucket then is not known).
    """
    bucket, row = now_in if now_in is not None else ("", None)
    mine_full = len(section.mine) >= SECTION_ROWS
    was_mine = _without(section.mine, followup_id)
    if was_mine and mine_full:
        moved.reread = True  # the client's next row was not read
    was_read = _without(section.rows, followup_id) or was_mine
    if was_read:
        moved.removed += 1
    if row is None or bucket != section.key or (scope is not None and row.account_id != scope):
        moved.maybe_left += unseen
        return
    if not was_read:
        moved.unsure = True  # it may have been in this bucket past the rows read
    at = place(section.key, section.rows, row, section.exhausted)
    if at is None:
        moved.reread = True
        return
    if at >= 0:
        section.rows.insert(at, row)
    moved.added += 1
    if scope is None and account_id and row.account_id == account_id:
        mine_at = place(section.key, section.mine, row, len(section.mine) < SECTION_ROWS)
        if mine_at is None:
            moved.reread = True
        elif mine_at >= 0:
            section.mine.insert(mine_at, row)


def recount(section: Section, moved: Moved) -> bool:
    """Adjust the section's count for what moved; True when it must be counted again
    (the rows say too little)."""
    if section.exhausted:
        section.total, section.at_least = len(section.rows), False
        return False
    if section.total is None:
        return False  # being counted
    if (
        section.at_least
    ):  # a lower bound: what surely entered raises it, what may have left lowers it
        section.total += (0 if moved.unsure else moved.added) - moved.removed - moved.maybe_left
        return section.total <= COUNT_CAP
    if (moved.unsure and moved.added) or moved.maybe_left:
        return True  # it entered or left past the rows read, or moved within: count again
    section.total += moved.added - moved.removed
    return False
