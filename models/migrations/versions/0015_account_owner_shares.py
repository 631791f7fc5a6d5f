"""Team server ownership: each client's owner and the users it is shared with.

``accounts.owner`` is the team server's role name of the client's owner; NULL on a
laptop that never synced means "mine". ``account_shares`` lists the other users
(server role names) a client is shared with. On the server, row-level security reads
both (models/server/schema.py); on a laptop they are plain columns.

Revision ID: 0015
Revises: 0011
Create Date: 2026-11-30 10:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A PostgreSQL role name is at most 63 bytes.
_UP = (
    # A plain ALTER TABLE: a batch copy of accounts would drop its triggers.
    "ALTER TABLE accounts ADD COLUMN owner VARCHAR(63)",
    "CREATE INDEX ix_accounts_owner ON accounts (owner)",
    """CREATE TABLE account_shares (
        account_id VARCHAR(36) NOT NULL,
        user_name VARCHAR(63) NOT NULL,
        CONSTRAINT pk_account_shares PRIMARY KEY (account_id, user_name),
        CONSTRAINT fk_account_shares_account_id_accounts FOREIGN KEY (account_id)
            REFERENCES accounts (id) ON DELETE CASCADE
    )""",
    "CREATE INDEX ix_account_shares_user_name ON account_shares (user_name, account_id)",
)

_DOWN = (
    "DROP INDEX ix_account_shares_user_name",
    "DROP TABLE account_shares",
    "DROP INDEX ix_accounts_owner",
    "ALTER TABLE accounts DROP COLUMN owner",
)


def upgrade() -> None:
    for statement in _UP:
        op.execute(statement)


def downgrade() -> None:
    for statement in _DOWN:
        op.execute(statement)
