"""Deals and follow-ups get notes (free text, not searched).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 06:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("deals", "follow_ups")


def upgrade() -> None:
    # A plain ALTER TABLE: a batch copy of the table would drop its triggers.
    for table in _TABLES:
        op.add_column(table, sa.Column("notes", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    for table in _TABLES:
        op.drop_column(table, "notes")
