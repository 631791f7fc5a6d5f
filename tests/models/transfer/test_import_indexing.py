"""Bulk imports index new contacts set-wise (migration 0004 defers the per-row contact
triggers inside the import's transaction): the search and client-filter indexes must end
up exactly as the per-row triggers leave them, and nothing stays deferred afterwards."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from models import services
from models.services import bulk
from models.store import Store, open_store
from models.transfer.importer import apply_import, plan_import
from models.transfer.undo import undo_import
from models.vault import keys
from tests.models.helpers import account, contact

CSV = (
    "First Name,Last Name,Title,Account Name,Email,Phone,Mobile,Description\n"
    "Budi,Santoso,Head of Purchasing,PT Maju Jaya,budi@maju.example,,,Met at the expo\n"
    "Sari,Wijaya,Buyer,PT Maju Jaya,sari@maju.example,021 5551234,,\n"
    "Dewi,Lestari,CFO,CV Baru Sekali,dewi@baru.example,,0813 1234 5678,Gift: batik\n"
    "Agus,Pratama,,CV Baru Sekali,agus@baru.example,,,\n"
    "Rina,Halim,Owner,,rina@sendiri.example,,,\n"
    "Ёлка,Ünïcødé,Директор,Globex Ünï,yolka@globex.example,,,Привет\n"
)


def _seed(store: Store) -> None:
    maju = account(store, "PT Maju Jaya")
    with store.write() as uow:
        services.set_account_tags(uow, maju, ["jakarta"])  # one: tag ids order several
    contact(store, maju, "Budi Santoso", emails=["budi@maju.example"], title="Buyer")
    contact(store, maju, "Putu Gunawan")


def _indexes(store: Store) -> dict[str, list[Any]]:
    queries = {
        "search": """SELECT d.docid, d.kind, d.account_id IS NULL, f.title, f.body
                     FROM search_docs d JOIN search_fts f ON f.rowid = d.docid ORDER BY d.docid""",
        "search_docs_by_name": """SELECT c.name, d.docid FROM contacts c
                     JOIN search_docs d ON d.ref_id = c.id ORDER BY c.name""",
        "clients": """SELECT d.docid, a.name, f.body FROM client_docs d
                      JOIN accounts a ON a.id = d.account_id
                      JOIN client_fts f ON f.rowid = d.docid ORDER BY d.docid""",
        "match": """SELECT a.name FROM client_fts f JOIN client_docs d ON d.docid = f.rowid
                    JOIN accounts a ON a.id = d.account_id
                    WHERE client_fts MATCH '"ewi"' ORDER BY a.name""",
        "fts_match": """SELECT f.title FROM search_fts f WHERE search_fts MATCH 'batik OR expo'
                        ORDER BY f.title""",
        "deferral": "SELECT token FROM index_deferral",
    }
    with store.engine.connect() as conn:
        return {k: [tuple(r) for r in conn.exec_driver_sql(q)] for k, q in queries.items()}


def _import(store: Store, path: Path) -> str | None:
    return apply_import(store, plan_import(store, path), chunk=2).batch_id


def test_deferred_indexing_matches_the_per_row_triggers(
    store: Store,
    tmp_path: Path,
    template_db: tuple[Path, bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    src = tmp_path / "contacts.csv"
    src.write_text(CSV, encoding="utf-8")
    _seed(store)
    _import(store, src)
    deferred = _indexes(store)

    template, key = template_db
    other_path = tmp_path / "per_row.db"
    shutil.copyfile(template, other_path)
    keys.store_key(other_path, key)
    other = open_store(other_path, clock=store.clock)
    try:
        _seed(other)

        monkeypatch.setattr(bulk.BulkWrite, "defer_contact_indexing", False)
        _import(other, src)
        per_row_indexes = _indexes(other)
    finally:
        other.close()

    assert deferred == per_row_indexes
    assert deferred["deferral"] == []
    assert deferred["match"] == [("CV Baru Sekali",)]
    assert deferred["fts_match"] == [("Budi Santoso",), ("Dewi Lestari",)]
    names = {r[1]: r[2] for r in deferred["clients"]}
    assert "Sari Wijaya" in names["PT Maju Jaya"] and "jakarta" in names["PT Maju Jaya"]
    assert "Dewi Lestari" in names["CV Baru Sekali"]


def test_contacts_created_outside_imports_are_still_indexed_per_row(store: Store) -> None:
    maju = account(store, "PT Maju Jaya")
    contact(store, maju, "Wayan Kusuma")
    with store.engine.connect() as conn:
        body = conn.exec_driver_sql(
            "SELECT f.body FROM client_fts f JOIN client_docs d ON d.docid = f.rowid "
            "WHERE d.account_id = ?",
            (maju,),
        ).scalar()
        title = conn.exec_driver_sql(
            "SELECT f.title FROM search_fts f JOIN search_docs d ON d.docid = f.rowid "
            "WHERE d.kind = 'contact'"
        ).scalar()
    assert "Wayan Kusuma" in str(body) and title == "Wayan Kusuma"


def test_undo_after_deferred_indexing_unindexes_the_clients(store: Store, tmp_path: Path) -> None:
    src = tmp_path / "contacts.csv"
    src.write_text(CSV, encoding="utf-8")
    _seed(store)
    batch = _import(store, src)
    assert batch is not None
    undo_import(store, batch)
    clients = {r[1]: r[2] for r in _indexes(store)["clients"]}
    assert "Sari Wijaya" not in clients["PT Maju Jaya"]
    assert "Dewi Lestari" not in clients["CV Baru Sekali"]


def test_a_failed_import_leaves_nothing_deferred(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "contacts.csv"
    src.write_text(CSV, encoding="utf-8")
    plan = plan_import(store, src)

    original = bulk.insert_rows

    def insert(uow: Any, table: Any, rows: Any, chunk: int) -> None:
        original(uow, table, rows, chunk)
        if table.name == "contacts":  # after the contacts went in, indexing deferred
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(bulk, "insert_rows", insert)
    with pytest.raises(RuntimeError):
        apply_import(store, plan)
    with store.engine.connect() as conn:
        assert list(conn.execute(text("SELECT token FROM index_deferral"))) == []
        assert conn.execute(text("SELECT count(*) FROM contacts")).scalar() == 0
