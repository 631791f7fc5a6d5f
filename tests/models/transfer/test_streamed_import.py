"""The streamed import (models.transfer.streaming), which ``main.py import`` runs: the
same results as planning the whole file first, one undoable batch, nothing left behind
by a file refused halfway, and memory that grows with the batch and compact keys, not
with every row's cells and plan."""

from __future__ import annotations

import shutil
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models import fields
from models.entities import Account, Contact, ImportBatch, Interaction
from models.errors import ImportRefusedError
from models.store import Store, open_store
from models.transfer.importer import apply_import, keep_possible_duplicates, plan_import
from models.transfer.plan import ImportResult
from models.transfer.sources import load_source
from models.transfer.streaming import import_source
from models.vault import keys
from tests.conftest import FixedClock
from tests.models.transfer.conftest import DATA

SEED = ("salesforce_accounts.csv", "hubspot_contacts.csv")
CORPUS = sorted(p.name for p in DATA.iterdir())


@pytest.fixture
def twin(tmp_path: Path, template_db: tuple[Path, bytes], clock: FixedClock) -> Iterator[Store]:
    """A second fresh database beside ``store``."""
    source, key = template_db
    path = tmp_path / "twin.db"
    shutil.copyfile(source, path)
    keys.store_key(path, key)
    s = open_store(path, clock=clock)
    yield s
    s.close()


def planned(store: Store, path: Path) -> ImportResult:
    """The import as the command line ran it before: plan the whole file, then apply."""
    plan = plan_import(store, path)
    possible = keep_possible_duplicates(store, plan)
    return replace(apply_import(store, plan), possible_duplicates=possible)


def streamed(store: Store, path: Path, batch: int) -> ImportResult:
    return import_source(store, load_source(path, lazy=True), batch=batch).result


def summary(result: ImportResult) -> dict[str, Any]:
    out = result.summary()
    out["possible_duplicates"] = [
        {k: v for k, v in d.items() if k != "similar_to"} for d in out["possible_duplicates"]
    ]
    out["accounts_created"] = result.accounts_created
    out["unchanged"] = result.unchanged
    return out


