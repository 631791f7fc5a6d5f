"""Phone numbers without a country code: +62 only for valid Indonesian numbers (issue 12).

A number that cannot be a valid Indonesian one (``123456789``) used to become
``+62123456789``. It is kept as written (trimmed), and the import says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from models import fields
from models import validation as v
from models.entities import Contact
from models.errors import ValidationError
from models.store import Store
from models.transfer.importer import apply_import, plan_import


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("0812-3456-7890", "+6281234567890"),  # Indonesian mobile
        ("(021) 555-1234", "+62215551234"),  # Jakarta landline
        ("+49 170 1234567", "+491701234567"),  # with its country code
        ("+1 202 555 0100", "+12025550100"),
        ("123456789", "123456789"),  # no valid ID number: as written, not +62...
        ("  555 0100 ", "555 0100"),  # trimmed
    ],
)
def test_phone_normalised_only_when_valid(written: str, stored: str) -> None:
    assert v.phone(written) == stored
    assert (v.phone_note(written) is None) == stored.startswith("+")


def test_text_without_a_number_is_still_refused() -> None:
    with pytest.raises(ValidationError):
        v.phone("call me")
    # The dialogs clean through the same declaration: a typed number that is not a valid
    # one is kept as written there too (a contact imported with one stays editable).
    assert fields.clean("contact", {"name": "A", "phones": ["123456789"]})["phones"] == [
        "123456789"
    ]


def test_import_keeps_an_invalid_number_as_written_and_flags_it(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(
        "First Name,Last Name,Account Name,Phone\n"
        "Ani,Lubis,PT Satu,123456789\n"
        "Budi,Santoso,PT Dua,0812-3456-7890\n"
        "Citra,Dewi,PT Tiga,+49 30 7654321\n",
        encoding="utf-8",
    )
    result = apply_import(store, plan_import(store, path))
    assert result.created == 3 and result.errors == []
    with store.read() as s:
        phones = {c.name: c.phones for c in s.scalars(select(Contact))}
    assert phones == {
        "Ani Lubis": ["123456789"],
        "Budi Santoso": ["+6281234567890"],
        "Citra Dewi": ["+49307654321"],
    }
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("row 2, Phone: '123456789'")
    assert "kept as written" in result.warnings[0]
    assert json.loads(json.dumps(result.summary()))["warnings"] == result.warnings
