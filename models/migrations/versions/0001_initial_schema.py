"""Initial schema: the entities, full-text search and the triggers that keep it current.

Revision ID: 0001
Revises:
Create Date: 2026-11-27 03:29:42.129894
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Full-text search: one FTS5 table; search_docs gives each indexed row a stable
# integer docid (an explicit INTEGER PRIMARY KEY survives VACUUM) and says what
# the row is. Soft-deleted rows stay indexed; queries join on deleted_at.
_LAST_CONTACT = """
UPDATE accounts SET last_contact_at = (
    SELECT max(occurred_at) FROM interactions
    WHERE account_id = {acc} AND deleted_at IS NULL)
WHERE id = {acc};"""

_NEXT_FOLLOWUP = """
UPDATE accounts SET next_followup_at = (
    SELECT min(coalesce(snoozed_until, due_at)) FROM follow_ups
    WHERE account_id = {acc} AND deleted_at IS NULL AND done_at IS NULL)
WHERE id = {acc};"""


def _indexed(table: str, kind: str, account: str, title: str, body: str, columns: str) -> list[str]:
    """Triggers that keep search_fts current for one table."""
    new_title, new_body = title.format(r="NEW"), body.format(r="NEW")
    return [
        f"""CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO search_docs(kind, ref_id, account_id)
                VALUES ('{kind}', NEW.id, {account.format(r="NEW")});
            INSERT INTO search_fts(rowid, title, body)
                VALUES ((SELECT docid FROM search_docs WHERE ref_id = NEW.id),
                        {new_title}, {new_body});
        END""",
        f"""CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {columns} ON {table} BEGIN
            UPDATE search_docs SET account_id = {account.format(r="NEW")}
                WHERE ref_id = NEW.id;
            UPDATE search_fts SET title = {new_title}, body = {new_body}
                WHERE rowid = (SELECT docid FROM search_docs WHERE ref_id = NEW.id);
        END""",
        f"""CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN
            DELETE FROM search_fts
                WHERE rowid = (SELECT docid FROM search_docs WHERE ref_id = OLD.id);
            DELETE FROM search_docs WHERE ref_id = OLD.id;
        END""",
    ]


SEARCH_AND_TRIGGERS: list[str] = [
    """CREATE TABLE search_docs (
        docid INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        ref_id TEXT NOT NULL UNIQUE,
        account_id TEXT)""",
    "CREATE INDEX ix_search_docs_account ON search_docs(account_id)",
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, tokenize = 'unicode61 remove_diacritics 2')""",
    *_indexed(
        "interactions",
        "interaction",
        "{r}.account_id",
        "{r}.subject",
        "{r}.body || ' ' || {r}.location || ' ' || {r}.outcome",
        "subject, body, location, outcome, account_id",
    ),
    *_indexed(
        "accounts",
        "account",
        "{r}.id",
        "{r}.name",
        "{r}.industry || ' ' || {r}.website || ' ' || {r}.notes",
        "name, industry, website, notes",
    ),
    *_indexed(
        "contacts",
        "contact",
        "{r}.account_id",
        "{r}.name",
        "{r}.title || ' ' || {r}.emails || ' ' || {r}.notes",
        "name, title, emails, notes, account_id",
    ),
    # Denormalised "last contact" and "next follow-up" on accounts.
    f"""CREATE TRIGGER interactions_last_contact_ai AFTER INSERT ON interactions BEGIN
        {_LAST_CONTACT.format(acc="NEW.account_id")}
    END""",
    f"""CREATE TRIGGER interactions_last_contact_au AFTER UPDATE OF
        occurred_at, deleted_at, account_id ON interactions BEGIN
        {_LAST_CONTACT.format(acc="NEW.account_id")}
        {_LAST_CONTACT.format(acc="OLD.account_id")}
    END""",
    f"""CREATE TRIGGER interactions_last_contact_ad AFTER DELETE ON interactions BEGIN
        {_LAST_CONTACT.format(acc="OLD.account_id")}
    END""",
    f"""CREATE TRIGGER follow_ups_next_ai AFTER INSERT ON follow_ups BEGIN
        {_NEXT_FOLLOWUP.format(acc="NEW.account_id")}
    END""",
    f"""CREATE TRIGGER follow_ups_next_au AFTER UPDATE OF
        due_at, snoozed_until, done_at, deleted_at, account_id ON follow_ups BEGIN
        {_NEXT_FOLLOWUP.format(acc="NEW.account_id")}
        {_NEXT_FOLLOWUP.format(acc="OLD.account_id")}
    END""",
    f"""CREATE TRIGGER follow_ups_next_ad AFTER DELETE ON follow_ups BEGIN
        {_NEXT_FOLLOWUP.format(acc="OLD.account_id")}
    END""",
]

TRIGGERS = (
    [f"{t}_fts_{s}" for t in ("interactions", "accounts", "contacts") for s in ("ai", "au", "ad")]
    + [f"interactions_last_contact_{s}" for s in ("ai", "au", "ad")]
    + [f"follow_ups_next_{s}" for s in ("ai", "au", "ad")]
)


