"""Money on the team server in 64-bit columns: PostgreSQL's INTEGER is 32-bit, so an
amount past about 21 million rupiah in minor units (2^31 - 1) could not be held by the
server's copy of a deal, quota, plan, gift or entry. SQLite's INTEGER is already
64-bit: nothing changes on a laptop.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30 12:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (table, column) of every amount in minor units.
_MONEY = (
    ("interactions", "gift_value_minor"),
    ("interactions", "amount_minor"),
    ("deals", "amount_minor"),
    ("quotas", "amount_minor"),
    ("commission_plans", "base_minor"),
    ("gifts", "value_minor"),
    ("gift_recipients", "share_minor"),
    ("gift_rules", "cap_minor"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in _MONEY:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE BIGINT")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in _MONEY:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE INTEGER")
