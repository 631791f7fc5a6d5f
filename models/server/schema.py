"""Preparing the team server's database, and checking its schema version.

``init_server`` runs the same Alembic migrations as a laptop (without the laptop's
full-text search), creates the group roles ``relasi_member`` and ``relasi_lead``, and
turns on PostgreSQL's row-level security so that the server itself, not the laptop,
decides which rows a user may read or write:

* every table in ``ACCOUNT_SCOPED`` (table -> SQL expression of the row's client id)
  gets policies through ``relasi_visible(account_id)``: true when the current user owns
  the client (``accounts.owner``), the client is shared with them (``account_shares``),
  or they are a lead (a member of ``relasi_lead``); a row with no client is a lead's only;
* a client's owner is filled in with the user who first stores it, and only its owner or
  a lead may give it to someone else, share it or delete it;
* ``TEAM_TABLES`` (tag names) every member reads and writes; any other table (a user's
  quotas, commission plan, drafts, import history) no member may touch.

Other modules (the sync protocol's server tables) add their tables to
``ACCOUNT_SCOPED`` before calling ``init_server``. Running it again is harmless: it
upgrades the schema when this Relasi is newer and sets the same roles and policies.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from models.errors import SchemaMismatchError, ServerError
from models.migrations import HEAD, REVISIONS
from models.server.connect import address_of, engine_for, parse_url
from models.sync.server_schema import POLICIES as sync_policies

MEMBER_ROLE = "relasi_member"
LEAD_ROLE = "relasi_lead"
#: The oldest PostgreSQL the server schema is tested on.
MIN_SERVER_VERSION = 150000

#: Table -> SQL expression (over that table's columns) of the client id a row belongs to.
ACCOUNT_SCOPED: dict[str, str] = {
    "accounts": "id",
    "account_shares": "account_id",
    "account_tags": "account_id",
    "contacts": "account_id",
    "interactions": "account_id",
    "interaction_contacts": (
        "(SELECT i.account_id FROM interactions i WHERE i.id = interaction_contacts.interaction_id)"
    ),
    "follow_ups": "account_id",
    "deals": "account_id",
    "deal_stage_changes": (
        "(SELECT d.account_id FROM deals d WHERE d.id = deal_stage_changes.deal_id)"
    ),
    # Issue 15's tables: a client's documents (and their bytes), gifts (and what each
    # recipient got) and the competitors named in its deals and entries.
    "documents": "account_id",
    "document_chunks": (
        "(SELECT d.account_id FROM documents d WHERE d.id = document_chunks.document_id)"
    ),
    "gifts": "account_id",
    "gift_recipients": "(SELECT g.account_id FROM gifts g WHERE g.id = gift_recipients.gift_id)",
    "deal_competitors": "(SELECT d.account_id FROM deals d WHERE d.id = deal_competitors.deal_id)",
    "interaction_competitors": (
        "(SELECT i.account_id FROM interactions i"
        " WHERE i.id = interaction_competitors.interaction_id)"
    ),
    "interaction_trends": (
        "(SELECT i.account_id FROM interactions i WHERE i.id = interaction_trends.interaction_id)"
    ),
}

#: Tables every member reads and writes, with no row-level filter: tag names, and the
#: team's competitors and trends, the firm's gift cap rules and exchange rates
#: (models.sync.server_schema.TEAM_SHARED says why).
TEAM_TABLES: tuple[str, ...] = ("tags", "competitors", "trends", "gift_rules", "gift_rates")

_ROLES = f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{MEMBER_ROLE}') THEN
        CREATE ROLE {MEMBER_ROLE} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{LEAD_ROLE}') THEN
        CREATE ROLE {LEAD_ROLE} NOLOGIN;
    END IF;
END $$"""

