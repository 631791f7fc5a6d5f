"""``main.py import`` and ``main.py export``, in-process: JSON on stdout, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.store import open_store
from tests.test_cli import run


def stats(capsys: pytest.CaptureFixture[str], db: Path) -> dict[str, int]:
    code, out, _ = run(capsys, "--db", str(db), "stats")
    assert code == 0
    counts: dict[str, int] = json.loads(out)
    return counts


def test_import_prints_a_summary_and_twice_creates_nothing(
    db_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "--db", str(db_path), "import", str(data / "salesforce_contacts.csv")
    )
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    summary = json.loads(out)
    assert {k: summary[k] for k in ("created", "updated", "skipped")} == {
        "created": 3,
        "updated": 0,
        "skipped": 0,
    }
    assert len(summary["errors"]) == 1 and summary["errors"][0].startswith("row 5, Email:")
    counts = stats(capsys, db_path)
    assert (counts["contacts"], counts["accounts"]) == (3, 2)
    code, out, _ = run(
        capsys, "--db", str(db_path), "import", str(data / "salesforce_contacts.csv")
    )
    again = json.loads(out)
    assert (again["created"], again["updated"], again["skipped"]) == (0, 0, 3)
    assert stats(capsys, db_path) == counts


@pytest.mark.parametrize(
    "name", ["android_v21.vcf", "google_invite.ics", "quote_reply.eml", "hubspot_companies.csv"]
)
def test_import_takes_every_format(
    db_path: Path, data: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "import", str(data / name))
    assert code == 0 and err == ""
    assert set(json.loads(out)) == {
        "created",
        "updated",
        "skipped",
        "errors",
        "possible_duplicates",
        "warnings",
    }


def test_possible_duplicates_are_created_and_listed_from_the_cli(
    db_path: Path, data: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "dupe.csv"
    path.write_text(
        "First Name,Last Name,Account Name,Email\r\nBudi,Santoso,PT Maju,budi@maju.example\r\n",
        encoding="utf-8",
    )
    run(capsys, "--db", str(db_path), "import", str(path))
    path.write_text(
        "First Name,Last Name,Account Name,Email\r\nBudi,Santosa,PT Maju,\r\n", encoding="utf-8"
    )
    _code, out, _ = run(capsys, "--db", str(db_path), "import", str(path))
    summary = json.loads(out)
    (possible,) = summary.pop("possible_duplicates")
    assert summary == {"created": 1, "updated": 0, "skipped": 0, "errors": [], "warnings": []}
    assert {k: possible[k] for k in ("row", "name", "similar_name")} == {
        "row": 2,
        "name": "Budi Santosa",
        "similar_name": "Budi Santoso",
    }
    assert stats(capsys, db_path)["contacts"] == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "empty"),
        ("binary.csv", bytes(range(256)) * 20, "binary"),
        ("unknown.csv", b"a,b\n1,2\n", "match no known export"),
        ("photo.jpg", b"\xff\xd8\xff", "not .jpg"),
    ],
)
def test_bad_import_is_one_line_status_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    db = tmp_path / "never.db"
    code, out, err = run(capsys, "--db", str(db), "import", str(path))
    assert code == 2 and out == ""
    assert err.startswith("relasi: error: cannot import") and err.count("\n") == 1
    assert message in err
    assert not db.exists()  # refused before the database was opened


def test_import_huge_sparse_file_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as f:
        f.truncate(2 * 1024**3)
    code, _, err = run(capsys, "--db", str(tmp_path / "x.db"), "import", str(path))
    assert code == 2 and "limit" in err


def test_export_each_kind_and_format(
    db_path: Path, data: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "--db", str(db_path), "import", str(data / "salesforce_contacts.csv"))
    for kind, name, count in [
        ("contacts", "c.csv", 3),
        ("contacts", "c.vcf", 3),
        ("accounts", "a.csv", 2),
        ("interactions", "i.csv", 0),
        ("followups", "f.csv", 0),
        ("followups", "f.ics", 0),
        ("deals", "d.csv", 0),
    ]:
        target = tmp_path / name
        code, out, err = run(capsys, "--db", str(db_path), "export", kind, str(target))
        assert (code, err) == (0, ""), (kind, name, err)
        assert json.loads(out) == {"exported": count, "file": str(target)}
        assert target.stat().st_mode & 0o777 == 0o600
    # the exported vCards import back without creating anything
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(tmp_path / "c.vcf"))
    assert json.loads(out)["created"] == 0


@pytest.mark.parametrize(
    ("kind", "name", "message"),
    [
        ("deals", "d.vcf", "use .csv"),
        ("people", "p.csv", "cannot export 'people'"),
        ("contacts", "missing/c.csv", "No such file"),
    ],
)
def test_bad_export_is_one_line_status_2(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    kind: str,
    name: str,
    message: str,
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "export", kind, str(tmp_path / name))
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err


def test_cli_import_is_one_batch_that_can_be_undone(
    db_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from models.transfer.undo import import_batches, undo_import

    run(capsys, "--db", str(db_path), "import", str(data / "pipedrive_persons.csv"))
    with open_store(db_path) as store:
        (batch,) = import_batches(store)
        undo_import(store, batch.id)
    assert stats(capsys, db_path)["contacts"] == 0


def test_a_phone_kept_as_written_is_a_warning_of_the_cli(
    db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "phones.csv"
    path.write_text(
        "First Name,Last Name,Account Name,Phone\r\nAni,Lubis,PT Satu,123456789\r\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(path))
    summary = json.loads(out)
    assert (code, summary["created"], summary["errors"]) == (0, 1, [])
    (warning,) = summary["warnings"]
    assert warning.startswith("row 2, Phone: '123456789'") and "kept as written" in warning
