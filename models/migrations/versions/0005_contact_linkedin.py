"""Contacts get a LinkedIn profile address, searched like their other details.

The contact search triggers are recreated with ``linkedin_url`` in the indexed body
(frozen here as they were written; ``models/search_docs.py`` holds the live
definition and a test checks that head equals it). Existing rows are re-indexed.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BODY_NEW = "NEW.title || ' ' || NEW.emails || ' ' || NEW.linkedin_url || ' ' || NEW.notes"
_BODY_OLD = "NEW.title || ' ' || NEW.emails || ' ' || NEW.notes"


def _on_sqlite() -> bool:
    """Full-text search (FTS5 tables) and the SQLite triggers exist only in the laptop's
    database; the team server (PostgreSQL) gets the tables and indexes without them."""
    return op.get_bind().dialect.name == "sqlite"


def _triggers(body: str, watched: str) -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS contacts_fts_ai",
        "DROP TRIGGER IF EXISTS contacts_fts_au",
        f"""CREATE TRIGGER contacts_fts_ai AFTER INSERT ON contacts WHEN NOT EXISTS (SELECT 1 FROM index_deferral) BEGIN
            INSERT INTO search_docs(kind, ref_id, account_id)
                VALUES ('contact', NEW.id, NEW.account_id);
            INSERT INTO search_fts(rowid, title, body)
                VALUES ((SELECT docid FROM search_docs WHERE ref_id = NEW.id),
                        NEW.name, {body});
        END""",  # noqa: E501
        f"""CREATE TRIGGER contacts_fts_au AFTER UPDATE OF {watched} ON contacts BEGIN
            UPDATE search_docs SET account_id = NEW.account_id
                WHERE ref_id = NEW.id;
            UPDATE search_fts SET title = NEW.name, body = {body}
                WHERE rowid = (SELECT docid FROM search_docs WHERE ref_id = NEW.id);
        END""",
    ]


def upgrade() -> None:
    # A plain ALTER TABLE: a batch copy of the table would drop its triggers.
    op.add_column(
        "contacts",
        sa.Column("linkedin_url", sa.String(length=300), nullable=False, server_default=""),
    )
    if not _on_sqlite():
        return
    for statement in _triggers(_BODY_NEW, "name, title, emails, linkedin_url, notes, account_id"):
        op.execute(statement)


def downgrade() -> None:
    for statement in _triggers(_BODY_OLD, "name, title, emails, notes, account_id"):
        if _on_sqlite():
            op.execute(statement)
    op.drop_column("contacts", "linkedin_url")