# The checks run as the tables' owner (SECURITY DEFINER, so the policies do not call
# themselves), for the user the invoker-side wrappers pass in; a caller may ask only
# about itself (or a role it may act as), so no one can probe what others see.
_FUNCTIONS = """
CREATE OR REPLACE FUNCTION relasi_is_lead_user(p_user text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_user)
        AND pg_has_role(p_user, 'relasi_lead', 'MEMBER')
$$;
CREATE OR REPLACE FUNCTION relasi_visible_ids_for(p_user text) RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT a.id FROM accounts a WHERE a.owner = p_user
        AND (p_user = session_user OR pg_has_role(session_user, p_user, 'MEMBER'))
    UNION
    SELECT s.account_id FROM account_shares s WHERE s.user_name = p_user
        AND (p_user = session_user OR pg_has_role(session_user, p_user, 'MEMBER'))
$$;
CREATE OR REPLACE FUNCTION relasi_visible_ids() RETURNS SETOF text LANGUAGE sql STABLE AS $$
    SELECT relasi_visible_ids_for(current_user::text)
$$;
-- plpgsql keeps its plans between calls (a row-by-row check in a policy is cheaper so);
-- the tables are named with their schema instead of a per-call search_path.
CREATE OR REPLACE FUNCTION relasi_visible_to(p_account text, p_user text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
BEGIN
    IF p_user <> session_user AND NOT pg_catalog.pg_has_role(session_user, p_user, 'MEMBER') THEN
        RETURN false;
    END IF;
    RETURN EXISTS (SELECT 1 FROM {schema}.accounts a WHERE a.id = p_account AND a.owner = p_user)
        OR EXISTS (SELECT 1 FROM {schema}.account_shares s
                   WHERE s.account_id = p_account AND s.user_name = p_user)
        OR {schema}.relasi_is_lead_user(p_user);
END $$;
CREATE OR REPLACE FUNCTION relasi_owned_by(p_account text, p_user text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
    SELECT (p_user = session_user OR pg_has_role(session_user, p_user, 'MEMBER'))
        AND (relasi_is_lead_user(p_user)
             OR EXISTS (SELECT 1 FROM accounts a WHERE a.id = p_account AND a.owner = p_user))
$$;
CREATE OR REPLACE FUNCTION relasi_is_lead() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT relasi_is_lead_user(current_user::text)
$$;
CREATE OR REPLACE FUNCTION relasi_visible(account_id text) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT relasi_visible_to(account_id, current_user::text)
$$;
CREATE OR REPLACE FUNCTION relasi_owns(account_id text) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT relasi_owned_by(account_id, current_user::text)
$$;
CREATE OR REPLACE FUNCTION relasi_accounts_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.owner := coalesce(NEW.owner, current_user::text);
    ELSIF NEW.owner IS NULL THEN
        NEW.owner := OLD.owner;  -- a laptop that never synced says "mine" with NULL
    ELSIF NEW.owner IS DISTINCT FROM OLD.owner AND OLD.owner IS NOT NULL
            AND OLD.owner <> current_user::text AND NOT relasi_is_lead() THEN
        RAISE EXCEPTION 'only the owner of client % or a lead may give it to someone else',
            OLD.id USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION relasi_is_lead_user(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION relasi_visible_to(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION relasi_owned_by(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION relasi_visible_ids_for(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION relasi_visible_ids_for(text) TO relasi_member;
GRANT EXECUTE ON FUNCTION relasi_is_lead_user(text) TO relasi_member;
GRANT EXECUTE ON FUNCTION relasi_visible_to(text, text) TO relasi_member;
GRANT EXECUTE ON FUNCTION relasi_owned_by(text, text) TO relasi_member;
DROP TRIGGER IF EXISTS relasi_accounts_owner ON accounts;
CREATE TRIGGER relasi_accounts_owner BEFORE INSERT OR UPDATE OF owner ON accounts
    FOR EACH ROW EXECUTE FUNCTION relasi_accounts_owner();
"""

_POLICY_NAMES = ("relasi_read", "relasi_insert", "relasi_update", "relasi_delete", "relasi_rows")


def visible_sql(expr: str) -> str:
    """The policy condition "the current user may see the client ``expr``", in the form
    PostgreSQL evaluates once per statement (the lead test and the set of visible client
    ids as sub-selects), not once per row as ``relasi_visible(expr)`` would be: reading
    50,000 rows through it costs about what reading them without any policy does."""
    return f"((SELECT relasi_is_lead()) OR ({expr}) IN (SELECT relasi_visible_ids()))"


