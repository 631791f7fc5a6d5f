"""Figures kept by triggers for lists that sorted or counted every row: each
competitor's won and lost deal counts (the competitor list) and each client's health
score with the instant it may change (the client list sorted by health).

**Competitor counts.**

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

**Client health.** ``client_health`` holds, per client, its name (the list's tie-break,
NOCASE like ``accounts.name``), its health score and ``due``: the first instant (UTC,
stored text) at which the score may differ: a contact ageing past the cadence, an entry
leaving the 90-day reach window or arriving from the future, a follow-up falling
overdue, tomorrow for an all-day follow-up due today. The score depends on the time, so
the triggers cannot compute it: every write that can change it (an entry, a person at an
entry, a follow-up, a deal, the client's last contact, creation or cadence) sets the
client's ``due`` to ``''`` (stale); the reader (models/queries/health_kept.py)
recomputes the stale rows before it walks ``ix_client_health_sort``.
``client_health_zone`` remembers the time zone the rows were computed in (all-day
follow-ups fall overdue at local midnight): another zone makes every row stale. New
rows start stale; this migration adds every client's row, stale.

**Activity per hour.** ``activity_hours`` counts the live entries of live clients per
UTC hour (``substr(occurred_at, 1, 13)``) and kind, so the dashboard's activity for a
year adds up a few thousand rows instead of counting 700,000 entries. Triggers add and
take away each entry's one as it is added, moved, re-kinded, put in or out of Trash or
deleted, and a client's entries when the client goes in or out of Trash or is deleted
(``BEFORE DELETE``, while its row is there; its entries' own delete triggers then find
no client and change nothing).

**Funnel per deal.** ``deal_funnel`` holds, per deal, what the dashboard's funnel reads
from its stage history: the furthest open stage it reached (``top``, -1 for none), the
stages it passed (``mask``, a bit each), whether it was ever won and its last move's
time. A trigger on the history recomputes the deal's row from its (few) moves whenever
one is added, changed or removed, so the funnel of a period reads one row per deal;
deals moved after a period's end still have their history read move by move.

The tables are local (not in the models' metadata, so team sync never sends them):
each laptop derives them again. SQLite only: the team server keeps neither.

Revision ID: 0020
Revises: 0018
Create Date: 2026-11-30 13:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
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


_HOURS = (
    "INSERT INTO activity_hours (hour, kind, n) {select} "
    "ON CONFLICT (hour, kind) DO UPDATE SET n = n + excluded.n"
)


def _entry_part(row: str, sign: str) -> str:
    """Entry ``row``'s one in its hour, when it and its client are live."""
    return _HOURS.format(
        select=f"SELECT substr({row}.occurred_at, 1, 13), {row}.kind, {sign}1 FROM accounts a "
        f"WHERE a.id = {row}.account_id AND a.deleted_at IS NULL AND {row}.deleted_at IS NULL"
    )


def _client_entries(row: str, sign: str) -> str:
    """Every live entry of client ``row``, times ``sign``."""
    return _HOURS.format(
        select=f"SELECT substr(i.occurred_at, 1, 13), i.kind, ({sign}) * count(*) "
        f"FROM interactions i WHERE i.account_id = {row}.id AND i.deleted_at IS NULL "
        "GROUP BY 1, 2"
    )


_STAGES = ("lead", "qualified", "demo", "proposal", "negotiation", "won")
_RANK = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(_STAGES[:-1]))
_BIT = " ".join(f"WHEN '{s}' THEN {1 << i}" for i, s in enumerate(_STAGES))
#: One deal's row from its live moves (an empty history: -1, 0, 0, NULL).
_FUNNEL_OF = (
    "SELECT {deal}, "
    f"coalesce((SELECT max(CASE c.to_stage {_RANK} ELSE -1 END) FROM deal_stage_changes c "
    "WHERE c.deal_id = {deal} AND c.deleted_at IS NULL), -1), "
    f"coalesce((SELECT sum(DISTINCT CASE c.to_stage {_BIT} ELSE 0 END) FROM deal_stage_changes c "
    "WHERE c.deal_id = {deal} AND c.deleted_at IS NULL), 0), "
    "coalesce((SELECT max(c.to_stage = 'won') FROM deal_stage_changes c "
    "WHERE c.deal_id = {deal} AND c.deleted_at IS NULL), 0), "
    "(SELECT max(c.changed_at) FROM deal_stage_changes c "
    "WHERE c.deal_id = {deal} AND c.deleted_at IS NULL)"
)


def _funnel_of(row: str) -> str:
    """Recompute the ``deal_funnel`` row of the deal of history row ``row``."""
    return "INSERT OR REPLACE INTO deal_funnel " + _FUNNEL_OF.format(deal=f"{row}.deal_id")


