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

# ruff: noqa: E501  (frozen SQL, kept byte for byte as it was written)
from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen: the contact triggers exactly as 0001 and 0003 wrote them, with and without the
# WHEN clause that skips them while the importer's transaction holds index_deferral.
_UPGRADE = [
    "DROP TRIGGER IF EXISTS contacts_fts_ai",
    "DROP TRIGGER IF EXISTS contacts_client_ai",
    "CREATE TRIGGER contacts_fts_ai AFTER INSERT ON contacts WHEN NOT EXISTS (SELECT 1 FROM index_deferral) BEGIN\n            INSERT INTO search_docs(kind, ref_id, account_id)\n                VALUES ('contact', NEW.id, NEW.account_id);\n            INSERT INTO search_fts(rowid, title, body)\n                VALUES ((SELECT docid FROM search_docs WHERE ref_id = NEW.id),\n                        NEW.name, NEW.title || ' ' || NEW.emails || ' ' || NEW.notes);\n        END",
    "CREATE TRIGGER contacts_client_ai AFTER INSERT ON contacts\n        WHEN NEW.account_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM index_deferral) BEGIN\n        \n    UPDATE client_fts SET body = \n    (SELECT a.name\n        || ' ' || coalesce((SELECT group_concat(c.name, ' ') FROM contacts c\n                            WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')\n        || ' ' || coalesce((SELECT group_concat(t.name, ' ') FROM account_tags x\n                            JOIN tags t ON t.id = x.tag_id WHERE x.account_id = a.id), '')\n     FROM accounts a WHERE a.id = NEW.account_id)\n    WHERE rowid = (SELECT docid FROM client_docs WHERE account_id = NEW.account_id);\n    END",
]

_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS contacts_fts_ai",
    "DROP TRIGGER IF EXISTS contacts_client_ai",
    "CREATE TRIGGER contacts_fts_ai AFTER INSERT ON contacts BEGIN\n            INSERT INTO search_docs(kind, ref_id, account_id)\n                VALUES ('contact', NEW.id, NEW.account_id);\n            INSERT INTO search_fts(rowid, title, body)\n                VALUES ((SELECT docid FROM search_docs WHERE ref_id = NEW.id),\n                        NEW.name, NEW.title || ' ' || NEW.emails || ' ' || NEW.notes);\n        END",
    "CREATE TRIGGER contacts_client_ai AFTER INSERT ON contacts\n        WHEN NEW.account_id IS NOT NULL BEGIN\n        \n    UPDATE client_fts SET body = \n    (SELECT a.name\n        || ' ' || coalesce((SELECT group_concat(c.name, ' ') FROM contacts c\n                            WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')\n        || ' ' || coalesce((SELECT group_concat(t.name, ' ') FROM account_tags x\n                            JOIN tags t ON t.id = x.tag_id WHERE x.account_id = a.id), '')\n     FROM accounts a WHERE a.id = NEW.account_id)\n    WHERE rowid = (SELECT docid FROM client_docs WHERE account_id = NEW.account_id);\n    END",
]


def _on_sqlite() -> bool:
    """Full-text search (FTS5 tables) and the SQLite triggers exist only in the laptop's
    database; the team server (PostgreSQL) gets the tables and indexes without them."""
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    op.execute("CREATE TABLE index_deferral (token TEXT PRIMARY KEY)")
    for statement in _UPGRADE if _on_sqlite() else []:
        op.execute(statement)


def downgrade() -> None:
    for statement in _DOWNGRADE if _on_sqlite() else []:
        op.execute(statement)
    op.execute("DROP TABLE IF EXISTS index_deferral")
