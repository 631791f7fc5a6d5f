"""Whole quick-capture notes: follow-ups, titles, kind, contacts, subject, lines kept.

Dates are worked out by hand (see test_capture_dates for the calendar):
Tuesday 2026-11-24 -> "besok" 25 Nov, "next Tuesday" 1 Dec, "in 2 weeks" 8 Dec;
Friday 2026-11-27 + 2 working days -> Tuesday 1 Dec.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.capture.parse import (
    KINDS,
    detect_contacts,
    detect_kind,
    parse_capture,
    split_followup,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
TUESDAY = datetime(2026, 11, 24, 9, 30, tzinfo=JAKARTA)
FRIDAY = datetime(2026, 11, 27, 16, 0, tzinfo=JAKARTA)
CONTACTS = ("Budi Santoso", "Sari Wijaya")

DESIGN_NOTE = """Acme Corp — met Budi and Sari, demo went well, budget ~ Rp 500 jt
- kirim proposal besok
- [ ] call Sari next Tuesday about pricing
TODO: invite to webinar in 2 weeks"""


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=JAKARTA)


def test_the_design_example() -> None:
    result = parse_capture(
        DESIGN_NOTE, now=TUESDAY, contact_names=CONTACTS, first_line_names_client=True
    )
    assert result.client_text == "Acme Corp"
    assert result.subject == "met Budi and Sari, demo went well, budget ~ Rp 500 jt"
    # the note as written, without the client prefix the entry is filed under
    assert result.body == DESIGN_NOTE.replace("Acme Corp — ", "", 1)
    assert result.kind == "meeting"
    assert result.contacts == ("Budi Santoso", "Sari Wijaya")
    assert [(a.minor_units, a.currency) for a in result.amounts] == [(500_000_000, "IDR")]
    assert len(result.followups) == 3
    call = result.followups[1]
    assert [(f.title, f.line_no, f.due) for f in result.followups] == [
        ("kirim proposal", 1, _midnight(date(2026, 11, 25))),
        ("call Sari about pricing", 2, _midnight(date(2026, 12, 1))),
        ("invite to webinar", 3, _midnight(date(2026, 12, 8))),
    ]
    for followup in result.followups:
        assert followup.all_day and not followup.is_default and not followup.needs_confirmation
    assert call.source_line == "- [ ] call Sari next Tuesday about pricing"


def test_the_design_example_without_a_client_line() -> None:
    result = parse_capture(DESIGN_NOTE, now=TUESDAY)
    assert result.client_text is None
    assert result.subject == DESIGN_NOTE.splitlines()[0]
    assert len(result.followups) == 3
    assert result.contacts == ()


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("- [ ] call Budi", "call Budi"),
        ("[ ] kirim invoice", "kirim invoice"),
        ("* [ ] review the deck", "review the deck"),
        ("  - [ ] indented item", "indented item"),
        ("- [] no space inside", "no space inside"),
        ("TODO call Sari", "call Sari"),
        ("TODO: call Sari", "call Sari"),
        ("todo: kirim PO", "kirim PO"),
        ("Next step: send pricing", "send pricing"),
        ("Tindak lanjut: kirim penawaran", "kirim penawaran"),
        ("- send the deck", "send the deck"),
        ("* telepon Budi", "telepon Budi"),
        ("- Kirim brosur", "Kirim brosur"),
        ("1. schedule demo", "schedule demo"),
        ("- follow up with Budi", "follow up with Budi"),
        ("- e-mail the CFO", "e-mail the CFO"),
        ("- tagih DP", "tagih DP"),
        ("- [x] sent proposal", None),
        ("- [X] kirim invoice", None),
        ("[x] call Budi", None),
        ("- met Budi", None),
        ("- sent the proposal", None),
        ("- calling him was hard", None),
        ("- budget Rp 500 jt", None),
        ("Next steps:", None),
        ("- [ ]", None),
        ("todo list is long", None),
        ("TODOs are piling up", None),
        ("send the deck", None),  # a verb without a bullet is prose
        ("", None),
    ],
)
def test_which_lines_are_follow_ups(line: str, rest: str | None) -> None:
    assert split_followup(line) == rest


def test_done_items_stay_in_the_body() -> None:
    note = "Weekly sync\n- [x] sent proposal\n- [ ] call Budi besok"
    result = parse_capture(note, now=TUESDAY)
    assert result.body == note
    assert [f.title for f in result.followups] == ["call Budi"]


def test_a_follow_up_without_a_date_gets_the_default_and_asks() -> None:
    result = parse_capture("Visit\n- [ ] call Budi", now=FRIDAY)
    (followup,) = result.followups
    assert followup.due == _midnight(date(2026, 12, 1))
    assert followup.all_day and followup.is_default and followup.needs_confirmation
    assert followup.title == "call Budi"


def test_default_working_days_is_configurable() -> None:
    result = parse_capture("- [ ] call Budi", now=TUESDAY, default_working_days=5)
    assert result.followups[0].due == _midnight(date(2026, 12, 1))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"now": datetime(2026, 11, 24, 9, 30)}, "timezone-aware"),
        ({"now": TUESDAY, "date_order": "DM"}, "date_order"),
        ({"now": TUESDAY, "default_working_days": -1}, "default_working_days"),
    ],
)
def test_bad_settings_are_refused_even_without_follow_ups(
    kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        parse_capture("just a note", **kwargs)


def test_times_and_ambiguity_reach_the_follow_up() -> None:
    note = "- telepon Budi besok jam 3 sore\n- book the room 3/4"
    first, second = parse_capture(note, now=TUESDAY).followups
    assert first.due == datetime(2026, 11, 25, 15, 0, tzinfo=JAKARTA)
    assert not first.all_day and not first.needs_confirmation
    assert first.title == "telepon Budi"
    assert second.due == _midnight(date(2027, 4, 3))
    assert second.needs_confirmation


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("- [ ] call Sari next Tuesday about pricing", "call Sari about pricing"),
        ("- send deck by Friday, then call", "send deck, then call"),
        ("- kirim invoice paling lambat hari Jumat", "kirim invoice"),
        ("TODO: demo (besok jam 10)", "demo"),
        ("TODO: besok", "besok"),  # nothing would be left: keep the words
        ("- ask Budi about the pilot", "ask Budi about the pilot"),
    ],
)
def test_titles_drop_the_date_words(line: str, title: str) -> None:
    (followup,) = parse_capture(line, now=TUESDAY).followups
    assert followup.title == title


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Call with Budi about the renewal", "call"),
        ("Ditelepon Pak Budi soal harga", "call"),
        ("Phone: Sari wants a discount", "call"),
        ("Sent an e-mail to Sari with the deck", "email"),
        ("Kirim surel ke Sari", "email"),
        ("Demo for the ops team", "demo"),
        ("Presentasi penawaran harga ke direksi", "proposal"),
        ("Proposal sent to procurement", "proposal"),
        ("Signed the contract today", "contract"),
        ("Kontrak sudah ditandatangani", "contract"),
        ("Sent hampers for Lebaran", "gift"),
        ("Kirim bingkisan akhir tahun", "gift"),
        ("Lunch with Budi, talked about the demo", "meeting"),
        ("met Budi, demo went well", "meeting"),
        ("General thoughts about the account", "meeting"),
        ("", "meeting"),
        ("Recalled the old pricing", "meeting"),  # "call" only as a whole word
    ],
)
def test_kind_detection(body: str, kind: str) -> None:
    assert detect_kind(body) == kind


def test_kind_ignores_follow_up_lines() -> None:
    result = parse_capture("Quick recap\n- call Budi besok\n- kirim proposal", now=TUESDAY)
    assert result.kind == "meeting"


def test_kind_ignores_the_client_name() -> None:
    note = "Gift Shop Ltd — quarterly review"
    assert parse_capture(note, now=TUESDAY, first_line_names_client=True).kind == "meeting"
    assert parse_capture(note, now=TUESDAY).kind == "gift"


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("met budi and SARI", CONTACTS, ("Budi Santoso", "Sari Wijaya")),
        ("Sari first, then Budi", CONTACTS, ("Sari Wijaya", "Budi Santoso")),
        ("Budiman is someone else", CONTACTS, ()),
        ("Pak Budi's team", CONTACTS, ("Budi Santoso",)),
        ("ketemu Budinya langsung", CONTACTS, ("Budi Santoso",)),
        ("sari wijaya called", CONTACTS, ("Sari Wijaya",)),
        ("Budi Hartono joined", ("Budi Santoso", "Budi Hartono"), ("Budi Hartono",)),
        ("Budi joined", ("Budi Santoso", "Budi Hartono"), ("Budi Santoso", "Budi Hartono")),
        ("nobody", CONTACTS, ()),
        ("Budi", (), ()),
    ],
)
def test_contacts(text: str, names: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert detect_contacts(text, names) == expected


def test_contacts_are_found_in_follow_ups_too() -> None:
    note = "Visited the plant\n- [ ] call Sari tomorrow"
    assert parse_capture(note, now=TUESDAY, contact_names=CONTACTS).contacts == ("Sari Wijaya",)


def test_amounts_are_found_in_the_whole_note() -> None:
    note = "Budget $50k\n- kirim penawaran Rp 1,5 miliar besok"
    amounts = parse_capture(note, now=TUESDAY).amounts
    assert [(a.minor_units, a.currency) for a in amounts] == [
        (5_000_000, "USD"),
        (1_500_000_000, "IDR"),
    ]


def test_subject_is_trimmed_and_unbulleted() -> None:
    long_line = "- " + " ".join(["word"] * 60)
    subject = parse_capture(long_line, now=TUESDAY).subject
    assert len(subject) <= 120 and subject.endswith("…")
    assert subject.startswith("word word")
    assert parse_capture("\n\n# Visit notes\nmore", now=TUESDAY).subject == "Visit notes"
    assert parse_capture("- [ ] call Budi", now=TUESDAY).subject == ""


def test_a_first_line_that_is_only_the_client() -> None:
    note = "\nPT Maju Jaya\nTalked about the Q1 rollout\n- cek stok besok"
    result = parse_capture(note, now=TUESDAY, first_line_names_client=True)
    assert result.client_text == "PT Maju Jaya"
    assert result.subject == "Talked about the Q1 rollout"
    assert result.body == note  # nothing to drop: the line is only the client


def test_a_client_line_that_looks_like_a_todo_stays_the_client_line() -> None:
    result = parse_capture("- call Center Ltd: met Budi", now=TUESDAY, first_line_names_client=True)
    assert result.followups == ()
    assert result.client_text == "call Center Ltd"
    assert result.subject == "met Budi"


def test_every_line_is_kept_with_crlf_and_blank_lines() -> None:
    note = "Visit\r\n\r\n- [ ] call Budi besok\r\n- [x] done\r\n  \r\nTODO: kirim PO"
    result = parse_capture(note, now=TUESDAY)
    assert result.body == "Visit\n\n- [ ] call Budi besok\n- [x] done\n  \nTODO: kirim PO"
    assert [f.line_no for f in result.followups] == [2, 5]
    assert [f.source_line for f in result.followups] == ["- [ ] call Budi besok", "TODO: kirim PO"]


def _assert_no_line_lost(text: str) -> None:
    result = parse_capture(text, now=TUESDAY, contact_names=CONTACTS, first_line_names_client=True)
    lines = text.splitlines()
    body_lines = result.body.split("\n") if result.body else []
    if not result.body:  # only next steps (or nothing): no entry text
        with_followups = {f.line_no for f in result.followups}
        assert all(
            i in with_followups or not any(ch.isalnum() for ch in line)
            for i, line in enumerate(lines)
        )
    else:
        assert len(body_lines) == len(lines)
    client_line = next((i for i, line in enumerate(lines) if line.strip()), None)
    for index, (kept, line) in enumerate(zip(body_lines, lines, strict=False)):
        assert kept == line or (index == client_line and line.rstrip().endswith(kept)), (kept, line)
    for followup in result.followups:
        assert lines[followup.line_no] == followup.source_line
        assert followup.clause in followup.source_line
        assert followup.source_line[followup.start :].startswith(followup.clause)
        assert followup.title.strip()
    assert len({f.key for f in result.followups}) == len(result.followups)
    assert result.kind in KINDS
    assert len(result.subject) <= 120
    assert result.deal_title is None or 0 < len(result.deal_title) <= 80


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_capture_never_raises_and_never_loses_a_line(text: str) -> None:
    _assert_no_line_lost(text)


LINES = [
    "Acme Corp — met Budi and Sari", "- kirim proposal besok", "- [ ] call Sari next Tuesday",
    "TODO: invite to webinar in 2 weeks", "- [x] sent deck", "", "   ", "Next steps:",
    "- telepon Budi jam 3 sore", "budget ~ Rp 500 jt", "* [ ] review 12/1", "Tindak lanjut: cek",
    "- met the CFO", "todo: tagih DP akhir bulan", "1. schedule demo lusa",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=30)), max_size=12),
       st.sampled_from(["\n", "\r\n", "\r"]))  # fmt: skip
def test_realistic_notes_never_lose_a_line(lines: list[str], newline: str) -> None:
    _assert_no_line_lost(newline.join(lines))
