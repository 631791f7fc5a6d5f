"""Loading a file offered for import into plain records, by its kind.

``.csv`` (and ``.txt``/``.tsv``) go through :mod:`sniff` and a column mapping (a preset
recognised from the header, else one :mod:`guess` makes from the column names and
content, or the caller's); ``.vcf`` through :mod:`vcard`; ``.ics``
through :mod:`calendar_ics`; ``.eml``/``.msg`` through :mod:`mail`. Nothing touches the
database here, so a bad file is refused before any store is opened.

Every parser faces hostile input: whatever a reader raises on a file it cannot handle
(nesting deep enough to exhaust the stack, a value no date can hold, a library's own
error) becomes one :class:`ImportRefusedError` line naming the file, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from models.errors import RelasiError
from models.transfer import sniff
from models.transfer.guess import detect_mapping
from models.transfer.presets import Mapping, is_known_header, resolve_columns
from models.transfer.records import Cells, unescape_cell
from models.transfer.source_types import RowError, Source, gc_paused

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
SUFFIXES = CSV_SUFFIXES | {".vcf", ".vcard", ".ics", ".ical", ".eml", ".msg"}


def load_source(
    path: Path,
    mapping: Mapping | None = None,
    *,
    max_bytes: int = sniff.MAX_BYTES,
    lazy: bool = False,
) -> Source:
    """Read ``path`` by its extension; ImportRefusedError when it cannot be imported at all.

    With ``lazy`` a CSV's rows are not read yet: ``source.lazy`` yields them (and adds
    its problems to ``source.problems`` as it meets them), once; a refusal may then come
    while they are read. Other formats are read whole either way.
    """
    with gc_paused():
        try:
            source = _load_source(path, mapping, max_bytes)
        except Exception as exc:
            raise _refusal(Path(path), exc) from None
    if source.lazy is not None:
        source.lazy = _guarded(Path(path), source.lazy)
        if not lazy:
            with gc_paused():
                source.cells = list(source.lazy)
            source.lazy = None
    return source


def _refusal(path: Path, exc: Exception) -> Exception:
    """What a reader's error on ``path`` becomes: one ImportRefusedError line (a
    RelasiError or OSError stays as it is)."""
    if isinstance(exc, RelasiError | OSError):
        return exc
    if isinstance(exc, RecursionError):
        return sniff.refuse(path, "its parts are nested too deeply to read")
    if isinstance(exc, MemoryError):
        return sniff.refuse(path, "it needs more memory to read than there is")
    why = " ".join(str(exc).split())[:200] or type(exc).__name__
    return sniff.refuse(path, f"it cannot be read ({why})")


def _guarded(path: Path, rows: Iterator[tuple[int, Cells]]) -> Iterator[tuple[int, Cells]]:
    try:
        yield from rows
    except Exception as exc:
        raise _refusal(path, exc) from None


def _load_source(path: Path, mapping: Mapping | None, max_bytes: int) -> Source:
    path = Path(path)
    suffix = path.suffix.casefold()
    if suffix not in SUFFIXES:
        raise sniff.refuse(
            path, "Relasi imports .csv, .vcf, .ics, .eml and .msg files, not " + (suffix or "this")
        )
    if suffix in CSV_SUFFIXES:
        return _load_csv(path, mapping, max_bytes)
    if suffix in {".vcf", ".vcard"}:
        from models.transfer.vcard import load_vcards

        return load_vcards(path, max_bytes=max_bytes)
    if suffix in {".ics", ".ical"}:
        from models.transfer.calendar_ics import load_invitations

        return load_invitations(path, max_bytes=max_bytes)
    from models.transfer.mail import load_mail

    return load_mail(path, max_bytes=max_bytes)


def _load_csv(path: Path, mapping: Mapping | None, max_bytes: int) -> Source:
    known = is_known_header if mapping is None else _has_columns(mapping)
    table = sniff.open_csv(path, max_bytes=max_bytes, known_header=known)
    if mapping is None:
        mapping = detect_mapping(table.header, table.head)
        if mapping is None:
            raise sniff.refuse(
                path,
                "its columns match no known export (Salesforce, HubSpot, Pipedrive, LinkedIn, "
                "Google Contacts, Relasi) and none of them holds names or e-mail addresses; "
                "map the columns by hand in File > Import",
            )
    else:
        folded = {h.casefold() for h in table.header}
        missing = sorted(c for c in mapping.used_columns() if c.strip().casefold() not in folded)
        if missing:
            raise sniff.refuse(path, f"it has no column {missing[0]!r}, which the mapping uses")
        mapping = resolve_columns(
            mapping.kind, mapping.columns, table.header, name=mapping.name, label=mapping.label
        )
    table.head = []  # the rows yield them too
    source = Source(
        path=path,
        format="csv",
        kind=mapping.kind,
        mapping=mapping,
        encoding=table.encoding,
        delimiter=table.delimiter,
        header=table.header,
    )
    source.lazy = _csv_cells(source, mapping, table)
    return source


def _csv_cells(
    source: Source, mapping: Mapping, table: sniff.CsvStream
) -> Iterator[tuple[int, Cells]]:
    """Each record's non-empty cells per field; a record the file broke becomes one of
    ``source.problems`` instead."""
    index: dict[str, int] = {}
    for i, name in enumerate(table.header):
        index.setdefault(name, i)
    plan = [(f, c, index[c]) for f, cols in mapping.columns.items() for c in cols]
    width = len(table.header)
    problems = source.problems
    for line, record, last in table.rows:
        if last:
            problems.append(
                RowError(
                    line,
                    "",
                    f'an unbalanced quote (") runs lines {line}-{last} together into one row; '
                    "the lines after it look like rows of their own, so none of them was "
                    "imported: fix the quote and import again",
                )
            )
            continue
        if len(record) > width and any(c.strip() for c in record[width:]):
            problems.append(
                RowError(
                    line,
                    "",
                    f"the row has {len(record)} cells but the header has {width} "
                    "(a delimiter inside an unquoted value?)",
                )
            )
            continue
        cells: Cells = {}
        size = len(record)
        for f, column, i in plan:
            if i < size and (text := record[i].strip()):
                if text[0] == "'":
                    text = unescape_cell(text)
                if f in cells:
                    cells[f].append((column, text))
                else:
                    cells[f] = [(column, text)]
        yield line, cells


def _has_columns(mapping: Mapping) -> Callable[[Sequence[str]], bool]:
    wanted = {c.strip().casefold() for c in mapping.used_columns()}

    def known(header: Sequence[str]) -> bool:
        return bool(wanted) and wanted <= {h.strip().casefold() for h in header}

    return known
