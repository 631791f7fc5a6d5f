"""Next steps written as sentences: "Kirim proposal besok, follow up Selasa depan jam 3 sore."

Each line (or the part of it after a bullet or the client name) is cut into
sentences and clauses (capture_clauses); a clause that asks for an action
(capture_actions) becomes a follow-up titled by its verb and object
(capture_titles) and due at the day it names (capture_dates), or at the
default, flagged. A "weak" action (meet, demo) needs a day; one whose clause
has a past-time word ("kemarin") and no day is a report.

``parse_due`` is cached on (clause, now, date order): the preview re-reads
the whole note on every key press.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache

from models.capture import deal_title as deal_title_cache
from models.capture.actions import Action, starts_clause
from models.capture.actions import read_action as _read_action
from models.capture.clauses import split_clauses, split_sentences
from models.capture.dates import REASON_FUZZY, DueDate, default_due, parse_due
from models.capture.followup import ParsedFollowUp, make_followup
from models.capture.titles import clause_title, is_bare, with_whom

__all__ = [
    "REASON_BORROWED_DAY",
    "Who",
    "cached_due",
    "clauses_of",
    "first_sentence",
    "prose_followups",
]

_MODAL_WORDS = re.compile(
    r"(?<!\w)(?:akan|harus|hrs|perlu|mesti|musti|wajib|segera|tolong|mohon|sudah|udah)(?!\w)",
    re.IGNORECASE,
)
REASON_BORROWED_DAY = "borrowed_day"
_CONTACT_VERBS = frozenset((
    "call", "phone", "ring", "telepon", "telpon", "telp", "tlp", "nelpon", "hubungi", "kontak",
    "email", "e-mail", "wa", "whatsapp", "japri", "chat", "text", "ping",
))  # fmt: skip
_ASK_VERBS = frozenset((
    "ask", "tanya", "tanyakan", "tanyain", "konfirmasi", "confirm", "check", "cek",
))  # fmt: skip
_LINE_MARK = re.compile(r"^\s*(?:#+\s*|(?:[-*+•>]|\d{1,3}[.)])\s+)")


@dataclass(frozen=True, slots=True)
class Who:
    """Who the note is about, to complete a bare "follow up": person, client, topic."""

    person: str | None = None
    client: str | None = None
    topic: str | None = None


read_action = lru_cache(maxsize=4096)(_read_action)


@lru_cache(maxsize=1024)
def cached_due(text: str, now: datetime, order: str) -> DueDate | None:
    """``parse_due`` remembered for the last thousand (text, now, order)."""
    return parse_due(text, now=now, date_order=order)


def clear_caches() -> None:
    """Forget every remembered reading (for a benchmark of the cold path)."""
    cached_due.cache_clear()
    read_action.cache_clear()
    _clauses.cache_clear()
    deal_title_cache.clear_cache()


def line_start(line: str) -> int:
    """Where the words of a line begin, after a bullet, number or heading mark."""
    m = _LINE_MARK.match(line)
    return m.end() if m is not None else 0


def clauses_of(line: str, begin: int) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """(sentence start, its clause spans) for each sentence of ``line[begin:]``."""
    for start, spans in _clauses(line, begin):
        yield start, list(spans)


@lru_cache(maxsize=512)
def _clauses(line: str, begin: int) -> tuple[tuple[int, tuple[tuple[int, int], ...]], ...]:
    found = []
    for s_start, s_end in split_sentences(line[begin:]):
        start, end = s_start + begin, s_end + begin
        found.append((start, tuple(split_clauses(line, start, end, starts_clause))))
    return tuple(found)


def _counts(action: Action, due: DueDate | None, now: datetime) -> bool:
    if action.past_words and due is None:
        return False
    if not action.weak:
        return True
    if due is None or REASON_FUZZY in due.reasons:
        return False
    # "Hari ini ketemu Mbak Tari", "Rapat evaluasi akhir tahun": today's event, reported
    return not (due.all_day and due.due.date() == now.date())


@dataclass(slots=True)
class _Step:
    start: int
    end: int
    action: Action
    due: DueDate | None
    borrowed: bool = False


def _steps(line: str, clauses: list[tuple[int, int]], now: datetime, order: str) -> list[_Step]:
    """The clauses of one sentence that ask for an action, merged and with days borrowed."""
    steps: list[_Step] = []
    for start, end in clauses:
        clause = line[start:end].rstrip(".!?… ")
        if not clause:
            continue
        action = read_action(clause)
        if action is None:
            continue
        due = cached_due(clause, now, order)
        if not _counts(action, due, now):
            continue
        previous = steps[-1] if steps else None
        if (
            previous is not None
            and due is None
            and previous.action.verb in _CONTACT_VERBS
            and action.verb in _ASK_VERBS
        ):  # "Telepon Pak Wawan jam 2, tanya status": one step
            previous.end = end
            continue
        steps.append(_Step(start, start + len(clause), action, due))
    for index, step in enumerate(steps):
        if step.due is None:  # "prepare a quote and email it on Thursday"
            before = [s for s in steps[:index] if s.due is not None and not s.borrowed]
            after = [s for s in steps[index + 1 :] if s.due is not None and not s.borrowed]
            lender = before[-1] if before else (after[0] if after else None)
            if lender is not None and lender.due is not None:
                step.due = replace(
                    lender.due,
                    spans=(),
                    needs_confirmation=True,
                    reasons=(*lender.due.reasons, REASON_BORROWED_DAY),
                )
                step.borrowed = True
    return steps


def prose_followups(
    line: str,
    line_no: int,
    begin: int,
    *,
    now: datetime,
    order: str,
    default_days: int,
    who: Who,
) -> list[ParsedFollowUp]:
    """The follow-ups the sentences of ``line[begin:]`` ask for, in order."""
    found: list[ParsedFollowUp] = []
    for _, clauses in clauses_of(line, begin):
        for step in _steps(line, clauses, now, order):
            clause = line[step.start : step.end].rstrip(".!?… ")
            due = step.due
            spans: tuple[tuple[int, int], ...] = ()
            if due is not None:
                own = cached_due(clause, now, order)
                spans = own.spans if own is not None else ()
            title = clause_title(
                clause,
                step.action.start,
                spans,
                active=step.action.active,
                passive=step.action.passive,
                object_start=step.action.object_start,
                modal_words=_MODAL_WORDS,
            )
            if is_bare(title):
                title = with_whom(title, who.person, who.client, who.topic)
            chosen = due if due is not None else default_due(now, default_days)
            found.append(
                make_followup(
                    title, line, line_no, chosen, clause=clause, start=step.start, from_prose=True
                )
            )
    return found


def action_spans(line: str, begin: int) -> list[tuple[int, int]]:
    """The spans of the clauses of ``line[begin:]`` that ask for a (strong) action."""
    spans: list[tuple[int, int]] = []
    for _, clauses in clauses_of(line, begin):
        for start, end in clauses:
            action = read_action(line[start:end])
            if action is not None and not action.weak:
                spans.append((start, end))
    return spans


def first_sentence(lines: list[tuple[str, int, bool]]) -> str:
    """The first sentence of (line, begin, is heading) whose first clause is not a next step."""
    for line, begin, heading in lines:
        for _, clauses in clauses_of(line, begin):
            if not clauses:
                continue
            c_start, c_end = clauses[0]
            action = None if heading else read_action(line[c_start:c_end])
            if action is not None and not action.weak:
                continue
            return line[clauses[0][0] : clauses[-1][1]].strip()
    return ""
