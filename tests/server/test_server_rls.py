"""Row-level security on the team server: a user reads and writes only the clients they
own or that are shared with them (and everything under those); a lead sees all. The
server enforces it: these are hand-written statements, not Relasi's own queries."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, ProgrammingError

from models.server.schema import ACCOUNT_SCOPED
from tests.server.conftest import ServerDb
from tests.server.rows import client, insert

CHILD_TABLES = [t for t in ACCOUNT_SCOPED if t not in {"accounts", "account_shares"}]


@pytest.fixture
def team(server_db: ServerDb) -> ServerDb:
    """Ani owns A1 and A2 and shares A2 with Budi; Budi owns B1."""
    ani = server_db.engine("ani")
    budi = server_db.engine("budi")
    with ani.begin() as conn:
        client(conn, "A1", "Ani One")
        client(conn, "A2", "Ani Shared")
        conn.execute(sa.text("INSERT INTO account_shares VALUES ('A2', 'budi')"))
    with budi.begin() as conn:
        client(conn, "B1", "Budi One")
    ani.dispose()
    budi.dispose()
    return server_db


def visible(db: ServerDb, user: str, table: str) -> set[str]:
    """The client ids of every row of ``table`` the user's own SELECT * returns."""
    expr = ACCOUNT_SCOPED[table]
    engine = db.engine(user)
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(f"SELECT {expr} FROM {table}").all()
    finally:
        engine.dispose()
    return {str(r[0]) for r in rows}


def test_the_owner_is_who_stored_the_client(team: ServerDb) -> None:
    owners = team.admin("SELECT id, owner FROM accounts ORDER BY id")
    assert owners == [("A1", "ani"), ("A2", "ani"), ("B1", "budi")]


@pytest.mark.parametrize("table", sorted(ACCOUNT_SCOPED))
def test_each_user_reads_own_and_shared_rows_only(team: ServerDb, table: str) -> None:
    if table == "account_shares":
        assert visible(team, "ani", table) == {"A2"}
        assert visible(team, "budi", table) == {"A2"}
        return
    assert visible(team, "ani", table) == {"A1", "A2"}
    assert visible(team, "budi", table) == {"A2", "B1"}  # A2 is shared with Budi
    assert visible(team, "sari", table) == {"A1", "A2", "B1"}  # a lead sees all


def test_a_hand_written_select_by_id_finds_nothing_of_another(team: ServerDb) -> None:
    engine = team.engine("budi")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT * FROM accounts WHERE id = 'A1'").all() == []
        assert (
            conn.execute(sa.text("SELECT * FROM contacts WHERE name LIKE 'Ani One%'")).all() == []
        )
        count = conn.exec_driver_sql("SELECT count(*) FROM interactions").scalar_one()
        assert count == 2
        # the security-definer check cannot be asked about another user
        probe = conn.exec_driver_sql("SELECT relasi_visible_to('A1', 'ani')").scalar_one()
        assert probe is False
    engine.dispose()


def test_a_user_cannot_change_or_delete_what_they_may_not_see(team: ServerDb) -> None:
    engine = team.engine("budi")
    with engine.begin() as conn:
        assert (
            conn.execute(sa.text("UPDATE accounts SET notes = 'x' WHERE id = 'A1'")).rowcount == 0
        )
        assert conn.execute(sa.text("DELETE FROM contacts WHERE id = 'A1-c'")).rowcount == 0
        # the shared client can be edited by Budi
        assert (
            conn.execute(sa.text("UPDATE accounts SET notes = 'y' WHERE id = 'A2'")).rowcount == 1
        )
    with pytest.raises(ProgrammingError, match="row-level security"), engine.begin() as conn:
        insert(
            conn,
            "contacts",
            id="spy",
            account_id="A1",
            name="spy",
            title="",
            emails="[]",
            phones="[]",
            notes="",
        )
    engine.dispose()
    assert team.admin("SELECT notes FROM accounts ORDER BY id") == [("",), ("y",), ("",)]


def test_only_the_owner_or_a_lead_shares_or_gives_away(team: ServerDb) -> None:
    budi = team.engine("budi")
    with pytest.raises(ProgrammingError, match="row-level security"), budi.begin() as conn:
        conn.execute(sa.text("INSERT INTO account_shares VALUES ('A2', 'sari')"))
    with pytest.raises(DBAPIError, match="only the owner of client A2"), budi.begin() as conn:
        conn.execute(sa.text("UPDATE accounts SET owner = 'budi' WHERE id = 'A2'"))
    with pytest.raises(ProgrammingError, match="row-level security"), budi.begin() as conn:
        client(conn, "B2", "Budi for Ani", owner="ani")  # a client made for someone else
    budi.dispose()
    sari = team.engine("sari")
    with sari.begin() as conn:  # a lead hands A1 to Budi
        conn.execute(sa.text("UPDATE accounts SET owner = 'budi' WHERE id = 'A1'"))
    sari.dispose()
    assert visible(team, "budi", "contacts") == {"A1", "A2", "B1"}
    assert visible(team, "ani", "contacts") == {"A2"}


def test_a_null_owner_from_a_laptop_keeps_the_server_owner(team: ServerDb) -> None:
    engine = team.engine("budi")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE accounts SET owner = NULL, notes = 'z' WHERE id = 'A2'"))
    engine.dispose()
    assert team.admin("SELECT owner, notes FROM accounts WHERE id = 'A2'") == [("ani", "z")]


def test_personal_tables_are_closed_to_members(team: ServerDb) -> None:
    engine = team.engine("ani")
    for table in ("commission_plans", "quotas", "drafts", "import_batches"):
        with pytest.raises(ProgrammingError, match="permission denied"), engine.connect() as conn:
            conn.exec_driver_sql(f"SELECT * FROM {table}")
    with engine.begin() as conn:  # tag names are the team's
        insert(conn, "tags", id="t1", name="vip")
        conn.execute(sa.text("INSERT INTO account_tags VALUES ('A1', 't1')"))
    engine = team.engine("budi")
    with engine.connect() as conn:
        names = conn.exec_driver_sql("SELECT name FROM tags ORDER BY name").scalars().all()
        links = conn.exec_driver_sql("SELECT tag_id FROM account_tags").scalars().all()
    assert "vip" in names  # the name is the team's; Ani's link to it is not Budi's to see
    assert "t1" not in links


def test_every_child_table_is_checked_against_the_client() -> None:
    """A new account-scoped table must come with its client expression (the registry)."""
    assert {"contacts", "interactions", "follow_ups", "deals", "deal_stage_changes"} <= set(
        CHILD_TABLES
    )


def test_the_check_functions_agree_with_the_policies(team: ServerDb) -> None:
    """``relasi_visible`` (row by row, for other modules' policies) and the set the
    policies use say the same, and no one may ask either about another user."""
    engine = team.engine("ani")
    with engine.connect() as conn:
        one_by_one = conn.exec_driver_sql(
            "SELECT relasi_visible('A1'), relasi_visible('A2'), relasi_visible('B1'),"
            " relasi_visible(NULL)"
        ).one()
        ids = conn.exec_driver_sql("SELECT relasi_visible_ids() ORDER BY 1").scalars().all()
        others = conn.exec_driver_sql("SELECT relasi_visible_ids_for('budi')").scalars().all()
    assert tuple(one_by_one) == (True, True, False, False)
    assert ids == ["A1", "A2"] and others == []
    lead = team.engine("sari")
    with lead.connect() as conn:
        assert conn.exec_driver_sql("SELECT relasi_visible('B1')").scalar_one() is True
