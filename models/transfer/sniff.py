"""Reading a file offered for import, safely.

A file is refused (``ImportRefusedError``, one clear line) when it is missing, empty,
larger than the limit, binary, or plainly another format than its name says. Text is
decoded after detecting its encoding (BOMs first, then strict UTF-8, then
charset-normalizer for UTF-16 without BOM, Windows-1252 and the like). For CSV, the
delimiter is detected (the one among ``, ; TAB |`` that, parsed by ``csv`` with its
quoting, gives the most records of one width; ``csv.Sniffer`` only breaks ties) and so
is the header row, skipping junk lines before it (LinkedIn's "Notes:" preamble).

An unbalanced quote makes ``csv`` read the following lines into one field of the row
that opened it. A record spanning several lines whose later lines each parse as a row
of the table's width, and which is not well-formed quoting (``strict`` parsing fails),
is reported as ``broken`` (its first and last line) instead of being imported merged.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from charset_normalizer import from_bytes

from models.errors import ImportRefusedError

#: Files larger than this are refused before being read.
MAX_BYTES = 200 * 1024 * 1024
DELIMITERS = ",;\t|"
#: How many records at the top may be junk before the header.
HEADER_SEARCH = 30

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_1", "iso8859_15", "ascii"})

#: Magic numbers of formats people mistake for text exports.
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (an .xlsx or .docx workbook?); save it as CSV first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office/Outlook binary file"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x1f\x8b", "a gzip archive"),
)


def refuse(path: Path, why: str) -> ImportRefusedError:
    return ImportRefusedError(f"cannot import {path.name}: {why}", path=str(path))


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, after refusing a missing, empty or too large file."""
    if not path.exists():
        raise refuse(path, "the file does not exist")
    if not path.is_file():
        raise refuse(path, "it is not a file")
    size = path.stat().st_size
    if size == 0:
        raise refuse(path, "the file is empty")
    if size > max_bytes:
        raise refuse(
            path, f"the file is {size / 2**20:,.0f} MB, over the {max_bytes / 2**20:,.0f} MB limit"
        )
    return path.read_bytes()


def binary_kind(data: bytes) -> str | None:
    """What a binary file is (for the message), or None when it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with; refuses what is not text."""
    if (what := binary_kind(data)) is not None:
        raise refuse(path, f"it is {what}, not a text file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(path, data.decode(encoding)), encoding
            except UnicodeDecodeError:
                raise refuse(path, f"it is not valid {encoding} text") from None
    if b"\x00" not in data:
        try:
            return _checked(path, data.decode("utf-8")), "utf-8"
        except UnicodeDecodeError:
            pass
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise refuse(path, "it is a binary file, not text")
    encoding = best.encoding
    # Short single-byte samples fit several code pages equally well; Windows-1252 is what
    # spreadsheet programs on Western and Indonesian Windows write, so it wins any tie.
    if any(m.encoding in _WESTERN or _WESTERN & set(m.could_be_from_charset) for m in results):
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(best.encoding)
    return _checked(path, text), encoding


def _checked(path: Path, text: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary in disguise)."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f")
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise refuse(path, "it is a binary file, not text")
    if not sample.strip():
        raise refuse(path, "the file holds no text")
    return text


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """Text of a file and the encoding detected."""
    return decode(path, read_bytes(path, max_bytes=max_bytes))


@dataclass(frozen=True, slots=True)
class CsvTable:
    """A parsed CSV file: its header and its records, each with its line number.

    ``broken`` lists records an unbalanced quote ran together (first line, last line);
    they are not in ``rows``.
    """

    encoding: str
    delimiter: str
    header_line: int
    header: tuple[str, ...]
    rows: list[tuple[int, list[str]]]
    broken: list[tuple[int, int]] = field(default_factory=list)


def _widths(text: str, delimiter: str) -> tuple[Counter[int], int] | None:
    """How many non-empty records of each width ``text`` parses into, and the width of
    the first one (None: unparsable)."""
    widths: Counter[int] = Counter()
    first = 0
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if any(c.strip() for c in record):
                widths[len(record)] += 1
                first = first or len(record)
    except csv.Error:
        return None
    return widths, first