def contents(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every live record's declared values, companies by name (ids differ between
    databases)."""
    with store.read() as s:
        names: dict[str, str] = {i: n for i, n in s.execute(select(Account.id, Account.name))}
        out: dict[str, list[tuple[Any, ...]]] = {}
        for kind, cls in (("account", Account), ("contact", Contact)):
            rows = s.scalars(select(cls).where(cls.deleted_at.is_(None))).all()
            out[kind] = sorted(
                repr(
                    (
                        *(getattr(r, n) for n in fields.names(kind)),
                        names.get(getattr(r, "account_id", None) or ""),
                    )
                )
                for r in rows
            )
        entries = s.scalars(select(Interaction).where(Interaction.deleted_at.is_(None))).all()
        out["interaction"] = sorted(
            repr((e.kind, e.subject, e.occurred_at, names.get(e.account_id or ""))) for e in entries
        )
    return out


@pytest.mark.parametrize("batch", [2, 5_000])
def test_every_sample_file_gives_what_planning_the_whole_file_gave(
    store: Store, twin: Store, batch: int
) -> None:
    for name in SEED:  # both databases hold the same records first: matches, merges
        planned(store, DATA / name)
        planned(twin, DATA / name)
    for name in CORPUS:
        before = planned(store, DATA / name)
        after = streamed(twin, DATA / name, batch)
        assert summary(after) == summary(before), name
        assert (after.batch_id is None) == (before.batch_id is None), name
        assert contents(twin) == contents(store), name


def _people(path: Path, rows: int, *, start: int = 0, title: str = "Buyer") -> Path:
    lines = ["First Name,Last Name,Title,Account Name,Email,Phone"]
    lines += [
        f"Orang{i},Nama{i},{title},PT Usaha {i % 7},orang{i}@usaha.example,021 555{i:05d}"
        for i in range(start, start + rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_row_matching_a_row_of_an_earlier_batch_merges_into_it(
    store: Store, twin: Store, tmp_path: Path
) -> None:
    path = tmp_path / "twice.csv"
    lines = ["First Name,Last Name,Title,Account Name,Email,Phone,Description"]
    lines += [f"Orang{i},Nama{i},,PT Usaha,orang{i}@usaha.example,,first" for i in range(6)]
    lines += [f"Orang{i},Nama{i},Manager,PT Usaha,ORANG{i}@usaha.example,,again" for i in range(6)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    after = streamed(twin, path, 4)  # rows 8-13 match rows of the batches before them
    before = planned(store, path)
    assert (after.created, after.updated, after.accounts_created) == (6, 6, 1)
    assert summary(after) == summary(before)
    assert contents(twin) == contents(store)
    with twin.read() as s:
        titles = set(s.scalars(select(Contact.title)))
        notes = set(s.scalars(select(Contact.notes)))
    assert titles == {"Manager"}
    assert notes == {"first\n\nagain"}  # notes appended (their merge rule)


def test_a_streamed_import_is_one_batch_that_undoes_and_redoes(
    store: Store, tmp_path: Path
) -> None:
    _people(tmp_path / "first.csv", 5)
    planned(store, tmp_path / "first.csv")
    path = _people(tmp_path / "more.csv", 25, title="Head")  # rows 0-4 exist: merged
    op = import_source(store, load_source(path, lazy=True), batch=3)
    assert (op.result.created, op.result.updated) == (20, 5)
    with store.read() as s:
        assert (
            s.scalar(select(ImportBatch.created_count).where(ImportBatch.id == op.result.batch_id))
            == 20
        )
        live = s.scalars(select(Contact.title).where(Contact.deleted_at.is_(None))).all()
    assert sorted(live) == ["Head"] * 25
    op.undo(store)
    with store.read() as s:
        live = s.scalars(select(Contact.title).where(Contact.deleted_at.is_(None))).all()
    assert sorted(live) == ["Buyer"] * 5
    op.redo(store)
    with store.read() as s:
        live = s.scalars(select(Contact.title).where(Contact.deleted_at.is_(None))).all()
    assert sorted(live) == ["Head"] * 25


def test_a_malformed_line_after_the_first_batches_leaves_nothing_behind(
    store: Store, tmp_path: Path
) -> None:
    path = _people(tmp_path / "bad.csv", 2_500)  # past the rows read to guess columns
    with path.open("a", encoding="utf-8") as f:
        f.write('Late,Row,Buyer,PT X,late@x.example,"' + "9" * 200_000 + '"\n')  # over csv's limit
    source = load_source(path, lazy=True)  # the header and the first rows read fine
    with pytest.raises(ImportRefusedError, match=r"bad\.csv.*malformed"):
        import_source(store, source, batch=500)
    with store.read() as s:
        assert s.scalars(select(Contact.id)).all() == []
        assert s.scalars(select(ImportBatch.id)).all() == []


def test_memory_grows_with_the_batch_and_compact_keys_not_with_every_row(
    tmp_path: Path, template_db: tuple[Path, bytes], clock: FixedClock
) -> None:
    """Peak memory for 4N rows against N, each into an empty database: the streamed
    import's extra bytes per row (its matching keys) stay well under what holding every
    row's cells and plan costs (the planned import, measured the same way)."""
    n = 400
    small, large = _people(tmp_path / "s.csv", n), _people(tmp_path / "l.csv", 4 * n)
    warm = _people(tmp_path / "w.csv", 50)
    databases = iter(range(10))

    def peak(path: Path, stream: bool) -> int:
        source, key = template_db
        db = tmp_path / f"m{next(databases)}.db"
        shutil.copyfile(source, db)
        keys.store_key(db, key)
        store = open_store(db, clock=clock)
        tracemalloc.start()
        try:
            if stream:
                import_source(store, load_source(path, lazy=True), batch=100)
            else:
                planned(store, path)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            store.close()

    peak(warm, True), peak(warm, False)  # modules and caches loaded once, before measuring
    streamed_slope = (peak(large, True) - peak(small, True)) / (3 * n)
    held_slope = (peak(large, False) - peak(small, False)) / (3 * n)
    assert streamed_slope < held_slope / 2, (streamed_slope, held_slope)
