"""Adding users and sharing clients through models.server.users."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from models.errors import NotFoundError, ServerError, ValidationError
from models.server.connect import engine_for, server_info
from models.server.users import add_user, share
from tests.server.conftest import ServerDb
from tests.server.rows import client


@pytest.fixture
def shared(server_db: ServerDb) -> ServerDb:
    """Ani owns two clients both named 'Toko Baru' and shares A1 with Budi."""
    with server_db.engine("ani").begin() as conn:
        client(conn, "A1", "Toko Baru")
        client(conn, "A2", "Toko Baru")
        conn.execute(sa.text("INSERT INTO account_shares VALUES ('A1', 'budi')"))
    return server_db


def test_a_user_a_client_is_shared_with_may_not_share_it_on(shared: ServerDb) -> None:
    with pytest.raises(ServerError, match="only the owner of 'Toko Baru' or a lead may share it"):
        share(shared.engine("budi"), "A1", "sari")


def test_two_clients_of_one_name_need_the_id(shared: ServerDb) -> None:
    with pytest.raises(ValidationError, match=r"several clients are named 'toko baru'.*A1, A2"):
        share(shared.engine("ani"), "toko baru", "budi")
    first = share(shared.engine("ani"), "A2", "budi")
    again = share(shared.engine("ani"), "A2", "budi")
    assert (first.added, again.added) == (True, False)
    assert (first.client_id, first.client_name) == ("A2", "Toko Baru")


def test_a_lead_may_share_any_client(shared: ServerDb) -> None:
    assert share(shared.engine("sari"), "A2", "budi").added


def test_no_such_client_or_user(shared: ServerDb) -> None:
    with pytest.raises(NotFoundError, match="no client 'Toko Lama'"):
        share(shared.engine("ani"), "Toko Lama", "budi")
    with pytest.raises(NotFoundError, match="no user 'nobody'"):
        share(shared.engine("ani"), "A1", "nobody")


def test_add_user_again_sets_password_and_lead(server_db: ServerDb) -> None:
    admin = server_db.engine()
    assert add_user(admin, "eko", "first-pass", lead=True) in (True, False)
    assert add_user(admin, "eko", "second-pass", lead=False) is False
    engine = engine_for(server_db.url("eko"), "second-pass")
    server_db.engines.append(engine)
    assert server_info(engine).lead is False
    with pytest.raises(ValidationError, match="password is empty"):
        add_user(admin, "eko", "")
