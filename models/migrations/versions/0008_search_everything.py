"""Search over everything: deals and follow-ups (title and notes) join the search index,
and a contact's phone numbers are searched with its other details.

Frozen copies of the triggers as written here (``models/search_docs.py`` holds the live
definition and a test checks that head equals it). Existing deals and follow-ups are
indexed, and contacts with a phone number are indexed again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 07:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BODY_NEW = (
    "NEW.title || ' ' || NEW.emails || ' ' || NEW.phones || ' ' || NEW.linkedin_url"
    " || ' ' || NEW.notes"
)
_BODY_OLD = "NEW.title || ' ' || NEW.emails || ' ' || NEW.linkedin_url || ' ' || NEW.notes"


def _contact_triggers(body: str, watched: str) -> list[str]:
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


def _reindex_contacts_with_phones(body: str) -> str:
    return f"""UPDATE search_fts SET body = (
            SELECT {body.replace("NEW.", "c.")} FROM contacts c
            JOIN search_docs d ON d.ref_id = c.id WHERE d.docid = search_fts.rowid)
        WHERE rowid IN (SELECT d.docid FROM search_docs d JOIN contacts c ON c.id = d.ref_id
                        WHERE c.phones NOT IN ('[]', ''))"""


def _indexed(table: str, kind: str) -> list[str]:
    return [
        f"""CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO search_docs(kind, ref_id, account_id)
                VALUES ('{kind}', NEW.id, NEW.account_id);
            INSERT INTO search_fts(rowid, title, body)
                VALUES ((SELECT docid FROM search_docs WHERE ref_id = NEW.id),
                        NEW.title, NEW.notes);
        END""",
        f"""CREATE TRIGGER {table}_fts_au AFTER UPDATE OF title, notes, account_id ON {table} BEGIN
            UPDATE search_docs SET account_id = NEW.account_id
                WHERE ref_id = NEW.id;
            UPDATE search_fts SET title = NEW.title, body = NEW.notes
                WHERE rowid = (SELECT docid FROM search_docs WHERE ref_id = NEW.id);
        END""",
        f"""CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN
            DELETE FROM search_fts
                WHERE rowid = (SELECT docid FROM search_docs WHERE ref_id = OLD.id);
            DELETE FROM search_docs WHERE ref_id = OLD.id;
        END""",
        # The rows already there, in rowid order (the docids the trigger would give).
        f"""INSERT INTO search_docs(kind, ref_id, account_id)
            SELECT '{kind}', id, account_id FROM {table} ORDER BY rowid""",
        f"""INSERT INTO search_fts(rowid, title, body)
            SELECT d.docid, x.title, x.notes FROM {table} x
            JOIN search_docs d ON d.ref_id = x.id ORDER BY x.rowid""",
    ]


_TABLES = (("deals", "deal"), ("follow_ups", "followup"))


def _on_sqlite() -> bool:
    """Full-text search (FTS5 tables) and the SQLite triggers exist only in the laptop's
    database; the team server (PostgreSQL) gets the tables and indexes without them."""
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    if not _on_sqlite():
        return
    watched = "name, title, emails, phones, linkedin_url, notes, account_id"
    for statement in _contact_triggers(_BODY_NEW, watched):
        op.execute(statement)
    op.execute(_reindex_contacts_with_phones(_BODY_NEW))
    for table, kind in _TABLES:
        for statement in _indexed(table, kind):
            op.execute(statement)


def downgrade() -> None:
    if not _on_sqlite():
        return
    for table, kind in _TABLES:
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
        op.execute(
            f"""DELETE FROM search_fts WHERE rowid IN
                (SELECT docid FROM search_docs WHERE kind = '{kind}')"""
        )
        op.execute(f"DELETE FROM search_docs WHERE kind = '{kind}'")
    watched = "name, title, emails, linkedin_url, notes, account_id"
    for statement in _contact_triggers(_BODY_OLD, watched):
        op.execute(statement)
    op.execute(_reindex_contacts_with_phones(_BODY_OLD))
