"""A follow-up found in a quick-capture note (the record both parsers return)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.capture.dates import DueDate

__all__ = ["ParsedFollowUp", "make_followup"]


@dataclass(frozen=True, slots=True)
class ParsedFollowUp:
    """A follow-up found in the note, with its due date (aware, in ``now``'s time zone).

    ``source_line`` is the whole line it came from and ``line_no`` that line's
    index in ``text.splitlines()``; ``clause`` is the words it was read from
    (the action-item text of a bullet or TODO line, or the clause of a
    sentence), starting at character ``start`` of the line. ``from_prose``
    tells a next step written in a sentence from a bullet/TODO line.
    ``key`` tells apart several follow-ups from one line (for edits in a
    preview).
    """

    title: str
    source_line: str
    line_no: int
    due: datetime
    all_day: bool
    is_default: bool
    needs_confirmation: bool
    reasons: tuple[str, ...] = ()
    clause: str = ""
    start: int = 0
    from_prose: bool = False

    @property
    def sure(self) -> bool:
        """Whether the due date was read without doubt (nothing to confirm)."""
        return not self.needs_confirmation

    @property
    def key(self) -> str:
        """Identifies the follow-up within its note: "line:start"."""
        return f"{self.line_no}:{self.start}"


def make_followup(
    title: str,
    line: str,
    line_no: int,
    due: DueDate,
    *,
    clause: str = "",
    start: int = 0,
    from_prose: bool = False,
    extra_reasons: tuple[str, ...] = (),
) -> ParsedFollowUp:
    """A ParsedFollowUp with its due date's fields copied in."""
    reasons = tuple(dict.fromkeys((*due.reasons, *extra_reasons)))
    return ParsedFollowUp(
        title=title,
        source_line=line,
        line_no=line_no,
        due=due.due,
        all_day=due.all_day,
        is_default=due.is_default,
        needs_confirmation=due.needs_confirmation or bool(extra_reasons),
        reasons=reasons,
        clause=clause,
        start=start,
        from_prose=from_prose,
    )
