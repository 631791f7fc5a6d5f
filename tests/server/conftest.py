"""Fixtures for the team-server tests: a prepared server database and its users."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
import sqlalchemy as sa

from models.server.connect import engine_for
from models.server.schema import init_server
from tests.pg_server import PgServer

#: Login roles every test may use (roles are the cluster's, so made once).
USERS = {"ani": "ani-secret", "budi": "budi-secret", "sari": "sari-secret"}
LEAD = "sari"


@dataclass
class ServerDb:
    """One prepared server database on the session's cluster."""

    pg: PgServer
    name: str
    engines: list[sa.Engine] = field(default_factory=list)

    def url(self, user: str | None = None) -> str:
        return self.pg.url(self.name, user)

    def engine(self, user: str | None = None, **kwargs: bool) -> sa.Engine:
        who = user or self.pg.admin_user
        password = USERS.get(who, self.pg.admin_password)
        engine = engine_for(self.url(who), password, **kwargs)
        self.engines.append(engine)  # disposed at the end of the test
        return engine

    def admin(self, sql: str) -> list[tuple[object, ...]]:
        return self.pg.execute(sql, self.name)


@pytest.fixture(scope="session")
def team_users(pg_server: PgServer) -> dict[str, str]:
    for name, password in USERS.items():
        pg_server.new_user(name, password, lead=name == LEAD)
    return USERS


@pytest.fixture
def fresh_db(pg_server: PgServer) -> Iterator[ServerDb]:
    """An empty database (not prepared)."""
    db = ServerDb(pg_server, pg_server.new_database().rsplit("/", 1)[1])
    yield db
    for engine in db.engines:
        engine.dispose()


@pytest.fixture
def server_db(fresh_db: ServerDb, team_users: dict[str, str]) -> Iterator[ServerDb]:
    """A database prepared by ``init_server`` as the cluster's superuser."""
    init_server(fresh_db.url(), fresh_db.pg.admin_password)
    yield fresh_db
