"""Competitors as a list: a deal's competitors (and the one it was lost to), and the
competitors and trends a timeline entry mentions.

- ``competitors``: name (unique by ``name_key``, the name case-folded with its blanks
  collapsed, so "Globex" and "GLOBEX" are one), website, notes; soft delete like every row.
- ``deal_competitors``: a deal's competitors; ``lost_to`` marks the one a lost deal went
  to. ``deals.lost_to`` (0011) stays as that competitor's name, for the board, the deals
  list and the CSV "Lost to" column.
- ``trends``: free labels for what the market talks about ("e-invoicing", "AI
  budgets"); a table of their own, not the clients' ``tags``, so they never crowd the
  client list's tag filter and a trend can be renamed or put in Trash alone.
- ``interaction_competitors`` and ``interaction_trends``: the entries that mention them
  (``by_hand``: set by the user, kept when the text changes). Each link row carries the entry's
  ``occurred_at`` (kept current by a trigger) so "what was heard, newest first" walks an
  index of one competitor or trend and never sorts a million entries.

Every distinct ``deals.lost_to`` text (blanks trimmed, case folded) becomes a
competitor, spelled as the oldest deal spelled it, and each such deal is linked to it as
lost to; the deals' own text is left as it was.

Frozen SQL: the tables as they are at this revision, never the live entities.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 10:15:00
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = (
    """CREATE TABLE competitors (
        name VARCHAR(200) NOT NULL,
        name_key VARCHAR(200) NOT NULL,
        website VARCHAR(300) NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        id VARCHAR(36) NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        deleted_at DATETIME,
        CONSTRAINT pk_competitors PRIMARY KEY (id)
    )""",
    "CREATE UNIQUE INDEX ux_competitors_name_key ON competitors (name_key)",
    # Trash lists the few deleted rows newest first without reading the others.
    "CREATE INDEX ix_competitors_trash ON competitors (deleted_at) WHERE deleted_at IS NOT NULL",
    """CREATE TABLE deal_competitors (
        deal_id VARCHAR(36) NOT NULL,
        competitor_id VARCHAR(36) NOT NULL,
        lost_to BOOLEAN NOT NULL DEFAULT 0,
        CONSTRAINT pk_deal_competitors PRIMARY KEY (deal_id, competitor_id),
        CONSTRAINT fk_deal_competitors_deal_id_deals
            FOREIGN KEY (deal_id) REFERENCES deals (id) ON DELETE CASCADE,
        CONSTRAINT fk_deal_competitors_competitor_id_competitors
            FOREIGN KEY (competitor_id) REFERENCES competitors (id) ON DELETE CASCADE
    )""",
    """CREATE INDEX ix_deal_competitors_competitor
        ON deal_competitors (competitor_id, deal_id, lost_to)""",
    """CREATE TABLE interaction_competitors (
        interaction_id VARCHAR(36) NOT NULL,
        competitor_id VARCHAR(36) NOT NULL,
        occurred_at DATETIME NOT NULL,
        by_hand BOOLEAN NOT NULL DEFAULT 0,
        CONSTRAINT pk_interaction_competitors PRIMARY KEY (interaction_id, competitor_id),
        CONSTRAINT fk_interaction_competitors_interaction_id_interactions
            FOREIGN KEY (interaction_id) REFERENCES interactions (id) ON DELETE CASCADE,
        CONSTRAINT fk_interaction_competitors_competitor_id_competitors
            FOREIGN KEY (competitor_id) REFERENCES competitors (id) ON DELETE CASCADE
    )""",
    """CREATE INDEX ix_interaction_competitors_heard
        ON interaction_competitors (competitor_id, occurred_at, interaction_id)""",
    """CREATE TABLE trends (
        name VARCHAR(80) NOT NULL,
        name_key VARCHAR(80) NOT NULL,
        id VARCHAR(36) NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        deleted_at DATETIME,
        CONSTRAINT pk_trends PRIMARY KEY (id)
    )""",
    "CREATE UNIQUE INDEX ux_trends_name_key ON trends (name_key)",
    """CREATE TABLE interaction_trends (
        interaction_id VARCHAR(36) NOT NULL,
        trend_id VARCHAR(36) NOT NULL,
        occurred_at DATETIME NOT NULL,
        by_hand BOOLEAN NOT NULL DEFAULT 0,
        CONSTRAINT pk_interaction_trends PRIMARY KEY (interaction_id, trend_id),
        CONSTRAINT fk_interaction_trends_interaction_id_interactions
            FOREIGN KEY (interaction_id) REFERENCES interactions (id) ON DELETE CASCADE,
        CONSTRAINT fk_interaction_trends_trend_id_trends
            FOREIGN KEY (trend_id) REFERENCES trends (id) ON DELETE CASCADE
    )""",
    """CREATE INDEX ix_interaction_trends_heard
        ON interaction_trends (trend_id, occurred_at, interaction_id)""",
    # An entry moved in time moves in the competitor's and trend's lists too.
    """CREATE TRIGGER interaction_links_occurred AFTER UPDATE OF occurred_at ON interactions
    WHEN NEW.occurred_at IS NOT OLD.occurred_at
    BEGIN
        UPDATE interaction_competitors SET occurred_at = NEW.occurred_at
            WHERE interaction_id = NEW.id;
        UPDATE interaction_trends SET occurred_at = NEW.occurred_at
            WHERE interaction_id = NEW.id;
    END""",
)

_DOWN = (
    "DROP TRIGGER IF EXISTS interaction_links_occurred",
    "DROP TABLE IF EXISTS interaction_trends",
    "DROP TABLE IF EXISTS trends",
    "DROP TABLE IF EXISTS interaction_competitors",
    "DROP TABLE IF EXISTS deal_competitors",
    "DROP TABLE IF EXISTS competitors",
)


def _params(on_sqlite: bool, statement: str) -> str:
    """``statement`` with the driver's placeholders (qmark on SQLite, format on psycopg)."""
    return statement if on_sqlite else statement.replace("?", "%s")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _for_server(statement: str) -> str | None:
    """The statement as the team server (PostgreSQL) takes it: TIMESTAMP for DATETIME,
    ``false`` for a boolean's 0; the SQLite trigger that keeps the competitor view's
    dates is left out (the server has no competitor view)."""
    if statement.startswith("CREATE TRIGGER"):
        return None
    return statement.replace("DATETIME", "TIMESTAMP").replace("DEFAULT 0", "DEFAULT false")


