"""Reading files safely: encodings, delimiters, header rows, and refusing bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.errors import ImportRefusedError
from models.transfer import sniff
from models.transfer.presets import is_known_header
from models.transfer.sources import load_source

ROWS = [
    ["First Name", "Last Name", "Email", "Account Name"],
    ["José", "Núñez", "jose@acme.example", "Café Señor"],
    ["Zoë", "Ærø", "zoe@acme.example", "Müller & Söhne €"],
]


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    return "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("cp1252", b""),
    ],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(bom + _csv(ROWS).encode(encoding))
    table = sniff.read_csv(path, known_header=is_known_header)
    assert table.header == tuple(ROWS[0])
    assert [r for _, r in table.rows] == ROWS[1:]


def test_utf16_without_bom_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    text = _csv(ROWS * 20)
    path.write_bytes(text.encode("utf-16-le"))
    decoded, encoding = sniff.read_text(path)
    assert "utf_16" in encoding.replace("-", "_") and decoded == text


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_detected(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text(_csv(ROWS, delimiter), encoding="utf-8")
    table = sniff.read_csv(path)
    assert table.delimiter == delimiter
    assert table.header == tuple(ROWS[0])


def test_header_found_below_junk_lines(data: Path) -> None:
    table = sniff.read_csv(data / "linkedin_connections.csv", known_header=is_known_header)
    assert table.header[:3] == ("First Name", "Last Name", "URL")
    assert table.header_line == 4
    assert table.rows[0] == (5, table.rows[0][1]) and table.rows[0][1][0] == "Rizky"


def test_header_found_without_a_preset(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Exported 2026-11-24\r\n\r\nName;Phone;City\r\nA;1;X\r\nB;2;Y\r\n")
    table = sniff.read_csv(path)
    assert table.header == ("Name", "Phone", "City") and len(table.rows) == 2


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(ImportRefusedError, match="empty"):
        load_source(path)


def test_whitespace_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_bytes(b"  \r\n\r\n")
    with pytest.raises(ImportRefusedError, match="no text"):
        load_source(path)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefusedError, match="does not exist"):
        load_source(tmp_path / "nope.csv")


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:
        f.truncate(2 * 1024**3)  # sparse: 2 GB that take no disk
    assert os.path.getsize(path) == 2 * 1024**3
    with pytest.raises(ImportRefusedError, match="over the 200 MB limit"):
        load_source(path)


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(_csv(ROWS), encoding="utf-8")
    with pytest.raises(ImportRefusedError, match="limit"):
        load_source(path, max_bytes=10)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        ("book.csv", b"PK\x03\x04" + b"\x00" * 100, "save it as CSV"),
        ("random.csv", bytes(range(256)) * 40, "binary"),
        ("contacts.vcf", bytes(range(256)) * 40, "binary"),
        ("mail.eml", b"\x00\x01\x02" * 500, "binary"),
        ("mail.msg", b"From: a@b.c\r\n\r\nhello", "not an Outlook message"),
    ],
)
def test_binary_and_disguised_files_are_refused(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportRefusedError, match=message):
        load_source(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", "just some words\nand more words\n", "one column"),
        ("x.csv", "a,b,c\n1,2,3\n", "match no known export"),
        ("cards.vcf", "Name,Email\nA,a@b.co\n", "no vCard"),
        ("cal.ics", "BEGIN:VCARD\nEND:VCARD\n", "not an iCalendar"),
        ("mail.eml", "Dear Rina,\nthis is just text.\n", "not an e-mail message"),
        ("sheet.xlsx", "whatever", "not .xlsx"),
    ],
)
def test_wrong_format_is_refused(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportRefusedError, match=message):
        load_source(path)


def test_refusal_message_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_bytes(b"")
    with pytest.raises(ImportRefusedError) as info:
        load_source(path)
    assert info.value.message.startswith("cannot import clients.csv:")
    assert "\n" not in info.value.message
