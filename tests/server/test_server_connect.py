"""Connecting to the team server: TLS when offered, required when asked; a wrong
password, an unreachable server and a server without TLS each say so in one line,
and the password is in no URL or message."""

from __future__ import annotations

import psycopg
import pytest
import sqlalchemy as sa

from models.errors import (
    ServerAuthError,
    ServerError,
    ServerTlsError,
    ServerUnreachableError,
    ValidationError,
)
from models.server.connect import ServerAddress, engine_for, server_info, translate_error
from tests.pg_server import PgServer, free_port
from tests.server.conftest import ServerDb


def connect(engine: sa.Engine) -> None:
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    finally:
        engine.dispose()


def test_wrong_password_is_one_clear_message_without_the_password(server_db: ServerDb) -> None:
    engine = engine_for(server_db.url("ani"), "Tebakan-Salah-42")
    with pytest.raises(ServerAuthError) as caught:
        connect(engine)
    message = caught.value.message
    assert message.startswith(f"the team server ani@127.0.0.1:{server_db.pg.port}/")
    assert "refused the user name or password" in message and "\n" not in message
    assert "Tebakan-Salah-42" not in message and "Tebakan-Salah-42" not in repr(engine.url)


def test_no_password_is_an_auth_error_too(server_db: ServerDb) -> None:
    with pytest.raises(ServerAuthError):
        connect(engine_for(server_db.url("ani"), None))


def test_an_unknown_user_reads_like_a_wrong_password(server_db: ServerDb) -> None:
    with pytest.raises(ServerAuthError):
        connect(engine_for(server_db.url("nobody_here"), "x"))


def test_unreachable_server(pg_server: PgServer) -> None:
    engine = engine_for(f"postgresql://ani@127.0.0.1:{free_port()}/relasi", "x")
    with pytest.raises(ServerUnreachableError, match="cannot reach the team server ani@127"):
        connect(engine)


def test_a_missing_database_says_so(pg_server: PgServer) -> None:
    engine = engine_for(pg_server.url("no_such_db"), pg_server.admin_password)
    with pytest.raises(ServerError, match="has no database 'no_such_db'"):
        connect(engine)


def test_tls_required_against_a_server_without_tls_fails_clearly(server_db: ServerDb) -> None:
    engine = engine_for(server_db.url("ani"), "ani-secret", require_tls=True)
    with pytest.raises(ServerTlsError) as caught:
        connect(engine)
    assert "does not offer TLS, and this connection requires it" in caught.value.message


def test_without_tls_on_offer_prefer_connects_in_the_clear(server_db: ServerDb) -> None:
    info = server_info(server_db.engine("ani"))
    assert (info.user, info.tls, info.lead) == ("ani", False, False)
    assert int(info.version.split(".")[0]) >= 15


def test_tls_is_used_when_offered_and_when_required(pg_tls_server: PgServer) -> None:
    pg_tls_server.new_user("tls_user", "tls-secret", lead=True)
    for required in (False, True):
        engine = engine_for(
            pg_tls_server.url("postgres", "tls_user"), "tls-secret", require_tls=required
        )
        info = server_info(engine)
        engine.dispose()
        assert (info.tls, info.lead) == (True, True)


def test_a_password_written_in_the_url_goes_to_the_driver_only(server_db: ServerDb) -> None:
    url = server_db.url("ani").replace("ani@", "ani:ani-secret@")
    engine = engine_for(url, None)
    assert "ani-secret" not in engine.url.render_as_string(hide_password=False)
    assert server_info(engine).user == "ani"
    engine.dispose()


@pytest.mark.parametrize(
    "url",
    ["mysql://a@h/db", "not a url", "postgresql://h/db", "postgresql://a@h", "sqlite:///x.db"],
)
def test_addresses_that_are_not_a_postgresql_server_are_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="postgresql://"):
        engine_for(url, "x")


def test_a_failed_statement_stays_the_drivers_error(server_db: ServerDb) -> None:
    engine = server_db.engine("ani")
    with pytest.raises(sa.exc.DataError), engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1 / 0")
    address = ServerAddress("ani", "h", 5432, "db")
    assert translate_error(ValueError("x"), address) is None
    assert translate_error(psycopg.errors.DivisionByZero("x"), address) is None
    odd = translate_error(psycopg.OperationalError("something new"), address)
    assert isinstance(odd, ServerUnreachableError) and "something new" in odd.message
