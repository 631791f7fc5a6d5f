"""A team for the sync tests: one server database and laptops (encrypted local databases
opened through the real store), each laptop's user a PostgreSQL login role.

Until the server's own ``init_server`` prepares a database, :func:`prepare_server` makes
what it will: the models' tables, ``accounts.owner``, ``account_shares``, and
``relasi_visible``; then the sync tables (``models.sync.server_schema.install``).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.schema import CreateTable

from models.clock import FixedClock
from models.entities import Base
from models.store import Store, open_store
from models.sync import outbox, server_schema
from models.vault import keys
from tests.pg_server import PgServer

VISIBLE = """CREATE OR REPLACE FUNCTION relasi_visible(account text) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, 'relasi_lead', 'MEMBER')
        OR EXISTS (SELECT 1 FROM accounts a WHERE a.id = account AND a.owner = current_user)
        OR EXISTS (SELECT 1 FROM account_shares s
                   WHERE s.account_id = account AND s.user_name = current_user) $$"""


def prepare_server(admin_url: str) -> Engine:
    engine = create_engine(admin_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                'CREATE COLLATION IF NOT EXISTS "NOCASE" (provider = icu, '
                "locale = 'und-u-ks-level2', deterministic = false)"
            )
        )
        for table in Base.metadata.sorted_tables:  # its SQLite-only indexes left out
            conn.execute(CreateTable(table))
        conn.execute(text("ALTER TABLE accounts ADD COLUMN owner TEXT"))
        conn.execute(
            text(
                "CREATE TABLE account_shares (account_id TEXT NOT NULL, user_name TEXT NOT NULL,"
                " PRIMARY KEY (account_id, user_name))"
            )
        )
        conn.execute(text(VISIBLE))
        for name in [*Base.metadata.tables, "account_shares"]:
            conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO relasi_member"))
        server_schema.install(conn)
    return engine


@dataclass
class Team:
    pg: PgServer
    admin: Engine
    database: str
    template: tuple[Path, bytes]
    folder: Path
    clock: FixedClock
    laptops: list[Store] = field(default_factory=list)
    engines: list[Engine] = field(default_factory=list)

    def engine_for(self, user: str, password: str) -> Engine:
        url = make_url(self.pg.sqlalchemy_url(self.database)).set(username=user, password=password)
        engine = create_engine(url, pool_size=1, max_overflow=2)
        self.engines.append(engine)
        return engine

    def laptop(self, name: str) -> Store:
        source, key = self.template
        path = self.folder / f"{name}.db"
        shutil.copyfile(source, path)
        keys.store_key(path, key)
        store = open_store(path, clock=self.clock)
        with store.write() as uow:
            outbox.new_device(uow.session)
        self.laptops.append(store)
        return store

    def close(self) -> None:
        for store in self.laptops:
            store.close()
        for engine in [*self.engines, self.admin]:
            engine.dispose()


def new_team(pg: PgServer, template: tuple[Path, bytes], folder: Path, clock: FixedClock) -> Team:
    for user in ("ana", "budi", "citra"):
        pg.new_user(user, f"{user}-secret")
    pg.new_user("lena", "lena-secret", lead=True)
    admin_url = pg.new_database()
    admin = prepare_server(admin_url)
    database = make_url(admin_url).database or ""
    # A test's server need not survive a power cut: commits without waiting for the disk.
    pg.execute(f"ALTER DATABASE {database} SET synchronous_commit = off")
    return Team(pg, admin, database, template, folder, clock)
