"""Preparing the server and checking its schema version on both ends."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from models.errors import SchemaMismatchError, ServerError
from models.migrations import HEAD, REVISIONS
from models.server.schema import ACCOUNT_SCOPED, check_schema, init_server, mismatch
from tests.server.conftest import ServerDb
from tests.server.rows import client


def policy_count(db: ServerDb) -> int:
    return int(db.admin("SELECT count(*) FROM pg_policies")[0][0])  # type: ignore[arg-type]


def test_init_twice_is_harmless_and_keeps_the_data(server_db: ServerDb) -> None:
    with server_db.engine("ani").begin() as conn:
        client(conn, "A1", "Ani One")
    policies = policy_count(server_db)
    assert policies >= len(ACCOUNT_SCOPED)
    assert init_server(server_db.url(), server_db.pg.admin_password) == HEAD
    assert policy_count(server_db) == policies
    assert server_db.admin("SELECT id, owner FROM accounts") == [("A1", "ani")]
    with server_db.engine("ani").connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM contacts").scalar_one() == 1
    rls = server_db.admin(
        "SELECT relname FROM pg_class WHERE relrowsecurity AND relkind = 'r' ORDER BY 1"
    )
    # and team sync's own tables (models/sync/server_schema.py: rules of their own)
    assert {r[0] for r in rls} == set(ACCOUNT_SCOPED) | {
        "sync_server_changes",
        "sync_server_fields",
    }


def test_check_schema_passes_at_head_for_a_member(server_db: ServerDb) -> None:
    check_schema(server_db.engine("budi"))


def test_a_database_never_prepared(fresh_db: ServerDb) -> None:
    with pytest.raises(SchemaMismatchError) as caught:
        check_schema(fresh_db.engine())
    assert caught.value.server_version is None and caught.value.app_version == HEAD
    assert "not prepared for Relasi" in caught.value.message
    assert "server init" in caught.value.message


def test_an_older_server_is_one_clear_message(server_db: ServerDb) -> None:
    older = REVISIONS[-2]
    server_db.admin(f"UPDATE alembic_version SET version_num = '{older}'")
    with pytest.raises(SchemaMismatchError) as caught:
        check_schema(server_db.engine("ani"))
    message = caught.value.message
    assert f"the team server's schema is {older} and this Relasi's is {HEAD}" in message
    assert "the server is older" in message and "server init" in message
    assert "\n" not in message


def test_a_newer_server_is_one_clear_message_and_init_refuses_it(server_db: ServerDb) -> None:
    server_db.admin("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SchemaMismatchError) as caught:
        check_schema(server_db.engine("ani"))
    assert f"schema is 9999 and this Relasi's is {HEAD}" in caught.value.message
    assert "update Relasi on this computer" in caught.value.message
    with pytest.raises(SchemaMismatchError, match="the server is newer"):
        init_server(server_db.url(), server_db.pg.admin_password)
    assert server_db.admin("SELECT version_num FROM alembic_version") == [("9999",)]


def test_init_upgrades_an_older_server(server_db: ServerDb) -> None:
    server_db.admin("DROP TABLE account_shares CASCADE")
    server_db.admin("DROP INDEX ix_accounts_owner")
    server_db.admin("ALTER TABLE accounts DROP COLUMN owner CASCADE")
    before_owners = REVISIONS[REVISIONS.index("0015") - 1]
    server_db.admin(f"UPDATE alembic_version SET version_num = '{before_owners}'")
    assert init_server(server_db.url(), server_db.pg.admin_password) == HEAD
    check_schema(server_db.engine("ani"))


def test_a_user_who_is_not_a_relasi_user_is_told(server_db: ServerDb) -> None:
    server_db.pg.execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
        "'outsider') THEN CREATE ROLE outsider LOGIN PASSWORD 'o'; END IF; END $$"
    )
    from models.server.connect import engine_for

    engine = engine_for(server_db.url("outsider"), "o")
    server_db.engines.append(engine)
    with pytest.raises(ServerError, match="'outsider' is not a Relasi user"):
        check_schema(engine)


def test_init_by_a_user_without_the_right_says_what_is_needed(server_db: ServerDb) -> None:
    with pytest.raises(ServerError, match="run server init as the database's owner"):
        init_server(server_db.url("budi"), "budi-secret")


def test_mismatch_messages_name_both_versions() -> None:
    assert mismatch(REVISIONS[0]).server_version == REVISIONS[0]
    assert HEAD in mismatch("0999").message and "0999" in mismatch("0999").message


def test_the_policies_really_filter(server_db: ServerDb) -> None:
    """RLS is on for the members (the table owner, who ran init, sees everything)."""
    with server_db.engine("ani").begin() as conn:
        client(conn, "A1", "Ani One")
    with server_db.engine("budi").connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM accounts")).scalar_one() == 0
    assert server_db.admin("SELECT count(*) FROM accounts") == [(1,)]


def test_init_by_a_database_owner_who_is_not_a_superuser(fresh_db: ServerDb) -> None:
    """The usual managed-PostgreSQL case: the database's owner may create roles, no more."""
    fresh_db.pg.execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'db_owner') THEN "
        "CREATE ROLE db_owner LOGIN CREATEROLE PASSWORD 'owner-secret'; END IF; END $$"
    )
    fresh_db.pg.execute(f"ALTER DATABASE {fresh_db.name} OWNER TO db_owner")
    fresh_db.pg.execute("ALTER SCHEMA public OWNER TO db_owner", fresh_db.name)
    url = fresh_db.url("db_owner")
    assert init_server(url, "owner-secret") == HEAD
    assert init_server(url, "owner-secret") == HEAD
    fresh_db.pg.new_user("ani", "ani-secret")
    fresh_db.pg.new_user("budi", "budi-secret")
    with fresh_db.engine("ani").begin() as conn:
        client(conn, "A1", "Ani One")
    with fresh_db.engine("budi").connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM contacts").scalar_one() == 0
    assert fresh_db.admin("SELECT tableowner FROM pg_tables WHERE tablename = 'accounts'") == [
        ("db_owner",)
    ]
