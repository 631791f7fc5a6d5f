"""Documents: files kept with a client, a deal or a timeline entry, their bytes in
chunks inside the encrypted database (same key, same transaction, in every backup).

Frozen SQL: the tables as they are at this revision, never the live entities.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 10:15:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = (
    """CREATE TABLE documents (
        account_id VARCHAR(36) NOT NULL,
        deal_id VARCHAR(36),
        interaction_id VARCHAR(36),
        name VARCHAR(255) NOT NULL,
        mime VARCHAR(127) NOT NULL,
        size INTEGER NOT NULL,
        sha256 VARCHAR(64) NOT NULL,
        id VARCHAR(36) NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        deleted_at DATETIME,
        CONSTRAINT pk_documents PRIMARY KEY (id),
        CONSTRAINT fk_documents_account_id_accounts FOREIGN KEY(account_id)
            REFERENCES accounts (id) ON DELETE CASCADE,
        CONSTRAINT fk_documents_deal_id_deals FOREIGN KEY(deal_id)
            REFERENCES deals (id) ON DELETE SET NULL,
        CONSTRAINT fk_documents_interaction_id_interactions FOREIGN KEY(interaction_id)
            REFERENCES interactions (id) ON DELETE SET NULL
    )""",
    "CREATE INDEX ix_documents_account ON documents (account_id, created_at)",
    "CREATE INDEX ix_documents_deal ON documents (deal_id)",
    "CREATE INDEX ix_documents_interaction ON documents (interaction_id)",
    # Trash lists what was deleted, newest first, from the few rows in it.
    "CREATE INDEX ix_documents_trash ON documents (deleted_at) WHERE deleted_at IS NOT NULL",
    """CREATE TABLE document_chunks (
        document_id VARCHAR(36) NOT NULL,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        CONSTRAINT pk_document_chunks PRIMARY KEY (document_id, seq),
        CONSTRAINT fk_document_chunks_document_id_documents FOREIGN KEY(document_id)
            REFERENCES documents (id) ON DELETE CASCADE
    )""",
)

_DOWN = (
    "DROP TABLE IF EXISTS document_chunks",
    "DROP INDEX IF EXISTS ix_documents_trash",
    "DROP INDEX IF EXISTS ix_documents_interaction",
    "DROP INDEX IF EXISTS ix_documents_deal",
    "DROP INDEX IF EXISTS ix_documents_account",
    "DROP TABLE IF EXISTS documents",
)


def _for_dialect(statement: str) -> str:
    """SQLite's names as they are; the team server (PostgreSQL) calls DATETIME TIMESTAMP
    (without time zone, as SQLAlchemy's DateTime makes it there) and BLOB BYTEA."""
    if op.get_bind().dialect.name == "sqlite":
        return statement
    return statement.replace("DATETIME", "TIMESTAMP").replace("BLOB", "BYTEA")


def upgrade() -> None:
    for statement in _UP:
        op.execute(_for_dialect(statement))


def downgrade() -> None:
    for statement in _DOWN:
        op.execute(statement)
