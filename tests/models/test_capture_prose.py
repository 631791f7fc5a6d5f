"""Next steps written as sentences, in English and Indonesian (issue 13, requirements 1 and 4).

The table of notes is in capture_prose_cases.py (shared with
bench/capture_accuracy.py); every row is checked here, and the rows the
parser still reads differently from a person are strict xfails with their
reason, so fixing one shows up.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.capture.actions import read_action
from models.capture.clauses import split_sentences
from models.capture.deal_title import deal_title
from models.capture.parse import ParsedFollowUp, parse_capture
from models.capture.prose import clear_caches
from tests.models.capture_prose_cases import (
    CASES,
    DEFAULTS,
    HELD_OUT,
    JAKARTA,
    KNOWN_MISSES,
    NOWS,
    Case,
    Want,
)

TUESDAY = NOWS["TUE"]
ISSUE_NOTE = (
    "Ketemu Pak Budi di kantor PT Maju Jaya. Mereka tertarik paket enterprise Rp 500 jt. "
    "Kirim proposal besok, follow up Selasa depan jam 3 sore."
)


def test_the_table_is_as_the_issue_asks() -> None:
    assert len(CASES) >= 60
    indonesian = [c for c in CASES if c.lang in ("id", "mix")]
    assert len(indonesian) * 2 >= len(CASES)
    assert len([c for c in CASES if not c.wants]) >= 10
    assert {c.now for c in CASES} == set(NOWS)
    assert NOWS["FRI"].weekday() == 4
    assert (NOWS["EOM"].month, NOWS["EOM"].day) == (11, 30)
    assert (NOWS["NYE"].month, NOWS["NYE"].day) == (12, 31)
    notes = [c.note for c in (*CASES, *HELD_OUT)]
    assert len(set(notes)) == len(notes)
    assert set(KNOWN_MISSES) <= set(notes)


def _check(case: Case) -> None:
    found = parse_capture(case.note, now=NOWS[case.now]).followups
    got = [(f.title, f.due.isoformat(), f.all_day, f.sure, f.reasons) for f in found]
    assert len(found) == len(case.wants), got
    for want, followup in zip(case.wants, found, strict=True):
        assert want.title.casefold() in followup.title.casefold(), got
        _check_due(followup, want, case.now)
        assert followup.sure is want.sure, got


def _check_due(followup: ParsedFollowUp, want: Want, now_key: str) -> None:
    assert followup.due.tzinfo is JAKARTA
    if want.due == "default":
        assert followup.is_default and followup.all_day
        assert followup.due.date().isoformat() == DEFAULTS[now_key]
    elif " " in want.due:
        expected = datetime.strptime(want.due, "%Y-%m-%d %H:%M").replace(tzinfo=JAKARTA)
        assert not followup.all_day and followup.due == expected
    else:
        assert followup.all_day and not followup.is_default
        assert followup.due == datetime.combine(date.fromisoformat(want.due), time(), JAKARTA)


def _params(cases: tuple[Case, ...]) -> list[object]:
    return [
        pytest.param(
            case,
            id=case.note[:40],
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[case.note])]
            if case.note in KNOWN_MISSES
            else [],
        )
        for case in cases
    ]


@pytest.mark.parametrize("case", _params(CASES))
def test_the_table(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", _params(HELD_OUT))
def test_the_held_out_notes(case: Case) -> None:
    _check(case)


def test_the_issue_note_gives_exactly_two_follow_ups() -> None:
    result = parse_capture(ISSUE_NOTE, now=TUESDAY)
    proposal, follow_up = result.followups
    assert proposal.title == "Kirim proposal"
    assert proposal.due == datetime(2026, 11, 25, tzinfo=JAKARTA) and proposal.all_day
    assert proposal.sure and not proposal.is_default
    assert follow_up.title == "Follow up with Budi (PT Maju Jaya)"
    assert follow_up.due == datetime(2026, 12, 1, 15, 0, tzinfo=JAKARTA)
    assert not follow_up.all_day and follow_up.sure
    assert (proposal.line_no, follow_up.line_no) == (0, 0)
    assert proposal.source_line == follow_up.source_line == ISSUE_NOTE
    assert proposal.clause == "Kirim proposal besok"
    assert follow_up.clause == "follow up Selasa depan jam 3 sore"
    assert ISSUE_NOTE[proposal.start :].startswith(proposal.clause)
    assert proposal.key != follow_up.key and proposal.from_prose


def test_the_issue_note_keeps_its_text_subject_and_deal() -> None:
    result = parse_capture(ISSUE_NOTE, now=TUESDAY)
    assert result.body == ISSUE_NOTE
    assert result.subject == "Ketemu Pak Budi di kantor PT Maju Jaya"
    assert result.deal_title == "Paket enterprise"
    assert result.kind == "meeting"
    assert [a.minor_units for a in result.amounts] == [500_000_000]


def test_the_client_and_contact_given_title_a_bare_follow_up() -> None:
    note = "Ketemu Pak Budi di kantornya.\nfollow up Jumat"
    result = parse_capture(
        note, now=TUESDAY, contact_names=("Budi Santoso",), client_name="PT Maju Jaya"
    )
    assert [f.title for f in result.followups] == ["Follow up with Budi (PT Maju Jaya)"]
    assert result.followups[0].line_no == 1
    alone = parse_capture("follow up besok", now=TUESDAY)
    assert [f.title for f in alone.followups] == ["Follow up"]  # nothing known to add
    topic = parse_capture("Discussed the ERP license renewal. Follow up Friday.", now=TUESDAY)
    assert [f.title for f in topic.followups] == ["Follow up: ERP license renewal"]
    named = parse_capture("Acme Corp — demo done\n- [ ] follow up", now=TUESDAY,
                          first_line_names_client=True)  # fmt: skip
    assert [f.title for f in named.followups] == ["Follow up with Acme Corp"]


@pytest.mark.parametrize(
    ("note", "subject"),
    [
        ("Kirim proposal besok. Ketemu Pak Budi di kantor.", "Ketemu Pak Budi di kantor"),
        ("Met Dr. Sari at PT. Maju. Budget Rp. 500 jt.", "Met Dr. Sari at PT. Maju"),
        ("Signed on Dec. 20 with Globex. Send invoice.", "Signed on Dec. 20 with Globex"),
        ("Margin 3.5 pct, mail budi@maju.co.id. Next.", "Margin 3.5 pct, mail budi@maju.co.id"),
        ("Kirim proposal besok.", ""),
        ("Rp 500 jt. Kirim besok", "Rp 500 jt"),
        ("# Visit notes\nmore", "Visit notes"),
    ],
)
def test_the_subject_is_the_first_sentence_that_is_not_a_next_step(note: str, subject: str) -> None:
    assert parse_capture(note, now=TUESDAY).subject == subject


def test_a_long_first_sentence_is_cut_on_a_word() -> None:
    subject = parse_capture("Ketemu " + "banyak orang " * 30 + ". Lalu.", now=TUESDAY).subject
    assert len(subject) <= 120 and subject.endswith("…") and "banyak orang" in subject
    assert not subject[:-1].endswith(" ")


@pytest.mark.parametrize(
    ("line", "sentences"),
    [
        ("Ketemu Pak. Budi. Kirim besok.", ["Ketemu Pak. Budi.", "Kirim besok."]),
        ("See www.maju.co.id/x. Then call", ["See www.maju.co.id/x.", "Then call"]),
        ("S. Wijaya called! Why? Budget.", ["S. Wijaya called!", "Why?", "Budget."]),
        ("Due Dec. 20, 3.5% off", ["Due Dec. 20, 3.5% off"]),
        ("  ", []),
    ],
)
def test_sentences(line: str, sentences: list[str]) -> None:
    assert [line[s:e] for s, e in split_sentences(line)] == sentences


@pytest.mark.parametrize(
    ("clause", "is_step"),
    [
        ("Kirim proposal besok", True),
        ("we'll send the deck", True),
        ("Jangan lupa kirim kartu", True),
        ("don't forget to call Sari", True),
        ("no need to call", False),
        ("tidak perlu kirim sample", False),
        ("jangan kirim dulu", False),
        ("sudah kirim proposal", False),
        ("sent the proposal", False),
        ("they want a demo", False),
        ("budget approved", False),
        ("belum ada keputusan", False),
        ("mereka tertarik paket enterprise", False),
        ("Call: Budi said yes", False),
        ("Review went well", False),
        ("Pak Budi minta dikirimi brosur", True),
        ("Budi asked us to resend the invoice", True),
        ("Kontrak harus dikirim", True),
        ("Kontrak dikirim oleh legal mereka", False),
        ("", False),
    ],
)
def test_which_clauses_ask_for_a_step(clause: str, is_step: bool) -> None:
    action = read_action(clause)
    assert (action is not None and not action.weak) is is_step


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Mereka tertarik paket enterprise Rp 500 jt.", "Paket enterprise"),
        ("Discussed the ERP license renewal, approx $20k", "ERP license renewal"),
        ("Interested in the Premium plan.", "Premium plan"),
        ("Deal Rp 750 jt untuk perpanjangan lisensi 2 tahun", "Perpanjangan lisensi"),
        ("Mereka tertarik dengan CRM Pro", "CRM Pro"),
        ("Ketemu Pak Hendra di kantor. Budget Rp 500 jt.", None),
        ("", None),
    ],
)
def test_deal_titles_name_what_was_discussed(text: str, title: str | None) -> None:
    result = parse_capture(text, now=TUESDAY)
    assert result.deal_title == title
    assert deal_title(text, result.amounts) == title


def test_forgetting_the_caches_changes_nothing() -> None:
    before = parse_capture(ISSUE_NOTE, now=TUESDAY)
    clear_caches()
    assert parse_capture(ISSUE_NOTE, now=TUESDAY) == before


def test_a_note_of_next_steps_only_has_no_entry_text() -> None:
    assert parse_capture("Kirim proposal besok.\nfollow up Jumat", now=TUESDAY).body == ""
    assert parse_capture("Kirim proposal besok. Budget oke.", now=TUESDAY).body != ""


VOCAB = [
    "Kirim", "proposal", "besok", "follow up", "Selasa depan", "jam 3 sore", "Pak", "Budi",
    ".", ",", ":", "tidak perlu", "sudah", "dikirim", "minta", "they", "want", "send", "2pm",
    "tanggal 15", "Dec. 20", "Rp 500 jt", "PT", "paket", "license", "renewal", "\n", "- [ ]",
    "TODO:", "#", "dan", "and", "then", "lalu", "oleh", "since", "03/04", "Jumat", "😀",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), max_size=40), st.sampled_from(list(NOWS)))
def test_any_mix_of_the_words_parses(words: list[str], now_key: str) -> None:
    text = " ".join(words)
    result = parse_capture(text, now=NOWS[now_key], client_name="PT Maju Jaya")
    for followup in result.followups:
        assert followup.title.strip()
        assert followup.due.tzinfo is JAKARTA
        assert text.splitlines()[followup.line_no] == followup.source_line
        assert followup.needs_confirmation is not followup.sure
        assert followup.is_default <= followup.needs_confirmation
    assert len(result.subject) <= 120


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses(text: str) -> None:
    result = parse_capture(text, now=TUESDAY)
    assert all(f.title for f in result.followups)
