"""The team server's sync tables, their row-level security, and the helper functions
(the live definition; migration 0016 makes them on PostgreSQL).

- ``sync_server_changes``: every change any laptop pushed, numbered by a server sequence
  (``seq``, bigserial); unique on ``(device_id, change_id)``, so a push retried after a
  dropped connection inserts nothing twice.
- ``sync_server_fields``: the newest value of each field of each row (per-field
  last-writer-wins by clock); the server's copies of the models' tables are rebuilt
  from it (:mod:`models.sync.server_copy`).
- ``relasi_sync_head(device)``: the newest sequence number of other devices' changes,
  seen past row-level security (a number only), so a pull can say how far it has read
  and a push can refuse to go ahead of a laptop that has not pulled yet.
- ``relasi_sync_account_free(id)``: no client has this id yet (a laptop may push a
  new client it made).

Both tables are filtered by client: a change of a client's row is visible when
``relasi_visible(account_id)`` (the server's ownership rule) says so, a personal row
(no client: a tag, a quota, a template) only to the user who pushed it, except the
team's shared ones (competitors, trends, gift cap rules and rates) which every member
sees; a user always sees what they pushed themselves.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

#: Rows with no client that the whole team shares (every member's laptop gets them, not
#: only their pusher's): the competitors and market trends a deal or an entry points at
#: (a shared client's deal lost to a competitor must find that competitor on every
#: laptop that sees the deal), and the firm's gift cap rules and the exchange rates the
#: cap is counted in (one compliance rule for everyone; a lead's report and a member's
#: warning must add up the same), and tag names (a shared client's tag links point at
#: them: a colleague's laptop must have the tag or the link is refused). Kept here, not
#: in models.sync.tables, so the command line's parser imports no models.
TEAM_SHARED = ("tags", "competitors", "trends", "gift_rules", "gift_rates")

#: The sync tables with row-level security of their own (besides ``ACCOUNT_SCOPED``).
RLS_TABLES = ("sync_server_changes", "sync_server_fields")
#: The rows without a client every member sees (TEAM_SHARED).
_TEAM = ", ".join(f"'{t}'" for t in TEAM_SHARED)
#: ``relasi_visible(account_id)`` in the form PostgreSQL evaluates once per statement
#: (models.server.schema.visible_sql), not once per row.
_CLIENT_VISIBLE = "((SELECT relasi_is_lead()) OR account_id IN (SELECT relasi_visible_ids()))"
VISIBLE = (
    f"pushed_by = current_user OR account_id IS NOT NULL AND {_CLIENT_VISIBLE} "
    f"OR account_id IS NULL AND tbl IN ({_TEAM})"
)
WRITABLE = (
    f"pushed_by = current_user AND (account_id IS NULL OR {_CLIENT_VISIBLE} "
    "OR relasi_sync_account_free(account_id))"
)

STATEMENTS = [
    """CREATE TABLE IF NOT EXISTS sync_server_changes (
        seq BIGSERIAL PRIMARY KEY,
        device_id TEXT NOT NULL,
        change_id TEXT NOT NULL,
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT,
        account_id TEXT,
        hlc TEXT NOT NULL,
        pushed_by TEXT NOT NULL DEFAULT current_user,
        pushed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        UNIQUE (device_id, change_id)
    )""",
    "CREATE INDEX IF NOT EXISTS ix_sync_server_changes_account ON sync_server_changes (account_id)",
    """CREATE TABLE IF NOT EXISTS sync_server_fields (
        tbl TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT,
        hlc TEXT NOT NULL,
        account_id TEXT,
        pushed_by TEXT NOT NULL DEFAULT current_user,
        PRIMARY KEY (tbl, row_id, field)
    )""",
    """CREATE OR REPLACE FUNCTION relasi_sync_head(device text) RETURNS bigint
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT coalesce(max(seq), 0) FROM sync_server_changes WHERE device_id <> device $$""",
    """CREATE OR REPLACE FUNCTION relasi_sync_account_free(account text) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
        $$ SELECT NOT EXISTS (SELECT 1 FROM sync_server_fields
                              WHERE tbl = 'accounts' AND row_id = account) $$""",
]
#: Row-level security of the sync tables and the members' rights on them, added by
#: ``init_server`` once the server's ``relasi_visible`` and roles exist
#: (models.server.schema.security_statements). Not in its ``ACCOUNT_SCOPED`` registry:
#: a personal row (no client) is its pusher's, and a laptop may push a new client.
POLICIES = [
    "ALTER TABLE sync_server_changes ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE sync_server_fields ENABLE ROW LEVEL SECURITY",
    "DROP POLICY IF EXISTS sync_changes_read ON sync_server_changes",
    f"CREATE POLICY sync_changes_read ON sync_server_changes FOR SELECT USING ({VISIBLE})",
    "DROP POLICY IF EXISTS sync_changes_push ON sync_server_changes",
    f"CREATE POLICY sync_changes_push ON sync_server_changes FOR INSERT WITH CHECK ({WRITABLE})",
    "DROP POLICY IF EXISTS sync_fields_all ON sync_server_fields",
    f"CREATE POLICY sync_fields_all ON sync_server_fields USING ({VISIBLE}) "
    f"WITH CHECK ({WRITABLE})",
    "GRANT SELECT, INSERT ON sync_server_changes TO relasi_member",
    "GRANT SELECT, INSERT, UPDATE ON sync_server_fields TO relasi_member",
]


def install(conn: Connection) -> None:
    """Create (or bring up to date) the sync tables on a server database. Migration 0016
    does this on PostgreSQL (its frozen copy of :data:`STATEMENTS`); a test checks the
    two agree."""
    for statement in [*STATEMENTS, *POLICIES]:
        conn.execute(text(statement))
