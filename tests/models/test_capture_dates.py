"""Due dates read from English and Indonesian follow-up lines, against fixed "now"s.

Every expected date below was worked out by hand from the calendar:

    November 2026            December 2026            January 2027
    Mo Tu We Th Fr Sa Su     Mo Tu We Th Fr Sa Su     Mo Tu We Th Fr Sa Su
                       1         1  2  3  4  5  6                  1  2  3
     2  3  4  5  6  7  8      7  8  9 10 11 12 13      4  5  6  7  8  9 10
     9 10 11 12 13 14 15     14 15 16 17 18 19 20     11 12 13 14 15 16 17
    16 17 18 19 20 21 22     21 22 23 24 25 26 27     18 19 20 21 22 23 24
    23 24 25 26 27 28 29     28 29 30 31              25 26 27 28 29 30 31
    30
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.capture.date_explicit import REASON_AMBIGUOUS_NUMERIC, REASON_FUZZY
from models.capture.date_rules import add_working_days
from models.capture.dates import REASON_DEFAULT, date_order_for_locale, default_due, parse_due

JAKARTA = ZoneInfo("Asia/Jakarta")
NOWS = {
    "TUE": datetime(2026, 11, 24, 9, 30, tzinfo=JAKARTA),  # a Tuesday morning
    "FRI": datetime(2026, 11, 27, 16, 0, tzinfo=JAKARTA),  # a Friday afternoon
    "SAT": datetime(2026, 11, 28, 10, 0, tzinfo=JAKARTA),  # a Saturday
    "EOM": datetime(2026, 11, 30, 8, 0, tzinfo=JAKARTA),  # Monday, last day of the month
    "NYE": datetime(2026, 12, 31, 14, 0, tzinfo=JAKARTA),  # Thursday, last day of the year
}

# (line, now, date order, expected "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", needs confirmation)
CASES = [
    # --- Tuesday 2026-11-24 09:30 ---
    ("kirim proposal besok", "TUE", "DMY", "2026-11-25", False),
    ("call Sari tomorrow", "TUE", "DMY", "2026-11-25", False),
    ("follow up hari ini", "TUE", "DMY", "2026-11-24", False),
    ("send the deck today", "TUE", "DMY", "2026-11-24", False),
    ("telepon Budi lusa", "TUE", "DMY", "2026-11-26", False),
    ("email the day after tomorrow", "TUE", "DMY", "2026-11-26", False),
    ("meet Sari Selasa depan", "TUE", "DMY", "2026-12-01", False),
    ("call Sari next Tuesday about pricing", "TUE", "DMY", "2026-12-01", False),
    ("review contract next Monday", "TUE", "DMY", "2026-11-30", False),
    ("kunjungi kantor Rabu depan", "TUE", "DMY", "2026-12-02", False),
    ("send recap Friday", "TUE", "DMY", "2026-11-27", False),
    ("kirim invoice Jumat", "TUE", "DMY", "2026-11-27", False),
    ("hubungi Budi hari Jumat", "TUE", "DMY", "2026-11-27", False),
    ("book demo this Friday", "TUE", "DMY", "2026-11-27", False),
    ("check in with procurement on Tuesday", "TUE", "DMY", "2026-12-01", True),  # on a Tuesday
    ("jadwalkan meeting minggu depan", "TUE", "DMY", "2026-11-30", False),
    ("prepare proposal next week", "TUE", "DMY", "2026-11-30", False),
    ("follow up in 3 days", "TUE", "DMY", "2026-11-27", False),
    ("tagih invoice dalam 3 hari", "TUE", "DMY", "2026-11-27", False),
    ("cek stok 3 hari lagi", "TUE", "DMY", "2026-11-27", False),
    ("invite to webinar in 2 weeks", "TUE", "DMY", "2026-12-08", False),
    ("kabari hasil dalam 2 minggu", "TUE", "DMY", "2026-12-08", False),
    ("update forecast 2 minggu lagi", "TUE", "DMY", "2026-12-08", False),
    ("kirim penawaran 5 Desember", "TUE", "DMY", "2026-12-05", False),
    ("send quote by 5 December", "TUE", "DMY", "2026-12-05", False),
    ("confirm venue Dec 5", "TUE", "DMY", "2026-12-05", False),
    ("book the room 12/1", "TUE", "DMY", "2027-01-12", True),
    ("book the room 12/1", "TUE", "MDY", "2026-12-01", True),
    ("deliver samples 25/12", "TUE", "DMY", "2026-12-25", False),
    ("deliver samples 12/25", "TUE", "DMY", "2026-12-25", False),
    ("siapkan laporan akhir bulan", "TUE", "DMY", "2026-11-30", False),
    ("close the paperwork by end of month", "TUE", "DMY", "2026-11-30", False),
    ("kirim draft akhir minggu", "TUE", "DMY", "2026-11-27", False),
    ("share notes by end of week", "TUE", "DMY", "2026-11-27", False),
    ("telepon Budi besok jam 3 sore", "TUE", "DMY", "2026-11-25 15:00", False),
    ("call Sari tomorrow 3pm", "TUE", "DMY", "2026-11-25 15:00", False),
    ("temui Pak Budi besok jam 10 pagi", "TUE", "DMY", "2026-11-25 10:00", False),
    ("undang makan malam Jumat jam 7 malam", "TUE", "DMY", "2026-11-27 19:00", False),
    ("call at 15:00 tomorrow", "TUE", "DMY", "2026-11-25 15:00", False),
    ("kunjungi gudang Kamis pukul 14.30", "TUE", "DMY", "2026-11-26 14:30", False),
    ("demo tomorrow at 10", "TUE", "DMY", "2026-11-25 10:00", False),
    ("kirim dokumen tanggal 5", "TUE", "DMY", "2026-12-05", False),
    ("tanya Budi soal PO 5 Januari", "TUE", "DMY", "2027-01-05", False),
    ("remind Sari 24 November", "TUE", "DMY", "2026-11-24", False),
    ("renew contract 20 November", "TUE", "DMY", "2027-11-20", False),
    ("hubungi Sari bulan depan", "TUE", "DMY", "2026-12-01", False),
    ("review SLA dalam 3 hari kerja", "TUE", "DMY", "2026-11-27", False),
    ("call jam 3 sore", "TUE", "DMY", "2026-11-24 15:00", True),  # a time, no day: asked
    ("call at 9am", "TUE", "DMY", "2026-11-25 09:00", True),
    ("send deck 2026-12-15", "TUE", "DMY", "2026-12-15", False),
    ("follow up in 2 hours", "TUE", "DMY", "2026-11-24 11:30", False),
    ("meet Budi Selasa minggu depan jam 10", "TUE", "DMY", "2026-12-01 10:00", False),
    ("send summary end of next week", "TUE", "DMY", "2026-12-04", False),
    ("kirim rekap akhir bulan depan", "TUE", "DMY", "2026-12-31", False),
    ("telpon Dewi jam 3", "TUE", "DMY", "2026-11-24 15:00", True),
    ("send deck on Dec 5th at 3pm", "TUE", "DMY", "2026-12-05 15:00", False),
    ("follow up minggu ini", "TUE", "DMY", "2026-11-27", False),
    ("antar hadiah Minggu", "TUE", "DMY", "2026-11-29", True),  # Sunday, or "week"?
    ("kunjungi hari Minggu depan", "TUE", "DMY", "2026-12-06", False),
    ("kirim sampel akhir pekan", "TUE", "DMY", "2026-11-27", True),
    # --- Friday 2026-11-27 16:00 ---
    ("kirim proposal lusa", "FRI", "DMY", "2026-11-29", False),
    ("call Budi besok", "FRI", "DMY", "2026-11-28", False),
    ("meet the CFO Jumat", "FRI", "DMY", "2026-12-04", True),  # said on a Friday: today?
    ("send the PO this Friday", "FRI", "DMY", "2026-11-27", False),
    ("kunjungi klien Selasa depan", "FRI", "DMY", "2026-12-01", False),
    ("schedule kickoff next week", "FRI", "DMY", "2026-11-30", False),
    ("kirim laporan akhir minggu", "FRI", "DMY", "2026-11-27", False),
    ("follow up in 3 days", "FRI", "DMY", "2026-11-30", False),
    ("telepon Budi jam 3 sore", "FRI", "DMY", "2026-11-28 15:00", True),
    ("email Sari Monday", "FRI", "DMY", "2026-11-30", False),
    ("tagih DP dalam 2 hari kerja", "FRI", "DMY", "2026-12-01", False),
    # --- Saturday 2026-11-28 10:00 ---
    ("kirim brosur besok", "SAT", "DMY", "2026-11-29", False),
    ("hubungi Budi Senin", "SAT", "DMY", "2026-11-30", False),
    ("call Sari next Monday", "SAT", "DMY", "2026-11-30", False),
    ("kunjungi pabrik Selasa depan", "SAT", "DMY", "2026-12-01", False),
    ("send the MoU end of week", "SAT", "DMY", "2026-12-04", False),
    ("jadwalkan demo minggu depan", "SAT", "DMY", "2026-11-30", False),
    ("cek pembayaran lusa", "SAT", "DMY", "2026-11-30", False),
    ("antar bingkisan hari Minggu", "SAT", "DMY", "2026-11-29", False),
    ("review pilot in 2 weeks", "SAT", "DMY", "2026-12-12", False),
    ("wrap up the pilot this week", "SAT", "DMY", "2026-12-04", False),
    # --- Monday 2026-11-30 08:00, last day of the month ---
    ("siapkan invoice akhir bulan", "EOM", "DMY", "2026-11-30", False),
    ("close the quarter report by end of month", "EOM", "DMY", "2026-11-30", False),
    ("kirim katalog bulan depan", "EOM", "DMY", "2026-12-01", False),
    ("call Budi besok", "EOM", "DMY", "2026-12-01", False),
    ("review renewal in 1 month", "EOM", "DMY", "2026-12-30", False),
    ("call Sari next Tuesday", "EOM", "DMY", "2026-12-08", False),
    ("telepon Sari Selasa", "EOM", "DMY", "2026-12-01", False),
    ("kirim faktur tanggal 30", "EOM", "DMY", "2026-11-30", False),
    ("tagih tgl 1", "EOM", "DMY", "2026-12-01", False),
    ("rapat anggaran 5/12", "EOM", "DMY", "2026-12-05", True),
    ("kirim rekap akhir bulan depan", "EOM", "DMY", "2026-12-31", False),
    # --- Thursday 2026-12-31 14:00, last day of the year ---
    ("ucapkan selamat besok", "NYE", "DMY", "2027-01-01", False),
    ("kirim kontrak 5 Januari", "NYE", "DMY", "2027-01-05", False),
    ("kirim hampers 31 Desember", "NYE", "DMY", "2026-12-31", False),
    ("book the venue 30 Desember", "NYE", "DMY", "2027-12-30", False),
    ("plan QBR next week", "NYE", "DMY", "2027-01-04", False),
    ("tutup buku akhir bulan", "NYE", "DMY", "2026-12-31", False),
    ("kickoff bulan depan", "NYE", "DMY", "2027-01-01", False),
    ("kirim PO 1/2", "NYE", "DMY", "2027-02-01", True),
    ("kirim PO 1/2", "NYE", "MDY", "2027-01-02", True),
    ("hubungi Budi Jumat", "NYE", "DMY", "2027-01-01", False),
    ("invite to the launch in 2 weeks", "NYE", "DMY", "2027-01-14", False),
    ("kirim ringkasan akhir minggu", "NYE", "DMY", "2027-01-01", False),
    ("telepon Sari lusa jam 9 pagi", "NYE", "DMY", "2027-01-02 09:00", False),
    ("toast with the team Dec 31 5pm", "NYE", "DMY", "2026-12-31 17:00", False),
    ("renew licences in 3 months", "NYE", "DMY", "2027-03-31", False),
    # --- two phrases naming one day, weeks of a month, other zones (issue 13) ---
    ("kirim laporan bulan depan tanggal 5", "EOM", "DMY", "2026-12-05", False),
    ("kirim laporan tanggal 5 bulan depan", "TUE", "DMY", "2026-12-05", False),
    ("next week: site visit, Rabu jam 10 pagi", "TUE", "DMY", "2026-12-02 10:00", False),
    ("minggu depan demo hari Kamis", "FRI", "DMY", "2026-12-03", False),
    ("jadwalkan meeting minggu kedua Januari", "NYE", "DMY", "2027-01-11", True),
    ("plan the kickoff in the first week of February", "NYE", "DMY", "2027-02-01", True),
    ("review minggu ke-3 Desember", "TUE", "DMY", "2026-12-21", True),
    ("call Mr. Tan Jan 5 at 10am Singapore time", "NYE", "DMY", "2027-01-05 10:00", True),
    ("call Tan besok 3pm GMT+8", "TUE", "DMY", "2026-11-25 15:00", True),
]


def _expected(value: str) -> tuple[date, time | None]:
    if " " in value:
        moment = datetime.strptime(value, "%Y-%m-%d %H:%M")
        return moment.date(), moment.time()
    return datetime.strptime(value, "%Y-%m-%d").date(), None


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(("line", "now_key", "order", "expected", "confirm"), CASES)
def test_due_dates(line: str, now_key: str, order: str, expected: str, confirm: bool) -> None:
    now = NOWS[now_key]
    due = parse_due(line, now=now, date_order=order)
    assert due is not None, line
    day, clock = _expected(expected)
    assert due.due.tzinfo is JAKARTA
    assert due.due.date() == day
    if clock is None:
        assert due.all_day
        assert due.due.time() == time(0, 0)
    else:
        assert not due.all_day
        assert due.due.time() == clock
    assert due.needs_confirmation is confirm, due.reasons
    assert not due.is_default


@pytest.mark.parametrize(
    "line",
    [
        "ask Budi about pricing",
        "send May the deck",  # "May" is a name here, not a month
        "email Sari, she sat in the sun",
        "update deck for Q4",
        "support 24/7",
        "call him about last Friday",
        "kirim notulen rapat Jumat lalu",
        "prepare 3 items for the demo",
        "chase payment, overdue since 15 Nov",  # a past reference, not a due date
        "unpaid sejak tanggal 3 Maret",
        "",
    ],
)
def test_lines_without_a_date(line: str) -> None:
    assert parse_due(line, now=NOWS["TUE"]) is None


def test_ambiguous_numeric_date_is_flagged_with_its_reason() -> None:
    due = parse_due("kirim 3/4", now=NOWS["TUE"], date_order="DMY")
    assert due is not None
    assert due.due.date() == date(2027, 4, 3)
    assert REASON_AMBIGUOUS_NUMERIC in due.reasons


def test_same_day_and_month_is_not_ambiguous() -> None:
    due = parse_due("kirim 1/1", now=NOWS["TUE"], date_order="MDY")
    assert due is not None
    assert (due.due.date(), due.needs_confirmation) == (date(2027, 1, 1), False)


def test_several_dates_take_the_first_and_ask() -> None:
    due = parse_due("call Budi besok or Friday", now=NOWS["TUE"])
    assert due is not None
    assert due.due.date() == date(2026, 11, 25)
    assert due.needs_confirmation


def test_a_date_with_a_past_year_is_kept_and_flagged() -> None:
    due = parse_due("send 5 Desember 2025", now=NOWS["TUE"])
    assert due is not None
    assert due.due.date() == date(2025, 12, 5)
    assert due.needs_confirmation


def test_fuzzy_fallback_is_flagged() -> None:
    due = parse_due("follow up in a fortnight", now=NOWS["TUE"])
    assert due is not None
    assert due.due.date() == date(2026, 12, 8)
    assert due.reasons == (REASON_FUZZY,)
    assert due.needs_confirmation


def test_spans_cover_the_date_words_and_their_connector() -> None:
    line = "call Sari by next Tuesday at 3pm about pricing"
    due = parse_due(line, now=NOWS["TUE"])
    assert due is not None
    assert [line[a:b] for a, b in due.spans] == ["by next Tuesday", "at 3pm"]


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_due("besok", now=datetime(2026, 11, 24, 9, 30))


def test_unknown_date_order_is_refused() -> None:
    with pytest.raises(ValueError, match="date_order"):
        parse_due("besok", now=NOWS["TUE"], date_order="XYZ")


@pytest.mark.parametrize(
    ("now_key", "days", "expected"),
    [
        ("TUE", 2, date(2026, 11, 26)),
        ("FRI", 2, date(2026, 12, 1)),  # skips Saturday and Sunday
        ("SAT", 2, date(2026, 12, 1)),
        ("EOM", 2, date(2026, 12, 2)),
        ("NYE", 2, date(2027, 1, 4)),
        ("TUE", 5, date(2026, 12, 1)),
        ("TUE", 0, date(2026, 11, 24)),
        ("FRI", 1, date(2026, 11, 30)),
    ],
)
def test_default_due(now_key: str, days: int, expected: date) -> None:
    due = default_due(NOWS[now_key], days)
    assert due.due == datetime.combine(expected, time(0, 0), tzinfo=JAKARTA)
    assert due.all_day and due.is_default and due.needs_confirmation
    assert due.reasons == (REASON_DEFAULT,)


def test_add_working_days_refuses_negative_counts() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 11, 24), -1)


@pytest.mark.parametrize(
    ("locale", "order"), [("id_ID", "DMY"), ("en_US", "MDY"), ("en_GB", "DMY")]
)
def test_date_order_for_locale(locale: str, order: str) -> None:
    assert date_order_for_locale(locale) == order


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_parse_due_never_raises(text: str) -> None:
    due = parse_due(text, now=NOWS["TUE"])
    if due is not None:
        assert due.due.tzinfo is JAKARTA
        assert all(0 <= a <= b <= len(text) for a, b in due.spans)


SOUP = [
    "besok", "lusa", "Selasa depan", "jam 3 sore", "12/1", "5 Desember", "next",
    "Friday", "akhir", "bulan", "minggu", "depan", "in", "3", "days", "at", "10",
    "pukul", "14.30", "Rp", "500", "jt", "tanggal", "31", "hari", "kerja", "ini",
]  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SOUP), max_size=8), st.sampled_from(sorted(NOWS)))
def test_date_word_soup_never_raises(words: list[str], now_key: str) -> None:
    due = parse_due(" ".join(words), now=NOWS[now_key])
    if due is not None:
        assert due.due.tzinfo is JAKARTA
