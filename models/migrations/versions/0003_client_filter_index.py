"""Client filter index: a trigram FTS5 table over each client's name, contact names
and tags, so filtering 100,000 clients by any substring does not scan them all.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 04:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The text a client is found by: its name, its live contacts' names, its tags.
_DOC = """
    (SELECT a.name
        || ' ' || coalesce((SELECT group_concat(c.name, ' ') FROM contacts c
                            WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')
        || ' ' || coalesce((SELECT group_concat(t.name, ' ') FROM account_tags x
                            JOIN tags t ON t.id = x.tag_id WHERE x.account_id = a.id), '')
     FROM accounts a WHERE a.id = {acc})"""

_REFRESH = """
    UPDATE client_fts SET body = {doc}
    WHERE rowid = (SELECT docid FROM client_docs WHERE account_id = {acc});"""


_OWN_ACCOUNT = "(SELECT account_id FROM client_docs WHERE docid = client_fts.rowid)"


def _refresh(acc: str) -> str:
    return _REFRESH.format(doc=_DOC.format(acc=acc), acc=acc)


def _on_sqlite() -> bool:
    """Full-text search (FTS5 tables) and the SQLite triggers exist only in the laptop's
    database; the team server (PostgreSQL) gets the tables and indexes without them."""
    return op.get_bind().dialect.name == "sqlite"


STATEMENTS = [
    """CREATE TABLE client_docs (
        docid INTEGER PRIMARY KEY,
        account_id TEXT NOT NULL UNIQUE)""",
    """CREATE VIRTUAL TABLE client_fts USING fts5(
        body, tokenize = 'trigram remove_diacritics 1')""",
    f"""CREATE TRIGGER accounts_client_ai AFTER INSERT ON accounts BEGIN
        INSERT INTO client_docs(account_id) VALUES (NEW.id);
        INSERT INTO client_fts(rowid, body)
            VALUES ((SELECT docid FROM client_docs WHERE account_id = NEW.id),
                    {_DOC.format(acc="NEW.id")});
    END""",
    f"""CREATE TRIGGER accounts_client_au AFTER UPDATE OF name ON accounts BEGIN
        {_refresh("NEW.id")}
    END""",
    """CREATE TRIGGER accounts_client_ad AFTER DELETE ON accounts BEGIN
        DELETE FROM client_fts
            WHERE rowid = (SELECT docid FROM client_docs WHERE account_id = OLD.id);
        DELETE FROM client_docs WHERE account_id = OLD.id;
    END""",
    f"""CREATE TRIGGER contacts_client_ai AFTER INSERT ON contacts
        WHEN NEW.account_id IS NOT NULL BEGIN
        {_refresh("NEW.account_id")}
    END""",
    f"""CREATE TRIGGER contacts_client_au AFTER UPDATE OF name, account_id, deleted_at
        ON contacts BEGIN
        {_refresh("NEW.account_id")}
        {_refresh("OLD.account_id")}
    END""",
    f"""CREATE TRIGGER contacts_client_ad AFTER DELETE ON contacts BEGIN
        {_refresh("OLD.account_id")}
    END""",
    f"""CREATE TRIGGER account_tags_client_ai AFTER INSERT ON account_tags BEGIN
        {_refresh("NEW.account_id")}
    END""",
    f"""CREATE TRIGGER account_tags_client_ad AFTER DELETE ON account_tags BEGIN
        {_refresh("OLD.account_id")}
    END""",
    f"""CREATE TRIGGER tags_client_au AFTER UPDATE OF name ON tags BEGIN
        UPDATE client_fts
        SET body = {_DOC.format(acc=_OWN_ACCOUNT)}
        WHERE rowid IN (SELECT d.docid FROM client_docs d
                        JOIN account_tags x ON x.account_id = d.account_id
                        WHERE x.tag_id = NEW.id);
    END""",
    # Indexes that let the list walk clients in each sort order and stop after a page
    # (an index on deleted_at made SQLite sort every client instead).
    "DROP INDEX IF EXISTS ix_accounts_deleted_at",
    "CREATE INDEX ix_accounts_tier ON accounts(tier, name, id)",
    "CREATE INDEX ix_accounts_status ON accounts(status, name, id)",
    "CREATE INDEX ix_accounts_last_contact ON accounts(coalesce(last_contact_at, ''), name, id)",
    """CREATE INDEX ix_accounts_next_followup
        ON accounts(coalesce(next_followup_at, '9999-12-31'), name, id)""",
    # Existing clients.
    "INSERT INTO client_docs(account_id) SELECT id FROM accounts",
    f"""INSERT INTO client_fts(rowid, body)
        SELECT d.docid, {_DOC.format(acc="d.account_id")} FROM client_docs d""",
]

TRIGGERS = [
    "accounts_client_ai",
    "accounts_client_au",
    "accounts_client_ad",
    "contacts_client_ai",
    "contacts_client_au",
    "contacts_client_ad",
    "account_tags_client_ai",
    "account_tags_client_ad",
    "tags_client_au",
]


# What the team server (PostgreSQL) gets: the list's indexes without the search table,
# its triggers, and the last-contact index (its coalesce with '' is SQLite's loose typing).
SERVER_STATEMENTS = [
    s
    for s in STATEMENTS
    if s.startswith(("DROP INDEX", "CREATE INDEX")) and "last_contact" not in s
]


def upgrade() -> None:
    for statement in STATEMENTS if _on_sqlite() else SERVER_STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for index in ("tier", "status", "last_contact", "next_followup"):
        op.execute(f"DROP INDEX IF EXISTS ix_accounts_{index}")
    op.execute("CREATE INDEX IF NOT EXISTS ix_accounts_deleted_at ON accounts(deleted_at)")
    if not _on_sqlite():
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS client_fts")
    op.execute("DROP TABLE IF EXISTS client_docs")
