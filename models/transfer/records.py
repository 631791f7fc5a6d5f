"""From raw cells to clean records: the values of one row, validated.

A source (a CSV row under a mapping, a vCard) gives, per field, the cells it found as
``(column, text)`` pairs. :func:`contact_record` and :func:`account_record` turn them
into clean values with models.validation (phones to E.164, e-mails normalised), or
raise :class:`CellError` naming the column and why, which the importer reports with
the row number.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from models import validation as v
from models.entities import DEFAULT_CADENCE, AccountStatus, Tier
from models.errors import ValidationError

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


def parse_date(text: str) -> date:
    clean = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(clean, fmt).date()
        except ValueError:
            continue
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


def contact_record(cells: Cells) -> dict[str, Any]:
    """Clean contact values: name, title, emails, phones, birthday, notes, account_name, id."""
    emails = _emails(cells)
    phones = _phones(cells)
    name = _joined(cells.get("name", []))
    if not name:
        name = _joined(
            cells.get("first_name", []) + cells.get("middle_name", []) + cells.get("last_name", [])
        )
    if not name and emails:
        name = emails[0]
    try:
        name = v.required_text("name", name)
    except ValidationError as exc:
        raise CellError(
            _first_column(cells, "name", "first_name", "last_name"), exc.message
        ) from None
    birthday: date | None = None
    if cells.get("birthday") and not cells["birthday"][0][1].startswith("--"):
        # "--MM-DD" (no year, as Google and vCard write it) cannot be a date: left out.
        column, text = cells["birthday"][0]
        try:
            birthday = parse_date(text)
        except ValueError as exc:
            raise CellError(column, str(exc)) from None
    notes = _text(cells, "notes", 20_000, sep="\n")
    urls = [t.strip() for _, t in cells.get("urls", []) if t.strip()]
    missing = [u for u in urls if u not in notes]
    if missing:
        notes = "\n".join([notes, *missing]) if notes else "\n".join(missing)
    return {
        "id": _id(cells),
        "name": name,
        "title": _text(cells, "title", 200),
        "emails": emails,
        "phones": phones,
        "birthday": birthday,
        "notes": notes,
        "account_name": _text(cells, "account_name", 200),
    }


def account_record(cells: Cells) -> dict[str, Any]:
    """Clean account values, with the defaults a new account gets."""
    try:
        name = v.required_text("name", _joined(cells.get("name", [])))
    except ValidationError as exc:
        raise CellError(_first_column(cells, "name"), exc.message) from None
    website = _joined(cells.get("website", [])[:1])
    try:
        website = v.website(website)
    except ValidationError as exc:
        raise CellError(_first_column(cells, "website"), exc.message) from None
    phones = _phones(cells, "phone")
    out: dict[str, Any] = {
        "id": _id(cells),
        "name": name,
        "industry": _text(cells, "industry", 120),
        "website": website,
        "phone": phones[0] if phones else "",
        "address": _text(cells, "address", 20_000, sep=", "),
        "notes": _text(cells, "notes", 20_000, sep="\n"),
    }
    for field, allowed, fold in (("tier", Tier, str.upper), ("status", AccountStatus, str.lower)):
        if cells.get(field):
            column, text = cells[field][0]
            try:
                out[field] = v.choice(field, fold(text.strip()), allowed)
            except ValidationError as exc:
                raise CellError(column, exc.message) from None
    if cells.get("cadence_days"):
        column, text = cells["cadence_days"][0]
        try:
            out["cadence_days"] = v.int_range("cadence_days", int(text.strip()), 1, 3650)
        except ValueError:
            raise CellError(column, f"{text.strip()!r} is not a number of days") from None
        except ValidationError as exc:
            raise CellError(column, exc.message) from None
    return out


def new_account_defaults(values: dict[str, Any]) -> dict[str, Any]:
    """Tier, status and cadence for an account an import creates."""
    tier = values.get("tier") or Tier.B.value
    return {
        "tier": tier,
        "status": values.get("status") or AccountStatus.ACTIVE.value,
        "cadence_days": values.get("cadence_days") or DEFAULT_CADENCE[Tier(tier)],
    }
