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

from collections.abc import Callable, Sequence
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
    path: Path, mapping: Mapping | None = None, *, max_bytes: int = sniff.MAX_BYTES
) -> Source:
    """Read ``path`` by its extension; ImportRefusedError when it cannot be imported at all."""
    with gc_paused():
        try:
            return _load_source(path, mapping, max_bytes)
        except (RelasiError, OSError):
            raise
        except RecursionError:
            raise sniff.refuse(Path(path), "its parts are nested too deeply to read") from None
        except MemoryError:
            raise sniff.refuse(Path(path), "it needs more memory to read than there is") from None
        except Exception as exc:  # a parser library's error on a hostile file
            why = " ".join(str(exc).split())[:200] or type(exc).__name__
            raise sniff.refuse(Path(path), f"it cannot be read ({why})") from None


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
    table = sniff.read_csv(path, max_bytes=max_bytes, known_header=known)
    if mapping is None:
        mapping = detect_mapping(table.header, table.rows)
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
    index: dict[str, int] = {}
    for i, name in enumerate(table.header):
        index.setdefault(name, i)
    plan = [(f, c, index[c]) for f, cols in mapping.columns.items() for c in cols]
    width = len(table.header)
    source = Source(
        path=path,
        format="csv",
        kind=mapping.kind,
        mapping=mapping,
        encoding=table.encoding,
        delimiter=table.delimiter,
        header=table.header,
    )
    for first, last in table.broken:
        source.problems.append(
            RowError(
                first,
                "",
                f'an unbalanced quote (") runs lines {first}-{last} together into one row; '
                "the lines after it look like rows of their own, so none of them was "
                "imported: fix the quote and import again",
            )
        )
    append = source.cells.append
    rows = table.rows  # the table is not used after this
    for at in range(len(rows)):  # each record dropped once its cells are taken
        line, record = rows[at]
        rows[at] = _TAKEN
        if len(record) > width and any(c.strip() for c in record[width:]):
            source.problems.append(
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
        append((line, cells))
    return source


_TAKEN: tuple[int, list[str]] = (0, [])


def _has_columns(mapping: Mapping) -> Callable[[Sequence[str]], bool]:
    wanted = {c.strip().casefold() for c in mapping.used_columns()}

    def known(header: Sequence[str]) -> bool:
        return bool(wanted) and wanted <= {h.strip().casefold() for h in header}

    return known