def _on_sqlite() -> bool:
    """Full-text search (FTS5 tables) and the SQLite triggers exist only in the laptop's
    database; the team server (PostgreSQL) gets the tables and indexes without them."""
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    if not _on_sqlite():
        # accounts.name is declared COLLATE "NOCASE" (SQLite's built-in); on the server a
        # collation of that name sorts like "C" (the server never sorts for display).
        op.execute('CREATE COLLATION IF NOT EXISTS "NOCASE" FROM "C"')
    op.create_table(
        "accounts",
        sa.Column("name", sa.String(length=200, collation="NOCASE"), nullable=False),
        sa.Column("industry", sa.String(length=120), nullable=False),
        sa.Column("tier", sa.String(length=1), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("cadence_days", sa.Integer(), nullable=False),
        sa.Column("last_contact_at", sa.DateTime(), nullable=True),
        sa.Column("next_followup_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
    )
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.create_index("ix_accounts_deleted_at", ["deleted_at"], unique=False)
        batch_op.create_index("ix_accounts_name", ["name", "id"], unique=False)

    op.create_table(
        "quotas",
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotas")),
    )
    op.create_table(
        "tags",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    op.create_table(
        "account_tags",
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("tag_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_account_tags_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_account_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("account_id", "tag_id", name=op.f("pk_account_tags")),
    )
    with op.batch_alter_table("account_tags", schema=None) as batch_op:
        batch_op.create_index("ix_account_tags_tag_id", ["tag_id"], unique=False)

    op.create_table(
        "contacts",
        sa.Column("account_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("emails", sa.JSON(), nullable=False),
        sa.Column("phones", sa.JSON(), nullable=False),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_contacts_account_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_account_id", ["account_id"], unique=False)

    op.create_table(
        "deals",
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("amount_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("probability", sa.Integer(), nullable=False),
        sa.Column("expected_close", sa.Date(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("lost_reason", sa.String(length=300), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_deals_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deals")),
    )
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.create_index("ix_deals_account_id", ["account_id"], unique=False)

    op.create_table(
        "interactions",
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("body_format", sa.String(length=10), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=300), nullable=False),
        sa.Column("gift_value_minor", sa.Integer(), nullable=True),
        sa.Column("gift_currency", sa.String(length=3), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_interactions_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interactions")),
    )
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interactions_account_occurred", ["account_id", "occurred_at", "id"], unique=False
        )

    op.create_table(
        "deal_stage_changes",
        sa.Column("deal_id", sa.String(length=36), nullable=False),
        sa.Column("from_stage", sa.String(length=16), nullable=True),
        sa.Column("to_stage", sa.String(length=16), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["deal_id"],
            ["deals.id"],
            name=op.f("fk_deal_stage_changes_deal_id_deals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deal_stage_changes")),
    )
    with op.batch_alter_table("deal_stage_changes", schema=None) as batch_op:
        batch_op.create_index("ix_deal_stage_changes_deal", ["deal_id", "changed_at"], unique=False)

    op.create_table(
        "follow_ups",
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("interaction_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("snoozed_until", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_follow_ups_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_follow_ups_interaction_id_interactions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
    )
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.create_index("ix_follow_ups_account_id", ["account_id"], unique=False)
        batch_op.create_index("ix_follow_ups_open_due", ["done_at", "due_at"], unique=False)

    op.create_table(
        "interaction_contacts",
        sa.Column("interaction_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_interaction_contacts_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interactions.id"],
            name=op.f("fk_interaction_contacts_interaction_id_interactions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "interaction_id", "contact_id", name=op.f("pk_interaction_contacts")
        ),
    )
    with op.batch_alter_table("interaction_contacts", schema=None) as batch_op:
        batch_op.create_index("ix_interaction_contacts_contact_id", ["contact_id"], unique=False)

    if _on_sqlite():
        for statement in SEARCH_AND_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if _on_sqlite():
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS search_fts")
        op.execute("DROP TABLE IF EXISTS search_docs")
    with op.batch_alter_table("interaction_contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_contacts_contact_id")

    op.drop_table("interaction_contacts")
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_ups_open_due")
        batch_op.drop_index("ix_follow_ups_account_id")

    op.drop_table("follow_ups")
    with op.batch_alter_table("deal_stage_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_deal_stage_changes_deal")

    op.drop_table("deal_stage_changes")
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index("ix_interactions_account_occurred")

    op.drop_table("interactions")
    with op.batch_alter_table("deals", schema=None) as batch_op:
        batch_op.drop_index("ix_deals_account_id")

    op.drop_table("deals")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_account_id")

    op.drop_table("contacts")
    with op.batch_alter_table("account_tags", schema=None) as batch_op:
        batch_op.drop_index("ix_account_tags_tag_id")

    op.drop_table("account_tags")
    op.drop_table("tags")
    op.drop_table("quotas")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index("ix_accounts_name")
        batch_op.drop_index("ix_accounts_deleted_at")

    op.drop_table("accounts")
    if not _on_sqlite():
        op.execute('DROP COLLATION IF EXISTS "NOCASE"')
