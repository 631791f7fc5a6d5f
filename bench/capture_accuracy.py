"""Accuracy of next steps read from prose notes (the table in tests/models/capture_prose_cases.py).

    python bench/capture_accuracy.py [--verbose] [--timing]

Scores the table (written first; the rules were improved against it) and the
held-out notes (written afterwards; their blind score is noted beside them). Prints
precision and recall of follow-up detection (a found follow-up counts
when its title holds the expected piece), and for the follow-ups found, how
many have the expected due date (day, time or all-day, or the default) and
the expected "sure" flag; per language too. ``--verbose`` lists every
difference. ``--timing`` also times ``parse_capture`` on a 2,000-character
note made of the table's notes (median of runs: caches emptied, then the next
key press) beside a floor: the same note's lines through ``str.splitlines``
and one regex, alternating in the same run.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.capture.followup import ParsedFollowUp
from models.capture.parse import parse_capture
from models.capture.prose import clear_caches
from tests.models.capture_prose_cases import CASES, DEFAULTS, HELD_OUT, NOWS, Case, Want


def due_matches(found: ParsedFollowUp, want: Want, now_key: str) -> bool:
    """Whether the follow-up is due when the table says."""
    if want.due == "default":
        return found.is_default and found.due.date().isoformat() == DEFAULTS[now_key]
    if " " in want.due:
        expected = datetime.strptime(want.due, "%Y-%m-%d %H:%M")
        return not found.all_day and found.due.replace(tzinfo=None) == expected
    return found.all_day and found.due.date().isoformat() == want.due and not found.is_default


def match(case: Case, found: tuple[ParsedFollowUp, ...]) -> list[tuple[Want, ParsedFollowUp]]:
    """Expected follow-ups paired, in order, with the found ones whose titles hold them."""
    pairs: list[tuple[Want, ParsedFollowUp]] = []
    used: set[int] = set()
    for want in case.wants:
        for index, followup in enumerate(found):
            if index not in used and want.title.casefold() in followup.title.casefold():
                used.add(index)
                pairs.append((want, followup))
                break
    return pairs


def score(cases: tuple[Case, ...], verbose: bool = False) -> dict[str, Counter[str]]:
    """Counts per language ("all", "id", "en", "mix")."""
    counts: dict[str, Counter[str]] = {k: Counter() for k in ("all", "id", "en", "mix")}
    for number, case in enumerate(cases):
        found = parse_capture(case.note, now=NOWS[case.now]).followups
        pairs = match(case, found)
        for key in ("all", case.lang):
            c = counts[key]
            c["notes"] += 1
            c["expected"] += len(case.wants)
            c["found"] += len(found)
            c["matched"] += len(pairs)
            c["due_ok"] += sum(due_matches(f, w, case.now) for w, f in pairs)
            c["sure_ok"] += sum(f.sure == w.sure for w, f in pairs)
            c["quiet"] += not case.wants
            c["quiet_ok"] += not case.wants and not found
        wrong = len(pairs) != len(case.wants) or len(found) != len(case.wants)
        wrong = wrong or any(
            not due_matches(f, w, case.now) or f.sure != w.sure for w, f in pairs
        )
        if verbose and wrong:
            print(f"#{number} [{case.now}] {case.note}")
            print(f"   want: {[(w.title, w.due, w.sure) for w in case.wants]}")
            got = [(f.title, f.due.isoformat(), f.all_day, f.sure, f.reasons) for f in found]
            print(f"   got:  {got}")
    return counts


def timing(runs: int = 41) -> tuple[float, float, float]:
    """Median ms of parse_capture on a ~2,000-character note: cold (caches emptied), while
    typing (one more character each run, caches kept), and of the floor."""
    note = "\n".join(case.note for case in CASES)[:2000]  # varied prose, 2,000 characters
    now = NOWS["TUE"]
    parse_times: list[float] = []
    typing_times: list[float] = []
    floor_times: list[float] = []
    pattern = re.compile(r"(?<!\w)(?:kirim|send|follow\s+up)(?!\w)", re.IGNORECASE)
    for run in range(runs):
        # a different note each run (as typing changes it), the cache emptied: no free hits
        text = note[: 2000 - run % 7]
        clear_caches()
        start = time.perf_counter()
        parse_capture(text, now=now)
        parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        parse_capture(text + "x" * (run + 1), now=now)  # the next key press
        typing_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for line in text.splitlines():
            pattern.findall(line)
        floor_times.append(time.perf_counter() - start)
    return (
        statistics.median(parse_times) * 1000,
        statistics.median(typing_times) * 1000,
        statistics.median(floor_times) * 1000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--timing", action="store_true")
    args = parser.parse_args()
    for name, cases in (("table", CASES), ("held out", HELD_OUT)):
        print(f"== {name}")
        report(score(cases, args.verbose))
    if args.timing:
        cold, typing, floor = timing()
        print(
            f"parse_capture, 2,000 chars: median {cold:.2f} ms cold, {typing:.2f} ms on the "
            f"next key press (floor: splitlines + one regex {floor:.3f} ms)"
        )


def report(counts: dict[str, Counter[str]]) -> None:
    """One line per language."""
    for key, c in counts.items():
        if not c["notes"]:
            continue
        precision = c["matched"] / c["found"] if c["found"] else 1.0
        recall = c["matched"] / c["expected"] if c["expected"] else 1.0
        due = c["due_ok"] / c["matched"] if c["matched"] else 1.0
        sure = c["sure_ok"] / c["matched"] if c["matched"] else 1.0
        print(
            f"{key:>3}: {c['notes']} notes, {c['expected']} expected follow-ups, "
            f"{c['found']} found; precision {precision:.1%}, recall {recall:.1%}; "
            f"due right {due:.1%}, sure flag right {sure:.1%} (of those found); "
            f"notes without a next step left quiet {c['quiet_ok']}/{c['quiet']}"
        )


if __name__ == "__main__":
    main()
