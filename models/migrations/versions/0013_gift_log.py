"""The gift compliance log: gifts, what each recipient received, dated cap rules and
the user's exchange rates; FINRA Rule 3220's USD 100 per person per year as the
first rule; the gift entries already on timelines become gifts.

- An existing gift entry with a value and a currency becomes a business gift (it
  counts toward the cap until the user says otherwise) given on the UTC day of the
  entry, described by the entry's subject; the gift's id is the entry's id.
- Its recipients are the entry's contacts, each with an equal share (the remainder
  of the division, in minor units, goes one unit each to the first contacts by id);
  an entry that named nobody gets one recipient row with no contact ("recipient
  unknown" in the log; it counts toward nobody's total).

Frozen SQL: the tables as they are at this revision, never the live entities.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STAMPS = """id VARCHAR(36) NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        deleted_at DATETIME"""

_NEW_ID = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
    "substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || "
    "hex(randomblob(6)))"
)

_UP = (
    f"""CREATE TABLE gifts (
        interaction_id VARCHAR(36) NOT NULL,
        account_id VARCHAR(36) NOT NULL,
        given_on DATE NOT NULL,
        kind VARCHAR(16) NOT NULL DEFAULT 'business',
        description TEXT NOT NULL DEFAULT '',
        value_minor INTEGER NOT NULL,
        currency VARCHAR(3) NOT NULL,
        {_STAMPS},
        CONSTRAINT pk_gifts PRIMARY KEY (id),
        CONSTRAINT fk_gifts_interaction_id_interactions FOREIGN KEY(interaction_id)
            REFERENCES interactions (id) ON DELETE CASCADE,
        CONSTRAINT fk_gifts_account_id_accounts FOREIGN KEY(account_id)
            REFERENCES accounts (id) ON DELETE CASCADE
    )""",
    "CREATE INDEX ix_gifts_interaction ON gifts (interaction_id)",
    "CREATE INDEX ix_gifts_given_on ON gifts (given_on)",
    f"""CREATE TABLE gift_recipients (
        gift_id VARCHAR(36) NOT NULL,
        contact_id VARCHAR(36),
        share_minor INTEGER NOT NULL,
        {_STAMPS},
        CONSTRAINT pk_gift_recipients PRIMARY KEY (id),
        CONSTRAINT fk_gift_recipients_gift_id_gifts FOREIGN KEY(gift_id)
            REFERENCES gifts (id) ON DELETE CASCADE,
        CONSTRAINT fk_gift_recipients_contact_id_contacts FOREIGN KEY(contact_id)
            REFERENCES contacts (id) ON DELETE SET NULL
    )""",
    "CREATE INDEX ix_gift_recipients_gift ON gift_recipients (gift_id)",
    "CREATE INDEX ix_gift_recipients_contact ON gift_recipients (contact_id, gift_id)",
    f"""CREATE TABLE gift_rules (
        effective_from DATE NOT NULL,
        cap_minor INTEGER NOT NULL,
        currency VARCHAR(3) NOT NULL,
        {_STAMPS},
        CONSTRAINT pk_gift_rules PRIMARY KEY (id)
    )""",
    f"""CREATE TABLE gift_rates (
        currency VARCHAR(3) NOT NULL,
        to_currency VARCHAR(3) NOT NULL,
        per_unit VARCHAR(40) NOT NULL,
        effective_from DATE NOT NULL,
        {_STAMPS},
        CONSTRAINT pk_gift_rates PRIMARY KEY (id)
    )""",
    # FINRA Rule 3220: USD 100 per person per year, from before any gift.
    """INSERT INTO gift_rules (effective_from, cap_minor, currency, id, created_at, updated_at)
        VALUES ('1900-01-01', 10000, 'USD', '00000000-0000-4000-8000-000000003220',
                strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'))""",
    """INSERT INTO gifts (interaction_id, account_id, given_on, kind, description,
                          value_minor, currency, id, created_at, updated_at)
        SELECT i.id, i.account_id, date(i.occurred_at), 'business', i.subject,
               i.gift_value_minor, upper(i.gift_currency), i.id, i.created_at, i.updated_at
        FROM interactions i
        WHERE i.kind = 'gift' AND i.gift_value_minor IS NOT NULL
          AND i.gift_value_minor > 0 AND coalesce(i.gift_currency, '') != ''""",
    f"""INSERT INTO gift_recipients (gift_id, contact_id, share_minor, id, created_at,
                                    updated_at)
        SELECT g.id, ic.contact_id,
               g.value_minor / n.cnt
                 + (CASE WHEN ic.rank <= g.value_minor % n.cnt THEN 1 ELSE 0 END),
               {_NEW_ID}, g.created_at, g.updated_at
        FROM gifts g
        JOIN (SELECT interaction_id, contact_id,
                     row_number() OVER (PARTITION BY interaction_id ORDER BY contact_id) AS rank
              FROM interaction_contacts) ic ON ic.interaction_id = g.interaction_id
        JOIN (SELECT interaction_id, count(*) AS cnt FROM interaction_contacts
              GROUP BY interaction_id) n ON n.interaction_id = g.interaction_id""",
    f"""INSERT INTO gift_recipients (gift_id, contact_id, share_minor, id, created_at,
                                    updated_at)
        SELECT g.id, NULL, g.value_minor, {_NEW_ID}, g.created_at, g.updated_at
        FROM gifts g
        WHERE NOT EXISTS (SELECT 1 FROM interaction_contacts ic
                          WHERE ic.interaction_id = g.interaction_id)""",
)

_DOWN = (
    "DROP TABLE IF EXISTS gift_rates",
    "DROP TABLE IF EXISTS gift_rules",
    "DROP TABLE IF EXISTS gift_recipients",
    "DROP TABLE IF EXISTS gifts",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _UP:
            op.execute(statement)
        return
    # The team server (PostgreSQL): the tables with its type names and the default rule;
    # a server starts empty, so there are no old gift entries to turn into gifts.
    for statement in _UP:
        if statement.startswith("CREATE"):
            op.execute(statement.replace("DATETIME", "TIMESTAMP"))
    op.execute(
        "INSERT INTO gift_rules (effective_from, cap_minor, currency, id, created_at, "
        "updated_at) VALUES ('1900-01-01', 10000, 'USD', "
        "'00000000-0000-4000-8000-000000003220', LOCALTIMESTAMP, LOCALTIMESTAMP)"
    )


def downgrade() -> None:
    for statement in _DOWN:
        op.execute(statement)