def detect_delimiter(sample: str) -> str:
    """The delimiter of a CSV sample: the one whose quote-aware parse gives a header as
    wide as most records, and the most records of one width (two cells or more);
    Sniffer's answer, then ``, ; TAB |`` order, break ties. Counting characters would
    be misled by delimiters inside quotes."""
    lines = io.StringIO(sample, newline="").readlines()
    if len(lines) > 1 and not lines[-1].endswith(("\n", "\r")):
        lines.pop()  # cut off mid-record by the sample's size
    text = "".join(lines[:200])
    try:
        sniffed = csv.Sniffer().sniff(text, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    best, best_score = ",", (False, 0, 0, False)
    for delimiter in DELIMITERS:
        parsed = _widths(text, delimiter)
        if not parsed or not parsed[0]:
            continue
        widths, first = parsed
        count, width = max(((c, w) for w, c in widths.items() if w >= 2), default=(0, 0))
        score = (width >= 2 and first == width, count, width, delimiter == sniffed)
        if score > best_score:
            best, best_score = delimiter, score
    return best


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _physical_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings, split as ``newline=""`` files split them
    (at \\n, \\r and \\r\\n), without copying the text (``io.StringIO`` holds 4 bytes a
    character)."""
    for found in _LINE.finditer(text):
        yield found.group()


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str], list[str] | None]]:
    """Every record with its first line number, and the physical lines of a record that
    spans more than one line (to look for unbalanced quotes), one at a time."""
    lines: list[str] = []

    def physical() -> Iterator[str]:
        for line in _physical_lines(text):
            lines.append(line)
            yield line

    reader = csv.reader(physical(), delimiter=delimiter)
    line = 1
    try:
        for record in reader:
            yield line, record, (lines[:] if len(lines) > 1 else None)
            lines.clear()
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportRefusedError(f"the CSV is malformed near line {line}: {exc}") from None


def _runs_rows_together(lines: list[str], delimiter: str, width: int) -> bool:
    """Whether a record spanning ``lines`` is rows merged by an unbalanced quote: some
    later line parses, on its own, as a row of the table's width, and the record is not
    well-formed quoting."""
    if not any(
        (w := _widths(line, delimiter)) and w[0] and max(w[0]) >= max(2, width)
        for line in lines[1:]
    ):
        return False
    try:
        for _ in csv.reader(
            io.StringIO("".join(lines), newline=""), delimiter=delimiter, strict=True
        ):
            pass
    except csv.Error:
        return True
    return False


def find_header(
    records: Sequence[tuple[int, list[str]]],
    known: Callable[[Sequence[str]], bool] | None = None,
) -> int:
    """Index of the header record: the first one a preset recognises, else the first
    record as wide as the table (most common width) with at least two named cells."""
    top = records[:HEADER_SEARCH]
    if known is not None:
        for i, (_, record) in enumerate(top):
            if known(record):
                return i
    widths = Counter(len(r) for _, r in records[: HEADER_SEARCH * 10] if any(c.strip() for c in r))
    if not widths:
        raise ImportRefusedError("the CSV has no rows")
    width = widths.most_common(1)[0][0]
    for i, (_, record) in enumerate(top):
        named = [c for c in record if c.strip()]
        if len(record) >= width and len(named) >= min(2, width):
            return i
    return 0


@dataclass(slots=True)
class CsvStream:
    """A CSV file's header, read; its records after the header, one at a time.

    ``rows`` yields ``(line, record, last)``: ``last`` is 0 for a record, else the last
    line of records an unbalanced quote ran together (then ``record`` is empty). ``head``
    holds the first records after the header (column guessing looks at them); ``rows``
    yields them too. Memory is the decoded text and one record, not every record.
    """

    encoding: str
    delimiter: str
    header_line: int
    header: tuple[str, ...]
    head: list[tuple[int, list[str]]]
    rows: Iterator[tuple[int, list[str], int]]


#: How many records after the header column guessing may look at.
HEAD_ROWS = 2_000


def open_csv(
    path: Path,
    *,
    max_bytes: int = MAX_BYTES,
    known_header: Callable[[Sequence[str]], bool] | None = None,
) -> CsvStream:
    """Open a CSV export: encoding, delimiter and header row detected; records streamed."""
    text, encoding = read_text(path, max_bytes=max_bytes)
    delimiter = detect_delimiter(text[:65536])
    records = _guarded(path, (r for r in _records(text, delimiter) if any(c.strip() for c in r[1])))
    del text  # the records' generator holds it
    top = list(islice(records, HEADER_SEARCH * 10))
    if not top:
        raise refuse(path, "it holds no rows")
    at = find_header([(n, r) for n, r, _ in top], known_header)
    header_line, header, _ = top[at]
    if len([c for c in header if c.strip()]) < 2 and len(header) < 2:
        raise refuse(path, "it does not look like a CSV table (one column, no delimiter found)")
    width = len(header)

    def rows() -> Iterator[tuple[int, list[str], int]]:
        for n, record, lines in chain(top[at + 1 :], records):
            if lines is not None and _runs_rows_together(lines, delimiter, width):
                yield n, [], n + len(lines) - 1
            else:
                yield n, record, 0

    stream = rows()
    head = list(islice(stream, HEAD_ROWS))
    return CsvStream(
        encoding=encoding,
        delimiter=delimiter,
        header_line=header_line,
        header=tuple(c.strip() for c in header),
        head=[(n, r) for n, r, last in head if not last],
        rows=chain(_drained(head), stream),
    )


def _drained(items: list[Row]) -> Iterator[Row]:
    """The items in order, each let go of once handed out."""
    items.reverse()
    while items:
        yield items.pop()


Row = tuple[int, list[str], int]


def _guarded(path: Path, records: Iterator[_Record]) -> Iterator[_Record]:
    """The records, a malformed CSV refused naming the file."""
    try:
        yield from records
    except ImportRefusedError as exc:
        raise refuse(path, exc.message) from None


_Record = tuple[int, list[str], list[str] | None]


def read_csv(
    path: Path,
    *,
    max_bytes: int = MAX_BYTES,
    known_header: Callable[[Sequence[str]], bool] | None = None,
) -> CsvTable:
    """Read a CSV export: encoding, delimiter and header row detected (every record)."""
    stream = open_csv(path, max_bytes=max_bytes, known_header=known_header)
    rows: list[tuple[int, list[str]]] = []
    broken: list[tuple[int, int]] = []
    for n, record, last in stream.rows:
        if last:
            broken.append((n, last))
        else:
            rows.append((n, record))
    return CsvTable(
        encoding=stream.encoding,
        delimiter=stream.delimiter,
        header_line=stream.header_line,
        header=stream.header,
        rows=rows,
        broken=broken,
    )
