"""Deals and follow-ups may name one contact of their client.

Raw ALTER TABLE: SQLite adds a column with its REFERENCES clause in place (Alembic's
add_column would ask for a batch copy, which drops the tables' triggers).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 06:35:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("deals", "follow_ups")


def upgrade() -> None:
    for table in _TABLES:
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN contact_id VARCHAR(36) "
            "REFERENCES contacts (id) ON DELETE SET NULL"
        )


def downgrade() -> None:
    for table in _TABLES:
        op.drop_column(table, "contact_id")
