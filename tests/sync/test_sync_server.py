"""Push and pull against a real PostgreSQL server (the ``pg_server`` fixture)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from models import services
from models.clock import FixedClock
from models.store import Store
from models.sync import client
from tests.pg_server import PgServer
from tests.sync.team import Team, new_team


@pytest.fixture
def team(
    pg_server: PgServer, template_db: tuple[Path, bytes], tmp_path: Path, clock: FixedClock
) -> Iterator[Team]:
    t = new_team(pg_server, template_db, tmp_path, clock)
    yield t
    t.close()


def _names(store: Store) -> list[str]:
    with store.read() as s:
        return list(s.execute(text("SELECT name FROM accounts ORDER BY name")).scalars())


def test_a_client_made_on_one_laptop_reaches_the_other(team: Team) -> None:
    a, b = team.laptop("a"), team.laptop("b")
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        acme = services.create_account(uow, name="Acme")
        services.create_contact(uow, account_id=acme, name="Budi")
    counts = client.run(a, ana)
    assert counts.pushed >= 2
    got = client.run(b, ana)
    assert got.pulled == counts.pushed
    assert _names(b) == ["Acme"]
    with team.admin.connect() as conn:
        assert conn.execute(text("SELECT name, owner FROM accounts")).all() == [("Acme", "ana")]


def _row(store: Store, table: str, id_: str) -> dict[str, object]:
    with store.read() as s:
        got = s.execute(text(f"SELECT * FROM {table} WHERE id = :id"), {"id": id_}).mappings()
        return dict(got.one())


def _conflicts(store: Store) -> list[tuple[object, ...]]:
    with store.read() as s:
        return list(
            s.execute(
                text("SELECT field, reason, kept_value, lost_value FROM sync_conflicts ORDER BY 1")
            ).all()
        )


def _two(team: Team) -> tuple[Store, Store, str]:
    """Two laptops of one user that both hold client Acme."""
    a, b = team.laptop("a"), team.laptop("b")
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        acme = services.create_account(uow, name="Acme", industry="Oil")
    client.run(a, ana)
    client.run(b, ana)
    return a, b, acme


def test_edits_of_different_fields_both_stay(team: Team) -> None:
    a, b, acme = _two(team)
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        services.update_account(uow, acme, industry="Mining")
    team.clock.advance(timedelta(minutes=1))
    with b.write() as uow:
        services.update_account(uow, acme, phone="+62215550101")
    for laptop in (a, b, a):
        client.run(laptop, ana)
    for laptop in (a, b):
        row = _row(laptop, "accounts", acme)
        assert (row["industry"], row["phone"]) == ("Mining", "+62215550101")
        assert _conflicts(laptop) == []


def test_the_same_field_the_later_clock_wins_everywhere_and_the_loser_is_logged(
    team: Team,
) -> None:
    a, b, acme = _two(team)
    ana = team.engine_for("ana", "ana-secret")
    with b.write() as uow:
        services.update_account(uow, acme, industry="Banking")  # earlier
    team.clock.advance(timedelta(minutes=1))
    with a.write() as uow:
        services.update_account(uow, acme, industry="Mining")  # later
    client.run(b, ana)  # b pushes its (earlier) edit first
    client.run(a, ana)  # a pulls it: a's own later edit wins, b's value is logged
    client.run(b, ana)
    for laptop in (a, b):
        assert _row(laptop, "accounts", acme)["industry"] == "Mining"
    assert _conflicts(a) == [("industry", "field", '"Mining"', '"Banking"')]
    with team.admin.connect() as conn:
        assert conn.execute(text("SELECT industry FROM accounts")).scalar_one() == "Mining"


def test_two_notes_written_offline_stay_two(team: Team) -> None:
    a, b, acme = _two(team)
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        services.add_interaction(uow, acme, subject="from a")
    with b.write() as uow:
        services.add_interaction(uow, acme, subject="from b")
    for laptop in (a, b, a):
        client.run(laptop, ana)
    for laptop in (a, b):
        with laptop.read() as s:
            subjects = s.execute(text("SELECT subject FROM interactions ORDER BY 1")).scalars()
            assert list(subjects) == ["from a", "from b"]


def test_a_delete_against_an_edit_keeps_the_edit_and_says_so(team: Team) -> None:
    a, b, acme = _two(team)
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        services.soft_delete(uow, "account", acme)
    team.clock.advance(timedelta(minutes=1))
    with b.write() as uow:
        services.update_account(uow, acme, notes="budget approved")
    client.run(a, ana)  # the delete reaches the server first
    client.run(b, ana)  # b has an edit waiting: the row comes back
    client.run(a, ana)
    for laptop in (a, b):
        row = _row(laptop, "accounts", acme)
        assert row["deleted_at"] is None and row["notes"] == "budget approved"
    assert [c[:2] for c in _conflicts(b)] == [("deleted_at", "deleted")]


def test_a_tombstone_travels_as_a_soft_delete(team: Team) -> None:
    a, b, acme = _two(team)
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        services.soft_delete(uow, "account", acme)
    client.run(a, ana)
    client.run(b, ana)
    assert _row(b, "accounts", acme)["deleted_at"] is not None  # in Trash, not gone
    with b.write() as uow:
        services.put_back(uow, "account", acme)
    client.run(b, ana)
    client.run(a, ana)
    assert _row(a, "accounts", acme)["deleted_at"] is None


def test_a_retried_push_changes_nothing_twice(team: Team) -> None:
    a, b, acme = _two(team)
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        services.add_interaction(uow, acme, subject="once")

    def cut(step: str) -> None:
        if step == "push-ack":
            raise ConnectionError("the line dropped after the server's commit")

    with pytest.raises(ConnectionError):
        client.run(a, ana, cut)
    with team.admin.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM sync_server_changes")).scalar_one()
    again = client.run(a, ana)
    assert again.pushed > 0  # sent again: the laptop never heard the server's answer
    with team.admin.connect() as conn:
        after = conn.execute(text("SELECT count(*) FROM sync_server_changes")).scalar_one()
        notes = conn.execute(text("SELECT count(*) FROM interactions")).scalar_one()
    assert after == before and notes == 1
    client.run(b, ana)
    with b.read() as s:
        assert s.execute(text("SELECT count(*) FROM interactions")).scalar_one() == 1


def test_a_pull_cut_before_the_merge_is_read_again(team: Team) -> None:
    a, b, acme = _two(team)
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        services.update_account(uow, acme, industry="Retail")
    client.run(a, ana)

    def cut(step: str) -> None:
        if step == "pull":
            raise ConnectionError("cut")

    with pytest.raises(ConnectionError):
        client.run(b, ana, cut)
    assert _row(b, "accounts", acme)["industry"] == "Oil"
    client.run(b, ana)
    assert _row(b, "accounts", acme)["industry"] == "Retail"


def test_a_laptop_never_receives_clients_its_user_may_not_see(team: Team) -> None:
    a, b = team.laptop("a"), team.laptop("b")
    ana, budi = team.engine_for("ana", "ana-secret"), team.engine_for("budi", "budi-secret")
    with a.write() as uow:
        secret = services.create_account(uow, name="Secret Co")
        shared = services.create_account(uow, name="Shared Co")
        services.add_interaction(uow, secret, subject="private")
    client.run(a, ana)
    with team.admin.begin() as conn:
        conn.execute(text("INSERT INTO account_shares VALUES (:a, 'budi')"), {"a": shared})
    client.run(b, budi)
    assert _names(b) == ["Shared Co"]
    with b.read() as s:
        assert s.execute(text("SELECT count(*) FROM interactions")).scalar_one() == 0
        assert s.execute(text("SELECT count(*) FROM sync_changes")).scalar_one() == 0


def test_pushing_to_a_client_of_someone_else_is_refused_by_the_server(team: Team) -> None:
    a, b = team.laptop("a"), team.laptop("b")
    ana, budi = team.engine_for("ana", "ana-secret"), team.engine_for("budi", "budi-secret")
    with a.write() as uow:
        acme = services.create_account(uow, name="Acme")
    client.run(a, ana)
    with b.write() as uow:  # budi forges a change of ana's client
        uow.session.execute(
            text(
                "INSERT INTO sync_changes (change_id, tbl, row_id, field, value, account_id) "
                "VALUES ('forged', 'accounts', :a, 'name', '\"Mine\"', :a)"
            ),
            {"a": acme},
        )
    with pytest.raises(ProgrammingError, match="row-level security"):
        client.run(b, budi)
    with team.admin.connect() as conn:
        assert conn.execute(text("SELECT name FROM accounts")).scalar_one() == "Acme"


def test_a_tag_named_alike_on_two_laptops_does_not_stop_the_sync(team: Team) -> None:
    a, b, acme = _two(team)
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        services.set_account_tags(uow, acme, ["vip"])
    with b.write() as uow:
        services.set_account_tags(uow, acme, ["vip"])
        services.update_account(uow, acme, industry="Shipping")
    client.run(a, ana)
    client.run(b, ana)  # a's "vip" is refused here (b has its own), the rest arrives
    client.run(a, ana)
    for laptop in (a, b):
        assert _row(laptop, "accounts", acme)["industry"] == "Shipping"
        with laptop.read() as s:
            assert s.execute(text("SELECT name FROM tags")).scalars().all() == ["vip"]


def test_a_value_the_servers_copy_cannot_hold_does_not_stop_the_sync(team: Team) -> None:
    a, b, acme = _two(team)
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:  # 139.8 billion rupiah in minor units: past a 32-bit column
        deal = services.create_deal(uow, acme, "Refinery", amount_minor=13_980_000_000_000)
    client.run(a, ana)
    client.run(b, ana)
    assert _row(b, "deals", deal)["amount_minor"] == 13_980_000_000_000
    with team.admin.connect() as conn:  # the server's copy holds it too (BIGINT, 0018)
        held = conn.execute(text("SELECT amount_minor FROM deals WHERE id = :d"), {"d": deal})
        assert held.scalar_one() == 13_980_000_000_000


def test_the_servers_copy_takes_edits_of_every_column_kind_and_links(team: Team) -> None:
    """The server writes edited rows and links set-wise (one statement per table and set
    of fields): dates, numbers and text land typed; a removed link goes, a new one comes;
    a link's extra column (lost to this competitor) is updated in place."""
    from datetime import date

    a = team.laptop("a")
    ana = team.engine_for("ana", "ana-secret")
    with a.write() as uow:
        acme = services.create_account(uow, name="Acme", tags=["hot", "java"])
        other = services.create_account(uow, name="Other", tags=["hot"])
        deal = services.create_deal(
            uow, acme, "Renewal", amount_minor=1000, competitors=["Rival", "Third"]
        )
    client.run(a, ana)
    with a.write() as uow:
        services.update_deal(
            uow, deal, amount_minor=2500, probability=60, expected_close=date(2027, 1, 15)
        )
        services.update_account(uow, other, industry="Retail")
        services.update_account(uow, acme, tags=["java", "new"])
        services.move_deal_stage(uow, deal, "lost", lost_reason="price", lost_to="Rival")
    client.run(a, ana)
    with team.admin.connect() as conn:
        got = conn.execute(
            text("SELECT amount_minor, probability, expected_close, stage FROM deals")
        ).one()
        assert tuple(got) == (2500, 60, date(2027, 1, 15), "lost")
        assert (
            conn.execute(text("SELECT industry FROM accounts WHERE id = :i"), {"i": other}).one()[0]
            == "Retail"
        )
        tags = conn.execute(
            text(
                "SELECT t.name FROM account_tags l JOIN tags t ON t.id = l.tag_id "
                "WHERE l.account_id = :a ORDER BY 1"
            ),
            {"a": acme},
        ).scalars()
        assert list(tags) == ["java", "new"]
        lost = conn.execute(
            text(
                "SELECT c.name, l.lost_to FROM deal_competitors l "
                "JOIN competitors c ON c.id = l.competitor_id ORDER BY 1"
            )
        ).all()
    with a.read() as s:
        here = s.execute(
            text(
                "SELECT c.name, l.lost_to FROM deal_competitors l "
                "JOIN competitors c ON c.id = l.competitor_id ORDER BY 1"
            )
        ).all()
    assert [(n, bool(x)) for n, x in lost] == [(n, bool(x)) for n, x in here]
    assert any(bool(x) for _, x in here)


