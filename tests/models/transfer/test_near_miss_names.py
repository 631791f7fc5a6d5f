"""Different people with similar names (issue 11): their own e-mail addresses or phones
make them different people; a similar name alone is a possible duplicate, created and
listed by the command line, never dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.transfer.importer import plan_import
from tests.models.helpers import account, contact
from tests.models.transfer.test_cli_transfer import stats
from tests.test_cli import run

# (in the database, its address), (in the file, its own address): near misses.
NEAR_MISSES = [
    ("Andi Wijayanto", "andi.wijayanto@maju.example", "Andi Wijaya", "andi.w@maju.example"),
    ("Budi Santosa", "budi.santosa@maju.example", "Budi Santoso", "bsantoso@maju.example"),
    ("Sri Wahyuni", "sri.wahyuni@maju.example", "Sri Wahyuningsih", "sriw@maju.example"),
    ("Dewi Lestari", "dewi.l@maju.example", "Dewi Lestary", "dewi.lestary@maju.example"),
    ("Agus Setiawan", "agus.s@maju.example", "Agus Setiawati", "agus.setiawati@maju.example"),
    ("Muhammad Rizki", "m.rizki@maju.example", "Muhammad Rizky", "rizky@maju.example"),
    ("Jon Smith", "jon.smith@acme.example", "John Smith", "john.smith@acme.example"),
    ("Catherine Lee", "c.lee@acme.example", "Katherine Lee", "k.lee@acme.example"),
    ("Stephen Clark", "sclark@acme.example", "Steven Clarke", "steven.clarke@acme.example"),
    ("Ann Marie Brown", "amb@acme.example", "Anne-Marie Brown", "anne.brown@acme.example"),
]


def _file(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path = tmp_path / "people.csv"
    lines = ["First Name,Last Name,Account Name,Email,Phone"]
    for name, email, phone in rows:
        first, last = name.split(" ", 1)
        lines.append(f"{first},{last},PT Maju Jaya,{email},{phone}")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("known", "known_email", "incoming", "incoming_email"), NEAR_MISSES)
def test_similar_names_with_their_own_addresses_are_different_people(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    known: str,
    known_email: str,
    incoming: str,
    incoming_email: str,
) -> None:
    from models.store import open_store

    with open_store(db_path) as store:
        contact(store, account(store, "PT Maju Jaya"), known, emails=[known_email])
        plan = plan_import(store, _file(tmp_path, [(incoming, incoming_email, "")]))
        assert [r.action for r in plan.rows] == ["new"]
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(tmp_path / "people.csv"))
    summary = json.loads(out)
    assert (code, summary["created"], summary["possible_duplicates"]) == (0, 1, [])
    assert stats(capsys, db_path)["contacts"] == 2


@pytest.mark.parametrize(
    ("known_phone", "incoming_phone"), [("+62 812 1111 2222", "+62 813 3333 4444")]
)
def test_different_phones_are_different_people(
    db_path: Path, tmp_path: Path, known_phone: str, incoming_phone: str
) -> None:
    from models.store import open_store

    with open_store(db_path) as store:
        contact(store, account(store, "PT Maju Jaya"), "Budi Santosa", phones=[known_phone])
        plan = plan_import(store, _file(tmp_path, [("Budi Santoso", "", incoming_phone)]))
        assert [r.action for r in plan.rows] == ["new"]


@pytest.mark.parametrize(
    ("known", "known_email", "incoming", "_email"), [NEAR_MISSES[i] for i in (0, 1, 3, 6)]
)
def test_a_similar_name_without_addresses_is_created_and_listed_by_the_cli(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    known: str,
    known_email: str,
    incoming: str,
    _email: str,
) -> None:
    from models.store import open_store

    with open_store(db_path) as store:
        known_id = contact(store, account(store, "PT Maju Jaya"), known, emails=[known_email])
        plan = plan_import(store, _file(tmp_path, [(incoming, "", "")]))
        assert [(r.action, r.match_id) for r in plan.rows] == [("duplicate", known_id)]
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(tmp_path / "people.csv"))
    summary = json.loads(out)
    assert (code, summary["created"], summary["skipped"]) == (0, 1, 0)
    assert summary["possible_duplicates"] == [
        {
            "row": 2,
            "name": incoming,
            "similar_to": known_id,
            "similar_name": known,
            "why": "similar name at the same company",
        }
    ]
    assert stats(capsys, db_path)["contacts"] == 2


def test_the_same_name_with_other_addresses_is_a_possible_duplicate_not_a_merge(
    db_path: Path, tmp_path: Path
) -> None:
    from models.store import open_store

    with open_store(db_path) as store:
        known = contact(
            store, account(store, "PT Maju Jaya"), "Budi Santoso", emails=["budi@maju.example"]
        )
        plan = plan_import(store, _file(tmp_path, [("Budi Santoso", "budi@gmail.example", "")]))
        assert [(r.action, r.match_id) for r in plan.rows] == [("duplicate", known)]
