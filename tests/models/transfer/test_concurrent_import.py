"""Two imports of one file at the same time (issue 11): real ``main.py import``
processes, started together. Matching is re-checked under the write lock, so the
second to write updates or skips what the first created instead of creating it again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.entities import Account, Contact
from models.store import Store
from models.transfer.importer import apply_import, plan_import
from tests.test_cli import ROOT

ROWS = 3000


def _main(db: Path, *argv: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "--db", str(db), *argv]


@pytest.mark.secret_service
@pytest.mark.parametrize("copies", [2, 3])
def test_the_same_file_imported_at_once_creates_each_row_once(
    tmp_path: Path, secret_service_env: dict[str, str], copies: int
) -> None:
    db = tmp_path / "race.db"
    env = {**secret_service_env, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(_main(db, "stats"), env=env, check=True, capture_output=True, timeout=120)
    path = tmp_path / "people.csv"
    lines = ["First Name,Last Name,Account Name,Email,Phone"]
    lines += [
        f"Orang{i},Nama{i},PT Usaha {i % 50},orang{i}@usaha.example,+62 812 {i:04d} {i:04d}"
        for i in range(ROWS)
    ]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    runs = [
        subprocess.Popen(
            _main(db, "import", str(path)),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(copies)
    ]
    results = [p.communicate(timeout=300) for p in runs]
    assert [p.returncode for p in runs] == [0] * copies, [err for _, err in results]
    summaries = [json.loads(out) for out, _ in results]
    assert sum(s["created"] for s in summaries) == ROWS, summaries
    stats = subprocess.run(
        _main(db, "stats"), env=env, check=True, capture_output=True, text=True, timeout=120
    )
    counts = json.loads(stats.stdout)
    assert (counts["contacts"], counts["accounts"]) == (ROWS, 50)


@pytest.mark.parametrize(
    ("name", "content", "count"),
    [
        (
            "people.csv",
            "First Name,Last Name,Account Name,Email\r\n"
            "Budi,Santoso,PT Maju,budi@maju.example\r\nSari,Dewi,PT Baru,\r\n",
            ("contacts", 2),
        ),
        ("companies.csv", "Company name,Website URL\r\nPT Maju,maju.example\r\n", ("accounts", 1)),
    ],
)
def test_a_plan_applied_after_another_import_committed_merges_instead(
    store: Store, tmp_path: Path, name: str, content: str, count: tuple[str, int]
) -> None:
    """Both plans read the database before either wrote, as two processes do."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    first, second = plan_import(store, path), plan_import(store, path)
    assert apply_import(store, first).created == count[1]
    again = apply_import(store, second)
    assert (again.created, again.accounts_created) == (0, 0)
    with store.read() as s:
        cls = Contact if count[0] == "contacts" else Account
        assert s.scalar(select(func.count()).select_from(cls)) == count[1]
        assert s.scalar(select(func.count()).select_from(Account)) == (
            2 if name == "people.csv" else 1
        )