def test_the_servers_copy_takes_new_rows_of_every_column_kind(team: Team) -> None:
    """New rows go into the server's copy as one INSERT ... SELECT FROM unnest(...) per
    table and set of columns: text, whole numbers past 32 bits, UTC times, booleans and
    dates land typed, and a batch of many rows lands whole."""
    from datetime import UTC, date, datetime

    a = team.laptop("a")
    ana = team.engine_for("ana", "ana-secret")
    due = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
    with a.write() as uow:
        acme = services.create_account(uow, name="Acme 'quoted' \"name\"", cadence_days=45)
        many = [services.create_account(uow, name=f"Client {i}") for i in range(1500)]
        deal = services.create_deal(
            uow, acme, "Refinery", amount_minor=13_980_000_000_000, expected_close=date(2027, 2, 1)
        )
        follow = services.create_followup(uow, acme, "Call back", due, all_day=True)
    client.run(a, ana)
    with team.admin.connect() as conn:
        assert tuple(
            conn.execute(
                text("SELECT name, cadence_days FROM accounts WHERE id = :i"), {"i": acme}
            ).one()
        ) == ("Acme 'quoted' \"name\"", 45)
        count = conn.execute(
            text("SELECT count(*) FROM accounts WHERE id = ANY(:ids)"), {"ids": many}
        )
        assert count.scalar_one() == 1500
        got = conn.execute(
            text("SELECT amount_minor, expected_close FROM deals WHERE id = :i"), {"i": deal}
        ).one()
        assert tuple(got) == (13_980_000_000_000, date(2027, 2, 1))
        row = conn.execute(
            text("SELECT due_at, all_day, title FROM follow_ups WHERE id = :i"), {"i": follow}
        ).one()
        assert tuple(row) == (due.replace(tzinfo=None), True, "Call back")
