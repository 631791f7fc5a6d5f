"""From raw cells to clean records: the values of one row, validated.

A source (a CSV row under a mapping, a vCard) gives, per field, the cells it found as
``(column, text)`` pairs. :func:`contact_record` and :func:`account_record` turn them
into clean values with models.validation (phones to E.164, e-mails normalised), or
raise :class:`CellError` naming the column and why, which the importer reports with
the row number. A phone number that is not a valid one is kept as written and noted
(``notes``), so that the import summary can flag it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from models import fields
from models import validation as v
from models.errors import ValidationError
from models.fields import Clean, Field, Kind

Cells = dict[str, list[tuple[str, str]]]
"""Per field, the non-empty ``(column, text)`` cells a row has for it."""

#: Leading characters that exports escape with a single quote (formula injection).
FORMULA_TRIGGERS = "=+-@\t\r'"
_EMAIL_SPLIT = re.compile(r"\s*(?:;|,|:::)\s*")
_PHONE_SPLIT = re.compile(r"\s*(?:;|:::)\s*")
_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d")


class CellError(Exception):
    """A cell that cannot be imported: which column, and why."""

    def __init__(self, column: str, reason: str) -> None:
        super().__init__(f"{column}: {reason}")
        self.column = column
        self.reason = reason


def unescape_cell(text: str) -> str:
    """Undo the formula-injection escape of our CSV exports ("'=1+1" -> "=1+1")."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_TRIGGERS:
        return text[1:]
    return text


def _joined(cells: Sequence[tuple[str, str]], sep: str = " ") -> str:
    return sep.join(t.strip() for _, t in cells if t.strip())


def _first_column(cells: Cells, *fields: str) -> str:
    for f in fields:
        if cells.get(f):
            return cells[f][0][0]
    return fields[0]


def _text(cells: Cells, field: str, max_len: int, sep: str = " ") -> str:
    found = cells.get(field, [])
    try:
        return v.optional_text(field, _joined(found, sep), max_len=max_len)
    except ValidationError as exc:
        raise CellError(_first_column(cells, field), exc.message) from None


#: The years a date read from a file may fall in (year 1 or 9999 overflow in local time).
FIRST_YEAR, LAST_YEAR = 1900, 2999


def parse_date(text: str) -> date:
    clean = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            found = datetime.strptime(clean, fmt).date()
        except ValueError:
            continue
        if not FIRST_YEAR <= found.year <= LAST_YEAR:
            raise ValueError(f"{clean!r} is outside the years {FIRST_YEAR}-{LAST_YEAR}")
        return found
    raise ValueError(f"{clean!r} is not a date (use YYYY-MM-DD)")


def _emails(cells: Cells) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for column, text in cells.get("emails", []):
        for part in _EMAIL_SPLIT.split(text.strip()):
            if not part:
                continue
            try:
                clean = v.email(part)
            except ValidationError as exc:
                raise CellError(column, exc.message) from None
            if clean.casefold() not in seen:
                seen.add(clean.casefold())
                out.append(clean)
    return out


def _phones(cells: Cells, field: str = "phones") -> list[str]:
    out: list[str] = []
    for column, text in cells.get(field, []):
        for part in _PHONE_SPLIT.split(text.strip()):
            if not part:
                continue
            try:
                clean = v.phone(part)
            except ValidationError as exc:
                raise CellError(column, exc.message) from None
            if clean not in out:
                out.append(clean)
    return out


def _id(cells: Cells) -> str | None:
    for _, text in cells.get("id", []):
        try:
            return str(uuid.UUID(text.strip()))
        except ValueError:
            return None
    return None


def _first(cells: Cells, name: str) -> tuple[str, str] | None:
    for column, text in cells.get(name, []):
        if text.strip():
            return column, text.strip()
    return None


_LISTS = frozenset({Kind.EMAILS, Kind.PHONES})
_TEXTS = frozenset({Kind.TEXT, Kind.LONG_TEXT})


