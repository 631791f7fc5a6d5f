"""Each competitor's won and lost deal counts, kept by triggers (the competitor list).

The competitor list counted, per competitor, the won deals and the deals lost to it by
looking up every linked deal's row (236 ms at team scale: 15,000 random reads of
encrypted pages). ``competitor_deal_counts`` holds the sums instead, one row per
competitor, over the links whose deal is live (not in Trash):

- won: the deal's stage is ``won``;
- lost: the deal's stage is ``lost`` and the link says ``lost_to``.

Triggers add and take away each link's part whenever a link is added, changed or
removed, and whenever a deal's stage or Trash state changes or a deal is deleted (a
deleted deal takes its links with it: ``BEFORE DELETE`` takes their part away while the
deal row is still there; the links' own delete trigger then finds no deal and changes
nothing). Triggers fire on every writer alike: services, bulk import, undo, Trash and
the merge of pulled changes. The table is local (not in the models' metadata, so team
sync never sends it): each laptop derives it again.

Deals of clients in Trash are not subtracted here: the reader takes them away (a few
rows through ``ix_accounts_trashed``), so trashing a client never rewrites counts.

SQLite only: the team server keeps no such table.

Revision ID: 0020
Revises: 0018
Create Date: 2026-11-30 13:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ADD = (
    "INSERT INTO competitor_deal_counts (competitor_id, won, lost) {select} "
    "ON CONFLICT (competitor_id) DO UPDATE "
    "SET won = won + excluded.won, lost = lost + excluded.lost"
)


def _link_part(row: str, sign: str) -> str:
    """The part of link ``row`` (NEW or OLD) as one upsert, with ``sign`` + or -."""
    return _ADD.format(
        select=f"SELECT {row}.competitor_id, {sign}(d.stage = 'won'), "
        f"{sign}(d.stage = 'lost' AND {row}.lost_to) FROM deals d "
        f"WHERE d.id = {row}.deal_id AND d.deleted_at IS NULL AND d.stage IN ('won', 'lost')"
    )


def _deal_part(row: str, sign: str) -> str:
    """The part of every link of deal ``row`` (NEW or OLD), as that row says."""
    return _ADD.format(
        select=f"SELECT l.competitor_id, {sign}({row}.stage = 'won'), "
        f"{sign}({row}.stage = 'lost' AND l.lost_to) FROM deal_competitors l "
        f"WHERE l.deal_id = {row}.id AND {row}.deleted_at IS NULL "
        f"AND {row}.stage IN ('won', 'lost')"
    )


UP = [
    """CREATE TABLE competitor_deal_counts (
        competitor_id VARCHAR(36) NOT NULL PRIMARY KEY,
        won INTEGER NOT NULL DEFAULT 0,
        lost INTEGER NOT NULL DEFAULT 0
    )""",
    """INSERT INTO competitor_deal_counts (competitor_id, won, lost)
        SELECT l.competitor_id, sum(d.stage = 'won'), sum(d.stage = 'lost' AND l.lost_to)
        FROM deal_competitors l JOIN deals d ON d.id = l.deal_id
        WHERE d.deleted_at IS NULL
        GROUP BY l.competitor_id""",
    f"""CREATE TRIGGER competitor_counts_link_ai AFTER INSERT ON deal_competitors BEGIN
        {_link_part("NEW", "+")};
    END""",
    f"""CREATE TRIGGER competitor_counts_link_ad AFTER DELETE ON deal_competitors BEGIN
        {_link_part("OLD", "-")};
    END""",
    f"""CREATE TRIGGER competitor_counts_link_au AFTER UPDATE ON deal_competitors BEGIN
        {_link_part("OLD", "-")};
        {_link_part("NEW", "+")};
    END""",
    f"""CREATE TRIGGER competitor_counts_deal_au AFTER UPDATE OF stage, deleted_at ON deals
    WHEN OLD.stage IS NOT NEW.stage OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
        {_deal_part("OLD", "-")};
        {_deal_part("NEW", "+")};
    END""",
    f"""CREATE TRIGGER competitor_counts_deal_bd BEFORE DELETE ON deals BEGIN
        {_deal_part("OLD", "-")};
    END""",
    """CREATE TRIGGER competitor_counts_competitor_ad AFTER DELETE ON competitors BEGIN
        DELETE FROM competitor_deal_counts WHERE competitor_id = OLD.id;
    END""",
]

DOWN = [
    "DROP TRIGGER competitor_counts_competitor_ad",
    "DROP TRIGGER competitor_counts_deal_bd",
    "DROP TRIGGER competitor_counts_deal_au",
    "DROP TRIGGER competitor_counts_link_au",
    "DROP TRIGGER competitor_counts_link_ad",
    "DROP TRIGGER competitor_counts_link_ai",
    "DROP TABLE competitor_deal_counts",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for sql in UP:
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for sql in DOWN:
        op.execute(sql)
