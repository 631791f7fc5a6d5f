"""A team for the sync tests: one server database prepared by ``init_server`` and laptops
(encrypted local databases opened through the real store), each laptop's user a
PostgreSQL login role (ana, budi, citra; lena a lead).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

from models.clock import FixedClock
from models.server.schema import init_server
from models.store import Store, open_store
from models.sync import outbox
from models.vault import keys
from tests.pg_server import PgServer


def prepare_server(pg: PgServer, database: str) -> Engine:
    """The server database as ``python main.py server init`` makes it."""
    init_server(pg.url(database), pg.admin_password)
    return create_engine(pg.sqlalchemy_url(database))


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
            outbox.start_recording(uow.session)
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
    database = make_url(pg.new_database()).database or ""
    admin = prepare_server(pg, database)
    # A test's server need not survive a power cut: commits without waiting for the disk.
    pg.execute(f"ALTER DATABASE {database} SET synchronous_commit = off")
    return Team(pg, admin, database, template, folder, clock)