def _value(cells: Cells, f: Field) -> Any:
    """The raw value of ``f`` in a row's cells, cleaned by its declaration."""
    found = cells.get(f.name, [])
    if f.kind in _LISTS:
        split = _EMAIL_SPLIT if f.kind is Kind.EMAILS else _PHONE_SPLIT
        parts = [[p for p in split.split(text.strip()) if p] for _, text in found]
        try:  # all cells at once (the validators unite duplicates)
            return f.clean([p for cell in parts for p in cell])
        except ValidationError:
            for (column, _), cell in zip(found, parts, strict=True):  # name the column
                try:
                    f.clean(cell)
                except ValidationError as exc:
                    raise CellError(column, exc.message) from None
            raise
    if f.kind in _TEXTS:
        sep = f.join or ("\n" if f.kind is Kind.LONG_TEXT else " ")
        try:
            return f.clean(_joined(found, sep))
        except ValidationError as exc:
            raise CellError(_first_column(cells, f.name), exc.message) from None
    first = _first(cells, f.name)
    if first is None:
        return f.clean(None) if f.kind is not Kind.PHONE else ""
    column, text = first
    try:
        if f.kind is Kind.PHONE:
            return f.clean(_PHONE_SPLIT.split(text)[0])
        if f.kind is Kind.DATE:
            return f.clean(parse_date(text))
        if f.kind is Kind.CHOICE and f.choices is not None:
            by_fold = {m.value.casefold(): m.value for m in f.choices}
            return f.clean(by_fold.get(text.casefold(), text))
        if f.kind is Kind.INT:
            try:
                number = int(text)
            except ValueError:
                raise CellError(column, f"{text!r} is not a whole number") from None
            return f.clean(number)
        return f.clean(text)
    except ValueError as exc:
        raise CellError(column, str(exc)) from None
    except ValidationError as exc:
        raise CellError(column, exc.message) from None


#: A value a row does not have stays out for these (a merge keeps what is stored).
_LEFT_OUT = frozenset({Kind.CHOICE, Kind.INT, Kind.DATE})

Notes = list[tuple[str, str]]
"""What a row's import kept but could not normalise: ``(column, why)`` pairs."""


def _phone_notes(cells: Cells, f: Field, value: Any, notes: Notes | None) -> None:
    """Note the phone numbers of ``value`` kept as written (not read as E.164)."""
    if notes is None or f.kind not in (Kind.PHONE, Kind.PHONES) or not value:
        return
    for item in [value] if isinstance(value, str) else value:
        # A cleaned value with "+" was written in E.164 by the validator: nothing to note
        # (and no second parse of every number of an import).
        if not item.startswith("+") and (why := v.phone_note(item)) is not None:
            notes.append((_first_column(cells, f.name), why))


def _record(
    kind: str, cells: Cells, skip: tuple[str, ...] = (), notes: Notes | None = None
) -> Clean:
    """Every declared field of ``kind`` that the cells have, cleaned by its declaration."""
    out = Clean()
    for f in fields.imported(kind):
        name = f.name
        if name in skip:
            continue
        if cells.get(name) or f.required:  # a missing required value is a CellError
            out[name] = _value(cells, f)
            _phone_notes(cells, f, out[name], notes)
        elif f.kind not in _LEFT_OUT:
            out[name] = [] if f.kind in _LISTS else ""  # "" or [], which a merge skips
    return out


def contact_record(cells: Cells, kept: Notes | None = None) -> Clean:
    """Clean contact values (every declared field), plus ``id`` and ``account_name``;
    phone numbers kept as written are added to ``kept``."""
    if cells.get("birthday") and cells["birthday"][0][1].startswith("--"):
        # "--MM-DD" (no year, as Google and vCard write it) cannot be a date: left out.
        cells = {k: v for k, v in cells.items() if k != "birthday"}
    out = _record("contact", cells, skip=("name",), notes=kept)
    name = _joined(cells.get("name", []))
    if not name:
        name = _joined(
            cells.get("first_name", []) + cells.get("middle_name", []) + cells.get("last_name", [])
        )
    if not name and out["emails"]:
        name = out["emails"][0]
    try:
        out["name"] = fields.field("contact", "name").clean(name)
    except ValidationError as exc:
        raise CellError(
            _first_column(cells, "name", "first_name", "last_name"), exc.message
        ) from None
    urls = [t.strip() for _, t in cells.get("urls", []) if t.strip()]
    if not out.get("linkedin_url"):
        profile = next((u for u in urls if _is_linkedin(u)), "")
        if profile:
            out["linkedin_url"] = fields.field("contact", "linkedin_url").clean(profile)
            urls.remove(profile)
    notes = out["notes"]
    missing = [u for u in urls if u not in notes]
    if missing:
        out["notes"] = "\n".join([notes, *missing]) if notes else "\n".join(missing)
    out["id"] = _id(cells)
    out["account_name"] = _text(cells, "account_name", 200)
    return out


def _is_linkedin(url: str) -> bool:
    try:
        fields.field("contact", "linkedin_url").clean(url)
    except ValidationError:
        return False
    return True


def account_record(cells: Cells, kept: Notes | None = None) -> Clean:
    """Clean account values (every declared field the row has), plus ``id``; phone
    numbers kept as written are added to ``kept``."""
    out = _record("account", cells, notes=kept)
    out["id"] = _id(cells)
    return out