def _policies(table: str, expr: str) -> list[str]:
    """Row-level security of one account-scoped table (idempotent)."""
    visible = visible_sql(expr)
    out = [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"]
    out += [f"DROP POLICY IF EXISTS {name} ON {table}" for name in _POLICY_NAMES]
    if table == "accounts":
        out += [
            f"CREATE POLICY relasi_read ON accounts FOR SELECT USING ({visible})",
            "CREATE POLICY relasi_insert ON accounts FOR INSERT"
            " WITH CHECK (owner = current_user::text OR (SELECT relasi_is_lead()))",
            f"CREATE POLICY relasi_update ON accounts FOR UPDATE USING ({visible})"
            f" WITH CHECK ({visible} OR owner = current_user::text)",
            "CREATE POLICY relasi_delete ON accounts FOR DELETE"
            " USING (owner = current_user::text OR (SELECT relasi_is_lead()))",
        ]
    elif table == "account_shares":  # who sees a client sees whom it is shared with
        owns = f"relasi_owns({expr})"
        out += [
            f"CREATE POLICY relasi_read ON account_shares FOR SELECT USING ({visible})",
            f"CREATE POLICY relasi_insert ON account_shares FOR INSERT WITH CHECK ({owns})",
            f"CREATE POLICY relasi_update ON account_shares FOR UPDATE USING ({owns})"
            f" WITH CHECK ({owns})",
            f"CREATE POLICY relasi_delete ON account_shares FOR DELETE USING ({owns})",
        ]
    else:
        out.append(
            f"CREATE POLICY relasi_rows ON {table} FOR ALL USING ({visible}) WITH CHECK ({visible})"
        )
    out.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {MEMBER_ROLE}")
    return out


def security_statements(schema: str) -> list[str]:
    """Everything after the migrations: roles, functions, policies and grants."""
    quoted = '"' + schema.replace('"', '""') + '"'
    out = [
        _ROLES,
        f"GRANT {MEMBER_ROLE} TO {LEAD_ROLE}",
        f"GRANT USAGE ON SCHEMA {quoted} TO {MEMBER_ROLE}",
        f"GRANT SELECT ON alembic_version TO {MEMBER_ROLE}",
        _FUNCTIONS.replace("{schema}", quoted),
    ]
    for table, expr in ACCOUNT_SCOPED.items():
        out += _policies(table, expr)
    out += [f"GRANT SELECT, INSERT, UPDATE ON {table} TO {MEMBER_ROLE}" for table in TEAM_TABLES]
    out.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {quoted} TO {MEMBER_ROLE}")
    # Team sync's tables (migration 0016) have rules of their own, by client like the
    # tables above plus personal rows and a client pushed for the first time
    # (models/sync/server_schema.py).
    out += sync_policies
    return out


def init_server(url: str, password: str | None, *, require_tls: bool = False) -> str:
    """Prepare (or upgrade) the team server's database at ``url``; returns its schema
    version (``HEAD``). Run by the database's owner; harmless to run again."""
    engine = engine_for(url, password, require_tls=require_tls)
    try:
        with engine.connect() as conn:
            _check_version(conn)
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('relasi server init'))"))
            current = _schema_version(conn)
            if current is not None and current not in REVISIONS:
                raise mismatch(current)
            _migrate(conn)
            schema = str(conn.execute(text("SELECT current_schema()")).scalar_one())
            for statement in security_statements(schema):
                _execute(conn, statement, url)
            conn.commit()
    finally:
        engine.dispose()
    return HEAD


def _migrate(conn: Connection) -> None:
    from alembic import command

    from models.migrations.runner import alembic_config

    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def _execute(conn: Connection, statement: str, url: str) -> None:
    try:
        conn.exec_driver_sql(statement.replace("%", "%%"))  # no parameters: % is itself
    except DBAPIError as exc:
        sqlstate = getattr(exc.orig, "sqlstate", None)
        if sqlstate == "42501":  # insufficient privilege
            user = address_of(parse_url(url)[0]).user
            raise ServerError(
                f"the server user '{user}' may not prepare this database "
                f"({_first_line(exc)}): run server init as the database's owner with the "
                "right to create roles (CREATEROLE), or as a superuser"
            ) from None
        raise


def _first_line(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)


def _check_version(conn: Connection) -> None:
    number = int(conn.execute(text("SELECT current_setting('server_version_num')")).scalar_one())
    if number < MIN_SERVER_VERSION:
        raise ServerError(
            f"the team server runs PostgreSQL {number // 10000}; Relasi needs 15 or later"
        )


def _schema_version(conn: Connection) -> str | None:
    if conn.execute(text("SELECT to_regclass('alembic_version')")).scalar_one() is None:
        return None
    value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(value) if value is not None else None


def server_schema_version(engine: Engine) -> str | None:
    """The server database's schema revision, or None when it was never prepared."""
    with engine.connect() as conn:
        user = conn.execute(text("SELECT current_user")).scalar_one()
        try:
            return _schema_version(conn)
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) == "42501":
                raise ServerError(
                    f"the server user '{user}' is not a Relasi user of this database "
                    "(its administrator adds it with: python main.py server add-user)"
                ) from None
            raise


def mismatch(server: str | None) -> SchemaMismatchError:
    """The one clear message for a server whose schema is not this Relasi's."""
    if server is None:
        message = (
            f"the team server's database is not prepared for Relasi (this Relasi's schema "
            f"is {HEAD}): its administrator runs 'python main.py server init --url URL' once"
        )
    elif server in REVISIONS:
        message = (
            f"the team server's schema is {server} and this Relasi's is {HEAD}: the server "
            "is older; its administrator upgrades it with 'python main.py server init "
            "--url URL' from this Relasi (sync waits until then; nothing is lost)"
        )
    else:
        message = (
            f"the team server's schema is {server} and this Relasi's is {HEAD}: the server "
            "is newer; update Relasi on this computer (sync waits until then; nothing is lost)"
        )
    return SchemaMismatchError(message, server=server, app=HEAD)


def check_schema(engine: Engine) -> None:
    """Raise ``SchemaMismatchError`` unless the server's schema is this Relasi's ``HEAD``."""
    server = server_schema_version(engine)
    if server != HEAD:
        raise mismatch(server)
