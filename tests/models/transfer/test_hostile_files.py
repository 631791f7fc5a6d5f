"""Hostile .ics, .eml and .vcf files (issue 11): one line and exit status 2, or a
per-event/per-card error, never a traceback; photos and attachments never decoded or
held, so memory follows the rows kept, not the file's payloads."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.models.helpers import contact
from tests.test_cli import ROOT, run

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:1@x\r\n"
    "{dates}\r\nSUMMARY:Rapat\r\nORGANIZER:mailto:budi@maju.example\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


@pytest.mark.parametrize(
    ("dates", "year"),
    [
        ("DTSTART;TZID=Asia/Jakarta:00010101T000000", "0001-01-01"),  # OverflowError before
        ("DTSTART;TZID=America/New_York:99991231T235959", "9999-12-31"),
        ("DTSTART:00010101T000000Z", "0001-01-01"),
        ("DTSTART;VALUE=DATE:00010101", "0001-01-01"),
        ("DTSTART:20260101T090000Z\r\nDTEND:99991231T235959Z", "9999-12-31"),
    ],
)
def test_ics_dates_no_calendar_can_hold_are_an_event_error(
    store_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], dates: str, year: str
) -> None:
    path = tmp_path / "old.ics"
    path.write_text(ICS.format(dates=dates), encoding="utf-8")
    code, out, err = run(capsys, "--db", str(store_db), "import", str(path))
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert summary["created"] == 0
    assert summary["errors"] == [
        f"event 1, DTSTART: the date {year} is outside the years 1900-2999 Relasi keeps"
    ]


def _deep_eml(depth: int) -> str:
    head = "From: budi@maju.example\r\nTo: sari@x.example\r\nSubject: deep\r\nMIME-Version: 1.0\r\n"
    opening = "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n' for i in range(depth)
    )
    closing = "".join(f"--b{i}--\r\n" for i in reversed(range(depth)))
    return head + opening + "Content-Type: text/plain\r\n\r\nhalo\r\n" + closing


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("deep.eml", _deep_eml(3000), "its parts are nested too deeply to read"),
        (
            "deep.ics",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
            + "BEGIN:VEVENT\r\n" * 3000
            + "END:VEVENT\r\n" * 3000
            + "END:VCALENDAR\r\n",
            "",
        ),
    ],
)
def test_deeply_nested_files_are_one_line_and_status_2(
    store_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str,
    why: str,
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "--db", str(store_db), "import", str(path))
    if code == 0:  # read without recursion: every event without a start is its own error
        assert all("has no start" in e for e in json.loads(out)["errors"])
        return
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(f"relasi: error: cannot import {name}: ")
    assert why in err


def test_vcard_birthday_of_year_1_is_a_card_error(
    store_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Budi Lama\r\nBDAY:00010101\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sari Baru\r\nBDAY:1990-02-03\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", str(store_db), "import", str(path))
    summary = json.loads(out)
    assert (code, err, summary["created"]) == (0, "", 1)
    assert summary["errors"] == ["card at line 1, BDAY: '00010101' is outside the years 1900-2999"]


def test_a_very_long_vcard_line_is_a_card_error(tmp_path: Path) -> None:
    from models.transfer.sources import load_source

    path = tmp_path / "long.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + "A" * 2_000_000 + "\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sari\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    source = load_source(path)
    assert [c["name"] for _, c in source.cells] == [[("FN", "Sari")]]
    assert [str(p) for p in source.problems] == [
        "card at line 1: the card cannot be read: its FN line is over 256 KB long"
    ]


# -- memory: payloads that are not kept are never decoded or held ----------------------


def _peak_kb_of_loading(path: Path) -> tuple[int, str]:
    """Peak resident memory (KB) of a fresh process that reads ``path`` for import.

    A wrapper process starts the reader and reports RUSAGE_CHILDREN: the reader is its
    only child, so the figure is the reader's own, not the largest of this test run's.
    """
    reader = (
        "import sys; from pathlib import Path; from models.transfer.sources import load_source;"
        "s = load_source(Path(sys.argv[1]));"
        "print(len(s.cells), len(s.entries), s.entries[0][1]['body'][-60:] if s.entries else '')"
    )
    wrapper = (
        "import resource, subprocess, sys;"
        f"r = subprocess.run([sys.executable, '-c', {reader!r}, sys.argv[1]], capture_output=True,"
        " text=True, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); print(r.stdout, end='')"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    peak, rest = done.stdout.split("\n", 1)
    return int(peak), rest


def test_a_vcard_photo_is_never_decoded_or_held(tmp_path: Path) -> None:
    photo = base64.b64encode(bytes(range(256)) * 32_000).decode()  # 8 MB photo, 11 MB text
    folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    path = tmp_path / "photo.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Budi Santoso\r\nEMAIL:budi@maju.example\r\n"
        f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nLOGO;ENCODING=b:{folded[:100_000]}\r\n"
        "TEL:+62 812 3456 7890\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    peak, out = _peak_kb_of_loading(path)
    assert out.split()[:2] == ["1", "0"]
    assert peak < 250_000, f"reading an 11 MB vCard peaked at {peak // 1024} MB"


def test_mail_attachments_are_named_not_decoded_or_held(tmp_path: Path) -> None:
    blob = base64.encodebytes(bytes(range(256)) * 4).decode().replace("\n", "\r\n")  # 1 KB
    parts = [
        "From: budi@maju.example\r\nTo: sari@x.example\r\nSubject: lampiran\r\n"
        "Date: Mon, 2 Nov 2026 10:00:00 +0700\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nhalo\r\n"
    ]
    parts += [
        "--B\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
        f'Content-Disposition: attachment; filename="f{i}.bin"\r\n\r\n{blob}'
        for i in range(50_000)
    ]
    path = tmp_path / "many.eml"
    path.write_text("".join(parts) + "--B--\r\n", encoding="utf-8")
    peak, out = _peak_kb_of_loading(path)
    assert out.split()[:2] == ["0", "1"]
    assert out.rstrip().endswith("- f499.bin (1.0 KB)\n- … and 49,500 more")
    assert peak < 400_000, f"reading 50,000 attachments peaked at {peak // 1024} MB"


@pytest.fixture
def store_db(db_path: Path) -> Path:
    """The template database with Budi, whose address the hostile files carry."""
    from models.store import open_store

    with open_store(db_path) as store:
        contact(store, None, "Budi", emails=["budi@maju.example"])
    return db_path