def upgrade() -> None:
    conn = op.get_bind()
    on_sqlite = conn.dialect.name == "sqlite"
    for sql in _UP:
        statement = sql if on_sqlite else _for_server(sql)
        if statement is not None:
            op.execute(statement)
    rows = conn.exec_driver_sql(
        "SELECT id, lost_to FROM deals WHERE trim(lost_to) != '' ORDER BY created_at, id"
    ).fetchall()
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    by_key: dict[str, str] = {}
    for deal_id, text in rows:
        name = " ".join(str(text).split())[:200]
        key = _key(name)
        if key not in by_key:
            by_key[key] = str(uuid.uuid4())
            conn.exec_driver_sql(
                _params(
                    on_sqlite,
                    "INSERT INTO competitors (id, name, name_key, website, notes, "
                    "created_at, updated_at) VALUES (?, ?, ?, '', '', ?, ?)",
                ),
                (by_key[key], name, key, now, now),
            )
        conn.exec_driver_sql(
            _params(
                on_sqlite,
                "INSERT INTO deal_competitors (deal_id, competitor_id, lost_to) "
                "VALUES (?, ?, true)",
            ),
            (deal_id, by_key[key]),
        )


def downgrade() -> None:
    on_sqlite = op.get_bind().dialect.name == "sqlite"
    for sql in _DOWN:
        if on_sqlite or "TRIGGER" not in sql:
            op.execute(sql)