def _stale_on(table: str, columns: str, account: str) -> list[str]:
    """Triggers marking the client of a ``table`` row stale when the row is added,
    removed, or changes one of ``columns`` (its old and its new client)."""
    old, new = account.format(r="OLD"), account.format(r="NEW")
    mark = "UPDATE client_health SET due = '' WHERE account_id = {}"
    return [
        f"""CREATE TRIGGER health_{table}_ai AFTER INSERT ON {table} BEGIN
        {mark.format(new)};
    END""",
        f"""CREATE TRIGGER health_{table}_au AFTER UPDATE OF {columns} ON {table} BEGIN
        {mark.format(old)};
        {mark.format(new)};
    END""",
        f"""CREATE TRIGGER health_{table}_ad AFTER DELETE ON {table} BEGIN
        {mark.format(old)};
    END""",
    ]


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
    """CREATE TABLE client_health (
        account_id VARCHAR(36) NOT NULL PRIMARY KEY,
        name VARCHAR(200) COLLATE NOCASE NOT NULL,
        score INTEGER NOT NULL DEFAULT 0,
        due VARCHAR(32) NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX ix_client_health_sort ON client_health (score, name, account_id, due)",
    "CREATE INDEX ix_client_health_due ON client_health (due)",
    """CREATE TABLE client_health_zone (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        zone TEXT NOT NULL
    )""",
    "INSERT INTO client_health (account_id, name) SELECT id, name FROM accounts",
    """CREATE TRIGGER health_accounts_ai AFTER INSERT ON accounts BEGIN
        INSERT OR REPLACE INTO client_health (account_id, name, score, due)
            VALUES (NEW.id, NEW.name, 0, '');
    END""",
    """CREATE TRIGGER health_accounts_au
    AFTER UPDATE OF id, name, last_contact_at, created_at, cadence_days ON accounts BEGIN
        DELETE FROM client_health WHERE account_id = OLD.id AND OLD.id IS NOT NEW.id;
        INSERT INTO client_health (account_id, name, score, due)
            VALUES (NEW.id, NEW.name, 0, '')
            ON CONFLICT (account_id) DO UPDATE SET name = excluded.name,
            due = CASE WHEN OLD.last_contact_at IS NOT NEW.last_contact_at
                OR OLD.created_at IS NOT NEW.created_at
                OR OLD.cadence_days IS NOT NEW.cadence_days THEN '' ELSE due END;
    END""",
    """CREATE TRIGGER health_accounts_ad AFTER DELETE ON accounts BEGIN
        DELETE FROM client_health WHERE account_id = OLD.id;
    END""",
    *_stale_on("interactions", "account_id, occurred_at, deleted_at", "{r}.account_id"),
    *_stale_on(
        "follow_ups",
        "account_id, due_at, all_day, snoozed_until, done_at, deleted_at",
        "{r}.account_id",
    ),
    *_stale_on("deals", "account_id, stage, deleted_at", "{r}.account_id"),
    """CREATE TABLE activity_hours (
        hour VARCHAR(13) NOT NULL,
        kind VARCHAR(20) NOT NULL,
        n INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (hour, kind)
    ) WITHOUT ROWID""",
    """INSERT INTO activity_hours (hour, kind, n)
        SELECT substr(i.occurred_at, 1, 13), i.kind, count(*)
        FROM interactions i JOIN accounts a ON a.id = i.account_id
        WHERE i.deleted_at IS NULL AND a.deleted_at IS NULL
        GROUP BY 1, 2""",
    f"""CREATE TRIGGER activity_interactions_ai AFTER INSERT ON interactions BEGIN
        {_entry_part("NEW", "+")};
    END""",
    f"""CREATE TRIGGER activity_interactions_au
    AFTER UPDATE OF occurred_at, kind, deleted_at, account_id ON interactions BEGIN
        {_entry_part("OLD", "-")};
        {_entry_part("NEW", "+")};
    END""",
    f"""CREATE TRIGGER activity_interactions_ad AFTER DELETE ON interactions BEGIN
        {_entry_part("OLD", "-")};
    END""",
    f"""CREATE TRIGGER activity_accounts_au AFTER UPDATE OF deleted_at ON accounts
    WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
        {_client_entries("NEW", "CASE WHEN NEW.deleted_at IS NULL THEN 1 ELSE -1 END")};
    END""",
    f"""CREATE TRIGGER activity_accounts_bd BEFORE DELETE ON accounts
    WHEN OLD.deleted_at IS NULL BEGIN
        {_client_entries("OLD", "-1")};
    END""",
    """CREATE TABLE deal_funnel (
        deal_id VARCHAR(36) NOT NULL PRIMARY KEY,
        top INTEGER NOT NULL,
        mask INTEGER NOT NULL,
        won INTEGER NOT NULL,
        last_change DATETIME
    ) WITHOUT ROWID""",
    "CREATE INDEX ix_deal_funnel_last ON deal_funnel (last_change)",
    f"INSERT INTO deal_funnel {_FUNNEL_OF.format(deal='d.id')} FROM deals d",
    *(
        f"""CREATE TRIGGER funnel_changes_{w} AFTER {event} ON deal_stage_changes BEGIN
        {body};
    END"""
        for w, event, body in (
            ("ai", "INSERT", _funnel_of("NEW")),
            ("au", "UPDATE", f"{_funnel_of('OLD')}; {_funnel_of('NEW')}"),
            ("ad", "DELETE", _funnel_of("OLD")),
        )
    ),
    *_stale_on(
        "interaction_contacts",
        "interaction_id, contact_id",
        "(SELECT account_id FROM interactions WHERE id = {r}.interaction_id)",
    ),
]

DOWN = [
    *(
        f"DROP TRIGGER health_{t}_{w}"
        for t in ("accounts", "interactions", "follow_ups", "deals", "interaction_contacts")
        for w in ("ai", "au", "ad")
    ),
    *(f"DROP TRIGGER activity_{t}" for t in ("interactions_ai", "interactions_au")),
    *(f"DROP TRIGGER activity_{t}" for t in ("interactions_ad", "accounts_au", "accounts_bd")),
    "DROP TRIGGER funnel_changes_ai",
    "DROP TRIGGER funnel_changes_au",
    "DROP TRIGGER funnel_changes_ad",
    "DROP TABLE deal_funnel",
    "DROP TABLE activity_hours",
    "DROP TABLE client_health_zone",
    "DROP TABLE client_health",
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
