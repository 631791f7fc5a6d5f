"""Deferred search indexing for bulk imports: the contact insert triggers of search_fts
and client_fts skip their per-row work while the importer's own transaction holds a row
in ``index_deferral``; the importer then indexes the inserted contacts set-wise (one
statement each for search_docs, search_fts and the affected clients' client_fts rows)
and deletes the row before it commits. The row never outlives the transaction (a
rollback removes it too) and no other connection can see it, so every other write keeps
the per-row triggers; the indexed text is the same either way.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 05:00:00
"""

import importlib
from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_initial = importlib.import_module("models.migrations.versions.0001_initial_schema")
_client = importlib.import_module("models.migrations.versions.0003_client_filter_index")

_NOT_DEFERRED = "NOT EXISTS (SELECT 1 FROM index_deferral)"

# The contact triggers exactly as 0001 and 0003 wrote them, plus the WHEN clause.
_CONTACTS_FTS_AI = _initial._indexed(
    "contacts",
    "contact",
    "{r}.account_id",
    "{r}.name",
    "{r}.title || ' ' || {r}.emails || ' ' || {r}.notes",
    "name, title, emails, notes, account_id",
)[0]
_FTS_HEAD = "AFTER INSERT ON contacts BEGIN"

_CONTACTS_CLIENT_AI = """CREATE TRIGGER contacts_client_ai AFTER INSERT ON contacts
        WHEN NEW.account_id IS NOT NULL{also} BEGIN
        {refresh}
    END"""


def _triggers(deferrable: bool) -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS contacts_fts_ai",
        "DROP TRIGGER IF EXISTS contacts_client_ai",
        _CONTACTS_FTS_AI.replace(_FTS_HEAD, f"AFTER INSERT ON contacts WHEN {_NOT_DEFERRED} BEGIN")
        if deferrable
        else _CONTACTS_FTS_AI,
        _CONTACTS_CLIENT_AI.format(
            also=f" AND {_NOT_DEFERRED}" if deferrable else "",
            refresh=_client._refresh("NEW.account_id"),
        ),
    ]


def upgrade() -> None:
    op.execute("CREATE TABLE index_deferral (token TEXT PRIMARY KEY)")
    for statement in _triggers(deferrable=True):
        op.execute(statement)


def downgrade() -> None:
    for statement in _triggers(deferrable=False):
        op.execute(statement)
    op.execute("DROP TABLE IF EXISTS index_deferral")
