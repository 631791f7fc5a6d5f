"""``python main.py search QUERY [--limit N]``: one JSON object per hit per line, nothing
for no hit (exit 0), one line on stderr and exit 2 for a bad --limit or a missing file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models import services
from models.store import open_store
from tests.test_cli import run


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, dict[str, str]]:
    path = tmp_path / "s.db"
    store = open_store(path)
    with store.write() as uow:
        a = services.create_account(uow, "PT Maju Jaya")
        ids = {
            "account": a,
            "contact": services.create_contact(
                uow, "Budi Santoso", account_id=a, phones=["0812 3456 7890"]
            ),
            "note": services.add_interaction(
                uow, a, subject="Kunjungan", body="Kirim proposal enterprise"
            ),
            "deal": services.create_deal(uow, a, "Proposal enterprise 2027"),
        }
        for i in range(5):
            services.add_interaction(uow, a, body=f"meeting nomor {i}")
    store.close()
    return str(path), ids


def lines(out: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in out.splitlines()]


def test_search_prints_one_json_object_per_hit(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, ids = db
    code, out, err = run(capsys, "--db", path, "search", "proposal")
    assert (code, err) == (0, "")
    hits = lines(out)
    assert {(h["kind"], h["id"]) for h in hits} == {
        ("interaction", ids["note"]),
        ("deal", ids["deal"]),
    }
    note = next(h for h in hits if h["kind"] == "interaction")
    assert note == {
        "kind": "interaction",
        "id": ids["note"],
        "client": "PT Maju Jaya",
        "title": "Kunjungan",
        "snippet": "Kirim [proposal] enterprise",
    }
    code, out, _ = run(capsys, "--db", path, "search", "+62 812-3456-7890")
    assert [(h["kind"], h["id"], h["title"]) for h in lines(out)] == [
        ("contact", ids["contact"], "Budi Santoso")
    ]


def test_limit_and_no_hits(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = db
    code, out, _ = run(capsys, "--db", path, "search", "meeting", "--limit", "3")
    assert code == 0 and len(lines(out)) == 3
    code, out, err = run(capsys, "--db", path, "search", "zzqqxx")
    assert (code, out, err) == (0, "", "")
    code, out, err = run(capsys, "--db", path, "search", '" NEAR( title:* -')
    assert (code, out, err) == (0, "", "")


@pytest.mark.parametrize("bad", ["0", "-1", "abc", "1001", "2.5", ""])
def test_a_bad_limit_is_one_line_and_status_2(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    path, _ = db
    code, out, err = run(capsys, "--db", path, "search", "meeting", "--limit", bad)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--limit must be a whole number from 1 to 1000" in err


def test_a_missing_database_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "none.db"
    code, out, err = run(capsys, "--db", str(path), "search", "x")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert not path.exists()


def test_demo_database_is_searched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "--db", str(tmp_path / "d.db"), "--demo", "search", "a", "--limit", "5"
    )
    assert code == 0 and err == "" and 1 <= len(lines(out)) <= 5
