"""Deals remember the competitor they were lost to; indexes for the pipeline board,
the deals list and account health.

- ``deals.lost_to``: the competitor a lost deal went to (asked when a deal is lost).
- ``ix_deals_stage``: the board reads one stage at a time, in expected-close order
  (deals without a date last: the same expression as the board's query).
- Account health, for every client at once or a page of them, from indexes that hold
  every column it reads (in an encrypted file each row fetched from its table is a page
  to decrypt): ``ix_interactions_occurred`` (the last 90 days' entries),
  ``ix_follow_ups_open_account`` (open, live follow-ups by client; partial, so the
  follow-up buckets keep their own index), ``ix_deals_account_stage``
  (open deals by client).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 07:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE deals ADD COLUMN lost_to VARCHAR(200) NOT NULL DEFAULT ''")
    op.execute(
        "CREATE INDEX ix_deals_stage ON deals (stage, coalesce(expected_close, '9999-12-31'), id)"
    )
    op.execute(
        "CREATE INDEX ix_interactions_occurred "
        "ON interactions (occurred_at, account_id, id, deleted_at)"
    )
    op.execute(
        "CREATE INDEX ix_follow_ups_open_account "
        "ON follow_ups (account_id, due_at, snoozed_until, all_day) "
        "WHERE done_at IS NULL AND deleted_at IS NULL"
    )
    op.execute("CREATE INDEX ix_deals_account_stage ON deals (account_id, stage, deleted_at)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_deals_account_stage")
    op.execute("DROP INDEX ix_follow_ups_open_account")
    op.execute("DROP INDEX ix_interactions_occurred")
    op.execute("DROP INDEX ix_deals_stage")
    op.drop_column("deals", "lost_to")
