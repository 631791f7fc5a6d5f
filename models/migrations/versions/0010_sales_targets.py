"""Sales targets: the commission plan and the weekly activity targets, and the indexes
the KPI dashboard reads by (closes by time, activity by kind and time, deals by
creation).

Frozen SQL: the tables as they are at this revision, never the live entities.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 07:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = (
    """CREATE TABLE commission_plans (
        currency VARCHAR(3) NOT NULL,
        base_minor INTEGER NOT NULL DEFAULT 0,
        rate_bp INTEGER NOT NULL DEFAULT 0,
        tiers JSON NOT NULL DEFAULT '[]',
        id VARCHAR(36) NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        deleted_at DATETIME,
        CONSTRAINT pk_commission_plans PRIMARY KEY (id)
    )""",
    """CREATE TABLE activity_targets (
        kind VARCHAR(16) NOT NULL,
        per_week INTEGER NOT NULL DEFAULT 0,
        id VARCHAR(36) NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        deleted_at DATETIME,
        CONSTRAINT pk_activity_targets PRIMARY KEY (id)
    )""",
    # Covering indexes: the KPI queries never read a history or interaction row itself
    # (random row reads in an encrypted file cost ten times an index entry).
    """CREATE INDEX ix_deal_stage_changes_close
        ON deal_stage_changes(to_stage, changed_at, deal_id, deleted_at)""",
    """CREATE INDEX ix_deal_stage_changes_cover
        ON deal_stage_changes(deal_id, changed_at, to_stage, deleted_at)""",
    # (covering: the funnel reads the deals created in a period from the index alone)
    "CREATE INDEX ix_deals_created ON deals(created_at, id, stage, account_id, deleted_at)",
    # Closes by time and the open pipeline by stage, read from the index alone.
    """CREATE INDEX ix_deals_closed
        ON deals(closed_at, stage, currency, amount_minor, created_at, account_id, deleted_at)""",
    """CREATE INDEX ix_deals_open
        ON deals(stage, currency, amount_minor, probability, expected_close, account_id,
                 deleted_at)""",
    """CREATE INDEX ix_interactions_kind_occurred
        ON interactions(kind, occurred_at, account_id, deleted_at)""",
    # The few clients in Trash, for "not of a client in Trash" without reading clients.
    "CREATE INDEX ix_accounts_trashed ON accounts(id) WHERE deleted_at IS NOT NULL",
    # Clients going cold, counted per cadence by a range of last contact, by tier,
    # without reading the clients' rows.
    """CREATE INDEX ix_accounts_cold
        ON accounts(status, cadence_days, last_contact_at, created_at, tier)
        WHERE deleted_at IS NULL""",
)

_DOWN = (
    "DROP INDEX IF EXISTS ix_accounts_cold",
    "DROP INDEX IF EXISTS ix_accounts_trashed",
    "DROP INDEX IF EXISTS ix_deal_stage_changes_cover",
    "DROP INDEX IF EXISTS ix_interactions_kind_occurred",
    "DROP INDEX IF EXISTS ix_deals_open",
    "DROP INDEX IF EXISTS ix_deals_closed",
    "DROP INDEX IF EXISTS ix_deals_created",
    "DROP INDEX IF EXISTS ix_deal_stage_changes_close",
    "DROP TABLE IF EXISTS activity_targets",
    "DROP TABLE IF EXISTS commission_plans",
)


def _on_sqlite() -> bool:
    """DATETIME is SQLite's name; the team server (PostgreSQL) calls it TIMESTAMP
    (without time zone, as SQLAlchemy's DateTime makes it there)."""
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    for statement in _UP:
        op.execute(statement if _on_sqlite() else statement.replace("DATETIME", "TIMESTAMP"))


def downgrade() -> None:
    for statement in _DOWN:
        op.execute(statement)
