"""Indexes for reads that scanned whole tables: the follow-up buckets, live counts
(``stats``) and Trash.

* The follow-up pane and the reminders select open, live follow-ups by
  ``coalesce(snoozed_until, due_at)`` and sort by it, then by priority and title.
  With only ``ix_follow_ups_open_due (done_at, due_at)`` every bucket read all open
  follow-ups through it and sorted them (seconds at 100,000 encrypted follow-ups).
  It is replaced by two partial indexes: the open, live ones in the buckets' order
  (a bucket reads its first page and stops) and the done ones by when they were
  done. The planner took the old index's ``done_at IS NULL`` for a selective
  equality, so it has to go.
* ``count(*) ... WHERE deleted_at IS NULL`` read every page of interactions,
  contacts, follow-ups and deals; SQLCipher decrypts each page, so ``stats`` was
  about 6x slower encrypted than plain. A narrow partial index of the live rows
  covers the count. Its first column is ``created_at``, not ``deleted_at``: an index
  led by ``deleted_at`` would look like a selective equality to every
  ``deleted_at IS NULL`` query (the follow-up buckets, the client list) and
  mislead the planner as the old follow-up index did.
* Trash lists and purges rows by ``deleted_at``: a partial index holds only the
  rows in Trash, which no live query can use.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 07:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COUNTED = ("contacts", "interactions", "follow_ups", "deals")
_TRASHED = ("accounts", "contacts", "interactions", "follow_ups", "deals")


def upgrade() -> None:
    op.execute("DROP INDEX ix_follow_ups_open_due")
    op.execute(
        "CREATE INDEX ix_follow_ups_open_effective_due ON follow_ups "
        "(coalesce(snoozed_until, due_at), priority DESC, title) "
        "WHERE done_at IS NULL AND deleted_at IS NULL"
    )
    op.execute("CREATE INDEX ix_follow_ups_done ON follow_ups (done_at) WHERE done_at IS NOT NULL")
    for table in _COUNTED:
        op.execute(
            f"CREATE INDEX ix_{table}_live ON {table} (created_at, deleted_at) "
            "WHERE deleted_at IS NULL"
        )
    for table in _TRASHED:
        op.execute(
            f"CREATE INDEX ix_{table}_trash ON {table} (deleted_at) WHERE deleted_at IS NOT NULL"
        )


def downgrade() -> None:
    for table in _TRASHED:
        op.execute(f"DROP INDEX ix_{table}_trash")
    for table in _COUNTED:
        op.execute(f"DROP INDEX ix_{table}_live")
    op.execute("DROP INDEX ix_follow_ups_done")
    op.execute("DROP INDEX ix_follow_ups_open_effective_due")
    op.execute("CREATE INDEX ix_follow_ups_open_due ON follow_ups (done_at, due_at)")
