"""Opening the database a user named (``--db`` / RELASI_DB / the default), for every front end.

The command line and the window both open through here, so the safe-open path
(backup before migrating, refusing a too-new file) and ``--demo`` behave the same.
"""

from __future__ import annotations

from pathlib import Path

from models.paths import resolve_db_path
from models.store import Store
from models.vault.safe_open import open_quickly, open_with_safety


def open_database(db: str | None, *, demo: bool = False, quick: bool = False) -> Store:
    """Open the database at ``db`` (or the default), filling it with demo data if ``demo``.

    ``quick`` (the window): the integrity check and the Trash purge are left to
    ``models.vault.safe_open.finish_open``, and writes wait for it (see open_quickly).
    """
    path = Path(resolve_db_path(db))
    if quick and not demo:
        return open_quickly(path)
    store = open_with_safety(path)
    if demo:
        from models.demo import fill_demo

        try:
            fill_demo(store)
        except BaseException:
            store.close()
            raise
    return store
