"""The search document has one live definition (models/search_docs.py, built from the
field declarations); the triggers a database has at head must be exactly that."""

from __future__ import annotations

import re

from models import services
from models.fields import FIELDS, searched
from models.queries.search import search
from models.search_docs import DOCS, all_triggers
from models.store import Store


def _norm(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def test_triggers_at_head_equal_the_live_definition(store: Store) -> None:
    with store.engine.connect() as conn:
        have = dict(
            conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            ).all()
        )
    # The denormalised "last contact" and "next follow-up" triggers are not search documents.
    have = {n: sql for n, sql in have.items() if "_fts_" in n or "_client_" in n}
    live = all_triggers()
    assert set(have) == set(live)
    for name, sql in live.items():
        assert _norm(have[name]) == _norm(sql), name


def test_every_searched_field_is_in_a_document() -> None:
    for doc in DOCS:
        declared = {f.name for f in FIELDS[doc.kind] if f.searched}
        assert declared == {*searched(doc.kind, "title"), *searched(doc.kind, "body")}
        assert declared and all(f in doc.watched() for f in declared)


def test_a_searched_field_is_found_typed_or_updated(store: Store) -> None:
    with store.write() as uow:
        account = services.create_account(uow, "Maju Jaya")
        contact = services.create_contact(
            uow, "Budi", account_id=account, linkedin_url="linkedin.com/in/budi-santoso-7"
        )
    assert [h.id for h in search(store, "santoso")] == [contact]
    with store.write() as uow:
        services.update_contact(uow, contact, linkedin_url="https://www.linkedin.com/in/bs-9")
    assert search(store, "santoso") == []
    assert [h.id for h in search(store, "bs")] == [contact]
